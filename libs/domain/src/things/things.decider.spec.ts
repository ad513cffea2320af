import { deciderSpec } from '../decider.spec-helpers';
import { HubEvent } from '../hub/hub.events';
import { HUB_PEOPLE, at, enrolled, hubCreated, hubOf } from '../hub/hub.spec-helpers';
import { HoursPaid } from '../timebank/timebank.events';
import { timeBankDecider } from '../timebank/timebank.decider';
import { ThingCommand } from './thing.commands';
import { ThingEvent, ThingLent } from './thing.events';
import { loanPayment } from './thing-loans.rules';
import { thingStandingAt } from './thing.state';
import { thingsDecider } from './things.decider';

const DAY = 24 * 60 * 60 * 1000;
const day = (n: number) => new Date(Date.parse(at) + n * DAY).toISOString();
const categories: HubEvent = { type: 'CategoriesSet', data: { categories: [{ categoryId: 'tools', name: 'Tools', retired: false }], setBy: 'coco', at } };
const hubEvents: HubEvent[] = [hubCreated(), ...HUB_PEOPLE, enrolled('dee', ['member']), categories];
const hub = hubOf(...hubEvents);
const noHours = timeBankDecider.initialState();
const spec = (history: ThingEvent[], timeBank = noHours, context = hub) => deciderSpec(thingsDecider)(history, { hub: context, timeBank });

const added = (fields: object = {}): ThingEvent =>
  ({
    type: 'ThingAdded',
    data: { thingId: 'gen', name: 'Generator', description: '3 kW', categoryId: 'tools', owner: 'hub', loanDays: 7, deposit: null, hoursPerLoan: null, addedBy: 'coco', at, ...fields },
  }) as ThingEvent;
const lent = (memberId: string, when = at, fields: object = {}): ThingEvent =>
  ({
    type: 'ThingLent',
    data: { thingId: 'gen', loanId: `loan-${memberId}`, memberId, holdId: null, dueAt: new Date(Date.parse(when) + 7 * DAY).toISOString(), deposit: null, hours: null, transferId: null, paidTo: null, lentBy: 'coco', at: when, ...fields },
  }) as ThingEvent;
const held = (memberId: string, when = at): ThingEvent => ({ type: 'ThingHeld', data: { thingId: 'gen', holdId: `hold-${memberId}`, memberId, heldBy: memberId, at: when } });
const returned = (memberId: string, when: string, condition = 'good'): ThingEvent =>
  ({ type: 'ThingReturned', data: { thingId: 'gen', loanId: `loan-${memberId}`, memberId, condition, note: '', depositReturned: null, takenBackBy: 'coco', at: when } }) as ThingEvent;
const lend = (memberId: string, when = at, actorId = 'coco', fields: object = {}): ThingCommand => ({ type: 'LendThing', thingId: 'gen', loanId: `loan-${memberId}`, transferId: 't1', memberId, actorId, at: when, ...fields });
const hold = (memberId: string, when = at, actorId = memberId): ThingCommand => ({ type: 'HoldThing', thingId: 'gen', holdId: `hold-${memberId}`, memberId, actorId, at: when });
const giveBack = (fields: object = {}, when = day(2), actorId = 'coco'): ThingCommand => ({ type: 'ReturnThing', thingId: 'gen', actorId, at: when, ...fields }) as ThingCommand;
const change = (fields: object, actorId = 'coco', when = day(1)): ThingCommand => ({ type: 'ChangeThing', thingId: 'gen', actorId, at: when, ...fields }) as ThingCommand;
const statusAt = (history: ThingEvent[], when: string) => thingStandingAt(spec(history).state().things.get('gen')!, when);

