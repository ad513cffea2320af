// Changes to officers a coordinator proposed, waiting for a second officer: never the proposer,
// never the member concerned. A token reset's new token is shown to the one who confirms, once.
import { api, hubPath } from '../lib/api.js';
import { html, useState } from '../lib/html.js';
import { useLoad } from '../lib/load.js';
import { explain } from '../lib/problems.js';

export function Changes({ t, person }) {
  const [position, setPosition] = useState(0);
  const [said, setSaid] = useState({ text: '', problem: false, token: '' });
  const changes = useLoad(() => api('GET', hubPath(`/member-changes${position ? `?minPosition=${position}` : ''}`)).then((r) => r.changes), [position]);
  const mine = (changes.data ?? []).filter((c) => c.proposedBy !== person.memberId && c.memberId !== person.memberId);
  const describe = (c) =>
    c.change.kind === 'token'
      ? t('changes.token', { by: c.proposedByName, name: c.displayName })
      : c.change.officerRoles.length
        ? t('changes.roles', { by: c.proposedByName, name: c.displayName, roles: c.change.officerRoles.map((r) => t(`role.${r}`)).join(', ') })
        : t('changes.noRoles', { by: c.proposedByName, name: c.displayName });
  const decide = async (c, path) => {
    try {
      const body = path === 'rejection' ? { reason: t('changes.rejectedReason') } : {};
      const result = await api('POST', hubPath(`/member-changes/${encodeURIComponent(c.changeId)}/${path}`), body);
      setSaid({ text: t(path === 'confirmation' ? 'changes.confirmed' : 'changes.rejected', { name: c.displayName }), problem: false, token: result.token ?? '' });
      setPosition(result.position);
    } catch (refusal) {
      setSaid({ text: explain(t, refusal).message, problem: true, token: '' });
    }
  };
  return html`<div>
    <h3>${t('changes.title')}</h3>
    <p role="status" id="changes-said" class=${said.problem ? 'problem' : 'done'}>${said.text}</p>
    ${said.token ? html`<p class="card">${t('changes.newToken')} <code class="fingerprint">${said.token}</code></p>` : null}
    ${changes.data && mine.length === 0 ? html`<p>${t('changes.none')}</p>` : null}
    ${mine.map(
      (c) => html`<div class="card" key=${c.changeId}>
        <p>${describe(c)}</p>
        <button type="button" onClick=${() => decide(c, 'confirmation')}>${t('changes.confirm', { name: c.displayName })}</button>
        ${' '}<button type="button" class="quiet" onClick=${() => decide(c, 'rejection')}>${t('changes.reject', { name: c.displayName })}</button>
      </div>`,
    )}
  </div>`;
}
