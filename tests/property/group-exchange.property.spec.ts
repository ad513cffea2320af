/**
 * Random work days against the real time-bank decider, checked by a model that shares no code with
 * it: a group is recorded whole exactly when every payment, tried in order, keeps its payer within
 * their limit; otherwise nothing moves. Hours always sum to zero.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { DomainError, TimeBankState, timeBankDecider } from '@commons/domain';
import { at, expectBalancesAsModelled, timeBankHub } from './timebank-model';

const PEOPLE = ['ann', 'ben', 'cal', 'dee', 'coco'];
const LIMIT = new Decimal(10);


const payment = fc.record({ from: fc.nat(PEOPLE.length - 1), to: fc.nat(PEOPLE.length - 1), cents: fc.integer({ min: 1, max: 600 }) });
let recorded = 0;
let refused = 0;

describe('group exchanges under random work days', () => {
  it('are recorded whole exactly when every payment in turn keeps its payer within their limit, and otherwise move nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.array(payment, { minLength: 1, maxLength: 8 }), { maxLength: 20 }), (groups) => {
        const context = timeBankHub(PEOPLE, 'coco');
        let state: TimeBankState = timeBankDecider.initialState();
        const model = new Map<string, Decimal>(PEOPLE.map((id) => [id, new Decimal(0)]));
        for (const [n, group] of groups.entries()) {
          const payments = group.map(({ from, to, cents }) => ({ fromMemberId: PEOPLE[from], toMemberId: PEOPLE[to], hours: new Decimal(cents).dividedBy(100).toFixed(2) }));
          // the model: tried in order on a copy; any bad payment refuses the whole
          const trial = new Map(model);
          const pairs = new Set<string>();
          let whole = true;
          for (const { fromMemberId, toMemberId, hours } of payments) {
            const pair = `${fromMemberId}>${toMemberId}`;
            const selfPaid = toMemberId === 'coco' && fromMemberId !== 'coco'; // the coordinator records it
            if (fromMemberId === toMemberId || pairs.has(pair) || selfPaid) whole = false;
            pairs.add(pair);
            const after = trial.get(fromMemberId)!.minus(hours);
            if (after.lessThan(LIMIT.negated())) whole = false;
            trial.set(fromMemberId, after);
            trial.set(toMemberId, trial.get(toMemberId)!.plus(hours));
          }
          let accepted: boolean;
          try {
            const events = timeBankDecider.decide({ type: 'PayGroupHours', groupId: `g${n}`, payments, memo: 'work day', actorId: 'coco', at }, state, context);
            expect(events).toHaveLength(1);
            state = events.reduce(timeBankDecider.evolve, timeBankDecider.copy(state));
            accepted = true;
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            accepted = false;
          }
          expect(accepted).toBe(whole);
          if (accepted) {
            recorded += 1;
            for (const [id, balance] of trial) model.set(id, balance);
          } else refused += 1;
          expectBalancesAsModelled(state, model);
        }
      }),
      { numRuns: 300 },
    );
    // both outcomes were exercised
    expect(recorded).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });
});
