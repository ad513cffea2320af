import { fundDecider } from '../contributions/contributions.decider';
import { FundCommand } from '../contributions/contributions.commands';
import { FundEvent } from '../contributions/contributions.events';
import { FundState } from '../contributions/fund.state';
import Decimal from 'decimal.js';
import { hubDecider } from '../hub/hub.decider';
import { HubState } from '../hub/hub.state';
import { at, poolHub } from '../pool/pool.spec-helpers';
import { RecordedEntry } from '../reversals/reversal.events';

const refusal = (code: string) => expect.objectContaining({ code });

function withCap(hub: HubState, cap: string | null): HubState {
  return hubDecider.evolve(hubDecider.copy(hub), { type: 'AidPolicyChanged', data: { aidPerMemberPerMonth: cap, at } });
}

function given(...events: FundEvent[]): FundState {
  return events.reduce(fundDecider.evolve, fundDecider.initialState());
}

// the history of a spec, as the fund stream records it
const money = (amount: string) => new Decimal(amount).toFixed(2);
const aidGiven = (amount: string, fund: 'aid' | 'general' = 'aid'): FundEvent => ({
  type: 'MoneyContributed',
  data: { contributionId: `c-${amount}-${fund}`, memberId: 'cal', amount: money(amount), description: 'collection', fund, projectId: null, phase: null, recordedBy: 'coco', at },
});
const asked = (requestId: string, memberId: string, amount: string, when = at): FundEvent => ({
  type: 'AidRequested', data: { requestId, memberId, amount: money(amount), need: null, requestedBy: memberId, at: when },
});
const paidOut = (requestId: string, memberId: string, amount: string): FundEvent => ({
  type: 'AidPaid', data: { requestId, memberId, amount: money(amount), paidBy: 'tom', at },
});
const withdrawnRequest = (requestId: string, memberId: string): FundEvent => ({ type: 'AidRequestWithdrawn', data: { requestId, memberId, at } });

const ask = (requestId: string, memberId: string, amount: string, change: Partial<FundCommand> = {}): FundCommand =>
  ({ type: 'RequestAid', requestId, memberId, amount, actorId: memberId, at, ...change }) as FundCommand;

