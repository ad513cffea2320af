// A coordinator's lending desk: lend a thing to the member whose turn it is (or anyone, when
// nobody waits), take one back with its condition, add a thing, and see what is overdue.
import { api, hubPath } from '../lib/api.js';
import { typedAmount } from '../lib/amounts.js';
import { html, useState } from '../lib/html.js';
import { useLoad } from '../lib/load.js';
import { MemberPicker } from '../lib/member-picker.js';
import { dayOf } from '../lib/days.js';

const CONDITIONS = ['good', 'worn', 'needs_repair'];

export function Lending({ t, person, things, position, onDone, onRefused, onProblem }) {
  const [thingId, setThingId] = useState('');
  const [borrower, setBorrower] = useState(null);
  const overdue = useLoad(() => api('GET', hubPath(`/things/overdue${position ? `?minPosition=${position}` : ''}`)).then((r) => r.overdue), [position]);
  const lendable = things.filter((thing) => thing.status === 'available' || thing.status === 'on_hold');
  const out = things.filter((thing) => thing.status === 'on_loan');
  const chosen = lendable.find((thing) => thing.thingId === thingId) ?? null;
  // the one whose turn it is comes first: the desk offers them, and the ledger refuses anyone else
  const choose = (event) => {
    const thing = lendable.find((candidate) => candidate.thingId === event.target.value) ?? null;
    setThingId(event.target.value);
    setBorrower(thing?.turn ? { memberId: thing.turn.memberId, displayName: thing.turn.displayName } : null);
  };

  const lend = async (event) => {
    event.preventDefault();
    if (!chosen) return onProblem(t('problem.validation_failed.field', { field: t('lending.thing'), hint: t('lending.pick') }));
    if (!borrower) return onProblem(t('problem.validation_failed.field', { field: t('lending.to'), hint: t('record.pickSomeone') }));
    try {
      const lent = await api('POST', hubPath(`/things/${encodeURIComponent(chosen.thingId)}/loans`), { memberId: borrower.memberId });
      setThingId('');
      setBorrower(null);
      onDone(t('lending.lent', { thing: chosen.name, name: borrower.displayName, date: dayOf(lent.dueAt) }), lent);
    } catch (refusal) {
      onRefused(refusal, { payer: borrower.displayName });
    }
  };
  const takeBack = async (event, thing) => {
    event.preventDefault();
    const form = event.currentTarget;
    const condition = form.elements.condition.value;
    try {
      const back = await api('POST', hubPath(`/things/${encodeURIComponent(thing.thingId)}/return`), { condition, note: form.elements.note.value.trim() });
      onDone(t(back.status === 'in_repair' ? 'lending.backToRepair' : 'lending.back', { thing: thing.name }), back);
    } catch (refusal) {
      onRefused(refusal);
    }
  };
  const add = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = form.elements.name.value.trim();
    const days = Number(form.elements.loanDays.value);
    const hours = form.elements.hoursPerLoan.value.trim();
    if (!name) return onProblem(t('problem.validation_failed.field', { field: t('lending.add.name'), hint: t('lending.add.nameNeeded') }));
    if (hours && !typedAmount(hours)) return onProblem(t('problem.validation_failed.field', { field: t('lending.add.hours'), hint: t('record.badHours') }));
    const slug = name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'thing';
    const body = { thingId: `${slug}-${Math.random().toString(36).slice(2, 6)}`, name, description: form.elements.description.value.trim(), owner: 'hub', loanDays: Number.isInteger(days) && days > 0 ? days : 7, ...(hours ? { hoursPerLoan: typedAmount(hours) } : {}) };
    try {
      const added = await api('POST', hubPath('/things'), body);
      form.reset();
      onDone(t('lending.added', { thing: name }), added);
    } catch (refusal) {
      onRefused(refusal);
    }
  };

  return html`<div class="tools">
    <form onSubmit=${lend} novalidate>
      <h3>${t('lending.title')}</h3>
      <label for="lend-thing">${t('lending.thing')}</label>
      <select id="lend-thing" value=${thingId} onChange=${choose}>
        <option value="">${t('lending.pick')}</option>
        ${lendable.map((thing) => html`<option value=${thing.thingId}>${thing.turn ? t('lending.heldFor', { thing: thing.name, name: thing.turn.displayName }) : thing.name}</option>`)}
      </select>
      <${MemberPicker} t=${t} id="lend-to" label=${t('lending.to')} chosen=${borrower} onChoose=${setBorrower} exclude=${[person.memberId]} />
      ${chosen?.hoursPerLoan ? html`<p class="muted">${t('lending.costs', { hours: chosen.hoursPerLoan })}</p>` : null}
      <button type="submit">${t('lending.submit')}</button>
    </form>
    <div>
      <h3>${t('lending.out')}</h3>
      ${out.length === 0 ? html`<p class="muted">${t('lending.none')}</p>` : null}
      ${out.map(
        (thing) => html`<form class="card" key=${thing.thingId} onSubmit=${(event) => takeBack(event, thing)} novalidate>
          <p><strong>${thing.name}</strong> · ${t('things.status.on_loan', { date: dayOf(thing.dueAt) })}</p>
          <label for=${`condition-${thing.thingId}`}>${t('lending.condition')}</label>
          <select id=${`condition-${thing.thingId}`} name="condition">${CONDITIONS.map((c) => html`<option value=${c}>${t(`lending.condition.${c}`)}</option>`)}</select>
          <label for=${`note-${thing.thingId}`}>${t('lending.note')}</label>
          <input id=${`note-${thing.thingId}`} name="note" maxlength="500" />
          <button type="submit">${t('lending.takeBack', { thing: thing.name })}</button>
        </form>`,
      )}
    </div>
    <div>
      <h3>${t('lending.overdue')}</h3>
      ${overdue.data && overdue.data.length === 0 ? html`<p class="muted">${t('lending.overdue.none')}</p>` : null}
      <ul class="choices">
        ${(overdue.data ?? []).map((loan) => html`<li class="card" key=${loan.loanId}><p class="warn">${t('lending.overdue.line', { thing: loan.name, name: loan.borrower.displayName, date: dayOf(loan.dueAt), days: loan.daysOverdue })}</p></li>`)}
      </ul>
    </div>
    <form onSubmit=${add} novalidate>
      <h3>${t('lending.add')}</h3>
      <label for="add-name">${t('lending.add.name')}</label><input id="add-name" name="name" maxlength="120" />
      <label for="add-description">${t('lending.add.description')}</label><textarea id="add-description" name="description" rows="2" maxlength="2000"></textarea>
      <label for="add-days">${t('lending.add.days')}</label><input id="add-days" name="loanDays" inputmode="numeric" value="7" />
      <label for="add-hours">${t('lending.add.hours')}</label><input id="add-hours" name="hoursPerLoan" inputmode="decimal" />
      <button type="submit">${t('lending.add.submit')}</button>
    </form>
  </div>`;
}
