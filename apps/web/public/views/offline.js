// What the device last saw, when the hub's server cannot be reached: marked with its time, and
// with nothing to press that would send anything.
import { html } from '../lib/html.js';

export function OfflineCopy({ t, copy, onRetry }) {
  const when = new Date(copy.at).toLocaleString();
  return html`<section aria-labelledby="offline-title">
    <h2 id="offline-title">${t('offline.title')}</h2>
    <p class="warn" id="offline-as-of">${t('offline.asOf', { name: copy.displayName, hub: copy.hubName, time: when })}</p>
    ${copy.balance
      ? html`<dl class="figures">
          <div><dt>${t('home.balance')}</dt><dd>${copy.balance.hours.balance}</dd></div>
          <div><dt>${t('home.available')}</dt><dd>${copy.balance.hours.available}</dd></div>
        </dl>`
      : null}
    ${copy.statement?.length
      ? html`<table id="offline-statement">
          <thead><tr><th>${t('statement.when')}</th><th>${t('statement.who')}</th><th>${t('statement.what')}</th><th class="number">${t('statement.amount')}</th><th class="number">${t('statement.balance')}</th></tr></thead>
          <tbody>${copy.statement.map((e) => html`<tr><td>${e.at.slice(0, 10)}</td><td>${e.counterpartyName ?? ''}</td><td>${e.memo ?? ''}</td><td class="number">${e.amount}</td><td class="number">${e.balance}</td></tr>`)}</tbody>
        </table>`
      : null}
    <button type="button" class="quiet" onClick=${onRetry}>${t('offline.retry')}</button>
  </section>`;
}
