// A coordinator's tools: enrol a member (the token shown once), change a member's limit, roles or
// whether a coordinator acts for them, the hub's kinds of help, a group work day or class as one
// entry, and contributions. Changes to officers wait for a second officer (see Changes).
import { api, hubPath } from '../lib/api.js';
import { atPlaces, money, typedAmount } from '../lib/amounts.js';
import { html, useState } from '../lib/html.js';
import { useLoad } from '../lib/load.js';
import { MemberPicker } from '../lib/member-picker.js';
import { explain } from '../lib/problems.js';
import { Changes } from './changes.js';

const ROLES = ['member', 'treasurer', 'coordinator', 'auditor'];

export function Coordinator({ t, person }) {
  const [said, setSaid] = useState({ text: '', problem: false });
  const say = (text, problem = false) => setSaid({ text, problem });
  const refused = (refusal, context) => say(explain(t, refusal, context).message, true);
  const wrong = (field, hint) => say(t('problem.validation_failed.field', { field, hint }), true);
  const tools = { t, person, say, refused, wrong };
  return html`<section aria-labelledby="coordinator-title">
    <h2 id="coordinator-title">${t('coordinator.title')}</h2>
    <p role="status" id="coordinator-said" class=${said.problem ? 'problem' : 'done'}>${said.text}</p>
    <${Changes} t=${t} person=${person} />
    <div class="tools">
      <${Enrol} ...${tools} />
      <${ChangeMember} ...${tools} />
      <${WorkDay} ...${tools} />
      <${Categories} ...${tools} />
      <${Contribution} ...${tools} />
    </div>
  </section>`;
}

function Enrol({ t, say, refused, wrong }) {
  const [token, setToken] = useState('');
  const submit = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const memberId = form.elements.memberId.value.trim().toLowerCase();
    const displayName = form.elements.displayName.value.trim();
    const roles = ROLES.filter((role) => form.elements[`enrol-${role}`].checked);
    if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(memberId)) return wrong(t('coordinator.enrol.id'), t('coordinator.enrol.idHint'));
    if (!displayName) return wrong(t('coordinator.enrol.name'), t('record.memoNeeded'));
    try {
      const enrolled = await api('POST', hubPath('/members'), { memberId, displayName, roles: roles.length ? roles : ['member'] });
      form.reset();
      setToken(enrolled.token);
      say(enrolled.status === 'awaiting_confirmation' ? t('coordinator.enrol.waiting', { name: displayName }) : t('coordinator.enrol.done', { name: displayName }));
    } catch (refusal) {
      refused(refusal, { messages: { already_exists: t('coordinator.enrol.taken', { id: memberId }) } });
    }
  };
  return html`<form onSubmit=${submit} novalidate>
    <h3>${t('coordinator.enrol')}</h3>
    <label for="enrol-name">${t('coordinator.enrol.name')}</label><input id="enrol-name" name="displayName" maxlength="100" />
    <label for="enrol-id">${t('coordinator.enrol.id')}</label><input id="enrol-id" name="memberId" autocapitalize="none" />
    <fieldset><legend>${t('coordinator.roles')}</legend>
      ${ROLES.map((role) => html`<label><input type="checkbox" name=${`enrol-${role}`} checked=${role === 'member'} /> ${t(`role.${role}`)}</label>`)}
    </fieldset>
    <button type="submit">${t('coordinator.enrol.submit')}</button>
    ${token ? html`<p class="card" id="enrol-token">${t('coordinator.enrol.token')} <code class="fingerprint">${token}</code></p>` : null}
  </form>`;
}

function ChangeMember({ t, person, say, refused, wrong }) {
  const [who, setWho] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    if (!who) return wrong(t('coordinator.change.who'), t('record.pickSomeone'));
    const form = event.currentTarget;
    const limit = form.elements.creditLimit.value.trim();
    const body = { assisted: form.elements.assisted.checked };
    if (limit) {
      if (!typedAmount(limit) && limit !== '0') return wrong(t('coordinator.change.limit'), t('record.badHours'));
      body.creditLimit = typedAmount(limit) ?? '0';
    }
    try {
      const answer = await api('PATCH', hubPath(`/members/${encodeURIComponent(who.memberId)}`), body);
      const member = answer.member ?? answer;
      say(t(member.assisted ? 'coordinator.change.doneAssisted' : 'coordinator.change.done', { name: who.displayName, limit: member.creditLimit ?? t('coordinator.change.default') }));
      form.reset();
      setWho(null);
    } catch (refusal) {
      refused(refusal, { messages: { separation_of_duties: t('coordinator.change.notYourself') } });
    }
  };
  return html`<form onSubmit=${submit} novalidate>
    <h3>${t('coordinator.change')}</h3>
    <${MemberPicker} t=${t} id="change-who" label=${t('coordinator.change.who')} chosen=${who} onChoose=${setWho} exclude=${[person.memberId]} />
    <label for="change-limit">${t('coordinator.change.limit')}</label><input id="change-limit" name="creditLimit" inputmode="decimal" />
    <label><input type="checkbox" name="assisted" /> ${t('coordinator.change.assisted')}</label>
    <button type="submit">${t('coordinator.change.submit')}</button>
  </form>`;
}

