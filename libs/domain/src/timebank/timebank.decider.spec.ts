import { deciderSpec } from '../decider.spec-helpers';
import { HubEvent } from '../hub/hub.events';
import { at, enrolled, hubCreated, hubOf } from '../hub/hub.spec-helpers';
import { TimeBankCommand } from './timebank.commands';
import { HUB_ACCOUNT, HoursPaid, TimeBankEvent, VolunteerHoursPaid } from './timebank.events';
import { balanceOf, sumOfHours, timeBankDecider } from './timebank.decider';

const spec = deciderSpec(timeBankDecider);

const people: HubEvent[] = [
  enrolled('alice', ['member']),
  enrolled('bob', ['member']),
  enrolled('carol', ['member'], '2.00'),
  enrolled('dana', ['auditor']),
  enrolled('coco', ['member', 'coordinator']),
  enrolled('tess', ['member', 'treasurer']),
];
const hub = hubOf(hubCreated(), ...people);

const pay = (fromMemberId: string, toMemberId: string, hours: string, actorId = fromMemberId): TimeBankCommand => ({
  type: 'PayHours', transferId: `t-${fromMemberId}-${toMemberId}`, fromMemberId, toMemberId, hours, memo: 'childcare', actorId, at,
});
const paid = (fromMemberId: string, toMemberId: string, hours: string): HoursPaid => ({
  type: 'HoursPaid', data: { transferId: `t-${fromMemberId}-${toMemberId}`, fromMemberId, toMemberId, hours, memo: 'childcare', at },
});
const volunteered = (memberId: string, hours: string): VolunteerHoursPaid => ({
  type: 'VolunteerHoursPaid', data: { contributionId: `v-${memberId}`, memberId, hours, description: 'food pantry shift', recordedBy: 'coco', at },
});

describe('time-bank decider', () => {
  it('records hours paid from one member to another', () => {
    spec([], hub).when(pay('alice', 'bob', '2.5')).then([paid('alice', 'bob', '2.50')]);
  });

  it('moves the hours out of the payer and into the payee, summing to zero', () => {
    const state = spec([paid('alice', 'bob', '2.50'), paid('bob', 'carol', '1.25')], hub).state();
    expect(balanceOf(state, 'alice').toString()).toBe('-2.50');
    expect(balanceOf(state, 'bob').toString()).toBe('1.25');
    expect(balanceOf(state, 'carol').toString()).toBe('1.25');
    expect(sumOfHours(state).isZero()).toBe(true);
  });

  it('allows a payment that takes the payer exactly to their credit limit', () => {
    spec([], hub).when(pay('alice', 'bob', '10')).then([paid('alice', 'bob', '10.00')]);
  });

  it('refuses a payment that would take the payer below the hub default credit limit', () => {
    spec([paid('alice', 'bob', '9.99')], hub).when(pay('alice', 'bob', '0.02')).thenRefuses('credit_limit_exceeded');
  });

  it("uses the member's own credit limit over the hub default", () => {
    spec([], hub).when(pay('carol', 'bob', '2.01')).thenRefuses('credit_limit_exceeded');
  });

  it('lets a member spend hours they earned on top of their credit limit', () => {
    expect(spec([paid('bob', 'carol', '3.00')], hub).when(pay('carol', 'alice', '5')).events()).toHaveLength(1);
  });

  it("refuses a payment that would take the payee above the hub's maximum balance", () => {
    const capped = hubOf(hubCreated({ maxBalance: '5.00' }), ...people);
    spec([paid('alice', 'bob', '4.00')], capped).when(pay('carol', 'bob', '1.01')).thenRefuses('balance_limit_exceeded');
  });

  it.each([['0'], ['-1'], ['1.234'], ['1e2'], ['']])('refuses %p hours', (hours) => {
    spec([], hub).when(pay('alice', 'bob', hours)).thenRefuses('validation_failed');
  });

  it('refuses a member paying themselves', () => {
    spec([], hub).when(pay('alice', 'alice', '1')).thenRefuses('validation_failed');
  });

  it('refuses a payment to or from someone not enrolled', () => {
    spec([], hub).when(pay('alice', 'zed', '1')).thenRefuses('not_found');
  });

  it('refuses a payment involving a suspended member', () => {
    const suspended = hubOf(hubCreated(), ...people, { type: 'MemberSuspended', data: { memberId: 'bob', at } });
    spec([], suspended).when(pay('alice', 'bob', '1')).thenRefuses('invalid_state');
  });

  it('refuses a payment to someone enrolled without the member role', () => {
    spec([], hub).when(pay('alice', 'dana', '1')).thenRefuses('validation_failed');
  });

  it('refuses a memo longer than 500 characters', () => {
    spec([], hub).when({ ...pay('alice', 'bob', '1'), memo: 'x'.repeat(501) } as TimeBankCommand).thenRefuses('validation_failed');
  });
});