describe('adding things', () => {
  it('adds the hub’s thing for a coordinator, and a member’s own for the member', () => {
    spec([]).when({ type: 'AddThing', thingId: 'gen', name: 'Generator', description: '3 kW', categoryId: 'tools', owner: 'hub', loanDays: 7, actorId: 'coco', at }).then([added()]);
    const own = spec([]).when({ type: 'AddThing', thingId: 'ladder', name: 'Ladder', description: '', owner: 'ann', loanDays: 3, hoursPerLoan: '0.5', deposit: '20', actorId: 'ann', at }).events();
    expect(own[0].data).toMatchObject({ owner: 'ann', hoursPerLoan: '0.50', deposit: '20.00', categoryId: null });
  });

  it('refuses a member adding the hub’s thing or someone else’s, and an id that is taken', () => {
    spec([]).when({ type: 'AddThing', thingId: 'gen', name: 'G', description: '', owner: 'hub', loanDays: 7, actorId: 'ann', at }).thenRefuses('forbidden');
    spec([]).when({ type: 'AddThing', thingId: 'gen', name: 'G', description: '', owner: 'ben', loanDays: 7, actorId: 'ann', at }).thenRefuses('forbidden');
    spec([added()]).when({ type: 'AddThing', thingId: 'gen', name: 'G', description: '', owner: 'hub', loanDays: 7, actorId: 'coco', at }).thenRefuses('already_exists');
  });

  it.each([
    ['loan days that are not a whole number', { loanDays: 1.5 }],
    ['no loan days', { loanDays: 0 }],
    ['a deposit with three places', { deposit: '1.005' }],
    ['hours per loan with three places', { hoursPerLoan: '0.125' }],
    ['an unknown category', { categoryId: 'boats' }],
    ['an empty name', { name: ' ' }],
    ['an unknown owner', { owner: 'zed' }],
  ])('refuses %s', (_, fields) => {
    expect(() => thingsDecider.decide({ type: 'AddThing', thingId: 'gen', name: 'G', description: '', owner: 'hub', loanDays: 7, actorId: 'coco', at, ...fields } as ThingCommand, thingsDecider.initialState(), { hub, timeBank: noHours })).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/validation_failed|not_found/) }),
    );
  });
});

describe('lending and taking back', () => {
  it('lends an available thing until its days are up, or an earlier due date', () => {
    spec([added()]).when(lend('ann')).then([lent('ann')]);
    expect(spec([added()]).when(lend('ann', at, 'coco', { dueAt: day(3) })).events()[0].data).toMatchObject({ dueAt: day(3) });
    spec([added()]).when(lend('ann', at, 'coco', { dueAt: day(8) })).thenRefuses('validation_failed');
    spec([added()]).when(lend('ann', at, 'coco', { dueAt: day(-1) })).thenRefuses('validation_failed');
    expect(statusAt([added(), lent('ann')], day(1))).toMatchObject({ status: 'on_loan' });
  });

  it('refuses a thing on loan, in repair or retired', () => {
    spec([added(), lent('ann')]).when(lend('ben', day(1))).thenRefuses('invalid_state');
    const repair: ThingEvent = { type: 'ThingSentToRepair', data: { thingId: 'gen', note: '', sentBy: 'coco', at } };
    spec([added(), repair]).when(lend('ben', day(1))).thenRefuses('invalid_state');
    const retired: ThingEvent = { type: 'ThingRetired', data: { thingId: 'gen', note: '', retiredBy: 'coco', at } };
    spec([added(), retired]).when(lend('ben', day(1))).thenRefuses('invalid_state');
  });

  it('lets only a coordinator lend the hub’s things, and the owner or a coordinator a member’s', () => {
    spec([added()]).when(lend('ben', at, 'ann')).thenRefuses('forbidden');
    spec([added()]).when(lend('ben', at, 'tia')).thenRefuses('forbidden');
    const annsLadder = added({ owner: 'ann' });
    expect(spec([annsLadder]).when(lend('ben', at, 'ann')).events()[0].data).toMatchObject({ lentBy: 'ann', memberId: 'ben' });
    spec([annsLadder]).when(lend('ann', at, 'coco')).thenRefuses('validation_failed');
  });

  it('refuses a coordinator lending to themselves, and taking back their own loan', () => {
    spec([added()]).when(lend('coco', at, 'coco')).thenRefuses('separation_of_duties', 'no-loan-to-oneself');
    const toCoco = lent('coco', at, { lentBy: 'cora' });
    spec([added(), toCoco]).when(giveBack({}, day(2), 'coco')).thenRefuses('separation_of_duties', 'no-return-from-oneself');
    expect(spec([added(), toCoco]).when(giveBack({}, day(2), 'cora')).events()[0].data).toMatchObject({ takenBackBy: 'cora' });
  });

  it('refuses a suspended borrower, and a borrower who is not a member', () => {
    const suspended = hubOf(...hubEvents, { type: 'MemberSuspended', data: { memberId: 'ann', at } });
    spec([added()], noHours, suspended).when(lend('ann')).thenRefuses('invalid_state');
    spec([added()]).when(lend('ted')).thenRefuses('validation_failed');
  });

  it('takes back in good condition to available, and needing repair to repair, where nobody can hold it', () => {
    const back = spec([added(), lent('ann')]).when(giveBack({ condition: 'worn', note: 'blade dull' })).events();
    expect(back[0].data).toMatchObject({ condition: 'worn', note: 'blade dull', memberId: 'ann', depositReturned: null });
    expect(statusAt([added(), lent('ann'), ...back], day(2))).toMatchObject({ status: 'available' });
    const broken = returned('ann', day(2), 'needs_repair');
    expect(statusAt([added(), lent('ann'), broken], day(2))).toMatchObject({ status: 'in_repair' });
    spec([added(), lent('ann'), broken]).when(hold('ben', day(3))).thenRefuses('invalid_state');
    spec([added(), lent('ann')]).when(giveBack({ condition: 'shiny' })).thenRefuses('validation_failed');
    spec([added()]).when(giveBack()).thenRefuses('invalid_state');
    spec([added(), lent('ann')]).when(giveBack({}, day(2), 'ben')).thenRefuses('forbidden');
  });

  it('records a deposit left with the loan, and whether it was given back', () => {
    const withDeposit = added({ deposit: '20.00' });
    const loan = spec([withDeposit]).when(lend('ann')).events();
    expect(loan[0].data).toMatchObject({ deposit: '20.00' });
    expect(spec([withDeposit, ...loan]).when(giveBack()).events()[0].data).toMatchObject({ depositReturned: true });
    expect(spec([withDeposit, ...loan]).when(giveBack({ depositReturned: false, condition: 'needs_repair' })).events()[0].data).toMatchObject({ depositReturned: false });
    spec([added(), lent('ann')]).when(giveBack({ depositReturned: true })).thenRefuses('validation_failed');
  });
});

