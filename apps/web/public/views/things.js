// The hub's shared things: browse and search the tool library, hold a thing (or leave its queue),
// see one's loans with their due dates; a coordinator's desk lends, takes back and lists what is late.
import { api, hubPath } from '../lib/api.js';
import { html, useState } from '../lib/html.js';
import { useLoad } from '../lib/load.js';
import { explain } from '../lib/problems.js';
import { dayOf } from '../lib/days.js';
import { Lending } from './lending.js';

/** What a thing's status says to a neighbour, in a sentence. */
export function standing(t, thing, person) {
  switch (thing.status) {
    case 'on_loan':
      return t('things.status.on_loan', { date: dayOf(thing.dueAt) });
    case 'on_hold':
      return thing.turn.memberId === person.memberId ? t('things.status.yourTurn', { date: dayOf(thing.turn.until) }) : t('things.status.on_hold', { name: thing.turn.displayName, date: dayOf(thing.turn.until) });
    default:
      return t(`things.status.${thing.status}`);
  }
}

export function Things({ t, person }) {
  const [filter, setFilter] = useState({ q: '', available: false });
  // after an action, lists are read as of its answer
  const [position, setPosition] = useState(0);
  const [said, setSaid] = useState({ text: '', problem: false });
  const catalogue = useLoad(() => {
    const query = new URLSearchParams({ limit: '100', ...(position ? { minPosition: String(position) } : {}) });
    if (filter.q.trim()) query.set('q', filter.q.trim());
    if (filter.available) query.set('available', 'true');
    return api('GET', hubPath(`/things?${query}`)).then((page) => page.things);
  }, [filter.q, filter.available, position]);
  const mine = useLoad(
    () => (person.roles.includes('member') ? api('GET', hubPath(`/members/${encodeURIComponent(person.memberId)}/things${position ? `?minPosition=${position}` : ''}`)) : null),
    [position],
  );
  const done = (text, answer) => {
    setSaid({ text, problem: false });
    setPosition(answer.position);
  };
  const refused = (refusal, names = {}) => {
    setSaid({ text: explain(t, refusal, { names, messages: { invalid_state: t('things.notNow') } }).message, problem: true });
    // read again: the thing may have changed meanwhile
    catalogue.reload();
    mine.reload();
  };
  const problem = (text) => setSaid({ text, problem: true });
  const hold = async (thing) => {
    try {
      const held = await api('POST', hubPath(`/things/${encodeURIComponent(thing.thingId)}/holds`), {});
      done(held.status === 'on_hold' && held.place === 1 ? t('things.held.now', { name: thing.name }) : t('things.held', { name: thing.name, place: held.place }), held);
    } catch (refusal) {
      refused(refusal);
    }
  };
  const leave = async (thingId, name, holdId) => {
    try {
      done(t('things.left', { name }), await api('DELETE', hubPath(`/things/${encodeURIComponent(thingId)}/holds/${encodeURIComponent(holdId)}`)));
    } catch (refusal) {
      refused(refusal);
    }
  };
  const myHold = (thing) => thing.queue.find((hold) => hold.memberId === person.memberId);
  const isMember = person.roles.includes('member');

  return html`<section aria-labelledby="things-title">
    <h2 id="things-title">${t('things.title')}</h2>
    <p role="status" class=${said.problem ? 'problem' : 'done'}>${said.text}</p>
    ${mine.data ? html`<${MyThings} t=${t} mine=${mine.data} onLeave=${leave} />` : null}
    <h3>${t('things.catalogue')}</h3>
    <label for="things-q">${t('things.search')}</label>
    <input id="things-q" type="search" value=${filter.q} onInput=${(e) => setFilter({ ...filter, q: e.target.value })} />
    <label class="inline"><input type="checkbox" checked=${filter.available} onChange=${(e) => setFilter({ ...filter, available: e.target.checked })} /> ${t('things.availableOnly')}</label>
    ${catalogue.refusal ? html`<p class="problem">${explain(t, catalogue.refusal).message}</p>` : null}
    ${catalogue.data && catalogue.data.length === 0 ? html`<p>${t(filter.q.trim() || filter.available ? 'things.none' : 'things.empty')}</p>` : null}
    <ul class="choices">
      ${(catalogue.data ?? []).map((thing) => {
        const held = myHold(thing);
        const canHold = isMember && !held && thing.owner.memberId !== person.memberId && (thing.status === 'available' || thing.status === 'on_loan' || thing.status === 'on_hold');
        return html`<li class="card" key=${thing.thingId}>
          <p><strong>${thing.name}</strong></p>
          ${thing.description ? html`<p>${thing.description}</p>` : null}
          <p>${standing(t, thing, person)}</p>
          <p class="muted">${thing.owner.memberId === 'hub' ? t('things.ownerHub') : t('things.owner', { name: thing.owner.displayName })} · ${t('things.days', { days: thing.loanDays })}${thing.hoursPerLoan ? ` · ${t('things.costs', { hours: thing.hoursPerLoan })}` : ''}${thing.deposit ? ` · ${t('things.deposit', { amount: thing.deposit, currency: person.currency })}` : ''}</p>
          ${thing.queue.length > 0 ? html`<p class="muted">${t('things.waiting', { count: thing.queue.length })}</p>` : null}
          ${held ? html`<button type="button" class="quiet" onClick=${() => leave(thing.thingId, thing.name, held.holdId)}>${t('things.leave', { name: thing.name })}</button>` : null}
          ${canHold ? html`<button type="button" onClick=${() => hold(thing)}>${t('things.hold', { name: thing.name })}</button>` : null}
        </li>`;
      })}
    </ul>
    ${person.roles.includes('coordinator') ? html`<${Lending} t=${t} person=${person} things=${catalogue.data ?? []} position=${position} onDone=${done} onRefused=${refused} onProblem=${problem} />` : null}
  </section>`;
}

function MyThings({ t, mine, onLeave }) {
  if (mine.loans.length === 0 && mine.holds.length === 0) return html`<p class="muted">${t('things.mine.none')}</p>`;
  return html`<h3>${t('things.mine')}</h3>
    <ul class="choices">
      ${mine.loans.map(
        (loan) => html`<li class="card" key=${loan.loanId}>
          <p><strong>${loan.name}</strong></p>
          <p class=${loan.overdue ? 'warn' : ''}>${t(loan.overdue ? 'things.mine.overdue' : 'things.mine.due', { date: dayOf(loan.dueAt) })}</p>
        </li>`,
      )}
      ${mine.holds.map(
        (hold) => html`<li class="card" key=${hold.holdId}>
          <p><strong>${hold.name}</strong></p>
          <p>${hold.turnUntil ? t('things.status.yourTurn', { date: dayOf(hold.turnUntil) }) : t('things.mine.place', { place: hold.place })}</p>
          <button type="button" class="quiet" onClick=${() => onLeave(hold.thingId, hold.name, hold.holdId)}>${t('things.leave', { name: hold.name })}</button>
        </li>`,
      )}
    </ul>`;
}
