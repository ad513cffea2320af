// Choosing a person by name: type part of it, pick from the hub's directory. Never an id to type.
import { api, hubPath } from './api.js';
import { html, useEffect, useState } from './html.js';

/** `id`: the input's id (its label points at it); `exclude`: ids not to offer (oneself); `chosen`/`onChoose`: the person. */
export function MemberPicker({ t, id, label, chosen, onChoose, exclude = [], problem = '' }) {
  const [search, setSearch] = useState('');
  const [found, setFound] = useState([]);
  useEffect(() => {
    if (!search.trim()) return setFound([]);
    const timer = setTimeout(async () => {
      const page = await api('GET', hubPath(`/members?q=${encodeURIComponent(search.trim())}&limit=8`)).catch(() => ({ members: [] }));
      setFound(page.members.filter((m) => !exclude.includes(m.memberId) && m.roles.includes('member')));
    }, 200);
    return () => clearTimeout(timer);
  }, [search]);
  return html`<div class="picker">
    <label for=${id}>${label}</label>
    ${chosen ? html`<p id=${`${id}-chosen`}>${t('record.chosen', { name: chosen.displayName })}</p>` : null}
    <input id=${id} type="search" placeholder=${t('record.whoHint')} value=${search} onInput=${(e) => setSearch(e.target.value)} aria-describedby=${`${id}-problem`} />
    <ul class="choices">
      ${found.map(
        (m) => html`<li key=${m.memberId}><button type="button" class="quiet" onClick=${() => { onChoose(m); setSearch(''); setFound([]); }}>${t('record.choose', { name: m.displayName })}</button></li>`,
      )}
    </ul>
    <p class="problem" id=${`${id}-problem`}>${problem}</p>
  </div>`;
}
