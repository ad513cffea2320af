/**
 * For random histories of payments and volunteer hours, the balance the read models give as of
 * any moment equals an independent replay of the raw events up to that moment.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '@commons/application';
import { DomainError, HubCommand, hubDecider, hubStream, timeBankDecider, timeBankStream } from '@commons/domain';
import { SqliteEventStore } from '@commons/event-store';
import { ALL_PROJECTIONS, AccountQueries, ProjectionRunner, openReadModelDb } from '@commons/projections';

const MEMBERS = ['ann', 'ben', 'cal', 'dee'];
const START = Date.UTC(2026, 0, 1);

const step = fc.record({
  from: fc.constantFrom(...MEMBERS, '@hub'),
  to: fc.constantFrom(...MEMBERS),
  cents: fc.integer({ min: 1, max: 400 }),
  minutesLater: fc.integer({ min: 0, max: 3000 }),
});

describe('as-of balances against a replay of history', () => {
  it('agree for every member at every probed moment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 }), async (steps, probes) => {
        const dir = mkdtempSync(join(tmpdir(), 'commons-asof-'));
        const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
        const db = openReadModelDb(join(dir, 'read-models.sqlite'));
        try {
          const ledger = new Ledger(store);
          let clock = START;
          const context = () => ({ actor: 'coco', correlationId: 'p', at: new Date(clock).toISOString() });
          const hubCommands: HubCommand[] = [
            { type: 'CreateHub', actorId: 'admin', hubId: 'h', name: 'H', currency: 'USD', defaultCreditLimit: '5', at: context().at },
            ...[...MEMBERS, 'coco'].map((memberId): HubCommand => ({
              type: 'EnrolMember', changeId: 'c', actorId: 'admin', memberId, displayName: memberId, roles: [memberId === 'coco' ? 'coordinator' : 'member'], tokenHash: memberId, at: context().at,
            })),
          ];
          for (const command of hubCommands) {
            await ledger.hubs.execute(hubStream('h'), { context: context(), respond: () => undefined, decide: (state) => hubDecider.decide(command, state) });
          }
          for (const [i, s] of steps.entries()) {
            clock += s.minutesLater * 60_000;
            const hours = new Decimal(s.cents).dividedBy(100).toFixed(2);
            const at = new Date(clock).toISOString();
            await ledger.timeBanks
              .execute(timeBankStream('h'), {
                context: context(),
                respond: () => undefined,
                decide: (state, hub) =>
                  timeBankDecider.decide(
                    s.from === '@hub'
                      ? { type: 'PayVolunteerHours', contributionId: `c${i}`, memberId: s.to, hours, description: 'shift', actorId: 'coco', at }
                      : { type: 'PayHours', transferId: `t${i}`, fromMemberId: s.from, actorId: s.from, toMemberId: s.to, hours, memo: '', at },
                    state,
                    hub,
                  ),
              })
              .catch((error) => {
                if (!(error instanceof DomainError)) throw error; // limits refuse some steps: fine
              });
          }
          const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS);
          runner.start();
          expect(await runner.catchUp(10_000)).toBe(true);
          await runner.stop();

          // the independent replay: raw events, plain Decimal sums
          const raw: Array<{ at: string; moves: Array<[string, Decimal]> }> = [];
          for await (const event of store.readStream(timeBankStream('h'))) {
            const d = event.data as Record<string, string>;
            const hours = new Decimal(d.hours);
            raw.push({
              at: d.at,
              moves: event.type === 'HoursPaid' ? [[d.fromMemberId, hours.negated()], [d.toMemberId, hours]] : [['@hub', hours.negated()], [d.memberId, hours]],
            });
          }
          const queries = new AccountQueries(db);
          const end = clock;
          for (const probe of probes) {
            const asOf = new Date(START + ((end - START) * probe) / 100).toISOString();
            for (const memberId of MEMBERS) {
              let expected = new Decimal(0);
              for (const entry of raw) {
                if (entry.at > asOf) break;
                for (const [who, amount] of entry.moves) if (who === memberId) expected = expected.plus(amount);
              }
              expect(queries.balanceOf('h', memberId, asOf)!.hours.balance).toBe(expected.toFixed(2));
            }
          }
        } finally {
          await store.close();
          db.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 25 },
    );
  });
});
