import Decimal from 'decimal.js';
import { poolDecider } from './pool.decider';
import { PoolCommand } from './pool.commands';
import { PoolState, assertPoolReconciles, savingsOf } from './pool.state';
import { PoolEvent } from './pool.events';
import {
  applied, applyFor, approvalGiven, approve, approvedBy, at, cancel, cancelledBy, closed, deposit, deposited, disburse, disbursed,
  givenPool, poolHub, reject, rejectedBy, repaid, repay, voteWriteOff, when, withdraw, writeOffVoted,
} from './pool.spec-helpers';

const hub = poolHub();
const refusal = (code: string, rule?: string) => expect.objectContaining(rule ? { code, rule } : { code });
const savedBy3 = [deposited('ann', '400'), deposited('ben', '300'), deposited('cal', '300')];
const approved = [...savedBy3, applied('loan-1', 'ann', '600'), ...approvedBy('loan-1', 'tia', 'tom')];
const active = [...approved, disbursed('loan-1', 'ann', '600')];

describe('savings', () => {
  it('records a deposit into the member savings and the pool cash', () => {
    const [event] = when(deposit('ann', '25.5'), givenPool(), hub);
    expect(event).toEqual({ type: 'SavingsDeposited', data: { memberId: 'ann', amount: '25.50', at } });
    const state = givenPool(event);
    expect(savingsOf(state, 'ann').toFixed(2)).toBe('25.50');
    expect(state.cash.toFixed(2)).toBe('25.50');
  });

  it('lets only a treasurer record deposits and withdrawals', () => {
    expect(() => when(deposit('ann', '5', 'coco'), givenPool(), hub)).toThrow(refusal('forbidden'));
    expect(() => when(withdraw('ann', '5', 'ann'), givenPool(deposited('ann', '5')), hub)).toThrow(refusal('forbidden'));
  });

  it('refuses a treasurer recording a deposit or a withdrawal of their own savings (no-own-savings)', () => {
    expect(() => when(deposit('tia', '5', 'tia'), givenPool(), hub)).toThrow(refusal('separation_of_duties', 'no-own-savings'));
    expect(() => when(withdraw('tia', '5', 'tia'), givenPool(deposited('tia', '5')), hub)).toThrow(refusal('separation_of_duties', 'no-own-savings'));
    expect(when(withdraw('tia', '5', 'tom'), givenPool(deposited('tia', '5')), hub)).toHaveLength(1);
  });

  it.each([['0'], ['-5'], ['1.005'], ['1e3']])('refuses a deposit of %p', (amount) => {
    expect(() => when(deposit('ann', amount), givenPool(), hub)).toThrow(refusal('validation_failed'));
  });

  it('refuses a deposit for someone not enrolled', () => {
    expect(() => when(deposit('zed', '5'), givenPool(), hub)).toThrow(refusal('not_found'));
  });

  it('refuses a withdrawal above the member savings with insufficient_funds', () => {
    expect(() => when(withdraw('ann', '400.01'), givenPool(...savedBy3), hub)).toThrow(refusal('insufficient_funds'));
  });

  it("refuses a withdrawal above the pool's cash with insufficient_liquidity", () => {
    const lent = givenPool(...savedBy3, applied('loan-1', 'cal', '900'), ...approvedBy('loan-1', 'tia', 'tom'), disbursed('loan-1', 'cal', '900'));
    expect(() => when(withdraw('ben', '200'), lent, hub)).toThrow(refusal('insufficient_liquidity'));
  });

  it('keeps savings that back the member own loan from being withdrawn', () => {
    const state = givenPool(...active);
    expect(() => when(withdraw('ann', '1'), state, hub)).toThrow(refusal('insufficient_funds'));
  });
});

