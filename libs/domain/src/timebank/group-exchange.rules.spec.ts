import { deciderSpec } from '../decider.spec-helpers';
import { HubEvent } from '../hub/hub.events';
import { at, enrolled, hubCreated, hubOf } from '../hub/hub.spec-helpers';
import { RecordedEntry, entryAt } from '../reversals/reversal.events';
import { reversalTerms } from '../reversals/reversal.rules';
import { TimeBankCommand } from './timebank.commands';
import { GroupHoursPaid, HoursPaid, TimeBankEvent } from './timebank.events';
import { balanceOf, sumOfHours, timeBankDecider } from './timebank.decider';

const spec = deciderSpec(timeBankDecider);

const volunteers = Array.from({ length: 11 }, (_, i) => `v${i + 1}`);
const categories: HubEvent = {
  type: 'CategoriesSet',
  data: { categories: [{ categoryId: 'gardening', name: 'Gardening', retired: false }, { categoryId: 'canning', name: 'Canning', retired: true }], setBy: 'admin', at },
};
const people: HubEvent[] = [
  enrolled('garden', ['member'], '100.00'), // the member whose garden the work day was for
  ...volunteers.map((id) => enrolled(id, ['member'])),
  enrolled('poor', ['member']),
  enrolled('coco', ['member', 'coordinator']),
  enrolled('cora', ['coordinator']),
  enrolled('tess', ['member', 'treasurer']),
  enrolled('aud', ['auditor']),
  categories,
];
const hub = hubOf(hubCreated({ maxBalance: '20.00' }), ...people);

type Payment = { fromMemberId: string; toMemberId: string; hours: string };
const group = (payments: Payment[], fields: Partial<Extract<TimeBankCommand, { type: 'PayGroupHours' }>> = {}): TimeBankCommand => ({
  type: 'PayGroupHours', groupId: 'g-1', payments, memo: 'work day at the garden', categoryId: 'gardening', actorId: 'cora', at, ...fields,
});
const p = (fromMemberId: string, toMemberId: string, hours: string): Payment => ({ fromMemberId, toMemberId, hours });
const paid = (fromMemberId: string, toMemberId: string, hours: string): HoursPaid => ({
  type: 'HoursPaid', data: { transferId: `t-${fromMemberId}-${toMemberId}`, fromMemberId, toMemberId, hours, memo: 'earlier', at },
});
// twelve payments: the garden's owner pays eleven volunteers three hours each, and `poor` pays one
const workDay = [...volunteers.map((id) => p('garden', id, '3')), p('poor', 'v1', '2')];

