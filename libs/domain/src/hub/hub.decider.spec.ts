import { deciderSpec } from '../decider.spec-helpers';
import { hubDecider } from './hub.decider';
import { HubCommand } from './hub.commands';
import { HubEvent } from './hub.events';
import { HUB_PEOPLE, at, enrolled, hubCreated } from './hub.spec-helpers';

const spec = deciderSpec(hubDecider);
const created = hubCreated();
const hub: HubEvent[] = [created, ...HUB_PEOPLE];

const createHub: HubCommand = { type: 'CreateHub', hubId: 'laurel-fork', name: 'Laurel Fork Hub', currency: 'USD', defaultCreditLimit: '10', actorId: 'admin', at };
const enrol = (memberId: string, roles: string[], actorId = 'admin'): HubCommand =>
  ({ type: 'EnrolMember', memberId, displayName: memberId, roles, tokenHash: `hash-${memberId}`, changeId: `c-${memberId}`, actorId, at }) as HubCommand;
const change = (memberId: string, fields: object, actorId = 'admin'): HubCommand =>
  ({ type: 'ChangeMember', memberId, ...fields, changeId: `c-${memberId}`, actorId, at }) as HubCommand;
const rotate = (memberId: string, actorId: string): HubCommand => ({ type: 'RotateToken', memberId, tokenHash: 'new-hash', changeId: `r-${memberId}`, actorId, at });
const confirm = (changeId: string, actorId: string): HubCommand => ({ type: 'ConfirmMemberChange', changeId, tokenHash: 'new-hash', actorId, at });
const reject = (changeId: string, actorId: string): HubCommand => ({ type: 'RejectMemberChange', changeId, reason: 'not agreed at the meeting', actorId, at });
const proposal = (changeId: string, memberId: string, officerRoles: string[] | 'token', proposedBy = 'coco'): HubEvent => ({
  type: 'MemberChangeProposed',
  data: { changeId, memberId, change: officerRoles === 'token' ? { kind: 'token' } : ({ kind: 'roles', officerRoles } as never), proposedBy, at },
});

describe('hub decider', () => {
  it('creates a hub with its time-bank limits normalised to the hour scale and pool defaults', () => {
    spec([]).when(createHub).then([
      {
        type: 'HubCreated',
        data: {
          hubId: 'laurel-fork',
          name: 'Laurel Fork Hub',
          currency: 'USD',
          timeBank: { defaultCreditLimit: '10.00', maxBalance: null, hubAccountLimit: '1000.00' },
          pool: { approvalQuorum: 2, reserveRatio: '0' },
          at,
        },
      },
    ]);
  });

  it('lets only the admin create a hub', () => {
    spec([]).when({ ...createHub, actorId: 'coco' } as HubCommand).thenRefuses('forbidden');
  });

  it('refuses to create a hub that already exists', () => {
    spec([created]).when(createHub).thenRefuses('already_exists');
  });

  it.each([
    ['an unknown currency', { currency: 'XYZ' }],
    ['hours as a currency', { currency: 'HOUR' }],
    ['a credit limit with three decimals', { defaultCreditLimit: '1.234' }],
    ['a quorum of zero', { approvalQuorum: 0 }],
    ['a reserve ratio above one', { reserveRatio: '1.5' }],
    ['an id with capitals', { hubId: 'Laurel' }],
  ])('refuses a hub with %s', (_case, fields) => {
    spec([]).when({ ...createHub, ...fields } as HubCommand).thenRefuses('validation_failed');
  });

  it('enrols a member with roles in a fixed order and no credit limit of their own', () => {
    spec([created]).when(enrol('alice', ['treasurer', 'member'])).then([
      { type: 'MemberEnrolled', data: { memberId: 'alice', displayName: 'alice', roles: ['member', 'treasurer'], creditLimit: null, tokenHash: 'hash-alice', at } },
    ]);
  });

  it('refuses to enrol a member id twice, into a hub that does not exist, or as the admin, the ledger or the hub that owns its things', () => {
    spec(hub).when(enrol('ann', ['member'])).thenRefuses('already_exists');
    spec([]).when(enrol('alice', ['member'])).thenRefuses('not_found');
    for (const reserved of ['admin', 'system', 'hub']) spec(hub).when(enrol(reserved, ['member'])).thenRefuses('validation_failed');
  });

  it('refuses an unknown role and an empty role list', () => {
    spec([created]).when(enrol('alice', ['boss'])).thenRefuses('validation_failed');
    spec([created]).when(enrol('alice', [])).thenRefuses('validation_failed');
  });

  it('lets only the admin or a coordinator enrol', () => {
    spec(hub).when(enrol('alice', ['member'], 'tia')).thenRefuses('forbidden');
    spec(hub).when(enrol('alice', ['member'], 'coco')).events();
  });

  it('resolves a token hash to its member once enrolled', () => {
    expect(spec(hub).state().tokens.get('t-ann')).toBe('ann');
  });

  it('changes roles, credit limit and status as separate events, and only what changed', () => {
    const when = spec(hub).when(change('ann', { roles: ['member'], creditLimit: '20', status: 'suspended' }));
    expect(when.events().map((e) => e.type)).toEqual(['MemberCreditLimitChanged', 'MemberSuspended']);
    expect(when.after().members.get('ann')).toMatchObject({ status: 'suspended' });
    expect(when.after().members.get('ann')?.creditLimit?.toString()).toBe('20.00');
  });

  it('puts a member back on the hub default when their limit is cleared', () => {
    const raised: HubEvent = { type: 'MemberCreditLimitChanged', data: { memberId: 'ann', creditLimit: '20.00', at } };
    spec([...hub, raised]).when(change('ann', { creditLimit: null })).then([{ type: 'MemberCreditLimitChanged', data: { memberId: 'ann', creditLimit: null, at } }]);
  });

  it('refuses to change a member who is not enrolled', () => {
    spec(hub).when(change('zed', { status: 'suspended' })).thenRefuses('not_found');
  });

  it('rotates a token: the new hash resolves to the member, the old one to nobody', () => {
    const after = spec(hub).when(rotate('ann', 'ann')).after();
    expect(after.tokens.get('new-hash')).toBe('ann');
    expect(after.tokens.has('t-ann')).toBe(false);
    expect(after.members.get('ann')!.tokenHash).toBe('new-hash');
  });

  it('leaves the state it was copied from untouched', () => {
    const state = spec([created]).state();
    const working = hubDecider.copy(state);
    hubDecider.evolve(working, enrolled('alice', ['member']));
    expect(state.members.size).toBe(0);
    expect(working.members.size).toBe(1);
  });
});