describe('mutual aid decider', () => {
  const hub = poolHub();

  it('records a request with no need given, and pays it from the aid fund', () => {
    const state = given(aidGiven('100'));
    const [request] = fundDecider.decide(ask('r-1', 'ann', '20'), state, hub);
    expect(request).toEqual({ type: 'AidRequested', data: { requestId: 'r-1', memberId: 'ann', amount: '20.00', need: null, requestedBy: 'ann', at } });
    const after = given(aidGiven('100'), asked('r-1', 'ann', '20'));
    const [paid] = fundDecider.decide({ type: 'PayAid', requestId: 'r-1', actorId: 'tia', at }, after, hub);
    expect(paid).toEqual({ type: 'AidPaid', data: { requestId: 'r-1', memberId: 'ann', amount: '20.00', paidBy: 'tia', at } });
    expect(fundDecider.evolve(fundDecider.copy(after), paid).aid.toFixed(2)).toBe('80.00');
  });

  it('keeps an aid earmark apart from the general fund, and moves money between them only as far as it goes', () => {
    const state = given(aidGiven('100'), aidGiven('40', 'general'));
    expect([state.general.toFixed(2), state.aid.toFixed(2)]).toEqual(['40.00', '100.00']);
    const move = (from: 'general' | 'aid', amount: string, actorId = 'tia'): FundCommand => ({ type: 'MoveFundMoney', transferId: 'm', from, to: from === 'aid' ? 'general' : 'aid', amount, actorId, at });
    const moved = given(aidGiven('100'), { type: 'FundMoneyMoved', data: { transferId: 'm', from: 'aid', to: 'general', amount: '30.00', movedBy: 'tia', at } });
    expect([moved.general.toFixed(2), moved.aid.toFixed(2)]).toEqual(['30.00', '70.00']);
    expect(() => fundDecider.decide(move('general', '40.01'), state, hub)).toThrow(refusal('insufficient_funds'));
    expect(() => fundDecider.decide(move('aid', '1', 'ann'), state, hub)).toThrow(refusal('forbidden'));
    expect(() => fundDecider.decide({ ...move('aid', '1'), to: 'aid' } as FundCommand, state, hub)).toThrow(refusal('validation_failed'));
  });

  it('refuses to pay past the aid fund, twice, or to the paying treasurer', () => {
    const state = given(aidGiven('10'), asked('r-1', 'ann', '20'), asked('r-2', 'tia', '5'));
    expect(() => fundDecider.decide({ type: 'PayAid', requestId: 'r-1', actorId: 'tia', at }, state, hub)).toThrow(refusal('insufficient_funds'));
    expect(() => fundDecider.decide({ type: 'PayAid', requestId: 'r-2', actorId: 'tia', at }, state, hub)).toThrow(
      expect.objectContaining({ code: 'separation_of_duties', rule: 'no-own-aid-payment' }),
    );
    expect(() => fundDecider.decide({ type: 'PayAid', requestId: 'r-1', actorId: 'coco', at }, state, hub)).toThrow(refusal('forbidden'));
    const paid = given(aidGiven('10'), asked('r-2', 'tia', '5'), paidOut('r-2', 'tia', '5'));
    expect(() => fundDecider.decide({ type: 'PayAid', requestId: 'r-2', actorId: 'ted', at }, paid, hub)).toThrow(refusal('invalid_state'));
  });

  it('lets the member or a coordinator ask, and only the member withdraw', () => {
    expect(fundDecider.decide(ask('r-1', 'ann', '5', { actorId: 'coco' }), given(), hub)[0].data).toMatchObject({ memberId: 'ann', requestedBy: 'coco' });
    expect(() => fundDecider.decide(ask('r-1', 'ann', '5', { actorId: 'ben' }), given(), hub)).toThrow(refusal('forbidden'));
    const state = given(asked('r-1', 'ann', '5'));
    expect(() => fundDecider.decide({ type: 'WithdrawAidRequest', requestId: 'r-1', actorId: 'ben', at }, state, hub)).toThrow(refusal('not_found'));
    const [withdrawn] = fundDecider.decide({ type: 'WithdrawAidRequest', requestId: 'r-1', actorId: 'ann', at }, state, hub);
    expect(withdrawn.type).toBe('AidRequestWithdrawn');
  });

  it('keeps a need as given, trimmed, and refuses bad amounts', () => {
    expect(fundDecider.decide(ask('r-1', 'ann', '5', { need: '  gas  ' } as Partial<FundCommand>), given(), hub)[0].data).toMatchObject({ need: 'gas' });
    expect(() => fundDecider.decide(ask('r-1', 'ann', '0'), given(), hub)).toThrow(refusal('validation_failed'));
    expect(() => fundDecider.decide(ask('r-1', 'ann', '1.001'), given(), hub)).toThrow(refusal('validation_failed'));
    expect(() => fundDecider.decide(ask('r-1', 'zed', '1', { actorId: 'coco' }), given(), hub)).toThrow(refusal('not_found'));
  });

  it('holds the monthly cap: open and paid requests count, withdrawn ones and other months do not', () => {
    const capped = withCap(hub, '50');
    const state = given(asked('r-1', 'ann', '30'), asked('r-2', 'ann', '20'), withdrawnRequest('r-2', 'ann'));
    expect(fundDecider.decide(ask('r-3', 'ann', '20'), state, capped)).toHaveLength(1);
    expect(() => fundDecider.decide(ask('r-3', 'ann', '20.01'), state, capped)).toThrow(refusal('aid_limit_exceeded'));
    expect(fundDecider.decide(ask('r-3', 'ben', '50'), state, capped)).toHaveLength(1);
    expect(fundDecider.decide(ask('r-3', 'ann', '50', { at: '2026-04-01T00:00:00.000Z' }), state, capped)).toHaveLength(1);
    expect(fundDecider.decide(ask('r-3', 'ann', '500'), state, withCap(capped, null))).toHaveLength(1);
  });
});

describe('reversals of aid payments', () => {
  const hub = poolHub();
  const payment = paidOut('r-1', 'ann', '20');
  const entry = { position: 9, streamId: 'fund-h', revision: 2, ...payment } as RecordedEntry;
  const history = [aidGiven('100'), asked('r-1', 'ann', '20'), payment];

  it('gives a paid request back to the aid fund once the member confirms, and the request no longer counts toward the cap', () => {
    const proposed = fundDecider.decide({ type: 'ProposeReversal', reversalId: 'rv', entry, reason: 'paid twice by hand', actorId: 'tia', at }, given(...history), hub);
    const applied = fundDecider.decide({ type: 'ConfirmReversal', reversalId: 'rv', actorId: 'ann', at }, given(...history, ...proposed), hub);
    const after = given(...history, ...proposed, ...applied);
    expect(after.aid.toFixed(2)).toBe('100.00');
    expect(after.aidRequests.get('r-1')!.status).toBe('reversed');
    const capped = withCap(hub, '20');
    expect(fundDecider.decide(ask('r-2', 'ann', '20'), after, capped)).toHaveLength(1);
  });
});

