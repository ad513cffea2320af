// The member's hours statement, newest first: with whom (by name), what for, the kind of help,
// corrections marked; printable for a member a coordinator helps, who has no screen of their own.
import { api, hubPath } from '../lib/api.js';
import { html } from '../lib/html.js';
import { useLoad } from '../lib/load.js';
import { explain } from '../lib/problems.js';

const PAGE = 200;
const PAGES_MAX = 10;

export function Statement({ t, person }) {
  const statement = useLoad(async () => {
    const entries = [];
    let after = 0;
    for (let page = 0; page < PAGES_MAX; page += 1) {
      const answer = await api('GET', hubPath(`/members/${encodeURIComponent(person.memberId)}/statement?account=hours&limit=${PAGE}&after=${after}`));
      entries.push(...answer.entries);
      if (answer.next === null) break;
      after = answer.next;
    }
    return entries.reverse();
  }, [person.memberId]);
  const today = new Date().toISOString().slice(0, 10);

  return html`<section aria-labelledby="statement-title">
    <h2 id="statement-title">${t('statement.title')}</h2>
    <p class="print-only">${t('statement.printedFor', { name: person.displayName, hub: person.hubName, date: today })}</p>
    <button type="button" class="quiet no-print" onClick=${() => print()}>${t('statement.print')}</button>
    ${statement.refusal ? html`<p class="problem">${explain(t, statement.refusal).message}</p>` : null}
    ${statement.data && statement.data.length === 0 ? html`<p>${t('statement.none')}</p>` : null}
    ${statement.data?.length
      ? html`<table id="statement">
          <thead><tr><th>${t('statement.when')}</th><th>${t('statement.who')}</th><th>${t('statement.what')}</th><th>${t('statement.kind')}</th><th class="number">${t('statement.amount')}</th><th class="number">${t('statement.balance')}</th></tr></thead>
          <tbody>
            ${statement.data.map(
              (e) => html`<tr key=${`${e.position}-${e.counterparty}-${e.amount}`}>
                <td>${e.at.slice(0, 10)}</td>
                <td>${e.counterpartyName === 'the hub' ? t('statement.hub') : e.counterpartyName ?? ''}</td>
                <td>${e.memo ?? ''}${e.reversedBy ? html` <em>(${t('statement.reversed')})</em>` : null}${e.reverses ? html` <em>(${t('statement.reversal')})</em>` : null}</td>
                <td>${e.category?.name ?? ''}</td>
                <td class="number">${e.amount}</td>
                <td class="number">${e.balance}</td>
              </tr>`,
            )}
          </tbody>
        </table>`
      : null}
  </section>`;
}
