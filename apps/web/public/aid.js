// Mutual aid: a member asks the hub's aid fund and may withdraw while the request is open; a
// treasurer pays requests from the fund, never their own.
import { $, api, button, hubPath, newKey, session } from './api.js';

const PLAIN = {
  aid_limit_exceeded: 'That is more than one member may ask for this month.',
  insufficient_funds: 'The aid fund does not hold that much right now.',
};
const say = (failure) => PLAIN[failure.problem?.code] ?? failure.message;
const after = (position) => (position ? `&minPosition=${position}` : '');
const keyed = () => ({ 'idempotency-key': newKey() });

/** The signed-in member's own requests, newest first; an open one can be withdrawn. */
export async function loadMyAid(minPosition) {
  const { memberId } = session.get();
  const { requests } = await api('GET', `${hubPath()}/aid/requests?limit=100${after(minPosition)}`);
  $('my-aid').replaceChildren(
    ...requests
      .filter((request) => request.memberId === memberId) // a treasurer's list holds everyone's
      .reverse()
      .map((request) => {
        const item = document.createElement('li');
        const text = document.createElement('p');
        const status = { requested: 'waiting for a treasurer', paid: `paid by ${request.paidBy}`, withdrawn: 'withdrawn', reversed: 'paid, then given back to the fund' }[request.status];
        text.textContent = `${request.amount} asked on ${request.requestedAt.slice(0, 10)}${request.need ? ` for ${request.need}` : ''}: ${status}`;
        item.append(text);
        if (request.status === 'requested') {
          const error = document.createElement('p');
          error.className = 'error';
          error.setAttribute('role', 'alert');
          item.append(
            button(`Withdraw the request for ${request.amount}`, async () => {
              try {
                const result = await api('POST', `${hubPath()}/aid/requests/${request.requestId}/withdrawal`, {}, keyed());
                await loadMyAid(result.position);
                $('aid-done').textContent = `Your request for ${request.amount} is withdrawn.`;
              } catch (failure) {
                error.textContent = say(failure);
              }
            }),
            error,
          );
        }
        return item;
      }),
  );
}

/** Open requests of other members, oldest first, each with a way to pay it. */
export async function loadAidQueue(minPosition) {
  const { memberId } = session.get();
  const { requests } = await api('GET', `${hubPath()}/aid/requests?status=requested&limit=100${after(minPosition)}`);
  const waiting = requests.filter((request) => request.memberId !== memberId);
  $('aid-queue-empty').hidden = waiting.length > 0;
  $('aid-queue').replaceChildren(
    ...waiting.map((request) => {
      const item = document.createElement('li');
      const text = document.createElement('p');
      text.textContent = `${request.memberId} asks for ${request.amount} (since ${request.requestedAt.slice(0, 10)})`;
      const error = document.createElement('p');
      error.className = 'error';
      error.setAttribute('role', 'alert');
      const pay = button(`Pay ${request.memberId} ${request.amount}`, async () => {
        try {
          const result = await api('POST', `${hubPath()}/aid/requests/${request.requestId}/payment`, {}, keyed());
          await loadAidQueue(result.position);
          $('aid-queue-done').textContent = `Paid ${request.memberId} ${result.amount}; the aid fund holds ${result.aidFund}.`;
        } catch (failure) {
          error.textContent = say(failure);
        }
      });
      item.append(text, pay, error);
      return item;
    }),
  );
}

$('aid-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('aid-error').textContent = '';
  const need = $('aid-need').value.trim();
  try {
    const result = await api('POST', `${hubPath()}/aid/requests`, { memberId: session.get().memberId, amount: $('aid-amount').value.trim(), ...(need ? { need } : {}) }, keyed());
    await loadMyAid(result.position);
    $('aid-done').textContent = `Your request for ${result.amount} is in. A treasurer will pay it from the aid fund.`;
    $('aid-form').reset();
  } catch (failure) {
    $('aid-error').textContent = say(failure);
  }
});
