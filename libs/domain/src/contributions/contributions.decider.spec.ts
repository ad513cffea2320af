import { poolHub } from '../pool/pool.spec-helpers';
import { RecordContribution } from './contributions.commands';
import { fundDecider } from './contributions.decider';

const hub = poolHub();
const at = '2026-03-01T10:00:00.000Z';
const contribution = (change: Partial<RecordContribution> = {}): RecordContribution => ({
  type: 'RecordContribution', contributionId: 'c-1', memberId: 'ann', kind: 'money', amount: '20', description: 'bake sale', actorId: 'coco', at, ...change,
});
const decide = (command: RecordContribution, state = fundDecider.initialState()) => fundDecider.decide(command, state, hub);
const refusal = (code: string) => expect.objectContaining({ code });

describe('contributions decider', () => {
  it("records money into the hub's fund, at the currency's scale", () => {
    const events = decide(contribution());
    expect(events).toEqual([
      { type: 'MoneyContributed', data: { contributionId: 'c-1', memberId: 'ann', amount: '20.00', description: 'bake sale', fund: 'general', projectId: null, phase: null, recordedBy: 'coco', at } },
    ]);
    expect(events.reduce(fundDecider.evolve, fundDecider.initialState()).general.toFixed(2)).toBe('20.00');
  });

  it('records goods with a quantity and an optional estimated value', () => {
    const [event] = decide(contribution({ kind: 'in-kind', amount: '2.5', description: 'cords of firewood', estimatedValue: '300', actorId: 'tia' }));
    expect(event.data).toMatchObject({ quantity: '2.5', estimatedValue: '300.00', recordedBy: 'tia' });
    expect(decide(contribution({ kind: 'in-kind', amount: '3', description: 'boxes of jars' }))[0].data).toMatchObject({ estimatedValue: null });
  });

  it('lets only a coordinator or treasurer record a contribution', () => {
    expect(() => decide(contribution({ actorId: 'ann' }))).toThrow(refusal('forbidden'));
  });

  it.each([
    ['money with three decimals', { amount: '1.005' }],
    ['zero money', { amount: '0' }],
    ['an estimated value on money', { estimatedValue: '5' }],
    ['a negative quantity of goods', { kind: 'in-kind' as const, amount: '-1' }],
    ['goods with four decimal places', { kind: 'in-kind' as const, amount: '1.0001' }],
    ['an empty description', { description: '  ' }],
  ])('refuses %s', (_case, change) => {
    expect(() => decide(contribution(change))).toThrow(refusal('validation_failed'));
  });

  it('refuses a contribution from someone not enrolled, and a contribution id used before', () => {
    expect(() => decide(contribution({ memberId: 'zed' }))).toThrow(refusal('not_found'));
    const state = decide(contribution()).reduce(fundDecider.evolve, fundDecider.initialState());
    expect(() => decide(contribution(), state)).toThrow(refusal('already_exists'));
  });
});
