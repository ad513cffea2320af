import { fundDecider } from '../contributions/contributions.decider';
import { FundCommand } from '../contributions/contributions.commands';
import { FundState } from '../contributions/fund.state';
import { hubDecider } from '../hub/hub.decider';
import { HubState } from '../hub/hub.state';
import { at, poolHub } from '../pool/pool.spec-helpers';

const refusal = (code: string) => expect.objectContaining({ code });

function withCap(hub: HubState, cap: string | null): HubState {
  return hubDecider.decide({ type: 'ChangeAidPolicy', aidPerMemberPerMonth: cap, at }, hub).reduce(hubDecider.evolve, hubDecider.copy(hub));
}

function given(hub: HubState, ...commands: FundCommand[]): FundState {
  let state = fundDecider.initialState();
  for (const command of commands) state = fundDecider.decide(command, state, hub).reduce(fundDecider.evolve, state);
  return state;
}

const aidMoney = (amount: string): FundCommand => ({
  type: 'RecordContribution', contributionId: `c-${amount}`, memberId: 'cal', kind: 'money', amount, description: 'collection', fund: 'aid', actorId: 'coco', at,
});
const ask = (requestId: string, memberId: string, amount: string, change: Partial<FundCommand> = {}): FundCommand =>
  ({ type: 'RequestAid', requestId, memberId, amount, actorId: memberId, at, ...change }) as FundCommand;

describe('mutual aid decider', () => {
  const hub = poolHub();

  it('records a request with no need given, and pays it from the aid fund', () => {
    const state = given(hub, aidMoney('100'));
    const [asked] = fundDecider.decide(ask('r-1', 'ann', '20'), state, hub);
    expect(asked).toEqual({ type: 'AidRequested', data: { requestId: 'r-1', memberId: 'ann', amount: '20.00', need: null, requestedBy: 'ann', at } });
    const after = given(hub, aidMoney('100'), ask('r-1', 'ann', '20'));
    const [paid] = fundDecider.decide({ type: 'PayAid', requestId: 'r-1', actorId: 'tia', at }, after, hub);
    expect(paid).toEqual({ type: 'AidPaid', data: { requestId: 'r-1', memberId: 'ann', amount: '20.00', paidBy: 'tia', at } });
    expect(fundDecider.evolve(fundDecider.copy(after), paid).aid.toFixed(2)).toBe('80.00');
  });

  it('keeps an aid earmark apart from the general fund, and moves money between them only as far as it goes', () => {
    const state = given(hub, aidMoney('100'), { type: 'RecordContribution', contributionId: 'g', memberId: 'cal', kind: 'money', amount: '40', description: 'dues', actorId: 'coco', at });
    expect([state.general.toFixed(2), state.aid.toFixed(2)]).toEqual(['40.00', '100.00']);
    const move = (from: 'general' | 'aid', amount: string, actorId = 'tia'): FundCommand => ({ type: 'MoveFundMoney', transferId: 'm', from, to: from === 'aid' ? 'general' : 'aid', amount, actorId, at });
    const moved = given(hub, aidMoney('100'), move('aid', '30'));
    expect([moved.general.toFixed(2), moved.aid.toFixed(2)]).toEqual(['30.00', '70.00']);
    expect(() => fundDecider.decide(move('general', '40.01'), state, hub)).toThrow(refusal('insufficient_funds'));
    expect(() => fundDecider.decide(move('aid', '1', 'ann'), state, hub)).toThrow(refusal('forbidden'));
    expect(() => fundDecider.decide({ ...move('aid', '1'), to: 'aid' } as FundCommand, state, hub)).toThrow(refusal('validation_failed'));
  });

  it('refuses to pay past the aid fund, twice, or to the paying treasurer', () => {
    const state = given(hub, aidMoney('10'), ask('r-1', 'ann', '20'), ask('r-2', 'tia', '5'));
    expect(() => fundDecider.decide({ type: 'PayAid', requestId: 'r-1', actorId: 'tia', at }, state, hub)).toThrow(refusal('insufficient_funds'));
    expect(() => fundDecider.decide({ type: 'PayAid', requestId: 'r-2', actorId: 'tia', at }, state, hub)).toThrow(refusal('forbidden'));
    expect(() => fundDecider.decide({ type: 'PayAid', requestId: 'r-1', actorId: 'coco', at }, state, hub)).toThrow(refusal('forbidden'));
    const paid = given(hub, aidMoney('10'), ask('r-2', 'tia', '5'), { type: 'PayAid', requestId: 'r-2', actorId: 'tom', at });
    expect(() => fundDecider.decide({ type: 'PayAid', requestId: 'r-2', actorId: 'ted', at }, paid, hub)).toThrow(refusal('invalid_state'));
  });

  it('lets the member or a coordinator ask, and only the member withdraw', () => {
    expect(fundDecider.decide(ask('r-1', 'ann', '5', { actorId: 'coco' }), given(hub), hub)[0].data).toMatchObject({ memberId: 'ann', requestedBy: 'coco' });
    expect(() => fundDecider.decide(ask('r-1', 'ann', '5', { actorId: 'ben' }), given(hub), hub)).toThrow(refusal('forbidden'));
    const state = given(hub, ask('r-1', 'ann', '5'));
    expect(() => fundDecider.decide({ type: 'WithdrawAidRequest', requestId: 'r-1', actorId: 'ben', at }, state, hub)).toThrow(refusal('not_found'));
    const [withdrawn] = fundDecider.decide({ type: 'WithdrawAidRequest', requestId: 'r-1', actorId: 'ann', at }, state, hub);
    expect(withdrawn.type).toBe('AidRequestWithdrawn');
  });

  it('keeps a need as given, trimmed, and refuses bad amounts', () => {
    expect(fundDecider.decide(ask('r-1', 'ann', '5', { need: '  gas  ' } as Partial<FundCommand>), given(hub), hub)[0].data).toMatchObject({ need: 'gas' });
    expect(() => fundDecider.decide(ask('r-1', 'ann', '0'), given(hub), hub)).toThrow(refusal('validation_failed'));
    expect(() => fundDecider.decide(ask('r-1', 'ann', '1.001'), given(hub), hub)).toThrow(refusal('validation_failed'));
    expect(() => fundDecider.decide(ask('r-1', 'zed', '1', { actorId: 'coco' }), given(hub), hub)).toThrow(refusal('not_found'));
  });

  it('holds the monthly cap: open and paid requests count, withdrawn ones and other months do not', () => {
    const capped = withCap(hub, '50');
    const state = given(capped, ask('r-1', 'ann', '30'), ask('r-2', 'ann', '20'), { type: 'WithdrawAidRequest', requestId: 'r-2', actorId: 'ann', at });
    expect(fundDecider.decide(ask('r-3', 'ann', '20'), state, capped)).toHaveLength(1);
    expect(() => fundDecider.decide(ask('r-3', 'ann', '20.01'), state, capped)).toThrow(refusal('aid_limit_exceeded'));
    expect(fundDecider.decide(ask('r-3', 'ben', '50'), state, capped)).toHaveLength(1);
    expect(fundDecider.decide(ask('r-3', 'ann', '50', { at: '2026-04-01T00:00:00.000Z' }), state, capped)).toHaveLength(1);
    expect(fundDecider.decide(ask('r-3', 'ann', '500'), state, withCap(capped, null))).toHaveLength(1);
  });
});
