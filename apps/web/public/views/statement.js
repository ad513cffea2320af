// A member's hours statement, newest first: with whom (by name), what for, the kind of help,
// corrections marked; printable for a member a coordinator helps, who has no screen of their own.
// An officer chooses whose statement to read; a member reads their own.
import { api, hubPath } from '../lib/api.js';
import { html, useState } from '../lib/html.js';
import { useLoad } from '../lib/load.js';
import { MemberPicker } from '../lib/member-picker.js';
import { keepCopy } from '../lib/offline.js';
import { explain } from '../lib/problems.js';

const PAGE = 200;
const PAGES_MAX = 10;
const OFFLINE_ENTRIES = 50; // the newest, kept for reading offline

const OFFICERS = ['coordinator', 'treasurer', 'auditor'];

export function Statement({ t, person }) {
  const officer = person.roles.some((role) => OFFICERS.includes(role));
  const [whose, setWhose] = useState(person.roles.includes('member') ? { memberId: person.memberId, displayName: person.displayName } : null);
  const own = whose?.memberId === person.memberId;
  const statement = useLoad(async () => {
    if (!whose) return null;
    const entries = [];
    let after = 0;
    for (let page = 0; page < PAGES_MAX; page += 1) {
      const answer = await api('GET', hubPath(`/members/${encodeURIComponent(whose.memberId)}/statement?account=hours&limit=${PAGE}&after=${after}`));
      entries.push(...answer.entries);
      if (answer.next === null) break;
      after = answer.next;
    }
    entries.reverse();
    if (own) keepCopy(person, { statement: entries.slice(0, OFFLINE_ENTRIES) });
    return entries;
  }, [whose?.memberId]);
  const today = new Date().toISOString().slice(0, 10);
  const [asking, setAsking] = useState(null);
  const [reason, setReason] = useState('');
  const [said, setSaid] = useState({ text: '', problem: false });
  // the payer of a payment may ask to reverse it; the other side's word applies it (a work day is
  // reversed whole, with a coordinator, so its lines have no button here)
  const reversible = (e) => own && e.type === 'HoursPaid' && e.amount.startsWith('-') && !e.reversedBy && !e.reverses;
  const ask = async () => {
    if (!reason.trim()) return setSaid({ text: t('statement.reasonNeeded'), problem: true });
    try {
      await api('POST', hubPath('/reversals'), { position: asking.position, reason: reason.trim() });
      setSaid({ text: t('statement.asked', { name: asking.counterpartyName }), problem: false });
      setAsking(null);
      setReason('');
    } catch (refusal) {
      setSaid({ text: explain(t, refusal).message, problem: true });
    }
  };

  return html`<section aria-labelledby="statement-title">
    <h2 id="statement-title">${t('statement.title')}</h2>
    ${officer ? html`<div class="no-print"><${MemberPicker} t=${t} id="statement-whose" label=${t('statement.whose')} chosen=${whose} onChoose=${setWhose} /></div>` : null}
    ${whose
      ? html`<p class="print-only">${t('statement.printedFor', { name: whose.displayName, hub: person.hubName, date: today })}</p>
        <button type="button" class="quiet no-print" onClick=${() => print()}>${t('statement.print')}</button>`
      : null}
    <p role="status" id="statement-said" class=${said.problem ? 'problem' : 'done'}>${said.text}</p>
    ${asking
      ? html`<div class="card no-print">
          <p>${t('statement.askAbout', { hours: asking.amount.slice(1), name: asking.counterpartyName, date: asking.at.slice(0, 10) })}</p>
          <label for="reversal-reason">${t('statement.reason')}</label>
          <input id="reversal-reason" value=${reason} onInput=${(e) => setReason(e.target.value)} maxlength="500" />
          <button type="button" onClick=${ask}>${t('statement.sendAsk')}</button>
          ${' '}<button type="button" class="quiet" onClick=${() => setAsking(null)}>${t('record.no')}</button>
        </div>`
      : null}
    ${statement.refusal ? html`<p class="problem">${explain(t, statement.refusal).message}</p>` : null}
    ${statement.data && statement.data.length === 0 ? html`<p>${t('statement.none')}</p>` : null}
    ${statement.data?.length
      ? html`<table id="statement">
          <thead><tr><th>${t('statement.when')}</th><th>${t('statement.who')}</th><th>${t('statement.what')}</th><th>${t('statement.kind')}</th><th class="number">${t('statement.amount')}</th><th class="number">${t('statement.balance')}</th><th class="no-print"><span class="visually-hidden">${t('statement.correct')}</span></th></tr></thead>
          <tbody>
            ${statement.data.map(
              (e) => html`<tr key=${`${e.position}-${e.counterparty}-${e.amount}`}>
                <td>${e.at.slice(0, 10)}</td>
                <td>${e.counterpartyName === 'the hub' ? t('statement.hub') : e.counterpartyName ?? ''}</td>
                <td>${e.memo ?? ''}${e.reversedBy ? html` <em>(${t('statement.reversed')})</em>` : null}${e.reverses ? html` <em>(${t('statement.reversal')})</em>` : null}</td>
                <td>${e.category?.name ?? ''}</td>
                <td class="number">${e.amount}</td>
                <td class="number">${e.balance}</td>
                <td class="no-print">${reversible(e) ? html`<button type="button" class="quiet" onClick=${() => setAsking(e)}>${t('statement.askReverse', { hours: e.amount.slice(1), name: e.counterpartyName ?? '', date: e.at.slice(0, 10) })}</button>` : null}</td>
              </tr>`,
            )}
          </tbody>
        </table>`
      : null}
  </section>`;
}
