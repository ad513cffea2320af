import { PoolCommand } from './pool.commands';
import { PoolEvent } from './pool.events';
import { assertPoolReconciles, savingsOf } from './pool.state';
import { applied, approvedBy, at, closed, deposited, disbursed, givenPool, poolHub, repaid, when, withdrawn } from './pool.spec-helpers';
import { RecordedEntry } from '../reversals/reversal.events';

const hub = poolHub();
const refusal = (code: string, rule?: string) => expect.objectContaining(rule ? { code, rule } : { code });
const entryOf = (event: PoolEvent, revision: number): RecordedEntry => ({ position: 100 + revision, streamId: 'pool-h', revision, ...event }) as RecordedEntry;
const propose = (entry: RecordedEntry, actorId: string): PoolCommand => ({ type: 'ProposeReversal', reversalId: 'r-1', entry, reason: 'typed 3000 for 300', actorId, at });
const confirm = (actorId: string): PoolCommand => ({ type: 'ConfirmReversal', reversalId: 'r-1', actorId, at });
const proposal = (entry: RecordedEntry, proposedBy: string): PoolEvent => ({ type: 'ReversalProposed', data: { reversalId: 'r-1', entry, reason: 'typed 3000 for 300', proposedBy, at } });
/** Applies a confirmation and checks the books still reconcile. */
function confirmed(history: PoolEvent[], actorId: string) {
  const events = when(confirm(actorId), givenPool(...history), hub);
  const after = givenPool(...history, ...events);
  assertPoolReconciles(after);
  return { events, after };
}

describe('reversals of savings', () => {
  const typo = deposited('ann', '3000');
  const typoEntry = entryOf(typo, 0);

  it("reverses a treasurer's deposit typo once a second treasurer confirms: savings and cash go back exactly", () => {
    expect(when(propose(typoEntry, 'tia'), givenPool(typo), hub)).toEqual([proposal(typoEntry, 'tia')]);
    const { events, after } = confirmed([typo, proposal(typoEntry, 'tia')], 'tom');
    expect(events[0]).toMatchObject({ type: 'EntryReversed', data: { entry: typoEntry, proposedBy: 'tia', confirmedBy: 'tom' } });
    expect(savingsOf(after, 'ann').toFixed(2)).toBe('0.00');
    expect(after.cash.toFixed(2)).toBe('0.00');
    expect(after.totals.deposits.toFixed(2)).toBe('0.00');
  });

  it('lets the saver confirm it too, and never the treasurer who proposed it alone', () => {
    expect(confirmed([typo, proposal(typoEntry, 'tia')], 'ann').events).toHaveLength(1);
    expect(() => when(confirm('tia'), givenPool(typo, proposal(typoEntry, 'tia')), hub)).toThrow(refusal('separation_of_duties', 'no-confirming-own-proposal'));
    expect(() => when(confirm('coco'), givenPool(typo, proposal(typoEntry, 'tia')), hub)).toThrow(refusal('forbidden'));
  });

  it('refuses to reverse a deposit whose money was lent out (insufficient_liquidity)', () => {
    const lentOut = [deposited('ben', '300'), deposited('ann', '300'), applied('loan-1', 'cal', '550'), ...approvedBy('loan-1', 'tia', 'tom'), disbursed('loan-1', 'cal', '550')];
    const entry = entryOf(lentOut[1], 1);
    expect(() => when(propose(entry, 'tia'), givenPool(...lentOut), hub)).toThrow(refusal('insufficient_liquidity'));
    expect(() => when(confirm('tom'), givenPool(deposited('ben', '300'), deposited('ann', '300'), proposal(entry, 'tia'), ...lentOut.slice(2)), hub)).toThrow(
      refusal('insufficient_liquidity'),
    );
  });

  it('refuses to reverse a deposit the saver already took out, or that backs their loan (insufficient_funds)', () => {
    const history = [deposited('ann', '300'), withdrawn('ann', '200'), deposited('ben', '500')];
    expect(() => when(propose(entryOf(history[0], 0), 'tia'), givenPool(...history), hub)).toThrow(refusal('insufficient_funds'));
  });

  it('reverses a withdrawal: the savings come back, and the saver cannot be the one who confirms it (no-confirming-own-gain)', () => {
    const out = withdrawn('ann', '100');
    const history = [deposited('ann', '300'), out];
    const entry = entryOf(out, 1);
    const proposed = proposal(entry, 'tia');
    expect(() => when(confirm('ann'), givenPool(...history, proposed), hub)).toThrow(refusal('separation_of_duties', 'no-confirming-own-gain'));
    const { after } = confirmed([...history, proposed], 'tom');
    expect(savingsOf(after, 'ann').toFixed(2)).toBe('300.00');
    expect(after.cash.toFixed(2)).toBe('300.00');
  });
});

describe('reversals of loan repayments', () => {
  const story = [deposited('ben', '1000'), applied('loan-1', 'ann', '600'), ...approvedBy('loan-1', 'tia', 'tom'), disbursed('loan-1', 'ann', '600')];
  const last = repaid('loan-1', 'ann', '0', '600');

  it('gives back a repayment that was never made: the loan owes again and is active again', () => {
    const entry = entryOf(last, story.length);
    const { after } = confirmed([...story, last, closed('loan-1'), proposal(entry, 'tia')], 'ann');
    const loan = after.loans.get('loan-1')!;
    expect(loan.status).toBe('active');
    expect(loan.principalPaid.toFixed(2)).toBe('0.00');
    expect(after.cash.toFixed(2)).toBe('400.00');
  });

  it('refuses a reversal of a repayment on a loan since written off', () => {
    const entry = entryOf(last, story.length);
    const writtenOff: PoolEvent = { type: 'LoanWrittenOff', data: { loanId: 'loan-1', borrowerId: 'ann', principal: '0.00', voters: ['tia', 'tom'], at } };
    expect(() => when(propose(entry, 'tia'), givenPool(...story, last, writtenOff), hub)).toThrow(refusal('invalid_state'));
  });

  it('refuses a disbursement or an approval as an entry to reverse', () => {
    expect(() => when(propose(entryOf(story[5], 5), 'tia'), givenPool(...story), hub)).toThrow(refusal('invalid_state'));
    expect(() => when(propose(entryOf(story[2], 2), 'tia'), givenPool(...story), hub)).toThrow(refusal('invalid_state'));
  });
});
