// Members: the hub's directory by name, with what each offers and needs; never a balance unless
// its member chose to show it.
import { api, hubPath } from '../lib/api.js';
import { html, useEffect, useState } from '../lib/html.js';
import { explain } from '../lib/problems.js';

const PAGE = 30;

export function Members({ t }) {
  const [q, setQ] = useState('');
  const [members, setMembers] = useState([]);
  const [next, setNext] = useState(null);
  const [problem, setProblem] = useState('');
  const [loaded, setLoaded] = useState(false);

  const load = async (after) => {
    try {
      const query = new URLSearchParams({ limit: String(PAGE), ...(q.trim() ? { q: q.trim() } : {}), ...(after ? { after } : {}) });
      const page = await api('GET', hubPath(`/members?${query}`));
      setMembers((before) => (after ? [...before, ...page.members] : page.members));
      setNext(page.next);
      setProblem('');
    } catch (refusal) {
      setProblem(explain(t, refusal).message);
    }
    setLoaded(true);
  };
  // a search as the person types, a moment after they stop
  useEffect(() => {
    const timer = setTimeout(() => load(null), 200);
    return () => clearTimeout(timer);
  }, [q]);

  return html`<section aria-labelledby="members-title">
    <h2 id="members-title">${t('members.title')}</h2>
    <label for="member-search">${t('members.search')}</label>
    <input id="member-search" type="search" value=${q} onInput=${(e) => setQ(e.target.value)} />
    <p class="problem" role="alert">${problem}</p>
    ${loaded && members.length === 0 && !problem ? html`<p>${t('members.none')}</p>` : null}
    <ul class="choices" aria-live="polite">
      ${members.map(
        (m) => html`<li class="card" key=${m.memberId}>
          <p><strong>${m.displayName}</strong>${m.hours ? html` <span class="muted">${t('members.balance', { balance: m.hours.balance })}</span>` : null}</p>
          ${m.about ? html`<p>${m.about}</p>` : null}
          ${m.offers.length ? html`<p>${t('members.offers')}: ${m.offers.map((o) => o.title).join(', ')}</p>` : null}
          ${m.needs.length ? html`<p>${t('members.needs')}: ${m.needs.map((o) => o.title).join(', ')}</p>` : null}
          ${m.contact ? html`<p>${t('members.contact')}: ${m.contact}</p>` : null}
        </li>`,
      )}
    </ul>
    ${next ? html`<button type="button" class="quiet" onClick=${() => load(next)}>${t('members.more')}</button>` : null}
  </section>`;
}
