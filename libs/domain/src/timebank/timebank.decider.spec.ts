import { hubDecider } from '../hub/hub.decider';
import { HubCommand } from '../hub/hub.commands';
import { HubState } from '../hub/hub.state';
import { PayHours, PayVolunteerHours } from './timebank.commands';
import { HUB_ACCOUNT, TimeBankEvent } from './timebank.events';
import { TimeBankState, balanceOf, sumOfHours, timeBankDecider } from './timebank.decider';

const at = '2026-03-01T10:00:00.000Z';

function hubWith(options: { maxBalance?: string; hubAccountLimit?: string } = {}): HubState {
  const commands: HubCommand[] = [
    { type: 'CreateHub', hubId: 'h', name: 'Hub', currency: 'USD', defaultCreditLimit: '10', ...options, at },
    { type: 'EnrolMember', memberId: 'alice', displayName: 'Alice', roles: ['member'], tokenHash: 'a', at },
    { type: 'EnrolMember', memberId: 'bob', displayName: 'Bob', roles: ['member'], tokenHash: 'b', at },
    { type: 'EnrolMember', memberId: 'carol', displayName: 'Carol', roles: ['member'], creditLimit: '2', tokenHash: 'c', at },
    { type: 'EnrolMember', memberId: 'dana', displayName: 'Dana', roles: ['auditor'], tokenHash: 'd', at },
    { type: 'EnrolMember', memberId: 'coco', displayName: 'Coco', roles: ['coordinator'], tokenHash: 'e', at },
  ];
  let state = hubDecider.initialState();
  for (const command of commands) state = hubDecider.decide(command, state).reduce(hubDecider.evolve, state);
  return state;
}

function pay(fromMemberId: string, toMemberId: string, hours: string): PayHours {
  return { type: 'PayHours', transferId: `t-${fromMemberId}-${toMemberId}`, fromMemberId, toMemberId, hours, memo: 'childcare', at };
}

function given(hub: HubState, ...payments: PayHours[]): TimeBankState {
  let state = timeBankDecider.initialState();
  for (const payment of payments) {
    state = timeBankDecider.decide(payment, state, hub).reduce(timeBankDecider.evolve, state);
  }
  return state;
}