describe('group exchanges: a work day or a class as one entry', () => {
  it('records every payment of a work day in one event, and moves each', () => {
    const when = spec([], hub).when(group(workDay));
    const events = when.events() as GroupHoursPaid[];
    expect(events).toHaveLength(1);
    expect(events[0]).toEqual({
      type: 'GroupHoursPaid',
      data: {
        groupId: 'g-1',
        payments: workDay.map((payment) => ({ ...payment, hours: `${payment.hours}.00` })),
        memo: 'work day at the garden',
        categoryId: 'gardening',
        recordedBy: 'cora',
        at,
      },
    });
    const after = when.after();
    expect(balanceOf(after, 'garden').toString()).toBe('-33.00');
    expect(balanceOf(after, 'v1').toString()).toBe('5.00');
    expect(balanceOf(after, 'poor').toString()).toBe('-2.00');
    expect(sumOfHours(after).isZero()).toBe(true);
  });

  it('refuses the whole work day when one payer would pass their limit, naming the payment', () => {
    const history = [paid('poor', 'v2', '9.00')];
    const refuse = () => spec(history, hub).when(group(workDay)).events();
    expect(refuse).toThrow(expect.objectContaining({ code: 'credit_limit_exceeded', message: expect.stringMatching(/^payment 12 of 12: poor would reach -11\.00 hours.*nothing was recorded$/) }));
  });

  it("checks each payment on the balances the earlier ones left: the hub's maximum across the group", () => {
    // v1 is paid 3 and then 18 more: 21 passes the maximum of 20, though each payment alone would not
    const rich = hubOf(hubCreated({ maxBalance: '20.00' }), ...people, enrolled('rich', ['member'], '100.00'));
    spec([], rich).when(group([p('garden', 'v1', '3'), p('garden', 'v2', '1'), p('rich', 'v1', '18')])).thenRefuses('balance_limit_exceeded');
    expect(spec([], rich).when(group([p('garden', 'v1', '2'), p('rich', 'v1', '18')])).events()).toHaveLength(1);
  });

  it('lets a payer spend in a later payment what an earlier one of the group paid them', () => {
    // v3 may owe 10: paid 5 first, they can pay 15
    const events = spec([], hub).when(group([p('garden', 'v3', '5'), p('v3', 'v4', '15')])).events();
    expect(events).toHaveLength(1);
    spec([], hub).when(group([p('v3', 'v4', '15'), p('garden', 'v3', '5')])).thenRefuses('credit_limit_exceeded');
  });

  it('is recorded by a coordinator only', () => {
    for (const actorId of ['garden', 'tess', 'aud', 'nobody']) spec([], hub).when(group(workDay, { actorId })).thenRefuses('forbidden');
    expect(spec([], hub).when(group(workDay, { actorId: 'coco' })).events()).toHaveLength(1);
  });

  it("refuses a coordinator paid from another member's account in their own group", () => {
    spec([], hub).when(group([p('garden', 'v1', '1'), p('garden', 'coco', '2')], { actorId: 'coco' })).thenRefuses('separation_of_duties', 'no-payment-to-oneself-for-another');
  });

  it('lets a coordinator pay others from their own account in a group they record', () => {
    expect(spec([], hub).when(group([p('coco', 'v1', '1'), p('coco', 'v2', '1')], { actorId: 'coco' })).events()).toHaveLength(1);
  });

  it.each([
    ['no payments', []],
    ['201 payments', Array.from({ length: 201 }, (_, i) => p('garden', `x${i}`, '1'))],
    ['a payment to oneself', [p('v1', 'v1', '1')]],
    ['the same pair twice', [p('garden', 'v1', '1'), p('garden', 'v1', '2')]],
    ['zero hours', [p('garden', 'v1', '0')]],
    ['three decimal places', [p('garden', 'v1', '1.005')]],
    ['a malformed member id', [p('garden', 'Not An Id', '1')]],
  ])('refuses %s', (_what, payments) => {
    spec([], hub).when(group(payments)).thenRefuses('validation_failed');
  });

  it('refuses an empty memo, and a retired or unknown category', () => {
    spec([], hub).when(group(workDay, { memo: ' ' })).thenRefuses('validation_failed');
    spec([], hub).when(group(workDay, { categoryId: 'canning' })).thenRefuses('validation_failed');
    spec([], hub).when(group(workDay, { categoryId: 'plumbing' })).thenRefuses('validation_failed');
  });

  it('takes 200 payments', () => {
    const many = Array.from({ length: 200 }, (_, i) => p(i % 2 ? 'v1' : 'v2', `x${i}`, '0.05'));
    const wide = hubOf(hubCreated(), ...people, ...many.map((payment) => enrolled(payment.toMemberId, ['member'])));
    expect((spec([], wide).when(group(many)).events()[0] as GroupHoursPaid).data.payments).toHaveLength(200);
  });

  it('refuses an unknown member, a suspended one, and someone with no time-bank account', () => {
    spec([], hub).when(group([p('garden', 'ghost', '1')])).thenRefuses('not_found');
    const suspended = hubOf(hubCreated(), ...people, { type: 'MemberSuspended', data: { memberId: 'v5', at } });
    spec([], suspended).when(group(workDay)).thenRefuses('invalid_state');
    spec([], hub).when(group([p('garden', 'aud', '1')])).thenRefuses('validation_failed');
  });
});

describe('reversing a group exchange', () => {
  const recorded = spec([], hub).when(group([p('garden', 'v1', '3'), p('coco', 'v2', '2')])).events()[0] as GroupHoursPaid;
  const entry: RecordedEntry = entryAt({ position: 40, streamId: 'timebank-h', revision: 3 }, recorded);
  const proposed: TimeBankEvent = { type: 'ReversalProposed', data: { reversalId: 'r-g', entry, reason: 'the work day was rained off', proposedBy: 'v1', at } };
  const confirm = (actorId: string): TimeBankCommand => ({ type: 'ConfirmReversal', reversalId: 'r-g', actorId, at });

  it('names every party, lowers no single one, and gives back to each payer', () => {
    expect(reversalTerms(entry)).toEqual({ officer: 'coordinator', parties: ['garden', 'v1', 'coco', 'v2'], lowers: null, raises: ['garden', 'coco'] });
  });

  it('may be proposed by a party and is confirmed by a coordinator who paid nothing in it', () => {
    spec([recorded], hub).when({ type: 'ProposeReversal', reversalId: 'r-g', entry, reason: 'the work day was rained off', actorId: 'v1', at }).then([proposed]);
    const after = spec([recorded, proposed], hub).when(confirm('cora')).after();
    for (const memberId of ['garden', 'v1', 'coco', 'v2']) expect(balanceOf(after, memberId).isZero()).toBe(true);
  });

  it('is not confirmed by a payee alone, nor by a coordinator who gets hours back', () => {
    spec([recorded, proposed], hub).when(confirm('v2')).thenRefuses('forbidden');
    spec([recorded, proposed], hub).when(confirm('coco')).thenRefuses('separation_of_duties', 'no-confirming-own-gain');
  });
});
