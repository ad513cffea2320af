// The auditor's desk: verify every hash chain and read the ledger's fingerprint (it wraps on a
// phone), and download the hub's journal as JSON lines.
import { api, hubPath, session } from '../lib/api.js';
import { html, useState } from '../lib/html.js';
import { explain } from '../lib/problems.js';

export function Audit({ t }) {
  const [verified, setVerified] = useState(null);
  const [said, setSaid] = useState({ text: '', problem: false });
  const verify = async () => {
    setSaid({ text: t('audit.checking'), problem: false });
    try {
      const report = await api('GET', '/audit/verify');
      setVerified(report);
      setSaid(report.ok ? { text: t('audit.holds', { events: report.events }), problem: false } : { text: t('audit.broken', { position: report.problems[0].position }), problem: true });
    } catch (refusal) {
      setSaid({ text: explain(t, refusal).message, problem: true });
    }
  };
  const journal = async () => {
    const lines = [];
    let after = 0;
    for (;;) {
      const page = await api('GET', hubPath(`/audit/events?after=${after}&limit=1000`));
      for (const event of page.events) lines.push(JSON.stringify(event));
      if (page.next === null) break;
      after = page.next;
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([`${lines.join('\n')}\n`], { type: 'application/x-ndjson' }));
    link.download = `${session.get().hubId}-journal.jsonl`;
    link.click();
    setSaid({ text: t('audit.downloaded', { events: lines.length }), problem: false });
  };
  return html`<section aria-labelledby="audit-title">
    <h2 id="audit-title">${t('audit.title')}</h2>
    <p>${t('audit.intro')}</p>
    <button type="button" onClick=${verify}>${t('audit.verify')}</button>
    ${' '}<button type="button" class="quiet" onClick=${journal}>${t('audit.journal')}</button>
    <p role="status" id="audit-said" class=${said.problem ? 'problem' : 'done'}>${said.text}</p>
    ${verified?.ok ? html`<p>${t('audit.fingerprint')}</p><p><code class="fingerprint" id="fingerprint">${verified.fingerprint}</code></p>` : null}
  </section>`;
}
