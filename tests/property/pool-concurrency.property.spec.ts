/**
 * Concurrent pool commands through two writers on one SQLite file, interleaved by fast-check's
 * scheduler. A model that shares no code with the pool replays the committed stream: cash never
 * below zero, no withdrawal past the saver's savings, no disbursement without two distinct
 * treasurers' approvals (neither the borrower), and the books reconcile.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandContext, Ledger, PoolCommandInput } from '@commons/application';
import { DomainError, HubCommand, PoolCommand, hubDecider, hubStream, poolDecider, poolStream } from '@commons/domain';
import { SqliteEventStore } from '@commons/event-store';

const SAVERS = ['ann', 'ben', 'tia'];
const TREASURERS = ['tia', 'tom', 'ted'];
const context: CommandContext = { actor: 'p', correlationId: 'p', at: '2026-01-01T00:00:00.000Z' };

const step = fc.oneof(
  fc.record({ kind: fc.constant('deposit' as const), who: fc.constantFrom(...SAVERS), amount: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('withdraw' as const), who: fc.constantFrom(...SAVERS), amount: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('apply' as const), who: fc.constantFrom(...SAVERS), amount: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('approve' as const), who: fc.constantFrom(...TREASURERS), loan: fc.nat(5) }),
  fc.record({ kind: fc.constant('disburse' as const), who: fc.constantFrom(...TREASURERS), loan: fc.nat(5) }),
);

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function command(s: Step, i: number): { input: PoolCommandInput; actor: string } {
  switch (s.kind) {
    case 'deposit':
      return { input: { type: 'DepositSavings', memberId: s.who, amount: `${s.amount}` }, actor: 'ted' };
    case 'withdraw':
      return { input: { type: 'WithdrawSavings', memberId: s.who, amount: `${s.amount}` }, actor: 'ted' };
    case 'apply':
      return { input: { type: 'ApplyForLoan', loanId: `loan-${i % 6}`, borrowerId: s.who, principal: `${s.amount}`, termMonths: 2, annualInterestRate: '0', purpose: 'p' }, actor: s.who };
    case 'approve':
      return { input: { type: 'ApproveLoan', loanId: `loan-${s.loan}`, note: 'n' }, actor: s.who };
    default:
      return { input: { type: 'DisburseLoan', loanId: `loan-${s.loan}` }, actor: s.who };
  }
}

describe('savings pool under concurrent, interleaved commands', () => {
  it('keeps cash non-negative, savings covered, quorum honoured and the books reconciled', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(fc.tuple(step, fc.constantFrom(0, 1)), { minLength: 2, maxLength: 30 }), async (s, steps) => {
        const dir = mkdtempSync(join(tmpdir(), 'commons-pool-sched-'));
        const stores = [0, 1].map(() => new SqliteEventStore({ file: join(dir, 'events.sqlite') }));
        try {
          const ledgers = stores.map((store) => new Ledger(store));
          const hubCommands: HubCommand[] = [
            { type: 'CreateHub', actorId: 'admin', hubId: 'h', name: 'H', currency: 'USD', defaultCreditLimit: '1', approvalQuorum: 2, at: context.at },
            ...['ann', 'ben'].map((memberId): HubCommand => ({ type: 'EnrolMember', changeId: 'c', actorId: 'admin', memberId, displayName: memberId, roles: ['member'], tokenHash: memberId, at: context.at })),
            { type: 'EnrolMember', changeId: 'c', actorId: 'admin', memberId: 'tia', displayName: 'tia', roles: ['member', 'treasurer'], tokenHash: 'tia', at: context.at },
            ...['tom', 'ted'].map((memberId): HubCommand => ({ type: 'EnrolMember', changeId: 'c', actorId: 'admin', memberId, displayName: memberId, roles: ['treasurer'], tokenHash: memberId, at: context.at })),
          ];
          for (const c of hubCommands) await ledgers[0].hubs.execute(hubStream('h'), { context, respond: () => undefined, decide: (state) => hubDecider.decide(c, state) });

          const run = s.scheduleFunction(async (i: number): Promise<string> => {
            const [spec, writer] = steps[i];
            const { input, actor } = command(spec, i);
            return ledgers[writer].pools
              .execute(poolStream('h'), { context, respond: () => undefined, decide: (state, hub) => poolDecider.decide({ ...input, actorId: actor, at: context.at } as PoolCommand, state, hub) })
              .then(
                () => 'accepted',
                (error) => (error instanceof DomainError || (error as { code?: string }).code === 'concurrency_conflict' ? 'refused' : `unexpected: ${String(error)}`),
              );
          });
          const outcomes = steps.map((_, i) => run(i));
          await s.waitAll();
          for (const outcome of await Promise.all(outcomes)) expect(outcome).not.toMatch(/^unexpected/);

          // the independent model
          let cash = new Decimal(0);
          const savings = new Map<string, Decimal>();
          const loans = new Map<string, { borrower: string; principal: Decimal; approvers: Set<string> }>();
          for await (const event of stores[0].readStream(poolStream('h'))) {
            const d = event.data as Record<string, any>;
            switch (event.type) {
              case 'SavingsDeposited':
                cash = cash.plus(d.amount);
                savings.set(d.memberId, (savings.get(d.memberId) ?? new Decimal(0)).plus(d.amount));
                break;
              case 'SavingsWithdrawn': {
                const saved = savings.get(d.memberId) ?? new Decimal(0);
                expect(saved.greaterThanOrEqualTo(d.amount)).toBe(true);
                savings.set(d.memberId, saved.minus(d.amount));
                cash = cash.minus(d.amount);
                break;
              }
              case 'LoanApplied':
                loans.set(d.loanId, { borrower: d.borrowerId, principal: new Decimal(d.principal), approvers: new Set() });
                break;
              case 'LoanApprovalGiven':
                loans.get(d.loanId)!.approvers.add(d.treasurerId);
                break;
              case 'LoanDisbursed': {
                const loan = loans.get(d.loanId)!;
                expect(loan.approvers.size).toBeGreaterThanOrEqual(2);
                expect(loan.approvers.has(loan.borrower)).toBe(false);
                cash = cash.minus(d.amount);
                break;
              }
            }
            expect(cash.isNegative()).toBe(false);
          }
          const state = await new Ledger(stores[0]).pools.read(poolStream('h'));
          expect(state.cash.toFixed(2)).toBe(cash.toFixed(2));
        } finally {
          for (const store of stores) await store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 40 },
    );
  });
});
