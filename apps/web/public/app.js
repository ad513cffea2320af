// The member's page: everything goes through the public HTTP API with the member's own token.
const $ = (id) => document.getElementById(id);
const session = {
  get: () => JSON.parse(sessionStorage.getItem('commons') ?? 'null'),
  set: (value) => sessionStorage.setItem('commons', JSON.stringify(value)),
  clear: () => sessionStorage.removeItem('commons'),
};

// Problems from the API, in plain words, and the field each one belongs to.
const PLAIN = {
  credit_limit_exceeded: ['pay-hours', 'That would take you past your credit limit.'],
  balance_limit_exceeded: ['pay-hours', 'That would take them past the most hours anyone may hold.'],
  not_found: ['pay-to', 'There is no member with that id in your hub.'],
  invalid_state: ['pay-to', 'That member cannot take part in payments right now.'],
  unauthenticated: ['sign-in-error', 'That token is not valid here. Ask your coordinator for a new one.'],
  forbidden: ['sign-in-error', 'Your token does not allow this.'],
};

async function api(method, path, body, extraHeaders = {}) {
  const { token } = session.get() ?? {};
  const response = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...extraHeaders },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(data.detail ?? response.statusText), { problem: data });
  return data;
}

function show(signedIn, roles = []) {
  $('sign-in').hidden = signedIn;
  $('account').hidden = !signedIn || !roles.includes('member');
  $('treasurer').hidden = !signedIn || !roles.includes('treasurer');
  $('auditor').hidden = !signedIn || !roles.includes('auditor');
  $('coordinator').hidden = !signedIn || !roles.includes('coordinator');
  $('report').hidden = !signedIn || !roles.some((role) => ['treasurer', 'coordinator', 'auditor'].includes(role));
  $('sign-out').hidden = !signedIn;
}

/** Signs in: who am I in this hub, then what each of my roles shows. */
async function enter() {
  const { hubId } = session.get();
  const me = await api('GET', `/hubs/${encodeURIComponent(hubId)}/me`);
  if (me.roles.includes('member')) await refresh();
  if (me.roles.includes('treasurer')) await Promise.all([loadQueue(), loadBook()]);
  show(true, me.roles);
  return me;
}

/** Loans waiting for this treasurer: applied, not their own, not yet approved by them. */
async function loadQueue() {
  const { hubId, memberId } = session.get();
  const hub = `/hubs/${encodeURIComponent(hubId)}`;
  const { loans } = await api('GET', `${hub}/pool/loans?status=applied&limit=100`);
  const waiting = loans.filter((loan) => loan.borrowerId !== memberId && !loan.approvals.some((a) => a.treasurerId === memberId));
  $('queue-empty').hidden = waiting.length > 0;
  $('queue').replaceChildren(
    ...waiting.map((loan) => {
      const item = document.createElement('li');
      const text = document.createElement('p');
      text.textContent = `${loan.borrowerId} asks for ${loan.principal} over ${loan.termMonths} months at ${loan.annualInterestRate}: ${loan.purpose} (${loan.approvals.length} approval${loan.approvals.length === 1 ? '' : 's'} so far)`;
      const label = document.createElement('label');
      label.textContent = `Note on ${loan.borrowerId}'s loan`;
      const note = document.createElement('input');
      note.id = `note-${loan.loanId}`;
      label.htmlFor = note.id;
      const approve = document.createElement('button');
      approve.type = 'button';
      approve.textContent = `Approve ${loan.borrowerId}'s loan`;
      const reject = document.createElement('button');
      reject.type = 'button';
      reject.textContent = `Reject ${loan.borrowerId}'s loan`;
      const error = document.createElement('p');
      error.className = 'error';
      error.setAttribute('role', 'alert');
      const decide = async (path, body) => {
        if (!note.value.trim()) {
          error.textContent = 'Write a note: every decision says why.';
          return;
        }
        try {
          const result = await api('POST', `${hub}/pool/loans/${loan.loanId}/${path}`, body);
          $('queue-done').textContent = `Loan of ${loan.borrowerId}: ${result.status}.`;
          await loadQueue();
        } catch (failure) {
          error.textContent = failure.message;
        }
      };
      approve.addEventListener('click', () => decide('approvals', { note: note.value.trim() }));
      reject.addEventListener('click', () => decide('rejections', { reason: note.value.trim() }));
      item.append(text, label, note, approve, reject, error);
      return item;
    }),
  );
}