describe('time-bank decider', () => {
  const hub = hubWith();

  it('records hours paid from one member to another', () => {
    expect(timeBankDecider.decide(pay('alice', 'bob', '2.5'), given(hub), hub)).toEqual<TimeBankEvent[]>([
      {
        type: 'HoursPaid',
        data: { transferId: 't-alice-bob', fromMemberId: 'alice', toMemberId: 'bob', hours: '2.50', memo: 'childcare', at },
      },
    ]);
  });

  it('moves the hours out of the payer and into the payee, summing to zero', () => {
    const state = given(hub, pay('alice', 'bob', '2.5'), pay('bob', 'carol', '1.25'));
    expect(balanceOf(state, 'alice').toString()).toBe('-2.50');
    expect(balanceOf(state, 'bob').toString()).toBe('1.25');
    expect(balanceOf(state, 'carol').toString()).toBe('1.25');
    expect(sumOfHours(state).isZero()).toBe(true);
  });

  it('allows a payment that takes the payer exactly to their credit limit', () => {
    const state = given(hub, pay('alice', 'bob', '10'));
    expect(balanceOf(state, 'alice').toString()).toBe('-10.00');
  });

  it('refuses a payment that would take the payer below the hub default credit limit', () => {
    const state = given(hub, pay('alice', 'bob', '9.99'));
    expect(() => timeBankDecider.decide(pay('alice', 'bob', '0.02'), state, hub)).toThrow(
      expect.objectContaining({ code: 'credit_limit_exceeded' }),
    );
  });

  it("uses the member's own credit limit over the hub default", () => {
    expect(() => timeBankDecider.decide(pay('carol', 'bob', '2.01'), given(hub), hub)).toThrow(
      expect.objectContaining({ code: 'credit_limit_exceeded' }),
    );
  });

  it('lets a member spend hours they earned on top of their credit limit', () => {
    const state = given(hub, pay('bob', 'carol', '3'));
    expect(() => timeBankDecider.decide(pay('carol', 'alice', '5'), state, hub)).not.toThrow();
  });

  it("refuses a payment that would take the payee above the hub's maximum balance", () => {
    const capped = hubWith({ maxBalance: '5' });
    const state = given(capped, pay('alice', 'bob', '4'));
    expect(() => timeBankDecider.decide(pay('carol', 'bob', '1.01'), state, capped)).toThrow(
      expect.objectContaining({ code: 'balance_limit_exceeded' }),
    );
  });

  it.each([['0'], ['-1'], ['1.234'], ['1e2'], ['']])('refuses %p hours', (hours) => {
    expect(() => timeBankDecider.decide(pay('alice', 'bob', hours), given(hub), hub)).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });

  it('refuses a member paying themselves', () => {
    expect(() => timeBankDecider.decide(pay('alice', 'alice', '1'), given(hub), hub)).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });

  it('refuses a payment to or from someone not enrolled', () => {
    expect(() => timeBankDecider.decide(pay('alice', 'zed', '1'), given(hub), hub)).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });

  it('refuses a payment involving a suspended member', () => {
    const suspended = hubDecider
      .decide({ type: 'ChangeMember', memberId: 'bob', status: 'suspended', at }, hub)
      .reduce(hubDecider.evolve, hubDecider.copy(hub));
    expect(() => timeBankDecider.decide(pay('alice', 'bob', '1'), given(suspended), suspended)).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
  });

  it('refuses a payment to someone enrolled without the member role', () => {
    expect(() => timeBankDecider.decide(pay('alice', 'dana', '1'), given(hub), hub)).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });

  it('refuses a memo longer than 500 characters', () => {
    const payment = { ...pay('alice', 'bob', '1'), memo: 'x'.repeat(501) };
    expect(() => timeBankDecider.decide(payment, given(hub), hub)).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });
});

describe('volunteer hours from the hub account', () => {
  const hub = hubWith();
  const volunteer = (memberId: string, hours: string, actorId = 'coco'): PayVolunteerHours => ({
    type: 'PayVolunteerHours', contributionId: `v-${memberId}`, memberId, hours, description: 'food pantry shift', actorId, at,
  });

  it("pays the member from the hub's own time account, so hours still sum to zero", () => {
    const events = timeBankDecider.decide(volunteer('bob', '3'), given(hub), hub);
    expect(events).toEqual([
      { type: 'VolunteerHoursPaid', data: { contributionId: 'v-bob', memberId: 'bob', hours: '3.00', description: 'food pantry shift', recordedBy: 'coco', at } },
    ]);
    const state = events.reduce(timeBankDecider.evolve, given(hub));
    expect(balanceOf(state, HUB_ACCOUNT).toString()).toBe('-3.00');
    expect(balanceOf(state, 'bob').toString()).toBe('3.00');
    expect(sumOfHours(state).isZero()).toBe(true);
  });

  it("refuses volunteer hours that would take the hub's account past its limit", () => {
    const small = hubWith({ hubAccountLimit: '5' });
    const state = timeBankDecider.decide(volunteer('bob', '4'), given(small), small).reduce(timeBankDecider.evolve, given(small));
    expect(() => timeBankDecider.decide(volunteer('alice', '1.01'), state, small)).toThrow(
      expect.objectContaining({ code: 'balance_limit_exceeded' }),
    );
  });

  it('refuses volunteer hours to someone who is not a member', () => {
    expect(() => timeBankDecider.decide(volunteer('dana', '1'), given(hub), hub)).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });

  it('lets only a coordinator or treasurer record volunteer hours', () => {
    expect(() => timeBankDecider.decide(volunteer('bob', '1', 'alice'), given(hub), hub)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});
