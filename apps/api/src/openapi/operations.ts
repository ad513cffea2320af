/**
 * The contract of each operation beyond what its DTOs say: a one-line summary, and the refusals
 * its rules can give (codes of API.md). What every route can give — 401, 403, 429 and 503 when it
 * needs a token, and 503 history_broken past a broken chain; 400 for its query, path or body;
 * 413 and 415 for a body; 409 for a command's Idempotency-Key or a race — is added by completeDocument.
 * The OpenAPI test provokes every code each operation documents.
 */
export interface OperationContract {
  summary: string;
  /** refusals by the domain (and not_found by the read side) */
  refusals: readonly RuleCode[];
  /** no token needed */
  public?: true;
  /** refuses a whole file with every bad line listed: 422 validation_failed */
  refusesLines?: true;
}

export type RuleCode =
  | 'not_found'
  | 'already_exists'
  | 'invalid_state'
  | 'separation_of_duties'
  | 'credit_limit_exceeded'
  | 'balance_limit_exceeded'
  | 'insufficient_funds'
  | 'insufficient_liquidity'
  | 'overpayment'
  | 'aid_limit_exceeded'
  | 'history_broken';

export const OPERATIONS: Readonly<Record<string, OperationContract>> = {
  'POST /hubs': { summary: 'Create a hub (the admin)', refusals: ['already_exists'] },
  'GET /hubs/{hubId}': { summary: "A hub's settings", refusals: ['not_found'] },
  'PATCH /hubs/{hubId}': { summary: "Change a hub's settings: the aid cap, listing days, warnings, auto-acceptance", refusals: ['not_found'] },
  'GET /hubs/{hubId}/me': { summary: 'Who this token belongs to in the hub', refusals: [] },
  'POST /hubs/{hubId}/members': { summary: 'Enrol a member; the token is in this answer only', refusals: ['not_found', 'already_exists'] },
  'GET /hubs/{hubId}/members': { summary: 'The directory: active members by name', refusals: ['not_found'] },
  'PATCH /hubs/{hubId}/members/{memberId}': { summary: "Change a member's roles, credit limit, status or assistance", refusals: ['not_found', 'invalid_state', 'separation_of_duties'] },
  'POST /hubs/{hubId}/members/{memberId}/token': { summary: 'A new token for a member; the old one stops working', refusals: ['not_found', 'invalid_state'] },
  'PATCH /hubs/{hubId}/members/{memberId}/profile': { summary: "A member's profile: name, a few words, contact, whether the balance shows", refusals: ['not_found'] },
  'POST /hubs/{hubId}/imports': { summary: "Import an existing time bank's members and opening balances (the admin)", refusals: ['not_found'], refusesLines: true },
  'GET /hubs/{hubId}/categories': { summary: "The hub's kinds of help", refusals: ['not_found'] },
  'PUT /hubs/{hubId}/categories': { summary: "Set the hub's kinds of help: renamed or retired, never removed", refusals: ['not_found', 'invalid_state'] },
  'GET /hubs/{hubId}/member-changes': { summary: 'Changes to officers waiting for a second officer', refusals: ['not_found'] },
  'POST /hubs/{hubId}/member-changes/{changeId}/confirmation': { summary: 'A second officer confirms a change to an officer', refusals: ['not_found', 'separation_of_duties'] },
  'POST /hubs/{hubId}/member-changes/{changeId}/rejection': { summary: 'A second officer rejects a change to an officer', refusals: ['not_found', 'separation_of_duties'] },
  'POST /hubs/{hubId}/listings': { summary: 'Post an offer or a need on the board', refusals: ['not_found', 'invalid_state'] },
  'GET /hubs/{hubId}/listings': { summary: 'The board, newest first', refusals: ['not_found'] },
  'GET /hubs/{hubId}/listings/{listingId}': { summary: 'One offer or need, with its owner and the hours it brought', refusals: ['not_found'] },
  'PATCH /hubs/{hubId}/listings/{listingId}': { summary: 'Change or close an offer or a need', refusals: ['not_found', 'invalid_state'] },
  'POST /hubs/{hubId}/timebank/transfers': { summary: 'Pay hours for a service', refusals: ['not_found', 'invalid_state', 'separation_of_duties', 'credit_limit_exceeded', 'balance_limit_exceeded'] },
  'POST /hubs/{hubId}/timebank/group-transfers': { summary: 'A work day or a class: many payments as one entry', refusals: ['not_found', 'credit_limit_exceeded'] },
  'POST /hubs/{hubId}/timebank/requests': { summary: 'Ask a member to pay for a service given; no hours move yet', refusals: ['not_found', 'invalid_state'] },
  'GET /hubs/{hubId}/timebank/requests': { summary: 'Hour requests, as payer or provider', refusals: ['not_found'] },
  'POST /hubs/{hubId}/timebank/requests/{requestId}/acceptance': { summary: 'The payer accepts: the payment is decided now', refusals: ['not_found', 'credit_limit_exceeded'] },
  'POST /hubs/{hubId}/timebank/requests/{requestId}/rejection': { summary: 'The payer says no', refusals: ['not_found'] },
  'POST /hubs/{hubId}/timebank/requests/{requestId}/cancellation': { summary: 'The provider takes a request back', refusals: ['not_found'] },
  'GET /hubs/{hubId}/members/{memberId}/balance': { summary: "A member's hours, savings and loans, now or as of a moment", refusals: ['not_found'] },
  'GET /hubs/{hubId}/members/{memberId}/statement': { summary: "A member's statement, with a running balance and the other side named", refusals: ['not_found'] },
  'GET /hubs/{hubId}/pool': { summary: "The savings pool: savings, cash, reserve and the loan book", refusals: ['not_found'] },
  'POST /hubs/{hubId}/pool/deposits': { summary: "Record a member's savings", refusals: ['not_found', 'invalid_state', 'separation_of_duties'] },
  'POST /hubs/{hubId}/pool/withdrawals': { summary: "Pay out a member's free savings", refusals: ['not_found', 'insufficient_funds', 'separation_of_duties'] },
  'POST /hubs/{hubId}/pool/loans': { summary: 'Apply for a loan from the pool', refusals: ['not_found', 'invalid_state'] },
  'GET /hubs/{hubId}/pool/loans': { summary: 'The loans, a page at a time', refusals: [] },
  'GET /hubs/{hubId}/pool/loans/{loanId}': { summary: 'One loan: approvals, schedule, paid, outstanding, arrears', refusals: ['not_found'] },
  'POST /hubs/{hubId}/pool/loans/{loanId}/approvals': { summary: "A treasurer's approval; the quorum's last makes it approved", refusals: ['not_found', 'invalid_state', 'separation_of_duties'] },
  'POST /hubs/{hubId}/pool/loans/{loanId}/rejections': { summary: 'A treasurer rejects an application', refusals: ['not_found', 'invalid_state'] },
  'POST /hubs/{hubId}/pool/loans/{loanId}/cancellation': { summary: 'The borrower withdraws an application before pay-out', refusals: ['not_found', 'invalid_state'] },
  'POST /hubs/{hubId}/pool/loans/{loanId}/disbursement': { summary: 'The pool pays an approved loan out', refusals: ['not_found', 'invalid_state', 'insufficient_liquidity'] },
  'POST /hubs/{hubId}/pool/loans/{loanId}/repayments': { summary: 'Record a repayment: interest due first, then principal', refusals: ['not_found', 'invalid_state', 'overpayment'] },
  'POST /hubs/{hubId}/pool/loans/{loanId}/write-off-votes': { summary: "A treasurer's vote to write a loan off", refusals: ['not_found', 'invalid_state'] },
  'POST /hubs/{hubId}/contributions': { summary: 'Record money, goods or volunteer hours given to the hub', refusals: ['not_found', 'separation_of_duties'] },
  'POST /hubs/{hubId}/funds/transfers': { summary: 'Move money between the general fund and the aid fund', refusals: ['insufficient_funds'] },
  'POST /hubs/{hubId}/aid/requests': { summary: 'Ask the mutual aid fund for money; nobody asks why', refusals: ['not_found', 'aid_limit_exceeded'] },
  'GET /hubs/{hubId}/aid/requests': { summary: 'Aid requests: a member their own, treasurers and auditors all', refusals: [] },
  'GET /hubs/{hubId}/aid/requests/{requestId}': { summary: 'One aid request', refusals: ['not_found'] },
  'POST /hubs/{hubId}/aid/requests/{requestId}/payment': { summary: 'Pay an aid request from the aid fund', refusals: ['not_found', 'invalid_state', 'separation_of_duties', 'insufficient_funds'] },
  'POST /hubs/{hubId}/aid/requests/{requestId}/withdrawal': { summary: 'The member withdraws their open request', refusals: ['not_found', 'invalid_state'] },
  'POST /hubs/{hubId}/projects': { summary: 'Set up a hub project, budgeted phase by phase', refusals: ['already_exists'] },
  'GET /hubs/{hubId}/projects/{projectId}': { summary: "A project's budget, financing, spending and debts, per phase", refusals: ['not_found'] },
  'POST /hubs/{hubId}/projects/{projectId}/financing': { summary: 'Record outside financing of a project', refusals: ['not_found'] },
  'POST /hubs/{hubId}/projects/{projectId}/financing/{financingId}/repayments': { summary: 'Record a repayment to an outside lender', refusals: ['not_found', 'invalid_state', 'overpayment'] },
  'POST /hubs/{hubId}/projects/{projectId}/spending': { summary: 'Record money spent on a phase', refusals: ['not_found'] },
  'GET /hubs/{hubId}/reports/financing': { summary: "The hub's financing report, JSON or CSV", refusals: ['not_found'] },
  'GET /reports/network': { summary: "Every hub's report and their sums per currency (the admin)", refusals: [] },
  'POST /hubs/{hubId}/reversals': { summary: 'Propose to reverse an entry, named by its position', refusals: ['not_found', 'invalid_state'] },
  'GET /hubs/{hubId}/reversals': { summary: 'Reversals proposed, applied and rejected', refusals: [] },
  'POST /hubs/{hubId}/reversals/{reversalId}/confirmation': { summary: 'Confirm a reversal someone else proposed: it applies', refusals: ['not_found', 'invalid_state', 'separation_of_duties'] },
  'POST /hubs/{hubId}/reversals/{reversalId}/rejection': { summary: 'Reject a proposed reversal', refusals: ['not_found', 'invalid_state', 'separation_of_duties'] },
  'POST /hubs/{hubId}/things': { summary: 'Add a thing to the tool library', refusals: ['not_found', 'already_exists'] },
  'GET /hubs/{hubId}/things': { summary: 'The tool library: each thing with its status and queue', refusals: ['not_found'] },
  'GET /hubs/{hubId}/things/overdue': { summary: 'Loans past their due date, the longest overdue first', refusals: ['not_found'] },
  'GET /hubs/{hubId}/things/{thingId}': { summary: 'One thing: its status, owner and queue', refusals: ['not_found'] },
  'PATCH /hubs/{hubId}/things/{thingId}': { summary: "Send a thing to repair, back, or retire it; change its terms", refusals: ['not_found', 'invalid_state'] },
  'GET /hubs/{hubId}/things/{thingId}/history': { summary: "A thing's loans, returns and repairs", refusals: ['not_found'] },
  'POST /hubs/{hubId}/things/{thingId}/holds': { summary: "Join a thing's queue", refusals: ['not_found', 'invalid_state'] },
  'DELETE /hubs/{hubId}/things/{thingId}/holds/{holdId}': { summary: "Leave a thing's queue", refusals: ['not_found'] },
  'POST /hubs/{hubId}/things/{thingId}/loans': { summary: 'Lend a thing to the one whose turn it is; its hours paid in the same decision', refusals: ['not_found', 'invalid_state', 'separation_of_duties', 'credit_limit_exceeded'] },
  'POST /hubs/{hubId}/things/{thingId}/return': { summary: 'Take a thing back, saying how it came back', refusals: ['not_found', 'invalid_state', 'separation_of_duties'] },
  'GET /hubs/{hubId}/members/{memberId}/things': { summary: 'What a member has out and the queues they are in', refusals: ['not_found'] },
  'GET /hubs/{hubId}/audit/events': { summary: "The hub's events as stored, a page at a time", refusals: [] },
  'GET /audit/verify': { summary: 'Recompute the hash chains: the whole ledger, or the auditor hub’s streams', refusals: [] },
  'GET /health': { summary: 'Liveness, the store, and any stream whose history is broken', refusals: [], public: true },
  'GET /health/ready': { summary: 'Readiness: 503 unless the store, the read models and every chain hold', refusals: ['history_broken'], public: true },
  'GET /metrics': { summary: 'Prometheus metrics', refusals: [], public: true },
};