/** One person helped by many (a work day), or one paid by many (a class): each line its own hours. */
function WorkDay({ t, person, say, refused, wrong }) {
  const [centre, setCentre] = useState(null);
  const [direction, setDirection] = useState('helped');
  const [lines, setLines] = useState([]);
  const [memo, setMemo] = useState('');
  const categories = useLoad(() => api('GET', hubPath('/categories')).then((r) => r.categories.filter((c) => !c.retired)), []);
  const [categoryId, setCategoryId] = useState('');
  const add = (m) => setLines(lines.some((l) => l.member.memberId === m.memberId) ? lines : [...lines, { member: m, hours: '' }]);
  const setHours = (index, hours) => setLines(lines.map((l, i) => (i === index ? { ...l, hours } : l)));
  const submit = async (event) => {
    event.preventDefault();
    if (!centre) return wrong(t(`coordinator.group.${direction}`), t('record.pickSomeone'));
    if (lines.length === 0) return wrong(t('coordinator.group.people'), t('record.pickSomeone'));
    const bad = lines.find((l) => !typedAmount(l.hours));
    if (bad) return wrong(t('coordinator.group.hoursOf', { name: bad.member.displayName }), t('record.badHours'));
    if (!memo.trim()) return wrong(t('record.memo'), t('record.memoNeeded'));
    const payments = lines.map((l) =>
      direction === 'helped'
        ? { fromMemberId: centre.memberId, toMemberId: l.member.memberId, hours: typedAmount(l.hours) }
        : { fromMemberId: l.member.memberId, toMemberId: centre.memberId, hours: typedAmount(l.hours) },
    );
    try {
      await api('POST', hubPath('/timebank/group-transfers'), { payments, memo: memo.trim(), ...(categoryId ? { categoryId } : {}) });
      say(t('coordinator.group.done', { count: payments.length, name: centre.displayName }));
      setLines([]);
      setMemo('');
    } catch (refusal) {
      // the ledger names the payment that failed by its place in the list: say whose it was
      const place = Number(/^payment (\d+)/.exec(refusal.problem?.detail ?? '')?.[1] ?? 0);
      const line = lines[place - 1];
      const payer = line ? (direction === 'helped' ? centre.displayName : line.member.displayName) : '';
      refused(refusal, { names: { payer, payee: line ? (direction === 'helped' ? line.member.displayName : centre.displayName) : '' } });
    }
  };
  return html`<form onSubmit=${submit} novalidate>
    <h3>${t('coordinator.group')}</h3>
    <p>${t('coordinator.group.intro')}</p>
    <fieldset><legend>${t('coordinator.group.what')}</legend>
      ${['helped', 'teacher'].map((d) => html`<label><input type="radio" name="direction" checked=${direction === d} onChange=${() => setDirection(d)} /> ${t(`coordinator.group.way.${d}`)}</label>`)}
    </fieldset>
    <${MemberPicker} t=${t} id="group-centre" label=${t(`coordinator.group.${direction}`)} chosen=${centre} exclude=${[person.memberId]}
      onChoose=${(m) => { setCentre(m); setLines(lines.filter((l) => l.member.memberId !== m.memberId)); }} />
    <${MemberPicker} t=${t} id="group-add" label=${t('coordinator.group.people')} onChoose=${add} exclude=${[person.memberId, centre?.memberId ?? '']} />
    ${lines.map(
      (l, i) => html`<div key=${l.member.memberId}>
        <label for=${`group-hours-${i}`}>${t('coordinator.group.hoursOf', { name: l.member.displayName })}</label>
        <input id=${`group-hours-${i}`} inputmode="decimal" value=${l.hours} onInput=${(e) => setHours(i, e.target.value)} />
      </div>`,
    )}
    <label for="group-memo">${t('record.memo')}</label><input id="group-memo" value=${memo} onInput=${(e) => setMemo(e.target.value)} maxlength="500" />
    <label for="group-category">${t('record.category')}</label>
    <select id="group-category" value=${categoryId} onChange=${(e) => setCategoryId(e.target.value)}>
      <option value="">${t('record.category.none')}</option>${(categories.data ?? []).map((c) => html`<option value=${c.categoryId}>${c.name}</option>`)}
    </select>
    <button type="submit">${t('coordinator.group.submit')}</button>
  </form>`;
}