describe('a thing that costs hours', () => {
  const costly = added({ hoursPerLoan: '2.00' });
  const balances = (...payments: Array<[string, string, string]>) =>
    payments.reduce(
      (state, [fromMemberId, toMemberId, hours], i) =>
        timeBankDecider.evolve(state, { type: 'HoursPaid', data: { transferId: `p${i}`, fromMemberId, toMemberId, hours, memo: '', at } }),
      timeBankDecider.initialState(),
    );

  it('pays its hours from the borrower to the hub’s account in the same decision, derived from the loan', () => {
    const [loan] = spec([costly]).when(lend('ann')).events() as ThingLent[];
    expect(loan.data).toMatchObject({ hours: '2.00', transferId: 't1', paidTo: '@hub' });
    const paid = loanPayment(spec([costly]).state().things.get('gen')!, loan) as HoursPaid;
    expect(paid).toEqual({ type: 'HoursPaid', data: { transferId: 't1', fromMemberId: 'ann', toMemberId: '@hub', hours: '2.00', memo: 'Loan of Generator', loanId: 'loan-ann', at } });
  });

  it('pays a member’s own thing’s hours to its owner', () => {
    const [loan] = spec([added({ owner: 'dee', hoursPerLoan: '1.00' })]).when(lend('ann')).events() as ThingLent[];
    expect(loan.data).toMatchObject({ paidTo: 'dee', hours: '1.00' });
  });

  it('refuses a borrower at their credit limit, and lends without hours a thing that costs none', () => {
    const atLimit = balances(['ann', 'ben', '9.00']);
    spec([costly], atLimit).when(lend('ann')).thenRefuses('credit_limit_exceeded');
    expect(spec([added()], atLimit).when(lend('ann')).events()[0].data).toMatchObject({ hours: null, paidTo: null });
    expect(loanPayment(spec([added()]).state().things.get('gen')!, lent('ann') as ThingLent)).toBeNull();
  });
});

