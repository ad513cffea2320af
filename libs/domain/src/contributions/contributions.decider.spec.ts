import { poolHub } from '../pool/pool.spec-helpers';
import { FundCommand, RecordContribution } from './contributions.commands';
import { FundEvent } from './contributions.events';
import { RecordedEntry } from '../reversals/reversal.events';
import { fundDecider } from './contributions.decider';

const hub = poolHub();
const at = '2026-03-01T10:00:00.000Z';
const contribution = (change: Partial<RecordContribution> = {}): RecordContribution => ({
  type: 'RecordContribution', contributionId: 'c-1', memberId: 'ann', kind: 'money', amount: '20', description: 'bake sale', actorId: 'coco', at, ...change,
});
const decide = (command: RecordContribution, state = fundDecider.initialState()) => fundDecider.decide(command, state, hub);
const recorded = (amount: string): FundEvent => ({
  type: 'MoneyContributed',
  data: { contributionId: 'c-1', memberId: 'ann', amount, description: 'bake sale', fund: 'general', projectId: null, phase: null, recordedBy: 'coco', at },
});
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
    const state = fundDecider.evolve(fundDecider.initialState(), recorded('20.00'));
    expect(() => decide(contribution(), state)).toThrow(refusal('already_exists'));
  });

  it('refuses an officer recording a contribution of their own (no-own-contribution)', () => {
    expect(() => decide(contribution({ memberId: 'coco' }))).toThrow(expect.objectContaining({ code: 'separation_of_duties', rule: 'no-own-contribution' }));
    expect(decide(contribution({ memberId: 'coco', actorId: 'tia' }))).toHaveLength(1);
  });
});

describe('reversals of contributions', () => {
  const entry = (event: FundEvent, revision = 0) => ({ position: 50 + revision, streamId: 'fund-h', revision, ...event }) as RecordedEntry;
  const propose = (target: RecordedEntry, actorId = 'tia'): FundCommand => ({ type: 'ProposeReversal', reversalId: 'r-1', entry: target, reason: 'typed 3000 for 300', actorId, at });
  const confirm = (actorId: string): FundCommand => ({ type: 'ConfirmReversal', reversalId: 'r-1', actorId, at });
  const fold = (...events: FundEvent[]) => events.reduce(fundDecider.evolve, fundDecider.initialState());

  it('takes a mistaken contribution back out of its fund once a second treasurer confirms', () => {
    const typo = recorded('3000.00');
    const proposed = fundDecider.decide(propose(entry(typo)), fold(typo), hub);
    expect(() => fundDecider.decide(confirm('tia'), fold(typo, ...proposed), hub)).toThrow(refusal('separation_of_duties'));
    expect(() => fundDecider.decide(confirm('ann'), fold(typo, ...proposed), hub)).toThrow(refusal('separation_of_duties'));
    const applied = fundDecider.decide(confirm('tom'), fold(typo, ...proposed), hub);
    expect(fold(typo, ...proposed, ...applied).general.toFixed(2)).toBe('0.00');
  });

  it('refuses a reversal that would take a fund below zero (insufficient_liquidity)', () => {
    const aid: FundEvent = { type: 'MoneyContributed', data: { contributionId: 'c-1', memberId: 'ann', amount: '60.00', description: 'collection', fund: 'aid', projectId: null, phase: null, recordedBy: 'coco', at } };
    const spent: FundEvent = { type: 'FundMoneyMoved', data: { transferId: 'm', from: 'aid', to: 'general', amount: '50.00', movedBy: 'tia', at } };
    expect(() => fundDecider.decide(propose(entry(aid)), fold(aid, spent), hub)).toThrow(refusal('insufficient_liquidity'));
  });

  it('lets a member propose the reversal of a contribution recorded in their name, and a coordinator not at all', () => {
    expect(fundDecider.decide(propose(entry(recorded('20.00')), 'ann'), fold(recorded('20.00')), hub)).toHaveLength(1);
    expect(() => fundDecider.decide(propose(entry(recorded('20.00')), 'coco'), fold(recorded('20.00')), hub)).toThrow(refusal('forbidden'));
  });
});
