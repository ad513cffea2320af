// Mutual aid: a member asks the hub's fund, without having to say why, follows their requests and
// withdraws an open one; a treasurer pays open requests of others (never their own), never seeing
// the need.
import { api, hubPath } from '../lib/api.js';
import { money, typedAmount } from '../lib/amounts.js';
import { html, useState } from '../lib/html.js';
import { useLoad } from '../lib/load.js';
import { explain } from '../lib/problems.js';

export function Aid({ t, person }) {
  const [position, setPosition] = useState(0);
  const [said, setSaid] = useState({ text: '', problem: false });
  const requests = useLoad(() => api('GET', hubPath(`/aid/requests?limit=200${position ? `&minPosition=${position}` : ''}`)).then((r) => r.requests), [position]);
  const currency = person.currency;
  const all = requests.data ?? [];
  const mine = all.filter((r) => r.memberId === person.memberId).reverse();
  const toPay = person.roles.includes('treasurer') ? all.filter((r) => r.status === 'requested' && r.memberId !== person.memberId) : [];
  const done = (text, at) => {
    setSaid({ text, problem: false });
    setPosition(at);
  };
  const refused = (refusal) => setSaid({ text: explain(t, refusal, { messages: { insufficient_funds: t('aid.fundShort') } }).message, problem: true });

  const ask = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const amount = typedAmount(form.elements.amount.value);
    const need = form.elements.need.value.trim();
    if (!amount) return setSaid({ text: t('problem.validation_failed.field', { field: t('aid.amount'), hint: t('pool.apply.amountHint') }), problem: true });
    try {
      const asked = await api('POST', hubPath('/aid/requests'), { memberId: person.memberId, amount, ...(need ? { need } : {}) });
      form.reset();
      done(t('aid.asked', { amount: money(asked.amount, currency) }), asked.position);
    } catch (refusal) {
      refused(refusal);
    }
  };
  const act = async (request, path, text) => {
    try {
      const result = await api('POST', hubPath(`/aid/requests/${encodeURIComponent(request.requestId)}/${path}`), {});
      done(text(result), result.position);
    } catch (refusal) {
      refused(refusal);
    }
  };

  return html`<section aria-labelledby="aid-title">
    <h2 id="aid-title">${t('aid.title')}</h2>
    <p role="status" id="aid-said" class=${said.problem ? 'problem' : 'done'}>${said.text}</p>
    ${person.roles.includes('member')
      ? html`<form onSubmit=${ask} novalidate>
          <h3>${t('aid.ask')}</h3>
          <p>${t('aid.intro')}</p>
          <label for="aid-amount">${t('aid.amount')}</label><input id="aid-amount" name="amount" inputmode="decimal" />
          <label for="aid-need">${t('aid.need')}</label><input id="aid-need" name="need" maxlength="500" />
          <button type="submit">${t('aid.submit')}</button>
        </form>
        <h3>${t('aid.mine')}</h3>
        ${mine.length === 0 ? html`<p>${t('aid.none')}</p>` : null}
        ${mine.map(
          (r) => html`<div class="card" key=${r.requestId}>
            <p>${t(`aid.status.${r.status}`, { amount: money(r.amount, currency), date: r.requestedAt.slice(0, 10), by: r.paidByName ?? '' })}</p>
            ${r.status === 'requested' ? html`<button type="button" class="quiet" onClick=${() => act(r, 'withdrawal', () => t('aid.withdrawn', { amount: money(r.amount, currency) }))}>${t('aid.withdraw', { amount: money(r.amount, currency) })}</button>` : null}
          </div>`,
        )}`
      : null}
    ${person.roles.includes('treasurer')
      ? html`<h3>${t('aid.toPay')}</h3>
        ${toPay.length === 0 ? html`<p>${t('aid.nothingToPay')}</p>` : null}
        ${toPay.map(
          (r) => html`<div class="card" key=${r.requestId}>
            <p>${t('aid.asks', { name: r.memberName, amount: money(r.amount, currency), date: r.requestedAt.slice(0, 10) })}</p>
            <button type="button" onClick=${() => act(r, 'payment', (paid) => t('aid.paid', { name: r.memberName, amount: money(paid.amount, currency), fund: money(paid.aidFund, currency) }))}>${t('aid.pay', { name: r.memberName, amount: money(r.amount, currency) })}</button>
          </div>`,
        )}`
      : null}
  </section>`;
}
