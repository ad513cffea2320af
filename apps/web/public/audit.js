// What treasurers, coordinators and auditors read: the financing report; and what an auditor checks.
import { $, api, hubPath, session } from './api.js';

$('verify').addEventListener('click', async () => {
  $('verify-result').textContent = 'Checking every hash chain…';
  try {
    const report = await api('GET', '/audit/verify');
    $('verify-result').textContent = report.ok
      ? `Every hash chain holds: ${report.events} events checked. Fingerprint ${report.fingerprint}`
      : `PROBLEM at position ${report.problems[0].position}: ${report.problems[0].problem}`;
  } catch (error) {
    $('verify-result').textContent = error.message;
  }
});

/** The report as of the chosen day (its end), and a chart of the six month-ends before it. */
$('report-load').addEventListener('click', async () => {
  const day = $('report-as-of').value || new Date().toISOString().slice(0, 10);
  const asOf = `${day}T23:59:59Z`;
  const report = await api('GET', `${hubPath()}/reports/financing?asOf=${asOf}`);
  const figures = [
    ['Money given', report.contributions.money.total],
    ['Volunteer hours', report.contributions.volunteerHours.hours],
    ['Savings', report.pool.savings],
    ['Pool cash', report.pool.cash],
    ['Loans outstanding', report.pool.loansOutstanding],
    ['Arrears', report.pool.arrears],
    ['Hours exchanged', report.timeBank.hoursExchanged],
    ['Aid fund', report.funds.aid],
    [`Aid paid (${report.aid.paid.count})`, report.aid.paid.total],
  ];
  $('report-figures').replaceChildren(
    ...figures.map(([label, value]) => {
      const box = document.createElement('div');
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = value;
      box.append(dt, dd);
      return box;
    }),
  );
  $('report-projects').hidden = report.projects.length === 0;
  $('report-project-rows').replaceChildren(
    ...report.projects.map((project) => {
      const row = document.createElement('tr');
      for (const text of [project.name, project.budget, project.financed.total, project.spent, project.unfinanced]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }),
  );
  const months = [5, 4, 3, 2, 1, 0].map((back) => {
    const end = new Date(`${day}T00:00:00Z`);
    end.setUTCDate(1);
    end.setUTCMonth(end.getUTCMonth() - back + 1);
    end.setUTCDate(0);
    return `${end.toISOString().slice(0, 10)}T23:59:59Z`;
  });
  const points = await Promise.all(
    months.map((moment) =>
      api('GET', `${hubPath()}/reports/financing?asOf=${moment}`).then(
        (r) => [Number(r.pool.cash), Number(r.pool.loansOutstanding)], // only to scale a drawing, never to count
        () => [0, 0], // the hub did not exist yet
      ),
    ),
  );
  const top = Math.max(1, ...points.flat());
  const line = (index, color) => {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    path.setAttribute('points', points.map((p, i) => `${10 + i * 60},${110 - (100 * p[index]) / top}`).join(' '));
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', color);
    path.setAttribute('stroke-width', '3');
    return path;
  };
  $('report-chart').replaceChildren(line(0, '#24492e'), line(1, '#b35c00'));
});

/** Every event of the hub as stored, page by page through the API, saved as JSON lines. */
$('journal').addEventListener('click', async () => {
  const lines = [];
  let after = 0;
  for (;;) {
    const page = await api('GET', `${hubPath()}/audit/events?after=${after}&limit=1000`);
    for (const event of page.events) lines.push(JSON.stringify(event));
    if (page.next === null) break;
    after = page.next;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([`${lines.join('\n')}\n`], { type: 'application/x-ndjson' }));
  link.download = `${session.get().hubId}-journal.jsonl`;
  link.click();
  $('journal-result').textContent = `Downloaded ${lines.length} events.`;
});
