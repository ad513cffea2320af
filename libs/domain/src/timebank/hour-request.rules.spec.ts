import { deciderSpec } from '../decider.spec-helpers';
import { HubEvent } from '../hub/hub.events';
import { at, enrolled, hubCreated, hubOf } from '../hub/hub.spec-helpers';
import { TimeBankCommand } from './timebank.commands';
import { HoursPaid, TimeBankEvent } from './timebank.events';
import { balanceOf, timeBankDecider } from './timebank.decider';

const people: HubEvent[] = [
  enrolled('alice', ['member']),
  enrolled('bob', ['member']),
  enrolled('dell', ['member']),
  enrolled('coco', ['member', 'coordinator']),
  enrolled('cora', ['member', 'coordinator']),
  enrolled('tess', ['member', 'treasurer']),
];
const autoAccept: HubEvent = { type: 'HubSettingsChanged', data: { requestAutoAcceptDays: 7, at } };
const dellAssisted: HubEvent = { type: 'MemberAssistanceChanged', data: { memberId: 'dell', assisted: true, at } };
const hub = hubOf(hubCreated(), ...people, autoAccept, dellAssisted);
const spec = (history: TimeBankEvent[], context = hub) => deciderSpec(timeBankDecider)(history, context);

const ask = (fields: object = {}, actorId = 'bob'): TimeBankCommand =>
  ({ type: 'RequestHours', requestId: 'r1', fromMemberId: 'alice', toMemberId: 'bob', hours: '2', memo: 'mended the fence', actorId, at, ...fields }) as TimeBankCommand;
const requested = (fields: object = {}): TimeBankEvent =>
  ({ type: 'HoursRequested', data: { requestId: 'r1', fromMemberId: 'alice', toMemberId: 'bob', hours: '2.00', memo: 'mended the fence', requestedBy: 'bob', at, ...fields } }) as TimeBankEvent;
const accept = (actorId: string, when = at): TimeBankCommand => ({ type: 'AcceptHourRequest', requestId: 'r1', transferId: 't1', actorId, at: when });
const paid = (fields: object = {}): HoursPaid => ({
  type: 'HoursPaid',
  data: { transferId: 't1', fromMemberId: 'alice', toMemberId: 'bob', hours: '2.00', memo: 'mended the fence', requestId: 'r1', at, ...fields },
});
const owed = (hours: string): TimeBankEvent => ({ type: 'HoursPaid', data: { transferId: 'before', fromMemberId: 'alice', toMemberId: 'dell', hours, memo: '', at } });

describe('hour requests: the provider asks, the payer confirms', () => {
  it('records a request from the provider, moving no hours and checking no limit yet', () => {
    spec([]).when(ask()).then([requested()]);
    expect(balanceOf(spec([requested()]).state(), 'alice').toString()).toBe('0.00');
    // even past the payer's limit: limits are checked when the payer accepts
    spec([owed('9')]).when(ask({ hours: '5' })).then([requested({ hours: '5.00' })]);
  });

  it('lets only the provider or a coordinator ask', () => {
    spec([]).when(ask({}, 'alice')).thenRefuses('forbidden');
    spec([]).when(ask({}, 'tess')).thenRefuses('forbidden');
    spec([]).when(ask({}, 'coco')).then([requested({ requestedBy: 'coco' })]);
    spec([]).when(ask({ toMemberId: 'alice' })).thenRefuses('validation_failed');
  });

  it('pays when the payer accepts, against the limits of the moment of acceptance', () => {
    spec([requested()]).when(accept('alice')).then([{ type: 'HourRequestAccepted', data: { requestId: 'r1', transferId: 't1', acceptedBy: 'alice', at } }, paid()]);
    // the payer owed more meanwhile: refused, and the request still waits
    spec([requested(), owed('9')]).when(accept('alice')).thenRefuses('credit_limit_exceeded');
    expect(spec([requested(), owed('9')]).state().requests.has('r1')).toBe(true);
  });

  it('lets nobody but the payer accept: not the provider, not a coordinator for a payer who is not assisted', () => {
    for (const actorId of ['bob', 'coco', 'tess']) spec([requested()]).when(accept(actorId)).thenRefuses('forbidden');
  });

  it('lets a coordinator accept for an assisted payer, but never what they asked for themselves or for their own pay', () => {
    const forDell = requested({ fromMemberId: 'dell', requestedBy: 'bob' });
    expect(spec([forDell]).when(accept('coco')).events()[0].data).toMatchObject({ acceptedBy: 'coco' });
    spec([requested({ fromMemberId: 'dell', requestedBy: 'coco' })]).when(accept('coco')).thenRefuses('separation_of_duties', 'no-accepting-own-request');
    spec([requested({ fromMemberId: 'dell', toMemberId: 'coco', requestedBy: 'coco' })]).when(accept('coco')).thenRefuses('separation_of_duties', 'no-payment-to-oneself-for-another');
    spec([requested({ fromMemberId: 'dell', toMemberId: 'cora', requestedBy: 'cora' })]).when(accept('cora')).thenRefuses('separation_of_duties');
  });

  it('lets the ledger accept after the hub’s days, exactly once, and never before or without the setting', () => {
    const day7 = '2026-03-08T10:00:00.000Z';
    spec([requested()]).when(accept('system', '2026-03-08T09:59:59.999Z')).thenRefuses('invalid_state');
    spec([requested()]).when(accept('system', day7)).then([{ type: 'HourRequestAccepted', data: { requestId: 'r1', transferId: 't1', acceptedBy: 'system', at: day7 } }, paid({ at: day7 })]);
    const accepted: TimeBankEvent = { type: 'HourRequestAccepted', data: { requestId: 'r1', transferId: 't1', acceptedBy: 'system', at: day7 } };
    spec([requested(), accepted, paid({ at: day7 })]).when(accept('system', day7)).thenRefuses('not_found');
    spec([requested()], hubOf(hubCreated(), ...people)).when(accept('system', '2027-01-01T00:00:00.000Z')).thenRefuses('invalid_state');
    // still refused if the payer's limit no longer allows it
    spec([requested(), owed('9')]).when(accept('system', day7)).thenRefuses('credit_limit_exceeded');
  });

  it('is declined by the payer and cancelled by the provider; after either it is gone', () => {
    spec([requested()]).when({ type: 'DeclineHourRequest', requestId: 'r1', reason: 'that was a favour', actorId: 'alice', at }).then([
      { type: 'HourRequestDeclined', data: { requestId: 'r1', declinedBy: 'alice', reason: 'that was a favour', at } },
    ]);
    spec([requested()]).when({ type: 'DeclineHourRequest', requestId: 'r1', reason: '', actorId: 'bob', at }).thenRefuses('forbidden');
    spec([requested()]).when({ type: 'CancelHourRequest', requestId: 'r1', actorId: 'bob', at }).then([{ type: 'HourRequestCancelled', data: { requestId: 'r1', cancelledBy: 'bob', at } }]);
    spec([requested()]).when({ type: 'CancelHourRequest', requestId: 'r1', actorId: 'alice', at }).thenRefuses('forbidden');
    const cancelled: TimeBankEvent = { type: 'HourRequestCancelled', data: { requestId: 'r1', cancelledBy: 'bob', at } };
    spec([requested(), cancelled]).when(accept('alice')).thenRefuses('not_found');
  });
});