describe('loan application', () => {
  it('records an application by the borrower', () => {
    const [event] = when(applyFor('loan-1', 'ann', '600', { projectId: 'greenhouse-phase-1' }), givenPool(), hub);
    expect(event).toEqual({
      type: 'LoanApplied',
      data: {
        loanId: 'loan-1', borrowerId: 'ann', principal: '600.00', termMonths: 4, annualInterestRate: '0.12',
        purpose: 'greenhouse glazing', projectId: 'greenhouse-phase-1', phase: null, appliedBy: 'ann', at,
      },
    });
  });

  it('lets a treasurer apply on behalf of a member, but not another member', () => {
    expect(when(applyFor('loan-1', 'ann', '50', { actorId: 'tia' }), givenPool(), hub)[0].data).toMatchObject({ appliedBy: 'tia' });
    expect(() => when(applyFor('loan-1', 'ann', '50', { actorId: 'ben' }), givenPool(), hub)).toThrow(refusal('forbidden'));
  });

  it.each([
    ['a term of 0 months', { termMonths: 0 }],
    ['a term of 61 months', { termMonths: 61 }],
    ['a rate above 1', { annualInterestRate: '1.5' }],
    ['a negative rate', { annualInterestRate: '-0.1' }],
    ['an empty purpose', { purpose: ' ' }],
    ['a principal with three decimals', { principal: '10.001' }],
  ])('refuses %s', (_case, change) => {
    expect(() => when({ ...applyFor('loan-1', 'ann', '50'), ...change } as PoolCommand, givenPool(), hub)).toThrow(
      refusal('validation_failed'),
    );
  });

  it('allows a zero interest rate', () => {
    expect(() => when(applyFor('loan-1', 'ann', '50', { annualInterestRate: '0' }), givenPool(), hub)).not.toThrow();
  });

  it('refuses a loan id already used', () => {
    expect(() => when(applyFor('loan-1', 'ben', '50'), givenPool(applied('loan-1', 'ann', '50')), hub)).toThrow(refusal('already_exists'));
  });
});

describe('approval by a quorum of distinct treasurers', () => {
  const onApplication = givenPool(applied('loan-1', 'ann', '50'));

  it('records each approval with who and the note, and approves at the quorum', () => {
    const first = when(approve('loan-1', 'tia'), onApplication, hub);
    expect(first).toEqual([{ type: 'LoanApprovalGiven', data: { loanId: 'loan-1', treasurerId: 'tia', role: 'treasurer', note: 'known to the hub', at } }]);
    const second = when(approve('loan-1', 'tom'), first.reduce(poolDecider.evolve, poolDecider.copy(onApplication)), hub);
    expect(second.map((e) => e.type)).toEqual(['LoanApprovalGiven', 'LoanApproved']);
    expect(second[1].data).toMatchObject({ approvers: ['tia', 'tom'] });
  });

  it('refuses a second approval by the same treasurer', () => {
    expect(() => when(approve('loan-1', 'tia'), givenPool(applied('loan-1', 'ann', '50'), approvalGiven('loan-1', 'tia')), hub)).toThrow(
      refusal('invalid_state'),
    );
  });

  it('never lets the borrower approve, reject or vote on their own loan, even as a treasurer', () => {
    const own = givenPool(...savedBy3, applied('loan-2', 'tia', '50'));
    const rule = 'no-decision-on-own-loan';
    expect(() => when(approve('loan-2', 'tia'), own, hub)).toThrow(refusal('separation_of_duties', rule));
    expect(() => when(reject('loan-2', 'tia'), own, hub)).toThrow(refusal('separation_of_duties', rule));
    const ready = givenPool(...savedBy3, applied('loan-2', 'tia', '50'), ...approvedBy('loan-2', 'tom', 'ted'));
    expect(() => when(disburse('loan-2', 'tia'), ready, hub)).toThrow(refusal('separation_of_duties', rule));
    const lent = givenPool(...savedBy3, applied('loan-2', 'tia', '50'), ...approvedBy('loan-2', 'tom', 'ted'), disbursed('loan-2', 'tia', '50'));
    expect(() => when(voteWriteOff('loan-2', 'tia'), lent, hub)).toThrow(refusal('separation_of_duties', rule));
  });

  it('refuses a treasurer who borrows recording repayments of their own loan (no-own-repayment)', () => {
    const lent = givenPool(...savedBy3, applied('loan-2', 'tia', '50'), ...approvedBy('loan-2', 'tom', 'ted'), disbursed('loan-2', 'tia', '50'));
    expect(() => when(repay('loan-2', '10', at, 'tia'), lent, hub)).toThrow(refusal('separation_of_duties', 'no-own-repayment'));
    expect(when(repay('loan-2', '10', at, 'tom'), lent, hub)[0].type).toBe('LoanRepaymentReceived');
  });

  it('refuses approval from someone who is not a treasurer', () => {
    expect(() => when(approve('loan-1', 'coco'), onApplication, hub)).toThrow(refusal('forbidden'));
  });

  it('lets any other treasurer reject an application with a reason', () => {
    expect(when(reject('loan-1', 'ted'), onApplication, hub)).toEqual([
      { type: 'LoanRejected', data: { loanId: 'loan-1', treasurerId: 'ted', role: 'treasurer', reason: 'pool too thin', at } },
    ]);
  });

  it('follows a quorum of three when the hub asks for it', () => {
    const strict = poolHub({ approvalQuorum: 3 });
    const twice = givenPool(applied('loan-1', 'ann', '50'), approvalGiven('loan-1', 'tia'), approvalGiven('loan-1', 'tom'));
    expect(twice.loans.get('loan-1')!.status).toBe('applied');
    expect(when(approve('loan-1', 'ted'), twice, strict).map((e) => e.type)).toContain('LoanApproved');
  });
});