describe('separation of duties: members, roles and tokens', () => {
  it('refuses a coordinator changing their own roles, credit limit or status (no-own-member-change)', () => {
    for (const fields of [{ roles: ['member', 'coordinator', 'treasurer'] }, { roles: ['coordinator'] }, { creditLimit: '500' }, { status: 'suspended' }]) {
      spec(hub).when(change('coco', fields, 'coco')).thenRefuses('separation_of_duties', 'no-own-member-change');
    }
  });

  it('applies officer roles given by the admin at once', () => {
    spec(hub).when(change('ann', { roles: ['member', 'treasurer'] })).then([{ type: 'MemberRolesChanged', data: { memberId: 'ann', roles: ['member', 'treasurer'], at } }]);
  });

  it("holds a coordinator's grant of an officer role until a second officer confirms (second-officer-confirms)", () => {
    const when = spec(hub).when(change('ann', { roles: ['member', 'treasurer'] }, 'coco'));
    when.then([proposal('c-ann', 'ann', ['treasurer'])]);
    expect(when.after().members.get('ann')!.roles).toEqual(['member']);
    expect([...when.after().memberChanges.keys()]).toEqual(['c-ann']);
  });

  it("holds a coordinator's removal of an officer role too, while the rest of the change applies at once", () => {
    spec(hub).when(change('tia', { roles: ['member'], creditLimit: '5' }, 'coco')).then([
      proposal('c-tia', 'tia', []),
      { type: 'MemberCreditLimitChanged', data: { memberId: 'tia', creditLimit: '5.00', at } },
    ]);
  });

  it('enrols with their other roles a member a coordinator gives officer roles, and proposes the rest', () => {
    const when = spec(hub).when(enrol('nell', ['member', 'treasurer'], 'coco'));
    expect(when.events().map((e) => e.type)).toEqual(['MemberEnrolled', 'MemberChangeProposed']);
    expect(when.after().members.get('nell')!.roles).toEqual(['member']);
    const alone = spec(hub).when(enrol('tad', ['treasurer'], 'coco')).after();
    expect(alone.members.get('tad')!.roles).toEqual([]);
  });

  it('refuses a second open change to the same officer roles', () => {
    spec([...hub, proposal('c-1', 'ann', ['treasurer'])]).when(change('ann', { roles: ['member', 'auditor'] }, 'cora')).thenRefuses('invalid_state');
  });

  it("changes a member's own roles at once and their officer roles only through the proposal", () => {
    spec(hub).when(change('tom', { roles: ['coordinator'] }, 'coco')).then([
      { type: 'MemberRolesChanged', data: { memberId: 'tom', roles: ['treasurer'], at } },
      proposal('c-tom', 'tom', ['coordinator']),
    ]);
  });

  it('applies a proposed grant when a second officer confirms it', () => {
    spec([...hub, proposal('c-1', 'ann', ['treasurer'])]).when(confirm('c-1', 'tia')).then([
      { type: 'MemberChangeConfirmed', data: { changeId: 'c-1', memberId: 'ann', confirmedBy: 'tia', note: '', at } },
      { type: 'MemberRolesChanged', data: { memberId: 'ann', roles: ['member', 'treasurer'], at } },
    ]);
  });

  it('refuses the proposer confirming their own proposal (no-confirming-own-proposal)', () => {
    spec([...hub, proposal('c-1', 'ann', ['treasurer'])]).when(confirm('c-1', 'coco')).thenRefuses('separation_of_duties', 'no-confirming-own-proposal');
  });

  it('refuses the member concerned confirming a change to themselves (no-confirming-change-to-oneself)', () => {
    spec([...hub, proposal('c-1', 'tia', ['treasurer', 'coordinator'])]).when(confirm('c-1', 'tia')).thenRefuses('separation_of_duties', 'no-confirming-change-to-oneself');
  });

  it('lets only a coordinator, a treasurer or the admin confirm or reject', () => {
    const history = [...hub, proposal('c-1', 'ben', ['treasurer'])];
    spec(history).when(confirm('c-1', 'ann')).thenRefuses('forbidden');
    spec(history).when(confirm('c-1', 'aud')).thenRefuses('forbidden');
    spec(history).when(reject('c-1', 'ann')).thenRefuses('forbidden');
    expect(spec(history).when(confirm('c-1', 'admin')).events()[0].data).toMatchObject({ confirmedBy: 'admin' });
  });

  it('drops a rejected change: nothing applies, and it cannot be confirmed after', () => {
    const rejected: HubEvent = { type: 'MemberChangeRejected', data: { changeId: 'c-1', memberId: 'ben', rejectedBy: 'tia', reason: 'no', at } };
    spec([...hub, proposal('c-1', 'ben', ['treasurer'])]).when(reject('c-1', 'tia')).then([{ ...rejected, data: { ...rejected.data, reason: 'not agreed at the meeting' } }]);
    spec([...hub, proposal('c-1', 'ben', ['treasurer']), rejected]).when(confirm('c-1', 'tom')).thenRefuses('not_found');
  });

  it('lets a member rotate their own token, officers included', () => {
    expect(spec(hub).when(rotate('tia', 'tia')).events().map((e) => e.type)).toEqual(['MemberTokenRotated']);
  });

  it("lets a coordinator reset a member's token who holds no officer role, and nobody else's at once", () => {
    expect(spec(hub).when(rotate('ann', 'coco')).events().map((e) => e.type)).toEqual(['MemberTokenRotated']);
    spec(hub).when(rotate('ann', 'tia')).thenRefuses('forbidden');
    spec(hub).when(rotate('ann', 'ben')).thenRefuses('forbidden');
  });

  it("holds a coordinator's reset of an officer's token until a second officer confirms, keeping the old token", () => {
    const when = spec(hub).when(rotate('tia', 'coco'));
    when.then([proposal('r-tia', 'tia', 'token')]);
    expect(when.after().members.get('tia')!.tokenHash).toBe('t-tia');
    const confirmed = spec([...hub, proposal('r-tia', 'tia', 'token')]).when(confirm('r-tia', 'tom'));
    expect(confirmed.events().map((e) => e.type)).toEqual(['MemberChangeConfirmed', 'MemberTokenRotated']);
    expect(confirmed.after().tokens.get('new-hash')).toBe('tia');
    expect(confirmed.after().tokens.has('t-tia')).toBe(false);
  });

  it("resets an officer's token at once when the admin does it", () => {
    expect(spec(hub).when(rotate('tia', 'admin')).events().map((e) => e.type)).toEqual(['MemberTokenRotated']);
  });
});
