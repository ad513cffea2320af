// The savings pool. A member: their savings and loans, and a loan application with the interest
// typed as a percentage. A treasurer besides: the pool's figures, loans waiting for their word
// (never their own, never twice), savings recorded for someone chosen by name, loans to pay out
// and repayments to record; every list read again, as of the decision, after each one.
import { api, hubPath } from '../lib/api.js';
import { atPlaces, money, percentOf, typedAmount, typedPercent } from '../lib/amounts.js';
import { html, useState } from '../lib/html.js';
import { useLoad } from '../lib/load.js';
import { MemberPicker } from '../lib/member-picker.js';
import { explain } from '../lib/problems.js';

const since = (position) => (position ? `&minPosition=${position}` : '');

export function Pool({ t, person }) {
  const treasurer = person.roles.includes('treasurer');
  const [position, setPosition] = useState(0);
  const [said, setSaid] = useState({ text: '', problem: false });
  const pool = useLoad(() => (person.roles.some((r) => ['treasurer', 'coordinator', 'auditor'].includes(r)) ? api('GET', hubPath(`/pool?${since(position)}`)) : null), [position]);
  const loans = useLoad(() => api('GET', hubPath(`/pool/loans?limit=200${since(position)}`)).then((r) => r.loans), [position]);
  const balance = useLoad(() => (person.roles.includes('member') ? api('GET', hubPath(`/members/${encodeURIComponent(person.memberId)}/balance?${since(position)}`)) : null), [position]);
  const currency = person.currency;
  const done = (text, at) => {
    setSaid({ text, problem: false });
    setPosition(at);
  };
  const refused = (refusal, context = {}) => setSaid({ text: explain(t, refusal, context).message, problem: true });
  // a mistake caught before anything is sent: which field, and how it should be
  const wrong = (field, hint) => setSaid({ text: t('problem.validation_failed.field', { field, hint }), problem: true });

  const all = loans.data ?? [];
  const mine = all.filter((loan) => loan.borrowerId === person.memberId);
  const waiting = all.filter((loan) => loan.status === 'applied' && loan.borrowerId !== person.memberId && !loan.approvals.some((a) => a.treasurerId === person.memberId));
  const book = all.filter((loan) => loan.status === 'approved' || loan.status === 'active');

  return html`<section aria-labelledby="pool-title">
    <h2 id="pool-title">${t('pool.title')}</h2>
    <p role="status" id="pool-said" class=${said.problem ? 'problem' : 'done'}>${said.text}</p>
    ${pool.data
      ? html`<dl class="figures">
          ${[['pool.savings', pool.data.savings], ['pool.cash', pool.data.cash], ['pool.reserve', pool.data.reserve], ['pool.available', pool.data.available], ['pool.outstanding', pool.data.loans.outstanding], ['pool.arrears', pool.data.loans.arrears]].map(
            ([key, amount]) => html`<div><dt>${t(key)}</dt><dd>${money(amount, currency)}</dd></div>`,
          )}
        </dl>`
      : null}
    ${balance.data
      ? html`<h3>${t('pool.yours')}</h3>
        <p>${t('pool.yourSavings', { amount: money(balance.data.savings.balance, currency) })} ${t('pool.yourLoans', { amount: money(balance.data.loans.outstanding, currency) })}</p>
        ${mine.map((loan) => html`<p class="card" key=${loan.loanId}>${t(`pool.mine.${loan.status}`, { amount: money(loan.principal, currency), purpose: loan.purpose, outstanding: money(loan.outstanding, currency) })}</p>`)}
        <${Apply} t=${t} person=${person} done=${done} refused=${refused} wrong=${wrong} />`
      : null}
    ${treasurer
      ? html`<h3>${t('pool.waiting')}</h3>
        ${waiting.length === 0 ? html`<p id="pool-queue-empty">${t('pool.nothingWaiting')}</p>` : null}
        ${waiting.map((loan) => html`<${Decide} key=${loan.loanId} t=${t} loan=${loan} currency=${currency} done=${done} refused=${refused} />`)}
        <${Savings} t=${t} currency=${currency} done=${done} refused=${refused} wrong=${wrong} />
        <h3>${t('pool.book')}</h3>
        ${book.length === 0 ? html`<p>${t('pool.bookEmpty')}</p>` : null}
        ${book.map((loan) => html`<${Collect} key=${loan.loanId} t=${t} person=${person} loan=${loan} currency=${currency} done=${done} refused=${refused} wrong=${wrong} />`)}`
      : null}
  </section>`;
}

function Apply({ t, person, done, refused, wrong }) {
  const submit = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const value = (name) => form.elements[name].value.trim();
    const principal = typedAmount(value('principal'));
    const rate = typedPercent(value('rate'));
    if (!principal) return wrong(t('pool.apply.amount'), t('pool.apply.amountHint'));
    if (rate === null) return wrong(t('pool.apply.rate'), t('pool.apply.rateHint'));
    try {
      const body = { borrowerId: person.memberId, principal, termMonths: Number.parseInt(value('months'), 10), annualInterestRate: rate, purpose: value('purpose') };
      const applied = await api('POST', hubPath('/pool/loans'), body);
      // the amount as the ledger recorded it, at its currency's places
      const loan = await api('GET', hubPath(`/pool/loans/${encodeURIComponent(applied.loanId)}?minPosition=${applied.position}`));
      form.reset();
      done(t('pool.applied', { amount: money(loan.principal, person.currency) }), applied.position);
    } catch (refusal) {
      refused(refusal, { fields: { termMonths: { label: t('pool.apply.months'), hint: t('pool.apply.monthsHint') }, purpose: { label: t('pool.apply.purpose'), hint: t('record.memoNeeded') } } });
    }
  };
  return html`<form onSubmit=${submit} novalidate>
    <h3>${t('pool.apply')}</h3>
    <label for="loan-principal">${t('pool.apply.amount')}</label><input id="loan-principal" name="principal" inputmode="decimal" />
    <label for="loan-months">${t('pool.apply.months')}</label><input id="loan-months" name="months" inputmode="numeric" />
    <label for="loan-rate">${t('pool.apply.rate')}</label><input id="loan-rate" name="rate" inputmode="decimal" value="0" />
    <label for="loan-purpose">${t('pool.apply.purpose')}</label><input id="loan-purpose" name="purpose" maxlength="500" />
    <button type="submit">${t('pool.apply.submit')}</button>
  </form>`;
}