function Categories({ t, say, refused, wrong }) {
  const list = useLoad(() => api('GET', hubPath('/categories')).then((r) => r.categories), []);
  const [edits, setEdits] = useState({});
  const current = (list.data ?? []).map((c) => ({ ...c, ...edits[c.categoryId] }));
  const edit = (categoryId, change) => setEdits({ ...edits, [categoryId]: { ...edits[categoryId], ...change } });
  const save = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = form.elements.newName.value.trim();
    const added = name ? [{ categoryId: name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 64), name }] : [];
    if (name && !added[0].categoryId) return wrong(t('coordinator.categories.new'), t('coordinator.categories.newHint'));
    try {
      await api('PUT', hubPath('/categories'), [...current.map(({ categoryId, name: n, retired }) => ({ categoryId, name: n, retired })), ...added]);
      form.reset();
      setEdits({});
      say(t('coordinator.categories.done'));
      await list.reload();
    } catch (refusal) {
      refused(refusal);
    }
  };
  return html`<form onSubmit=${save} novalidate>
    <h3>${t('coordinator.categories')}</h3>
    <p>${t('coordinator.categories.intro')}</p>
    ${current.map(
      (c) => html`<div key=${c.categoryId} class="card">
        <label for=${`category-${c.categoryId}`}>${t('coordinator.categories.name')}</label>
        <input id=${`category-${c.categoryId}`} value=${c.name} onInput=${(e) => edit(c.categoryId, { name: e.target.value })} />
        <label><input type="checkbox" checked=${c.retired} onChange=${(e) => edit(c.categoryId, { retired: e.target.checked })} /> ${t('coordinator.categories.retired', { name: c.name })}</label>
      </div>`,
    )}
    <label for="category-new">${t('coordinator.categories.new')}</label><input id="category-new" name="newName" maxlength="100" />
    <button type="submit">${t('coordinator.categories.submit')}</button>
  </form>`;
}

function Contribution({ t, person, say, refused, wrong }) {
  const [who, setWho] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const kind = form.elements.kind.value;
    const amount = typedAmount(form.elements.amount.value);
    const description = form.elements.description.value.trim();
    if (!who) return wrong(t('coordinator.contribution.who'), t('record.pickSomeone'));
    if (!amount) return wrong(t('coordinator.contribution.amount'), t('pool.apply.amountHint'));
    if (!description) return wrong(t('coordinator.contribution.description'), t('record.memoNeeded'));
    try {
      const body = { memberId: who.memberId, kind, amount, description, ...(kind === 'money' && form.elements.aid.checked ? { fund: 'aid' } : {}) };
      await api('POST', hubPath('/contributions'), body);
      form.reset();
      setWho(null);
      say(t(`coordinator.contribution.done.${kind}`, { name: who.displayName, amount: kind === 'money' ? money(atPlaces(amount, person.currencyPlaces), person.currency) : amount }));
    } catch (refusal) {
      refused(refusal, { messages: { balance_limit_exceeded: t('coordinator.contribution.hubAccount'), separation_of_duties: t('coordinator.contribution.notYourself') } });
    }
  };
  return html`<form onSubmit=${submit} novalidate>
    <h3>${t('coordinator.contribution')}</h3>
    <${MemberPicker} t=${t} id="contribution-who" label=${t('coordinator.contribution.who')} chosen=${who} onChoose=${setWho} exclude=${[person.memberId]} />
    <label for="contribution-kind">${t('coordinator.contribution.kind')}</label>
    <select id="contribution-kind" name="kind">
      ${['money', 'in-kind', 'volunteer-hours'].map((k) => html`<option value=${k}>${t(`coordinator.contribution.kind.${k}`)}</option>`)}
    </select>
    <label for="contribution-amount">${t('coordinator.contribution.amount')}</label><input id="contribution-amount" name="amount" inputmode="decimal" />
    <label for="contribution-description">${t('coordinator.contribution.description')}</label><input id="contribution-description" name="description" maxlength="500" />
    <label><input type="checkbox" name="aid" /> ${t('coordinator.contribution.aid')}</label>
    <button type="submit">${t('coordinator.contribution.submit')}</button>
  </form>`;
}
