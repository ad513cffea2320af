// What a treasurer does: decide on loans, record savings, pay out loans and collect repayments.
import { $, api, hubPath, newKey, session } from './api.js';

/** `&minPosition=…`: a list read after a decision waits until it includes that decision. */
const after = (position) => (position ? `&minPosition=${position}` : '');

/** Loans waiting for this treasurer: applied, not their own, not yet approved by them. */
export async function loadQueue(minPosition) {
  const { hubId, memberId } = session.get();
  const hub = `/hubs/${encodeURIComponent(hubId)}`;
  const { loans } = await api('GET', `${hub}/pool/loans?status=applied&limit=100${after(minPosition)}`);
  const waiting = loans.filter((loan) => loan.borrowerId !== memberId && !loan.approvals.some((a) => a.treasurerId === memberId));
  $('queue-empty').hidden = waiting.length > 0;
  $('queue').replaceChildren(
    ...waiting.map((loan) => {
      const item = document.createElement('li');
      const text = document.createElement('p');
      text.textContent = `${loan.borrowerId} asks for ${loan.principal} over ${loan.termMonths} months at ${loan.annualInterestRate}: ${loan.purpose} (${loan.approvals.length} approval${loan.approvals.length === 1 ? '' : 's'} so far)`;
      const label = document.createElement('label');
      label.textContent = `Note on ${loan.borrowerId}'s loan`;
      const note = document.createElement('input');
      note.id = `note-${loan.loanId}`;
      label.htmlFor = note.id;
      const approve = document.createElement('button');
      approve.type = 'button';
      approve.textContent = `Approve ${loan.borrowerId}'s loan`;
      const reject = document.createElement('button');
      reject.type = 'button';
      reject.textContent = `Reject ${loan.borrowerId}'s loan`;
      const error = document.createElement('p');
      error.className = 'error';
      error.setAttribute('role', 'alert');
      const decide = async (path, body) => {
        if (!note.value.trim()) {
          error.textContent = 'Write a note: every decision says why.';
          return;
        }
        try {
          const result = await api('POST', `${hub}/pool/loans/${loan.loanId}/${path}`, body);
          // the queue first, then the word that it is done: whoever reads "done" sees the queue as it now is
          await loadQueue(result.position);
          $('queue-done').textContent = `Loan of ${loan.borrowerId}: ${result.status}.`;
        } catch (failure) {
          error.textContent = failure.message;
        }
      };
      approve.addEventListener('click', () => decide('approvals', { note: note.value.trim() }));
      reject.addEventListener('click', () => decide('rejections', { reason: note.value.trim() }));
      item.append(text, label, note, approve, reject, error);
      return item;
    }),
  );
}


$('savings-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('savings-error').textContent = '';
  const plain = { insufficient_funds: 'That is more than the member has saved and free.', insufficient_liquidity: 'The pool does not hold that much cash.' };
  try {
    const result = await api('POST', `${hubPath()}/pool/${$('savings-kind').value}`, { memberId: $('savings-member').value.trim(), amount: $('savings-amount').value.trim() }, { 'idempotency-key': newKey() });
    $('savings-done').textContent = `${result.memberId} now has ${result.savings} saved.`;
    $('savings-form').reset();
  } catch (error) {
    $('savings-error').textContent = plain[error.problem?.code] ?? error.message;
  }
});

/** Approved loans to disburse and active ones to collect repayments on. */
export async function loadBook(minPosition) {
  const [approved, active] = await Promise.all(['approved', 'active'].map((status) => api('GET', `${hubPath()}/pool/loans?status=${status}&limit=100${after(minPosition)}`)));
  $('book').replaceChildren(
    ...[...approved.loans, ...active.loans].map((loan) => {
      const item = document.createElement('li');
      const text = document.createElement('p');
      text.textContent = loan.status === 'approved'
        ? `${loan.borrowerId}: ${loan.principal} approved, not yet paid out`
        : `${loan.borrowerId}: ${loan.outstanding} outstanding, ${loan.arrears} in arrears`;
      const error = document.createElement('p');
      error.className = 'error';
      error.setAttribute('role', 'alert');
      const act = async (path, body) => {
        try {
          const result = await api('POST', `${hubPath()}/pool/loans/${loan.loanId}/${path}`, body, { 'idempotency-key': newKey() });
          await loadBook(result.position);
          $('book-done').textContent = `Loan of ${loan.borrowerId}: ${result.status}${result.outstanding ? `, ${result.outstanding} outstanding` : ''}.`;
        } catch (failure) {
          error.textContent = failure.problem?.code === 'insufficient_liquidity' ? 'The pool cannot pay this out now: its cash, less the reserve, is not enough.' : failure.message;
        }
      };
      if (loan.status === 'approved') {
        const pay = document.createElement('button');
        pay.type = 'button';
        pay.textContent = `Pay out ${loan.borrowerId}'s loan`;
        pay.addEventListener('click', () => act('disbursement', {}));
        item.append(text, pay, error);
      } else {
        const label = document.createElement('label');
        label.textContent = `Repayment from ${loan.borrowerId}`;
        const amount = document.createElement('input');
        amount.id = `repay-${loan.loanId}`;
        amount.inputMode = 'decimal';
        label.htmlFor = amount.id;
        const repay = document.createElement('button');
        repay.type = 'button';
        repay.textContent = `Record ${loan.borrowerId}'s repayment`;
        repay.addEventListener('click', () => act('repayments', { amount: amount.value.trim() }));
        item.append(text, label, amount, repay, error);
      }
      return item;
    }),
  );
}