describe('who may pay', () => {
  it("lets a coordinator record a payment from another member's account", () => {
    spec([], hub).when(pay('alice', 'bob', '1', 'coco')).then([paid('alice', 'bob', '1.00')]);
  });

  it("refuses anyone else paying from a member's account", () => {
    spec([], hub).when(pay('alice', 'bob', '1', 'bob')).thenRefuses('forbidden');
    spec([], hub).when(pay('alice', 'bob', '1', 'tess')).thenRefuses('forbidden');
    spec([], hub).when(pay('alice', 'bob', '1', 'admin')).thenRefuses('forbidden');
  });

  it("refuses a coordinator paying themselves from another member's account (no-payment-to-oneself-for-another)", () => {
    spec([], hub).when(pay('alice', 'coco', '1', 'coco')).thenRefuses('separation_of_duties', 'no-payment-to-oneself-for-another');
  });
});

describe('volunteer hours from the hub account', () => {
  const volunteer = (memberId: string, hours: string, actorId = 'coco'): TimeBankCommand => ({
    type: 'PayVolunteerHours', contributionId: `v-${memberId}`, memberId, hours, description: 'food pantry shift', actorId, at,
  });

  it("pays the member from the hub's own time account, so hours still sum to zero", () => {
    const when = spec([], hub).when(volunteer('bob', '3'));
    when.then([volunteered('bob', '3.00')]);
    expect(balanceOf(when.after(), HUB_ACCOUNT).toString()).toBe('-3.00');
    expect(balanceOf(when.after(), 'bob').toString()).toBe('3.00');
    expect(sumOfHours(when.after()).isZero()).toBe(true);
  });

  it("refuses volunteer hours that would take the hub's account past its limit", () => {
    const small = hubOf(hubCreated({ hubAccountLimit: '5.00' }), ...people);
    spec([volunteered('bob', '4.00')], small).when(volunteer('alice', '1.01')).thenRefuses('balance_limit_exceeded');
  });

  it('refuses volunteer hours to someone who is not a member', () => {
    spec([], hub).when(volunteer('dana', '1')).thenRefuses('validation_failed');
  });

  it('lets only a coordinator or treasurer record volunteer hours', () => {
    spec([], hub).when(volunteer('bob', '1', 'alice')).thenRefuses('forbidden');
    expect(spec([], hub).when(volunteer('bob', '1', 'tess')).events()).toHaveLength(1);
  });

  it('refuses an officer crediting themselves volunteer hours (no-own-volunteer-hours)', () => {
    spec([], hub).when(volunteer('coco', '990')).thenRefuses('separation_of_duties', 'no-own-volunteer-hours');
  });
});