function Decide({ t, loan, currency, done, refused }) {
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const name = loan.borrowerName;
  const decide = async (path) => {
    if (!note.trim()) return setProblem(t('pool.noteNeeded'));
    try {
      const decided = await api('POST', hubPath(`/pool/loans/${encodeURIComponent(loan.loanId)}/${path}`), path === 'approvals' ? { note: note.trim() } : { reason: note.trim() });
      done(t(`pool.decided.${decided.status}`, { name }), decided.position);
    } catch (refusal) {
      refused(refusal);
    }
  };
  const id = `note-${loan.loanId}`;
  return html`<div class="card">
    <p>${t('pool.asks', { name, amount: money(loan.principal, currency), months: loan.termMonths, rate: percentOf(loan.annualInterestRate), purpose: loan.purpose })}
      ${' '}${t('pool.approvalsSoFar', { count: loan.approvals.length })}</p>
    <label for=${id}>${t('pool.note', { name })}</label>
    <input id=${id} value=${note} onInput=${(e) => setNote(e.target.value)} />
    <p class="problem" role="alert">${problem}</p>
    <button type="button" onClick=${() => decide('approvals')}>${t('pool.approve', { name })}</button>
    ${' '}<button type="button" class="quiet" onClick=${() => decide('rejections')}>${t('pool.reject', { name })}</button>
  </div>`;
}

function Savings({ t, currency, done, refused, wrong }) {
  const [who, setWho] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const amount = typedAmount(form.elements.amount.value);
    const kind = form.elements.kind.value;
    if (!who) return wrong(t('pool.savings.who'), t('record.pickSomeone'));
    if (!amount) return wrong(t('pool.savings.amount'), t('pool.apply.amountHint'));
    try {
      const recorded = await api('POST', hubPath(`/pool/${kind}`), { memberId: who.memberId, amount });
      form.reset();
      setWho(null);
      done(t('pool.savings.done', { name: who.displayName, amount: money(recorded.savings, currency) }), recorded.position);
    } catch (refusal) {
      refused(refusal, { fields: { amount: { label: t('pool.savings.amount'), hint: t('pool.apply.amountHint') } } });
    }
  };
  return html`<form onSubmit=${submit} novalidate>
    <h3>${t('pool.savings.title')}</h3>
    <${MemberPicker} t=${t} id="savings-who" label=${t('pool.savings.who')} chosen=${who} onChoose=${setWho} />
    <label for="savings-amount">${t('pool.savings.amount')}</label><input id="savings-amount" name="amount" inputmode="decimal" />
    <label for="savings-kind">${t('pool.savings.kind')}</label>
    <select id="savings-kind" name="kind"><option value="deposits">${t('pool.savings.deposit')}</option><option value="withdrawals">${t('pool.savings.withdrawal')}</option></select>
    <button type="submit">${t('pool.savings.submit')}</button>
  </form>`;
}

function Collect({ t, person, loan, currency, done, refused, wrong }) {
  const [amount, setAmount] = useState('');
  const name = loan.borrowerName;
  const act = async (path, body) => {
    try {
      const result = await api('POST', hubPath(`/pool/loans/${encodeURIComponent(loan.loanId)}/${path}`), body);
      setAmount('');
      done(path === 'disbursement' ? t('pool.paidOut', { name, amount: money(loan.principal, currency) }) : t('pool.repaid', { name, outstanding: money(result.outstanding, currency) }), result.position);
    } catch (refusal) {
      const overpayment = body.amount ? t('pool.overpayment', { name, owed: money(loan.outstanding, currency), given: money(atPlaces(body.amount, person.currencyPlaces), currency) }) : '';
      refused(refusal, { messages: { overpayment, insufficient_liquidity: t('pool.cannotPayOut') } });
    }
  };
  if (loan.status === 'approved') {
    return html`<div class="card"><p>${t('pool.toPayOut', { name, amount: money(loan.principal, currency) })}</p>
      ${loan.borrowerId === person.memberId ? null : html`<button type="button" onClick=${() => act('disbursement', {})}>${t('pool.payOut', { name })}</button>`}</div>`;
  }
  const id = `repay-${loan.loanId}`;
  return html`<div class="card"><p>${t('pool.owes', { name, outstanding: money(loan.outstanding, currency), arrears: money(loan.arrears, currency) })}</p>
    <label for=${id}>${t('pool.repayment', { name })}</label>
    <input id=${id} inputmode="decimal" value=${amount} onInput=${(e) => setAmount(e.target.value)} />
    <button type="button" onClick=${() => (typedAmount(amount) ? act('repayments', { amount: typedAmount(amount) }) : wrong(t('pool.repayment', { name }), t('pool.apply.amountHint')))}>${t('pool.recordRepayment', { name })}</button></div>`;
}
