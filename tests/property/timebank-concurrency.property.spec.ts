/**
 * Concurrent time-bank payments through two writers on one SQLite file (as two server processes
 * would), their order chosen by fast-check's scheduler. Afterwards a simple model replays what
 * was committed: every payment was legal when it was applied, hours sum to zero, nothing was
 * lost or applied twice. A failure prints its seed and replays from it.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandContext, Ledger } from '@commons/application';
import { DomainError, HubCommand, hubDecider, hubStream, timeBankDecider, timeBankStream } from '@commons/domain';
import { SqliteEventStore } from '@commons/event-store';

const MEMBERS = ['ann', 'ben', 'cal', 'dee'];
const LIMIT = new Decimal(3);
const context: CommandContext = { actor: 'p', correlationId: 'p', at: '2026-01-01T00:00:00.000Z' };

const payment = fc.record({
  from: fc.constantFrom(...MEMBERS),
  to: fc.constantFrom(...MEMBERS),
  halfHours: fc.integer({ min: 1, max: 4 }),
  writer: fc.constantFrom(0, 1),
});

describe('time bank under concurrent, interleaved payments', () => {
  it('commits only legal payments, each once, and hours sum to zero', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(payment, { minLength: 2, maxLength: 30 }), async (s, payments) => {
        const dir = mkdtempSync(join(tmpdir(), 'commons-sched-'));
        const stores = [0, 1].map(() => new SqliteEventStore({ file: join(dir, 'events.sqlite') }));
        try {
          const ledgers = stores.map((store) => new Ledger(store));
          const hubCommands: HubCommand[] = [
            { type: 'CreateHub', actorId: 'admin', hubId: 'h', name: 'H', currency: 'USD', defaultCreditLimit: LIMIT.toString(), at: context.at },
            ...MEMBERS.map((memberId): HubCommand => ({ type: 'EnrolMember', changeId: 'c', actorId: 'admin', memberId, displayName: memberId, roles: ['member'], tokenHash: memberId, at: context.at })),
          ];
          for (const command of hubCommands) await ledgers[0].hubs.execute(hubStream('h'), { context, respond: () => undefined, decide: (state) => hubDecider.decide(command, state) });

          // settles to an outcome, never rejects: the scheduler holds each promise it hands out
          const pay = s.scheduleFunction(async (i: number): Promise<string> => {
            const p = payments[i];
            return ledgers[p.writer].timeBanks.execute(timeBankStream('h'), {
              context,
              respond: () => undefined,
              decide: (state, hub) =>
                timeBankDecider.decide(
                  { type: 'PayHours', transferId: `t${i}`, fromMemberId: p.from, actorId: p.from, toMemberId: p.to, hours: new Decimal(p.halfHours).dividedBy(2).toFixed(2), memo: '', at: context.at },
                  state,
                  hub,
                ),
            }).then(
              () => 'accepted',
              (error) => {
                if (error instanceof DomainError || (error as { code?: string }).code === 'concurrency_conflict') return (error as { code: string }).code;
                return `unexpected: ${String(error)}`;
              },
            );
          });
          const outcomes = payments.map((_, i) => pay(i));
          await s.waitAll();
          const results = await Promise.all(outcomes);

          // the model: replay what was committed, in order, with the rules written plainly
          const balances = new Map(MEMBERS.map((m) => [m, new Decimal(0)]));
          const seen = new Set<string>();
          for await (const event of stores[0].readStream(timeBankStream('h'))) {
            const d = event.data as { transferId: string; fromMemberId: string; toMemberId: string; hours: string };
            expect(seen.has(d.transferId)).toBe(false);
            seen.add(d.transferId);
            expect(d.fromMemberId).not.toBe(d.toMemberId);
            const after = balances.get(d.fromMemberId)!.minus(d.hours);
            expect(after.greaterThanOrEqualTo(LIMIT.negated())).toBe(true);
            balances.set(d.fromMemberId, after);
            balances.set(d.toMemberId, balances.get(d.toMemberId)!.plus(d.hours));
          }
          expect([...balances.values()].reduce((a, b) => a.plus(b), new Decimal(0)).isZero()).toBe(true);
          // exactly the accepted payments were committed
          const accepted = results.flatMap((r, i) => (r === 'accepted' ? [`t${i}`] : []));
          expect([...seen].sort()).toEqual(accepted.sort());
          for (const [i, r] of results.entries()) {
            expect(r).not.toMatch(/^unexpected/);
            if (payments[i].from === payments[i].to) expect(r).toBe('validation_failed');
          }
        } finally {
          for (const store of stores) await store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 40 },
    );
  });
});
