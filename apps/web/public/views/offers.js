// Offers and needs: browse and search the hub's board, post one, close one's own, and answer one
// by recording the service (an offer: pay its owner; a need: ask its owner to pay).
import { api, hubPath } from '../lib/api.js';
import { typedAmount } from '../lib/amounts.js';
import { html, useState } from '../lib/html.js';
import { useLoad } from '../lib/load.js';
import { explain } from '../lib/problems.js';
import { go } from '../lib/route.js';

export function Offers({ t, person }) {
  const [filter, setFilter] = useState({ kind: '', categoryId: '', q: '' });
  // after a post or a close, the board is read as of it
  const [position, setPosition] = useState(0);
  const categories = useLoad(() => api('GET', hubPath('/categories')).then((r) => r.categories), []);
  const board = useLoad(() => {
    const query = new URLSearchParams({ status: 'open', limit: '50', ...(position ? { minPosition: String(position) } : {}) });
    for (const [name, value] of Object.entries(filter)) if (value.trim()) query.set(name, value.trim());
    return api('GET', hubPath(`/listings?${query}`)).then((r) => r.listings);
  }, [filter.kind, filter.categoryId, filter.q, position]);
  const [said, setSaid] = useState({ text: '', problem: false });
  const live = (categories.data ?? []).filter((c) => !c.retired);
  const set = (name) => (event) => setFilter({ ...filter, [name]: event.target.value });

  const post = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const value = (name) => form.elements[name].value.trim();
    const hours = value('hours') ? typedAmount(value('hours')) : undefined;
    const body = { kind: value('kind'), title: value('title'), description: value('description'), categoryId: value('categoryId'), ...(hours ? { hours } : {}) };
    try {
      const posted = await api('POST', hubPath('/listings'), body);
      form.reset();
      setSaid({ text: t('offers.posted', { title: body.title, date: posted.expiresAt.slice(0, 10) }), problem: false });
      setPosition(posted.position);
    } catch (refusal) {
      const fields = {
        title: { label: t('offers.postTitle'), hint: t('record.memoNeeded') },
        description: { label: t('offers.postDescription'), hint: t('record.memoNeeded') },
        hours: { label: t('offers.postHours'), hint: t('record.badHours') },
        categoryId: { label: t('offers.category'), hint: t('record.pickSomeone') },
      };
      setSaid({ text: explain(t, refusal, { fields }).message, problem: true });
    }
  };
  const close = async (listing) => {
    try {
      const closed = await api('PATCH', hubPath(`/listings/${encodeURIComponent(listing.listingId)}`), { status: 'closed' });
      setSaid({ text: t('offers.closed', { title: listing.title }), problem: false });
      setPosition(closed.position);
    } catch (refusal) {
      setSaid({ text: explain(t, refusal).message, problem: true });
    }
  };
  const respond = (listing) =>
    go('record', {
      way: listing.kind === 'offer' ? 'pay' : 'request',
      member: listing.memberId,
      name: listing.displayName,
      listing: listing.listingId,
      category: listing.categoryId,
      memo: listing.title,
    });

  return html`<section aria-labelledby="offers-title">
    <h2 id="offers-title">${t('offers.title')}</h2>
    <label for="offers-q">${t('offers.search')}</label>
    <input id="offers-q" type="search" value=${filter.q} onInput=${set('q')} />
    <label for="offers-kind">${t('offers.kind')}</label>
    <select id="offers-kind" value=${filter.kind} onChange=${set('kind')}>
      <option value="">${t('offers.kind.all')}</option><option value="offer">${t('offers.kind.offer')}</option><option value="need">${t('offers.kind.need')}</option>
    </select>
    <label for="offers-category">${t('offers.category')}</label>
    <select id="offers-category" value=${filter.categoryId} onChange=${set('categoryId')}>
      <option value="">${t('offers.category.all')}</option>${live.map((c) => html`<option value=${c.categoryId}>${c.name}</option>`)}
    </select>
    <p role="status" class=${said.problem ? 'problem' : 'done'}>${said.text}</p>
    ${board.data && board.data.length === 0 ? html`<p>${t('offers.none')}</p>` : null}
    ${board.refusal ? html`<p class="problem">${explain(t, board.refusal).message}</p>` : null}
    <ul class="choices">
      ${(board.data ?? []).map(
        (listing) => html`<li class="card" key=${listing.listingId}>
          <p class="muted">${t(listing.kind === 'offer' ? 'offers.offer' : 'offers.need', { name: listing.displayName })}${listing.categoryName ? ` · ${listing.categoryName}` : ''}</p>
          <p><strong>${listing.title}</strong>${listing.hours ? ` (${t('offers.hours', { hours: listing.hours })})` : ''}</p>
          <p>${listing.description}</p>
          ${listing.hoursExchanged !== '0.00' ? html`<p class="muted">${t('offers.brought', { hours: listing.hoursExchanged })}</p>` : null}
          ${listing.memberId === person.memberId
            ? html`<button type="button" class="quiet" onClick=${() => close(listing)}>${t('offers.close', { title: listing.title })}</button>`
            : html`<button type="button" onClick=${() => respond(listing)}>${t(listing.kind === 'offer' ? 'offers.respondOffer' : 'offers.respondNeed', { name: listing.displayName })}</button>`}
        </li>`,
      )}
    </ul>
    ${person.roles.includes('member')
      ? html`<h3>${t('offers.post')}</h3>
        <form onSubmit=${post} novalidate>
          <label for="post-kind">${t('offers.postKind')}</label>
          <select id="post-kind" name="kind"><option value="offer">${t('offers.kind.offer')}</option><option value="need">${t('offers.kind.need')}</option></select>
          <label for="post-title">${t('offers.postTitle')}</label>
          <input id="post-title" name="title" maxlength="200" />
          <label for="post-description">${t('offers.postDescription')}</label>
          <textarea id="post-description" name="description" rows="3" maxlength="2000"></textarea>
          <label for="post-category">${t('offers.category')}</label>
          <select id="post-category" name="categoryId">${live.map((c) => html`<option value=${c.categoryId}>${c.name}</option>`)}</select>
          <label for="post-hours">${t('offers.postHours')}</label>
          <input id="post-hours" name="hours" inputmode="decimal" />
          <button type="submit">${t('offers.postSubmit')}</button>
        </form>`
      : null}
  </section>`;
}
