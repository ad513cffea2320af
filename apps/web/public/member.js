// What a member does: see their accounts and statement, pay hours, apply for a loan.
import { $, api, hubPath, newKey, session } from './api.js';
import { offerReversal } from './corrections.js';

// Problems from the API, in plain words, and the field each one belongs to.
export const PLAIN = {
  credit_limit_exceeded: ['pay-hours', 'That would take you past your credit limit.'],
  balance_limit_exceeded: ['pay-hours', 'That would take them past the most hours anyone may hold.'],
  not_found: ['pay-to', 'There is no member with that id in your hub.'],
  invalid_state: ['pay-to', 'That member cannot take part in payments right now.'],
  unauthenticated: ['sign-in-error', 'That token is not valid here. Ask your coordinator for a new one.'],
  forbidden: ['sign-in-error', 'Your token does not allow this.'],
};


export async function refresh(minPosition) {
  const { hubId, memberId } = session.get();
  const wait = minPosition ? `?minPosition=${minPosition}` : '';
  const base = `/hubs/${encodeURIComponent(hubId)}/members/${encodeURIComponent(memberId)}`;
  const balance = await api('GET', `${base}/balance${wait}`);
  $('hours-balance').textContent = balance.hours.balance;
  $('hours-limit').textContent = balance.hours.creditLimit;
  $('hours-available').textContent = balance.hours.available;
  $('savings').textContent = balance.savings.balance;
  $('loans').textContent = balance.loans.outstanding;
  // a soft limit, said in plain words
  $('near-limit').textContent = balance.hours.nearLimit
    ? `You owe ${balance.hours.balance.replace('-', '')} of the ${balance.hours.creditLimit} hours you may owe. Offering some help brings it back.`
    : '';
  const statement = await api('GET', `${base}/statement?account=hours&limit=50${minPosition ? `&minPosition=${minPosition}` : ''}`);
  $('statement').replaceChildren(
    ...statement.entries.reverse().map((entry) => {
      const row = document.createElement('tr');
      for (const text of [entry.at.slice(0, 10), entry.counterpartyName ?? entry.counterparty ?? '', entry.memo ?? '', entry.amount, entry.balance]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      row.append(correctionCell(entry));
      return row;
    }),
  );
  return balance;
}

/** "reversed", "a reversal", or, on the member's own payment, the way to ask for one. */
function correctionCell(entry) {
  const cell = document.createElement('td');
  if (entry.reversedBy) cell.textContent = 'reversed';
  else if (entry.reverses) cell.textContent = 'a reversal';
  else if (entry.type === 'HoursPaid' && entry.amount.startsWith('-')) {
    const ask = document.createElement('button');
    ask.type = 'button';
    ask.textContent = 'Ask to reverse';
    ask.setAttribute('aria-label', `Ask to reverse ${entry.amount.slice(1)} hours paid to ${entry.counterpartyName ?? entry.counterparty} on ${entry.at.slice(0, 10)}`);
    ask.addEventListener('click', () => offerReversal(entry));
    cell.append(ask);
  }
  return cell;
}

export function clearErrors() {
  for (const id of ['pay-to-error', 'pay-hours-error', 'sign-in-error']) $(id).textContent = '';
}

export function explain(error, fallbackField) {
  const code = error.problem?.code;
  const [field, text] = PLAIN[code] ?? [fallbackField, error.message];
  $(field.endsWith('-error') ? field : `${field}-error`).textContent = text;
}

let pending = null;
$('pay-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  const hours = $('pay-hours').value.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(hours) || Number(hours) === 0) {
    $('pay-hours-error').textContent = 'Hours are a number above zero, at most two decimals, such as 1.5.';
    return;
  }
  const balance = $('hours-balance').textContent;
  const after = (Math.round(Number(balance) * 100) - Math.round(Number(hours) * 100)) / 100;
  pending = { toMemberId: $('pay-to').value.trim(), hours, memo: $('pay-memo').value, key: newKey() };
  $('pay-confirm-text').textContent = `Pay ${pending.toMemberId} ${hours} hours? Your balance after: ${after.toFixed(2)}.`;
  $('pay-confirm').hidden = false;
  $('pay-yes').focus();
});

$('pay-no').addEventListener('click', () => {
  $('pay-confirm').hidden = true;
  pending = null;
  $('pay-hours').focus();
});

$('pay-yes').addEventListener('click', async () => {
  const { hubId, memberId } = session.get();
  $('pay-confirm').hidden = true;
  try {
    const { position, warnings } = await api(
      'POST',
      `/hubs/${encodeURIComponent(hubId)}/timebank/transfers`,
      { fromMemberId: memberId, toMemberId: pending.toMemberId, hours: pending.hours, ...(pending.memo ? { memo: pending.memo } : {}) },
      { 'idempotency-key': pending.key },
    );
    await refresh(position);
    $('pay-done').textContent = `Paid ${pending.toMemberId} ${pending.hours} hours.${warnings?.length ? ' You are close to your limit now.' : ''}`;
    $('pay-form').reset();
  } catch (error) {
    explain(error, 'pay-hours');
  }
  pending = null;
});

$('loan-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('loan-error').textContent = '';
  try {
    const result = await api('POST', `${hubPath()}/pool/loans`, {
      borrowerId: session.get().memberId,
      principal: $('loan-principal').value.trim(),
      termMonths: Number.parseInt($('loan-months').value, 10),
      annualInterestRate: $('loan-rate').value.trim(),
      purpose: $('loan-purpose').value.trim(),
    }, { 'idempotency-key': newKey() });
    $('loan-done').textContent = `Your application is in: ${result.status}. Two treasurers will look at it.`;
    $('loan-form').reset();
  } catch (error) {
    $('loan-error').textContent = error.message;
  }
});

