// The financing report as of any day, in words and figures, with a chart of the six month-ends
// before it (axes, months and values), and each project's money.
import { api, hubPath } from '../lib/api.js';
import { money } from '../lib/amounts.js';
import { html, useState } from '../lib/html.js';
import { explain } from '../lib/problems.js';

const MONTHS_SHOWN = 6;

/** The last moment of each of the `count` months up to the one holding `day`. */
function monthEnds(day, count) {
  const [year, month] = day.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const end = new Date(Date.UTC(year, month - (count - 1 - i), 0, 23, 59, 59));
    return end.toISOString().replace('.000', '');
  });
}

export function Reports({ t, person }) {
  const today = new Date().toISOString().slice(0, 10);
  const [day, setDay] = useState(today);
  const [report, setReport] = useState(null);
  const [chart, setChart] = useState([]);
  const [problem, setProblem] = useState('');
  const currency = person.currency;

  const show = async (event) => {
    event?.preventDefault();
    setProblem('');
    if (day < person.hubCreatedAt.slice(0, 10)) {
      setReport(null);
      setChart([]);
      return setProblem(t('reports.beforeHub', { date: person.hubCreatedAt.slice(0, 10) }));
    }
    try {
      setReport(await api('GET', hubPath(`/reports/financing?asOf=${day}T23:59:59Z`)));
      const points = await Promise.all(
        monthEnds(day, MONTHS_SHOWN).map((moment) =>
          moment < person.hubCreatedAt
            ? { moment, cash: '0', loans: '0' } // the hub did not exist yet: nothing held, nothing lent
            : api('GET', hubPath(`/reports/financing?asOf=${moment}`)).then((r) => ({ moment, cash: r.pool.cash, loans: r.pool.loansOutstanding })),
        ),
      );
      setChart(points);
    } catch (refusal) {
      setProblem(explain(t, refusal).message);
    }
  };

  const figures = report
    ? [
        ['reports.moneyGiven', money(report.contributions.money.total, currency)],
        ['reports.volunteerHours', report.contributions.volunteerHours.hours],
        ['reports.savings', money(report.pool.savings, currency)],
        ['reports.cash', money(report.pool.cash, currency)],
        ['reports.loans', money(report.pool.loansOutstanding, currency)],
        ['reports.arrears', money(report.pool.arrears, currency)],
        ['reports.hours', report.timeBank.hoursExchanged],
        ['reports.aidFund', money(report.funds.aid, currency)],
        ['reports.aidPaid', `${money(report.aid.paid.total, currency)} (${report.aid.paid.count})`],
      ]
    : [];
  return html`<section aria-labelledby="reports-title">
    <h2 id="reports-title">${t('reports.title')}</h2>
    <form onSubmit=${show} novalidate>
      <label for="report-day">${t('reports.asOf')}</label>
      <input id="report-day" type="date" value=${day} max=${today} onInput=${(e) => setDay(e.target.value || today)} />
      <button type="submit">${t('reports.show')}</button>
    </form>
    <p class="problem" role="alert">${problem}</p>
    ${report
      ? html`<dl class="figures" id="report-figures">${figures.map(([key, value]) => html`<div><dt>${t(key)}</dt><dd>${value}</dd></div>`)}</dl>
        ${report.timeBank.hoursByCategory.length
          ? html`<h3>${t('reports.byCategory')}</h3>
            <table><tbody>${report.timeBank.hoursByCategory.map((c) => html`<tr><td>${c.name ?? t('record.category.none')}</td><td class="number">${c.hours}</td></tr>`)}</tbody></table>`
          : null}
        <h3>${t('reports.chart', { currency })}</h3>
        <${Chart} t=${t} points=${chart} />
        ${report.projects.length
          ? html`<h3>${t('reports.projects')}</h3>
            <table id="report-projects">
              <thead><tr><th>${t('reports.project')}</th><th class="number">${t('reports.budget', { currency })}</th><th class="number">${t('reports.financed', { currency })}</th><th class="number">${t('reports.spent', { currency })}</th><th class="number">${t('reports.toFind', { currency })}</th></tr></thead>
              <tbody>${report.projects.map((p) => html`<tr><td>${p.name}</td><td class="number">${p.budget}</td><td class="number">${p.financed.total}</td><td class="number">${p.spent}</td><td class="number">${p.unfinanced}</td></tr>`)}</tbody>
            </table>`
          : null}`
      : null}
  </section>`;
}

const W = 640;
const H = 260;
const LEFT = 70;
const BOTTOM = 40;
const TOP = 20;

/** Two lines over the month-ends, a labelled value at each point, the months along the bottom. */
function Chart({ t, points }) {
  if (points.length === 0) return null;
  // drawing only: Number() places a point on the picture, it never counts money
  const top = Math.max(1, ...points.flatMap((p) => [Number(p.cash), Number(p.loans)]));
  const x = (i) => LEFT + (i * (W - LEFT - 20)) / Math.max(1, points.length - 1);
  const y = (value) => TOP + (H - TOP - BOTTOM) * (1 - Number(value) / top);
  const month = (moment) => moment.slice(0, 7);
  const series = [
    { key: 'cash', label: t('reports.cash'), className: 'line-cash' },
    { key: 'loans', label: t('reports.loans'), className: 'line-loans' },
  ];
  return html`<figure class="chart">
    <svg id="report-chart" viewBox=${`0 0 ${W} ${H}`} role="img" aria-labelledby="report-chart-caption">
      <line class="axis" x1=${LEFT} y1=${TOP} x2=${LEFT} y2=${H - BOTTOM} />
      <line class="axis" x1=${LEFT} y1=${H - BOTTOM} x2=${W - 10} y2=${H - BOTTOM} />
      <text class="tick" x=${LEFT - 6} y=${y(top) + 4} text-anchor="end">${top.toFixed(0)}</text>
      <text class="tick" x=${LEFT - 6} y=${H - BOTTOM + 4} text-anchor="end">0</text>
      ${points.map((p, i) => html`<text class="tick" x=${x(i)} y=${H - BOTTOM + 18} text-anchor="middle">${month(p.moment)}</text>`)}
      ${series.map(
        (s) => html`<g class=${s.className}>
          <polyline fill="none" stroke-width="3" points=${points.map((p, i) => `${x(i)},${y(p[s.key])}`).join(' ')} />
          ${points.map((p, i) => html`<text class="value" x=${x(i)} y=${y(p[s.key]) - 6} text-anchor="middle">${p[s.key]}</text>`)}
        </g>`,
      )}
    </svg>
    <figcaption id="report-chart-caption">${series.map((s) => html`<span class=${`key ${s.className}`}>${s.label}</span> `)}</figcaption>
  </figure>`;
}