async function refresh(minPosition) {
  const { hubId, memberId } = session.get();
  const wait = minPosition ? `?minPosition=${minPosition}` : '';
  const base = `/hubs/${encodeURIComponent(hubId)}/members/${encodeURIComponent(memberId)}`;
  const balance = await api('GET', `${base}/balance${wait}`);
  $('hours-balance').textContent = balance.hours.balance;
  $('hours-limit').textContent = balance.hours.creditLimit;
  $('hours-available').textContent = balance.hours.available;
  $('savings').textContent = balance.savings.balance;
  $('loans').textContent = balance.loans.outstanding;
  const statement = await api('GET', `${base}/statement?account=hours&limit=50${minPosition ? `&minPosition=${minPosition}` : ''}`);
  $('statement').replaceChildren(
    ...statement.entries.reverse().map((entry) => {
      const row = document.createElement('tr');
      for (const text of [entry.at.slice(0, 10), entry.counterparty ?? '', entry.memo ?? '', entry.amount, entry.balance]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }),
  );
  return balance;
}

function clearErrors() {
  for (const id of ['pay-to-error', 'pay-hours-error', 'sign-in-error']) $(id).textContent = '';
}

function explain(error, fallbackField) {
  const code = error.problem?.code;
  const [field, text] = PLAIN[code] ?? [fallbackField, error.message];
  $(field.endsWith('-error') ? field : `${field}-error`).textContent = text;
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  session.set({ hubId: $('hub').value.trim(), memberId: $('member').value.trim(), token: $('token').value.trim() });
  try {
    const me = await enter();
    if (me.roles.includes('member')) $('pay-to').focus();
  } catch (error) {
    session.clear();
    explain(error, 'sign-in-error');
  }
});

let pending = null;
$('pay-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  const hours = $('pay-hours').value.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(hours) || Number(hours) === 0) {
    $('pay-hours-error').textContent = 'Hours are a number above zero, at most two decimals, such as 1.5.';
    return;
  }
  const balance = $('hours-balance').textContent;
  const after = (Math.round(Number(balance) * 100) - Math.round(Number(hours) * 100)) / 100;
  pending = { toMemberId: $('pay-to').value.trim(), hours, memo: $('pay-memo').value, key: crypto.randomUUID() };
  $('pay-confirm-text').textContent = `Pay ${pending.toMemberId} ${hours} hours? Your balance after: ${after.toFixed(2)}.`;
  $('pay-confirm').hidden = false;
  $('pay-yes').focus();
});

$('pay-no').addEventListener('click', () => {
  $('pay-confirm').hidden = true;
  pending = null;
  $('pay-hours').focus();
});

$('pay-yes').addEventListener('click', async () => {
  const { hubId, memberId } = session.get();
  $('pay-confirm').hidden = true;
  try {
    const { position } = await api(
      'POST',
      `/hubs/${encodeURIComponent(hubId)}/timebank/transfers`,
      { fromMemberId: memberId, toMemberId: pending.toMemberId, hours: pending.hours, ...(pending.memo ? { memo: pending.memo } : {}) },
      { 'idempotency-key': pending.key },
    );
    await refresh(position);
    $('pay-done').textContent = `Paid ${pending.toMemberId} ${pending.hours} hours.`;
    $('pay-form').reset();
  } catch (error) {
    explain(error, 'pay-hours');
  }
  pending = null;
});

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

const hubPath = () => `/hubs/${encodeURIComponent(session.get().hubId)}`;

$('enrol-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('enrol-error').textContent = '';
  const roles = $('enrol-treasurer').checked ? ['member', 'treasurer'] : ['member'];
  try {
    const { memberId, token } = await api('POST', `${hubPath()}/members`, { memberId: $('enrol-id').value.trim(), displayName: $('enrol-name').value.trim(), roles });
    // shown once: the ledger keeps only its hash
    $('enrol-token').textContent = `Token for ${memberId}, shown this once: ${token}`;
    $('enrol-form').reset();
  } catch (error) {
    $('enrol-error').textContent = error.message;
  }
});

