// Corrections: a member asks to reverse a payment of theirs; the person it takes from, or an
// officer of that ledger, confirms it or turns it down. Nothing is ever edited or deleted.
import { $, api, button, hubPath, newKey, session } from './api.js';

const PLAIN = {
  separation_of_duties: 'Someone else has to confirm this: nobody confirms a correction they asked for, or one that gives back to them.',
  invalid_state: 'This was already corrected, or someone already decided on it.',
  insufficient_funds: 'That money is no longer in the account, so it cannot be taken back.',
  insufficient_liquidity: 'The pool or the fund no longer holds that money, so it cannot be taken back.',
  forbidden: 'Only the people this correction concerns, or an officer, can decide on it.',
};
export const say = (failure) => PLAIN[failure.problem?.code] ?? failure.message;
const after = (position) => (position ? `&minPosition=${position}` : '');
const keyed = () => ({ 'idempotency-key': newKey() });
const UNITS = { hours: 'hours', money: '', goods: '' };
const WHAT = { HoursPaid: 'paid', VolunteerHoursPaid: 'of volunteer hours', SavingsDeposited: 'saved', SavingsWithdrawn: 'taken out of savings', LoanRepaymentReceived: 'repaid', MoneyContributed: 'given', InKindContributed: 'given in kind', AidPaid: 'of aid' };

/** Whether the signed-in person may decide on this reversal, by the rule the ledger applies. */
function mayDecide(reversal, memberId, roles) {
  const { member, role, never } = reversal.mayDecide;
  return !never.includes(memberId) && (member === memberId || roles.includes(role));
}

/** The corrections waiting for the signed-in person's word. */
export async function loadCorrections(roles, minPosition) {
  const { memberId } = session.get();
  const { reversals } = await api('GET', `${hubPath()}/reversals?status=proposed&limit=100${after(minPosition)}`);
  const mine = reversals.filter((reversal) => mayDecide(reversal, memberId, roles));
  $('corrections-empty').hidden = mine.length > 0;
  $('corrections').replaceChildren(
    ...mine.map((reversal) => {
      const item = document.createElement('li');
      const text = document.createElement('p');
      const amount = `${reversal.amount}${UNITS[reversal.unit] ? ` ${UNITS[reversal.unit]}` : ''}`;
      const who = reversal.parties.join(' to ');
      text.textContent = `${reversal.proposedBy} asks to reverse ${amount} ${WHAT[reversal.original.type] ?? ''} (${who}): ${reversal.reason}`;
      const error = document.createElement('p');
      error.className = 'error';
      error.setAttribute('role', 'alert');
      const decide = async (path, body, done) => {
        error.textContent = '';
        try {
          const result = await api('POST', `${hubPath()}/reversals/${reversal.reversalId}/${path}`, body, keyed());
          await loadCorrections(roles, result.position);
          $('corrections-done').textContent = done;
        } catch (failure) {
          error.textContent = say(failure);
        }
      };
      item.append(
        text,
        button(`Confirm the correction asked by ${reversal.proposedBy}`, () => decide('confirmation', {}, `Corrected: ${amount} went back.`)),
        button(`Turn down the correction asked by ${reversal.proposedBy}`, () => decide('rejection', { reason: 'turned down on the members’ page' }, 'Turned down: nothing changed.')),
        error,
      );
      return item;
    }),
  );
}

let target = null;

/** Offers to reverse one of the member's own payments: the statement line's position names it. */
export function offerReversal(entry) {
  target = entry;
  $('reverse-text').textContent = `Ask to reverse ${entry.amount.replace('-', '')} hours paid to ${entry.counterparty} on ${entry.at.slice(0, 10)}. ${entry.counterparty} or a coordinator will be asked to confirm.`;
  $('reverse-form').hidden = false;
  $('reverse-error').textContent = '';
  $('reverse-done').textContent = '';
  $('reverse-reason').focus();
}

$('reverse-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const reason = $('reverse-reason').value.trim();
  if (!reason) {
    $('reverse-error').textContent = 'Say in a few words what went wrong.';
    return;
  }
  try {
    await api('POST', `${hubPath()}/reversals`, { position: target.position, reason }, keyed());
    $('reverse-form').hidden = true;
    $('reverse-form').reset();
    $('reverse-done').textContent = `Asked: ${target.counterparty} or a coordinator will confirm it. Nothing moves until then.`;
  } catch (failure) {
    $('reverse-error').textContent = say(failure);
  }
});

$('reverse-cancel').addEventListener('click', () => {
  $('reverse-form').hidden = true;
  $('reverse-form').reset();
  target = null;
});
