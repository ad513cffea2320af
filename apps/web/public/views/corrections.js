// Corrections waiting for this person's word: someone asked to reverse an entry; the one it takes
// from, or an officer of that ledger, confirms or turns it down (never its proposer, never the one
// it gives back to).
import { api, hubPath } from '../lib/api.js';
import { html, useState } from '../lib/html.js';
import { useLoad } from '../lib/load.js';
import { explain } from '../lib/problems.js';

export function Corrections({ t, person }) {
  const [position, setPosition] = useState(0);
  const [said, setSaid] = useState({ text: '', problem: false });
  const [reasons, setReasons] = useState({});
  const list = useLoad(() => api('GET', hubPath(`/reversals?status=proposed${position ? `&minPosition=${position}` : ''}`)).then((r) => r.reversals), [position]);
  const mine = (list.data ?? []).filter(
    (r) => !r.mayDecide.never.includes(person.memberId) && (r.mayDecide.member === person.memberId || person.roles.includes(r.mayDecide.role)),
  );
  const nameOf = (r, id) => r.names?.[id] ?? id;
  const decide = async (r, path) => {
    const reason = (reasons[r.reversalId] ?? '').trim();
    if (path === 'rejection' && !reason) return setSaid({ text: t('corrections.reasonNeeded'), problem: true });
    try {
      const result = await api('POST', hubPath(`/reversals/${encodeURIComponent(r.reversalId)}/${path}`), path === 'rejection' ? { reason } : {});
      setSaid({ text: t(path === 'confirmation' ? 'corrections.applied' : 'corrections.rejected'), problem: false });
      setPosition(result.position);
    } catch (refusal) {
      setSaid({ text: explain(t, refusal).message, problem: true });
    }
  };
  if (list.data && mine.length === 0 && !said.text) return null;
  return html`<div>
    <h3>${t('corrections.title')}</h3>
    <p role="status" id="corrections-said" class=${said.problem ? 'problem' : 'done'}>${said.text}</p>
    ${mine.map(
      (r) => html`<div class="card" key=${r.reversalId}>
        <p>${t('corrections.asks', { by: nameOf(r, r.proposedBy), amount: r.amount, unit: t(`unit.${r.unit}`, { currency: person.currency }), reason: r.reason, parties: r.parties.map((id) => nameOf(r, id)).join(', ') })}</p>
        <label for=${`reason-${r.reversalId}`}>${t('corrections.reason')}</label>
        <input id=${`reason-${r.reversalId}`} value=${reasons[r.reversalId] ?? ''} onInput=${(e) => setReasons({ ...reasons, [r.reversalId]: e.target.value })} />
        <button type="button" onClick=${() => decide(r, 'confirmation')}>${t('corrections.confirm')}</button>
        ${' '}<button type="button" class="quiet" onClick=${() => decide(r, 'rejection')}>${t('corrections.reject')}</button>
      </div>`,
    )}
  </div>`;
}