describe('the queue', () => {
  const out = [added(), lent('ann')];

  it('holds in order while it is out, and gives it to the first when it comes back', () => {
    const history = [...out, held('ben', day(1)), held('cal', day(1)), returned('ann', day(3))];
    expect(statusAt(history, day(3))).toMatchObject({ status: 'on_hold', turn: { memberId: 'ben', until: day(6) }, freeFrom: day(9) });
    spec(history).when(lend('cal', day(4))).thenRefuses('forbidden');
    spec(history).when(lend('dee', day(4))).thenRefuses('forbidden');
    expect(spec(history).when(lend('ben', day(4))).events()[0].data).toMatchObject({ memberId: 'ben', holdId: 'hold-ben' });
    const after = spec(history).when(lend('ben', day(4))).after();
    expect(after.things.get('gen')!.holds.map((h) => h.memberId)).toEqual(['cal']);
  });

  it('passes the turn on when the first lets their days go by, and frees it when every turn has passed', () => {
    const history = [...out, held('ben', day(1)), held('cal', day(1)), returned('ann', day(3))];
    expect(statusAt(history, day(6))).toMatchObject({ status: 'on_hold', turn: { memberId: 'cal', until: day(9) } });
    spec(history).when(lend('ben', day(6))).thenRefuses('forbidden');
    expect(spec(history).when(lend('cal', day(7))).events()[0].data).toMatchObject({ memberId: 'cal', holdId: 'hold-cal' });
    expect(statusAt(history, day(9))).toMatchObject({ status: 'available' });
    expect(spec(history).when(lend('dee', day(9))).events()[0].data).toMatchObject({ memberId: 'dee', holdId: null });
  });

  it('gives the next one a whole turn when the first leaves the queue during theirs', () => {
    const history = [...out, held('ben', day(1)), held('cal', day(1)), returned('ann', day(3))];
    const cancelled = spec(history).when({ type: 'CancelHold', thingId: 'gen', holdId: 'hold-ben', actorId: 'ben', at: day(5) }).events();
    expect(cancelled).toEqual([{ type: 'ThingHoldCancelled', data: { thingId: 'gen', holdId: 'hold-ben', cancelledBy: 'ben', at: day(5) } }]);
    expect(statusAt([...history, ...cancelled], day(5))).toMatchObject({ status: 'on_hold', turn: { memberId: 'cal', until: day(8) } });
  });

  it('holds an available thing for the member at once', () => {
    const history = [added(), held('ben', day(1))];
    expect(statusAt(history, day(2))).toMatchObject({ status: 'on_hold', turn: { memberId: 'ben', until: day(4) } });
    spec(history).when(lend('ann', day(2))).thenRefuses('forbidden');
  });

  it('refuses a second hold by one member, a hold by the borrower, by the owner, or for someone else', () => {
    spec([...out, held('ben')]).when(hold('ben', day(1))).thenRefuses('invalid_state');
    spec(out).when(hold('ann', day(1))).thenRefuses('invalid_state');
    spec([added({ owner: 'dee' })]).when(hold('dee')).thenRefuses('validation_failed');
    spec(out).when(hold('ben', day(1), 'cal')).thenRefuses('forbidden');
  });

  it('lets only the holder or a coordinator cancel a hold, and finds no hold whose turn has passed', () => {
    const history = [...out, held('ben', day(1)), returned('ann', day(2))];
    spec(history).when({ type: 'CancelHold', thingId: 'gen', holdId: 'hold-ben', actorId: 'cal', at: day(3) }).thenRefuses('forbidden');
    expect(spec(history).when({ type: 'CancelHold', thingId: 'gen', holdId: 'hold-ben', actorId: 'cora', at: day(3) }).events()[0].data).toMatchObject({ cancelledBy: 'cora' });
    spec(history).when({ type: 'CancelHold', thingId: 'gen', holdId: 'hold-ben', actorId: 'ben', at: day(6) }).thenRefuses('not_found');
  });

  it('keeps the queue while in repair, with no turn running, and starts the turn when it is repaired', () => {
    const history = [...out, held('ben', day(1)), returned('ann', day(2), 'needs_repair')];
    expect(statusAt(history, day(10))).toMatchObject({ status: 'in_repair', turn: null });
    const repaired = spec(history).when(change({ status: 'available', note: 'new plug' }, 'coco', day(10))).events();
    expect(repaired).toEqual([{ type: 'ThingRepaired', data: { thingId: 'gen', note: 'new plug', repairedBy: 'coco', at: day(10) } }]);
    expect(statusAt([...history, ...repaired], day(11))).toMatchObject({ status: 'on_hold', turn: { memberId: 'ben', until: day(13) } });
  });
});

describe('changing a thing', () => {
  it('sends an available thing to repair, never one on loan, and retires it with its queue', () => {
    expect(spec([added()]).when(change({ status: 'in_repair' })).events()[0].type).toBe('ThingSentToRepair');
    spec([added(), lent('ann')]).when(change({ status: 'in_repair' })).thenRefuses('invalid_state');
    spec([added(), lent('ann')]).when(change({ status: 'retired' })).thenRefuses('invalid_state');
    const retire = spec([added(), held('ben')]).when(change({ status: 'retired' })).after();
    expect(retire.things.get('gen')).toMatchObject({ retired: true, holds: [] });
    spec([added(), { type: 'ThingRetired', data: { thingId: 'gen', note: '', retiredBy: 'coco', at } }]).when(change({ status: 'available' })).thenRefuses('invalid_state');
    spec([added()]).when(change({ status: 'lost' })).thenRefuses('validation_failed');
  });

  it('changes only what differs, and only for a coordinator or the owner', () => {
    spec([added()]).when(change({ name: 'Generator', loanDays: 3 })).then([{ type: 'ThingChanged', data: { thingId: 'gen', loanDays: 3, changedBy: 'coco', at: day(1) } }]);
    spec([added()]).when(change({ name: 'Big generator' }, 'ann')).thenRefuses('forbidden');
    spec([added({ owner: 'ann' })]).when(change({ hoursPerLoan: null }, 'ann')).then([]);
    spec([]).when(change({ name: 'x' })).thenRefuses('not_found');
  });
});
