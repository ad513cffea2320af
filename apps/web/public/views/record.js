// Record a service, by name: the one who helped asks the other to pay (the default: no hours move
// until they agree), or the one helped pays at once. A review step says it in a sentence first.
import { api, hubPath, newKey } from '../lib/api.js';
import { magnitude, minus, typedAmount } from '../lib/amounts.js';
import { html, useState } from '../lib/html.js';
import { MemberPicker } from '../lib/member-picker.js';
import { useLoad } from '../lib/load.js';
import { explain } from '../lib/problems.js';
import { routeParams } from '../lib/route.js';

export function RecordService({ t, person }) {
  const given = routeParams();
  const [way, setWay] = useState(given.get('way') === 'pay' ? 'pay' : 'request');
  const [who, setWho] = useState(given.get('member') ? { memberId: given.get('member'), displayName: given.get('name') } : null);
  const [form, setForm] = useState({ hours: '', memo: given.get('memo') ?? '', categoryId: given.get('category') ?? '' });
  const [review, setReview] = useState(null);
  const [said, setSaid] = useState({ text: '', kind: 'done', field: null });
  const categories = useLoad(() => api('GET', hubPath('/categories')).then((r) => r.categories.filter((c) => !c.retired)), []);
  const listingId = given.get('listing');

  const set = (name) => (event) => {
    setForm({ ...form, [name]: event.target.value });
    setReview(null);
  };
  const check = async (event) => {
    event.preventDefault();
    setSaid({ text: '', kind: 'done', field: null });
    const hours = typedAmount(form.hours);
    if (!who) return setSaid({ text: t('record.pickSomeone'), kind: 'problem', field: 'who' });
    if (!hours) return setSaid({ text: t('record.badHours'), kind: 'problem', field: 'hours' });
    if (!form.memo.trim()) return setSaid({ text: t('record.memoNeeded'), kind: 'problem', field: 'memo' });
    const params = { name: who.displayName, hours, memo: form.memo.trim() };
    if (way === 'request') return setReview({ hours, key: newKey(), text: t('record.confirmRequest', params) });
    const balance = await api('GET', hubPath(`/members/${encodeURIComponent(person.memberId)}/balance`));
    setReview({ hours, key: newKey(), text: t('record.confirmPay', { ...params, after: minus(balance.hours.balance, hours) }) });
  };
  const send = async () => {
    const body = {
      hours: review.hours,
      memo: form.memo.trim(),
      ...(form.categoryId ? { categoryId: form.categoryId } : {}),
      ...(listingId ? { listingId } : {}),
    };
    try {
      if (way === 'request') {
        await api('POST', hubPath('/timebank/requests'), { fromMemberId: who.memberId, toMemberId: person.memberId, ...body }, { key: review.key });
        setSaid({ text: t('record.requested', { name: who.displayName, hours: review.hours }), kind: 'done', field: null });
      } else {
        const paid = await api('POST', hubPath('/timebank/transfers'), { fromMemberId: person.memberId, toMemberId: who.memberId, ...body }, { key: review.key });
        let warning = '';
        if (paid.warnings?.length) {
          const { hours } = await api('GET', hubPath(`/members/${encodeURIComponent(person.memberId)}/balance?minPosition=${paid.position}`));
          warning = ` ${t('home.nearLimit', { owed: magnitude(hours.balance), limit: hours.creditLimit })}`;
        }
        setSaid({ text: t('record.paid', { name: who.displayName, hours: review.hours }) + warning, kind: warning ? 'warn' : 'done', field: null });
      }
      setForm({ hours: '', memo: '', categoryId: '' });
      setWho(null);
    } catch (refusal) {
      const fields = { hours: { label: t('record.hours'), hint: t('record.badHours') }, memo: { label: t('record.memo'), hint: t('record.memoNeeded') } };
      const { message, field } = explain(t, refusal, { fields, you: way === 'pay', names: { payer: who.displayName, payee: way === 'pay' ? who.displayName : person.displayName } });
      setSaid({ text: message, kind: 'problem', field });
    }
    setReview(null);
  };

  const problemOf = (field) => (said.kind === 'problem' && said.field === field ? said.text : '');
  return html`<section aria-labelledby="record-title">
    <h2 id="record-title">${t('record.title')}</h2>
    <p>${t('record.intro')}</p>
    <form onSubmit=${check} novalidate>
      <fieldset>
        <legend>${t('record.way')}</legend>
        ${['request', 'pay'].map(
          (w) => html`<label><input type="radio" name="way" value=${w} checked=${way === w} onChange=${() => { setWay(w); setReview(null); }} /> ${t(`record.way.${w}`)}</label>`,
        )}
      </fieldset>
      <${MemberPicker} t=${t} id="record-who" label=${t('record.who')} chosen=${who} exclude=${[person.memberId]} problem=${problemOf('who')}
        onChoose=${(m) => { setWho(m); setReview(null); }} />
      <label for="record-hours">${t('record.hours')}</label>
      <input id="record-hours" inputmode="decimal" value=${form.hours} onInput=${set('hours')} aria-describedby="record-hours-problem" />
      <p class="problem" id="record-hours-problem">${problemOf('hours')}</p>
      <label for="record-memo">${t('record.memo')}</label>
      <input id="record-memo" maxlength="500" value=${form.memo} onInput=${set('memo')} aria-describedby="record-memo-problem" />
      <p class="problem" id="record-memo-problem">${problemOf('memo')}</p>
      <label for="record-category">${t('record.category')}</label>
      <select id="record-category" value=${form.categoryId} onChange=${set('categoryId')}>
        <option value="">${t('record.category.none')}</option>${(categories.data ?? []).map((c) => html`<option value=${c.categoryId}>${c.name}</option>`)}
      </select>
      <button type="submit">${t('record.review')}</button>
    </form>
    ${review
      ? html`<div class="card" role="group" aria-labelledby="record-review">
          <p id="record-review">${review.text}</p>
          <button type="button" onClick=${send}>${t('record.yes')}</button>
          ${' '}<button type="button" class="quiet" onClick=${() => setReview(null)}>${t('record.no')}</button>
        </div>`
      : null}
    <p role="status" id="record-said" class=${said.kind}>${said.field ? '' : said.text}</p>
  </section>`;
}