$('contribution-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('contribution-error').textContent = '';
  try {
    const body = {
      memberId: $('contribution-member').value.trim(),
      kind: $('contribution-kind').value,
      amount: $('contribution-amount').value.trim(),
      description: $('contribution-description').value.trim(),
    };
    await api('POST', `${hubPath()}/contributions`, body, { 'idempotency-key': crypto.randomUUID() });
    $('contribution-done').textContent = `Recorded: ${body.kind} from ${body.memberId}.`;
    $('contribution-form').reset();
  } catch (error) {
    $('contribution-error').textContent = error.problem?.code === 'balance_limit_exceeded' ? "That is more hours than the hub's own time account may owe." : error.message;
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

$('loan-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('loan-error').textContent = '';
  try {
    const result = await api('POST', `${hubPath()}/pool/loans`, {
      borrowerId: session.get().memberId,
      principal: $('loan-principal').value.trim(),
      termMonths: Number.parseInt($('loan-months').value, 10),
      annualInterestRate: $('loan-rate').value.trim(),
      purpose: $('loan-purpose').value.trim(),
    }, { 'idempotency-key': crypto.randomUUID() });
    $('loan-done').textContent = `Your application is in: ${result.status}. Two treasurers will look at it.`;
    $('loan-form').reset();
  } catch (error) {
    $('loan-error').textContent = error.message;
  }
});

$('savings-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('savings-error').textContent = '';
  const plain = { insufficient_funds: 'That is more than the member has saved and free.', insufficient_liquidity: 'The pool does not hold that much cash.' };
  try {
    const result = await api('POST', `${hubPath()}/pool/${$('savings-kind').value}`, { memberId: $('savings-member').value.trim(), amount: $('savings-amount').value.trim() }, { 'idempotency-key': crypto.randomUUID() });
    $('savings-done').textContent = `${result.memberId} now has ${result.savings} saved.`;
    $('savings-form').reset();
  } catch (error) {
    $('savings-error').textContent = plain[error.problem?.code] ?? error.message;
  }
});

/** Approved loans to disburse and active ones to collect repayments on. */
async function loadBook() {
  const [approved, active] = await Promise.all(['approved', 'active'].map((status) => api('GET', `${hubPath()}/pool/loans?status=${status}&limit=100`)));
  $('book').replaceChildren(
    ...[...approved.loans, ...active.loans].map((loan) => {
      const item = document.createElement('li');
      const text = document.createElement('p');
      text.textContent = loan.status === 'approved'
        ? `${loan.borrowerId}: ${loan.principal} approved, not yet paid out`
        : `${loan.borrowerId}: ${loan.outstanding} outstanding, ${loan.arrears} in arrears`;
      const error = document.createElement('p');
      error.className = 'error';
      error.setAttribute('role', 'alert');
      const act = async (path, body) => {
        try {
          const result = await api('POST', `${hubPath()}/pool/loans/${loan.loanId}/${path}`, body, { 'idempotency-key': crypto.randomUUID() });
          $('book-done').textContent = `Loan of ${loan.borrowerId}: ${result.status}${result.outstanding ? `, ${result.outstanding} outstanding` : ''}.`;
          await loadBook();
        } catch (failure) {
          error.textContent = failure.problem?.code === 'insufficient_liquidity' ? 'The pool cannot pay this out now: its cash, less the reserve, is not enough.' : failure.message;
        }
      };
      if (loan.status === 'approved') {
        const pay = document.createElement('button');
        pay.type = 'button';
        pay.textContent = `Pay out ${loan.borrowerId}'s loan`;
        pay.addEventListener('click', () => act('disbursement', {}));
        item.append(text, pay, error);
      } else {
        const label = document.createElement('label');
        label.textContent = `Repayment from ${loan.borrowerId}`;
        const amount = document.createElement('input');
        amount.id = `repay-${loan.loanId}`;
        amount.inputMode = 'decimal';
        label.htmlFor = amount.id;
        const repay = document.createElement('button');
        repay.type = 'button';
        repay.textContent = `Record ${loan.borrowerId}'s repayment`;
        repay.addEventListener('click', () => act('repayments', { amount: amount.value.trim() }));
        item.append(text, label, amount, repay, error);
      }
      return item;
    }),
  );
}

$('change-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('change-error').textContent = '';
  const body = {};
  const limit = $('change-limit').value.trim();
  if (limit) body.creditLimit = limit;
  const roles = ['member', 'treasurer', 'coordinator', 'auditor'].filter((role) => $(`role-${role}`).checked);
  if (roles.length > 0) body.roles = roles;
  try {
    const member = await api('PATCH', `${hubPath()}/members/${encodeURIComponent($('change-id').value.trim())}`, body);
    $('change-done').textContent = `${member.memberId}: credit limit ${member.creditLimit ?? 'the hub default'}, roles ${member.roles.join(', ')}.`;
    $('change-form').reset();
  } catch (error) {
    $('change-error').textContent = error.message;
  }
});

$('sign-out').addEventListener('click', () => {
  session.clear();
  show(false);
});

if (session.get()) enter().catch(() => show(false));
