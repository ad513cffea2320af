// Home: the member's hours in words, and what waits for them: requests to pay, requests they made.
import { api, hubPath } from '../lib/api.js';
import { magnitude } from '../lib/amounts.js';
import { html, useState } from '../lib/html.js';
import { useLoad } from '../lib/load.js';
import { keepCopy } from '../lib/offline.js';
import { explain } from '../lib/problems.js';
import { Changes } from './changes.js';
import { Corrections } from './corrections.js';

export function Home({ t, person }) {
  const member = person.roles.includes('member');
  const treasurer = person.roles.includes('treasurer');
  // after an answer, every list is read as of it: a request just paid never shows as still waiting
  const [position, setPosition] = useState(0);
  const since = (first) => (position ? `${first}minPosition=${position}` : '');
  const balance = useLoad(async () => {
    if (!member) return null;
    const read = await api('GET', hubPath(`/members/${encodeURIComponent(person.memberId)}/balance${since('?')}`));
    keepCopy(person, { balance: read });
    return read;
  }, [person.memberId, position]);
  const loans = useLoad(
    () => (treasurer ? api('GET', hubPath('/pool/loans?status=applied&limit=200')).then((r) => r.loans.filter((l) => l.borrowerId !== person.memberId && !l.approvals.some((a) => a.treasurerId === person.memberId))) : []),
    [person.memberId],
  );
  const waiting = useLoad(async () => {
    if (!member) return { toPay: [], asked: [] };
    const [toPay, asked] = await Promise.all([
      api('GET', hubPath(`/timebank/requests?status=pending&role=payer${since('&')}`)),
      api('GET', hubPath(`/timebank/requests?status=pending&role=provider${since('&')}`)),
    ]);
    return { toPay: toPay.requests, asked: asked.requests };
  }, [person.memberId, position]);
  const [said, setSaid] = useState({ text: '', problem: false });

  const answer = async (request, how) => {
    setSaid({ text: '', problem: false });
    try {
      const path = hubPath(`/timebank/requests/${encodeURIComponent(request.requestId)}/${how}`);
      const answered = await api('POST', path, {});
      setPosition(answered.position);
      const key = { acceptance: 'home.accepted', rejection: 'home.declined', cancellation: 'home.cancelled' }[how];
      const name = how === 'cancellation' ? request.fromName : request.toName;
      setSaid({ text: t(key, { name, hours: request.hours }), problem: false });
    } catch (refusal) {
      setSaid({ text: explain(t, refusal, { you: true, names: { payee: request.toName } }).message, problem: true });
      await waiting.reload(); // answered meanwhile elsewhere, perhaps: the list as it stands now
    }
  };

  const hours = balance.data?.hours;
  return html`<section aria-labelledby="home-title">
    <h2 id="home-title">${t('home.title')}</h2>
    ${member
      ? html`<h3>${t('home.hours')}</h3>
        ${hours
          ? html`<dl class="figures">
              <div><dt>${t('home.balance')}</dt><dd id="hours-balance">${hours.balance}</dd></div>
              <div><dt>${t('home.limit')}</dt><dd>${hours.creditLimit}</dd></div>
              <div><dt>${t('home.available')}</dt><dd id="hours-available">${hours.available}</dd></div>
            </dl>
            ${hours.nearLimit ? html`<p class="warn" id="near-limit">${t('home.nearLimit', { owed: magnitude(hours.balance), limit: hours.creditLimit })}</p>` : null}`
          : html`<p class="muted">${balance.refusal ? explain(t, balance.refusal).message : t('common.loading')}</p>`}`
      : null}
    <h3>${t('home.waiting')}</h3>
    <p role="status" class=${said.problem ? 'problem' : 'done'}>${said.text}</p>
    ${waiting.data && loans.data && waiting.data.toPay.length + waiting.data.asked.length + loans.data.length === 0 ? html`<p>${t('home.nothingWaiting')}</p>` : null}
    ${loans.data?.length ? html`<p class="card"><a href="#/pool">${t('home.loansWaiting', { count: loans.data.length })}</a></p>` : null}
    ${(waiting.data?.toPay ?? []).map(
      (request) => html`<div class="card" key=${request.requestId}>
        <p>${request.memo ? t('home.asksYou', { name: request.toName, hours: request.hours, memo: request.memo }) : t('home.asksYouNoMemo', { name: request.toName, hours: request.hours })}</p>
        <button type="button" onClick=${() => answer(request, 'acceptance')}>${t('home.accept', { hours: request.hours, name: request.toName })}</button>
        ${' '}<button type="button" class="quiet" onClick=${() => answer(request, 'rejection')}>${t('home.decline', { name: request.toName })}</button>
      </div>`,
    )}
    ${(waiting.data?.asked ?? []).map(
      (request) => html`<div class="card" key=${request.requestId}>
        <p>${t('home.youAsked', { name: request.fromName, hours: request.hours })}</p>
        <button type="button" class="quiet" onClick=${() => answer(request, 'cancellation')}>${t('home.cancel', { name: request.fromName })}</button>
      </div>`,
    )}
    <${Corrections} t=${t} person=${person} />
    ${person.roles.some((r) => r === 'coordinator' || r === 'treasurer') ? html`<${Changes} t=${t} person=${person} />` : null}
  </section>`;
}