describe('reversals of hours', () => {
  const mistake = { position: 7, streamId: 'timebank-h', revision: 0, ...paid('alice', 'bob', '25.00') };
  const proposed: TimeBankEvent = { type: 'ReversalProposed', data: { reversalId: 'r-1', entry: mistake, reason: 'meant 2.5', proposedBy: 'alice', at } };
  const history: TimeBankEvent[] = [paid('alice', 'bob', '25.00')];
  const wide = hubOf(hubCreated(), ...people, { type: 'MemberCreditLimitChanged', data: { memberId: 'alice', creditLimit: '30.00', at } });
  const propose = (actorId: string, entry = mistake): TimeBankCommand => ({ type: 'ProposeReversal', reversalId: 'r-1', entry, reason: 'meant 2.5', actorId, at });
  const confirm = (actorId: string): TimeBankCommand => ({ type: 'ConfirmReversal', reversalId: 'r-1', actorId, at });

  it('lets the payer propose the reversal of their payment, and moves nothing yet', () => {
    const when = spec(history, wide).when(propose('alice'));
    when.then([proposed]);
    expect(balanceOf(when.after(), 'bob').toString()).toBe('25.00');
  });

  it('lets a party or a coordinator propose, and nobody else', () => {
    expect(spec(history, wide).when(propose('bob')).events()).toHaveLength(1);
    expect(spec(history, wide).when(propose('coco')).events()).toHaveLength(1);
    spec(history, wide).when(propose('carol')).thenRefuses('forbidden');
    spec(history, wide).when(propose('tess')).thenRefuses('forbidden');
  });

  it('applies it when the payee confirms: exactly the hours go back, and hours still sum to zero', () => {
    const when = spec([...history, proposed], wide).when(confirm('bob'));
    expect(when.events()).toEqual([
      { type: 'EntryReversed', data: { reversalId: 'r-1', entry: mistake, reason: 'meant 2.5', proposedBy: 'alice', confirmedBy: 'bob', note: '', at } },
    ]);
    expect(balanceOf(when.after(), 'alice').toString()).toBe('0.00');
    expect(balanceOf(when.after(), 'bob').toString()).toBe('0.00');
    expect(sumOfHours(when.after()).isZero()).toBe(true);
  });

  it('refuses the proposer confirming (no-confirming-own-proposal), and someone it gives back to (no-confirming-own-gain)', () => {
    spec([...history, proposed], wide).when(confirm('alice')).thenRefuses('separation_of_duties', 'no-confirming-own-proposal');
    const byBob: TimeBankEvent = { type: 'ReversalProposed', data: { ...proposed.data, proposedBy: 'bob' } } as TimeBankEvent;
    const coordinatorPaid = { ...mistake, ...paid('coco', 'bob', '25.00') };
    const coordinatorProposal = { type: 'ReversalProposed', data: { ...proposed.data, entry: coordinatorPaid, proposedBy: 'bob' } } as TimeBankEvent;
    spec([paid('coco', 'bob', '25.00'), coordinatorProposal], wide).when(confirm('coco')).thenRefuses('separation_of_duties', 'no-confirming-own-gain');
    expect(spec([...history, byBob], wide).when(confirm('coco')).events()).toHaveLength(1);
  });

  it('lets only the payee or a coordinator confirm', () => {
    spec([...history, proposed], wide).when(confirm('carol')).thenRefuses('forbidden');
  });

  it('reverses an entry at most once', () => {
    const reversed = spec([...history, proposed], wide).when(confirm('bob'));
    const afterReversal = [...history, proposed, ...reversed.events()];
    spec(afterReversal, wide).when({ ...propose('alice'), reversalId: 'r-2' } as TimeBankCommand).thenRefuses('invalid_state');
    spec(afterReversal, wide).when(confirm('coco')).thenRefuses('invalid_state');
    spec([...history, proposed], wide).when({ ...propose('bob'), reversalId: 'r-2' } as TimeBankCommand).thenRefuses('invalid_state');
  });

  it('lets an entry be proposed again after a rejection', () => {
    const rejected: TimeBankEvent = { type: 'ReversalRejected', data: { reversalId: 'r-1', original: { position: 7, streamId: 'timebank-h', revision: 0 }, rejectedBy: 'bob', reason: 'it was 25', at } };
    spec([...history, proposed], wide).when({ type: 'RejectReversal', reversalId: 'r-1', reason: 'it was 25', actorId: 'bob', at }).then([rejected]);
    expect(spec([...history, proposed, rejected], wide).when({ ...propose('alice'), reversalId: 'r-2' } as TimeBankCommand).events()).toHaveLength(1);
  });

  it('takes hours back past a credit limit, since it restores what truly happened', () => {
    const spentIt = [paid('alice', 'bob', '25.00'), paid('bob', 'coco', '20.00')];
    const when = spec([...spentIt, proposed], wide).when(confirm('bob'));
    expect(balanceOf(when.after(), 'bob').toString()).toBe('-20.00');
  });

  it('reverses volunteer hours back into the hub account', () => {
    const entry = { position: 3, streamId: 'timebank-h', revision: 0, ...volunteered('bob', '990.00') };
    const when = spec([volunteered('bob', '990.00')], hub).when({ type: 'ProposeReversal', reversalId: 'r-v', entry, reason: 'typed 990 for 9.90', actorId: 'coco', at });
    const proposal = when.events();
    const applied = spec([volunteered('bob', '990.00'), ...proposal], hub).when({ type: 'ConfirmReversal', reversalId: 'r-v', actorId: 'bob', at }).after();
    expect(balanceOf(applied, HUB_ACCOUNT).toString()).toBe('0.00');
    expect(balanceOf(applied, 'bob').toString()).toBe('0.00');
  });

  it('refuses an entry of another stream or kind', () => {
    spec(history, wide).when(propose('alice', { ...mistake, streamId: 'timebank-other' })).thenRefuses('invalid_state');
    const loanApplied = { position: 9, streamId: 'timebank-h', revision: 1, type: 'LoanApplied', data: {} } as never;
    spec(history, wide).when(propose('alice', loanApplied)).thenRefuses('invalid_state');
  });
});