describe('cancellation', () => {
  it('lets the borrower cancel before disbursement, and nobody else', () => {
    const state = givenPool(...approved);
    expect(when(cancel('loan-1', 'ann'), state, hub)[0].type).toBe('LoanCancelled');
    expect(() => when(cancel('loan-1', 'tia'), state, hub)).toThrow(refusal('forbidden'));
  });
});

describe('disbursement', () => {
  it('pays out an approved loan and fixes its schedule', () => {
    const [event] = when(disburse('loan-1'), givenPool(...approved), hub);
    expect(event.type).toBe('LoanDisbursed');
    expect(event.data).toMatchObject({ loanId: 'loan-1', amount: '600.00', treasurerId: 'ted' });
    expect((event.data as { schedule: unknown[] }).schedule).toHaveLength(4);
  });

  it("refuses when the pool's cash less its reserve does not cover the principal", () => {
    const reserved = poolHub({ reserveRatio: '0.5' });
    const state = givenPool(...savedBy3, applied('loan-1', 'ann', '500.01'), ...approvedBy('loan-1', 'tia', 'tom'));
    expect(() => when(disburse('loan-1'), state, reserved)).toThrow(refusal('insufficient_liquidity'));
    const exact = givenPool(...savedBy3, applied('loan-1', 'ann', '500'), ...approvedBy('loan-1', 'tia', 'tom'));
    expect(() => when(disburse('loan-1'), exact, reserved)).not.toThrow();
  });
});

describe('repayment', () => {
  const disbursedAt = at;
  const month = (n: number) => new Date(Date.UTC(2026, 2 + n, 1, 10)).toISOString();

  it('settles interest due first, then principal', () => {
    // 600 at 12 % over 4 months: interest 24.00, 6.00 a month; principal 150.00 a month
    const [event] = when(repay('loan-1', '100', month(1)), givenPool(...active), hub);
    expect(event.data).toMatchObject({ amount: '100.00', interest: '6.00', principal: '94.00' });
  });

  it('puts a payment before any instalment is due all on principal', () => {
    const [event] = when(repay('loan-1', '100', disbursedAt), givenPool(...active), hub);
    expect(event.data).toMatchObject({ interest: '0.00', principal: '100.00' });
  });

  it('closes the loan as repaid when the last principal is paid', () => {
    // by May: 12.00 interest due, so 294.00 principal; by July 12.00 more interest and 306.00 principal left
    const state = givenPool(...active, repaid('loan-1', 'ann', '12', '294', month(2)));
    expect(() => when(repay('loan-1', '318.01', month(4)), state, hub)).toThrow(refusal('overpayment'));
    const events = when(repay('loan-1', '318', month(4)), state, hub);
    expect(events.map((e) => e.type)).toEqual(['LoanRepaymentReceived', 'LoanRepaid']);
  });

  it('refuses a payment larger than what is owed', () => {
    expect(() => when(repay('loan-1', '606.01', month(1)), givenPool(...active), hub)).toThrow(refusal('overpayment'));
  });
});

