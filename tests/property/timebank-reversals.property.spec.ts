/**
 * Random histories of hour payments and reversals against the real time-bank decider, checked
 * after every step by a model that shares no code with it: hours sum to zero, every balance is
 * what the model says, and no entry is ever reversed twice.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { DomainError, RecordedEntry, TimeBankCommand, TimeBankState, timeBankDecider } from '@commons/domain';
import { at, expectBalancesAsModelled, timeBankHub } from './timebank-model';

const MEMBERS = ['ann', 'ben', 'cal', 'dee'];
const PEOPLE = [...MEMBERS, 'coco'];
const LIMIT = new Decimal(10);


type Step = { kind: 'pay'; from: number; to: number; cents: number } | { kind: 'reverse'; n: number; proposer: number; confirmer: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('pay' as const), from: fc.nat(PEOPLE.length - 1), to: fc.nat(PEOPLE.length - 1), cents: fc.integer({ min: 1, max: 800 }) }),
  fc.record({ kind: fc.constant('reverse' as const), n: fc.nat(50), proposer: fc.nat(PEOPLE.length - 1), confirmer: fc.nat(PEOPLE.length - 1) }),
);

let reversalsApplied = 0;

describe('time-bank reversals under random histories', () => {
  it('keep hours summing to zero, every balance as an independent model says, and no entry reversed twice', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const context = timeBankHub(PEOPLE, 'coco');
        let state: TimeBankState = timeBankDecider.initialState();
        const model = new Map<string, Decimal>(PEOPLE.map((id) => [id, new Decimal(0)]));
        const entries: RecordedEntry[] = [];
        const reversed = new Set<number>();
        let revision = 0;
        const decide = (command: TimeBankCommand): boolean => {
          try {
            const events = timeBankDecider.decide(command, state, context);
            state = events.reduce(timeBankDecider.evolve, timeBankDecider.copy(state));
            for (const event of events) {
              if (event.type === 'HoursPaid') entries.push({ position: revision + 1, streamId: 'timebank-h', revision, ...event });
              revision += 1;
            }
            return true;
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            return false;
          }
        };
        for (const s of steps) {
          if (s.kind === 'pay') {
            const [from, to] = [PEOPLE[s.from], PEOPLE[s.to]];
            const hours = new Decimal(s.cents).dividedBy(100);
            const accepted = decide({ type: 'PayHours', transferId: `t${revision}`, fromMemberId: from, toMemberId: to, hours: hours.toFixed(2), memo: '', actorId: from, at });
            // a payment, unlike a reversal, never takes anyone past their limit
            expect(accepted).toBe(from !== to && model.get(from)!.minus(hours).greaterThanOrEqualTo(LIMIT.negated()));
            if (accepted) {
              model.set(from, model.get(from)!.minus(hours));
              model.set(to, model.get(to)!.plus(hours));
            }
          } else if (entries.length > 0) {
            const entry = entries[s.n % entries.length];
            if (entry.type !== 'HoursPaid') throw new TypeError('only payments are recorded here');
            const reversalId = `r${revision}`;
            const proposed = decide({ type: 'ProposeReversal', reversalId, entry, reason: 'mistake', actorId: PEOPLE[s.proposer], at });
            if (reversed.has(entry.revision)) expect(proposed).toBe(false);
            if (!proposed) continue;
            const confirmer = PEOPLE[s.confirmer];
            const applied = decide({ type: 'ConfirmReversal', reversalId, actorId: confirmer, at });
            if (confirmer === PEOPLE[s.proposer] || confirmer === entry.data.fromMemberId) expect(applied).toBe(false);
            if (applied) {
              reversalsApplied += 1;
              reversed.add(entry.revision);
              const hours = new Decimal(entry.data.hours);
              model.set(entry.data.toMemberId, model.get(entry.data.toMemberId)!.minus(hours));
              model.set(entry.data.fromMemberId, model.get(entry.data.fromMemberId)!.plus(hours));
            } else {
              // the payee or the coordinator turns it down, where one of them is neither its proposer nor its payer
              const rejecter = [entry.data.toMemberId, 'coco'].find((id) => id !== PEOPLE[s.proposer] && id !== entry.data.fromMemberId);
              if (rejecter) expect(decide({ type: 'RejectReversal', reversalId, reason: 'no', actorId: rejecter, at })).toBe(true);
            }
          }
          expectBalancesAsModelled(state, model);
        }
      }),
      { numRuns: 300 },
    );
    expect(reversalsApplied).toBeGreaterThan(20);
  });
});