describe('write-off', () => {
  it('takes the unpaid principal off the pool at a quorum of distinct treasurers', () => {
    const state = givenPool(...active, repaid('loan-1', 'ann', '0', '100'), writeOffVoted('loan-1', 'tia'));
    expect(() => when(voteWriteOff('loan-1', 'tia'), state, hub)).toThrow(refusal('invalid_state'));
    const events = when(voteWriteOff('loan-1', 'tom'), state, hub);
    expect(events[1]).toEqual({
      type: 'LoanWrittenOff',
      data: { loanId: 'loan-1', borrowerId: 'ann', principal: '500.00', voters: ['tia', 'tom'], at },
    });
    const after = events.reduce(poolDecider.evolve, poolDecider.copy(state));
    expect(after.totals.writtenOff.toFixed(2)).toBe('500.00');
    expect(after.cash.toFixed(2)).toBe('500.00');
  });
});

describe('every other move between states is invalid_state', () => {
  const writtenOff: PoolEvent = { type: 'LoanWrittenOff', data: { loanId: 'loan-1', borrowerId: 'ann', principal: '600.00', voters: ['tia', 'tom'], at } };
  const stories: Record<string, PoolEvent[]> = {
    applied: [...savedBy3, applied('loan-1', 'ann', '600')],
    approved,
    rejected: [...savedBy3, applied('loan-1', 'ann', '600'), rejectedBy('loan-1', 'tia')],
    cancelled: [...savedBy3, applied('loan-1', 'ann', '600'), cancelledBy('loan-1', 'ann')],
    active,
    repaid: [...active, repaid('loan-1', 'ann', '0', '600'), closed('loan-1')],
    written_off: [...active, writeOffVoted('loan-1', 'tia'), writeOffVoted('loan-1', 'tom'), writtenOff],
  };
  const moves: Record<string, PoolCommand> = {
    approve: approve('loan-1', 'ted'),
    reject: reject('loan-1', 'ted'),
    cancel: cancel('loan-1', 'ann'),
    disburse: disburse('loan-1'),
    repay: repay('loan-1', '1'),
    'vote to write off': voteWriteOff('loan-1', 'ted'),
  };
  const allowed: Record<string, string[]> = {
    applied: ['approve', 'reject', 'cancel'],
    approved: ['cancel', 'disburse'],
    active: ['repay', 'vote to write off'],
  };
  const cases = Object.keys(stories).flatMap((status) =>
    Object.keys(moves).filter((move) => !(allowed[status] ?? []).includes(move)).map((move) => [status, move] as const),
  );

  it.each(cases)('refuses to %s → %s', (status, move) => {
    const state = givenPool(...stories[status]);
    expect(state.loans.get('loan-1')!.status).toBe(status);
    expect(() => when(moves[move], state, hub)).toThrow(refusal('invalid_state'));
  });

  it('refuses any move on a loan that does not exist with not_found', () => {
    for (const move of Object.values(moves)) expect(() => when(move, givenPool(...savedBy3), hub)).toThrow(refusal('not_found'));
  });
});

describe('reconciliation', () => {
  it('keeps cash = deposits − withdrawals − disbursed + repaid principal + interest through a whole story', () => {
    const state: PoolState = givenPool(...active, repaid('loan-1', 'ann', '6', '94', '2026-04-02T00:00:00.000Z'), { type: 'SavingsWithdrawn', data: { memberId: 'ben', amount: '50.00', at } });
    expect(() => assertPoolReconciles(state)).not.toThrow();
    expect(state.cash.toFixed(2)).toBe(new Decimal(1000).minus(600).plus(100).minus(50).toFixed(2));
  });

  it('fails loudly if an event would make the books disagree', () => {
    const state = givenPool(deposited('ann', '10'));
    state.cash = state.cash.plus(1);
    expect(() => poolDecider.evolve(state, { type: 'SavingsDeposited', data: { memberId: 'ann', amount: '1.00', at } })).toThrow(
      'does not reconcile',
    );
  });
});
