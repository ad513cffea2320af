import { hubDecider } from './hub.decider';
import { HubCommand } from './hub.commands';
import { HubEvent } from './hub.events';
import { HubState } from './hub.state';

const at = '2026-03-01T10:00:00.000Z';
const createHub: HubCommand = {
  type: 'CreateHub',
  hubId: 'laurel-fork',
  name: 'Laurel Fork Hub',
  currency: 'USD',
  defaultCreditLimit: '10',
  at,
};
const enrolAlice: HubCommand = {
  type: 'EnrolMember',
  memberId: 'alice',
  displayName: 'Alice',
  roles: ['member'],
  tokenHash: 'hash-a',
  at,
};

function given(...events: HubEvent[]): HubState {
  return events.reduce(hubDecider.evolve, hubDecider.initialState());
}
function when(command: HubCommand, state: HubState): HubEvent[] {
  return hubDecider.decide(command, state);
}
const created = () => when(createHub, given())[0];
const aliceEnrolled = () => when(enrolAlice, given(created()))[0];

describe('hub decider', () => {
  it('creates a hub with its time-bank limits normalised to the hour scale and pool defaults', () => {
    expect(when(createHub, given())).toEqual([
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

  it('refuses to create a hub that already exists', () => {
    expect(() => when(createHub, given(created()))).toThrow(expect.objectContaining({ code: 'already_exists' }));
  });

  it.each([
    ['an unknown currency', { currency: 'XYZ' }],
    ['hours as a currency', { currency: 'HOUR' }],
    ['a credit limit with three decimals', { defaultCreditLimit: '1.234' }],
    ['a quorum of zero', { approvalQuorum: 0 }],
    ['a reserve ratio above one', { reserveRatio: '1.5' }],
    ['an id with capitals', { hubId: 'Laurel' }],
  ])('refuses a hub with %s', (_case, change) => {
    expect(() => when({ ...createHub, ...change } as HubCommand, given())).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });

  it('enrols a member with roles in a fixed order and no credit limit of their own', () => {
    const [event] = when({ ...enrolAlice, roles: ['treasurer', 'member'] } as HubCommand, given(created()));
    expect(event).toEqual({
      type: 'MemberEnrolled',
      data: { memberId: 'alice', displayName: 'Alice', roles: ['member', 'treasurer'], creditLimit: null, tokenHash: 'hash-a', at },
    });
  });

  it('refuses to enrol a member id twice', () => {
    expect(() => when(enrolAlice, given(created(), aliceEnrolled()))).toThrow(
      expect.objectContaining({ code: 'already_exists' }),
    );
  });

  it('refuses to enrol into a hub that does not exist', () => {
    expect(() => when(enrolAlice, given())).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('refuses an unknown role and an empty role list', () => {
    const state = given(created());
    expect(() => when({ ...enrolAlice, roles: ['boss'] } as unknown as HubCommand, state)).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
    expect(() => when({ ...enrolAlice, roles: [] } as HubCommand, state)).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });

  it('resolves a token hash to its member once enrolled', () => {
    expect(given(created(), aliceEnrolled()).tokens.get('hash-a')).toBe('alice');
  });

  it('changes roles, credit limit and status as separate events, and only what changed', () => {
    const events = when(
      { type: 'ChangeMember', memberId: 'alice', roles: ['member'], creditLimit: '20', status: 'suspended', at },
      given(created(), aliceEnrolled()),
    );
    expect(events.map((e) => e.type)).toEqual(['MemberCreditLimitChanged', 'MemberSuspended']);
    const state = events.reduce(hubDecider.evolve, given(created(), aliceEnrolled()));
    expect(state.members.get('alice')).toMatchObject({ status: 'suspended' });
    expect(state.members.get('alice')?.creditLimit?.toString()).toBe('20.00');
  });

  it('puts a member back on the hub default when their limit is cleared', () => {
    const state = given(created(), aliceEnrolled());
    const raised = when({ type: 'ChangeMember', memberId: 'alice', creditLimit: '20', at }, state);
    const cleared = when(
      { type: 'ChangeMember', memberId: 'alice', creditLimit: null, at },
      raised.reduce(hubDecider.evolve, state),
    );
    expect(cleared).toEqual([{ type: 'MemberCreditLimitChanged', data: { memberId: 'alice', creditLimit: null, at } }]);
  });

  it('refuses to change a member who is not enrolled', () => {
    expect(() => when({ type: 'ChangeMember', memberId: 'bob', status: 'suspended', at }, given(created()))).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });

  it('rotates a token: the new hash resolves to the member, the old one to nobody', () => {
    const state = given(created(), aliceEnrolled());
    const events = when({ type: 'RotateToken', memberId: 'alice', tokenHash: 'hash-b', at }, state);
    const after = events.reduce(hubDecider.evolve, hubDecider.copy(state));
    expect(after.tokens.get('hash-b')).toBe('alice');
    expect(after.tokens.has('hash-a')).toBe(false);
    expect(after.members.get('alice')!.tokenHash).toBe('hash-b');
  });

  it('leaves the state it was copied from untouched', () => {
    const state = given(created());
    const working = hubDecider.copy(state);
    hubDecider.evolve(working, aliceEnrolled());
    expect(state.members.size).toBe(0);
    expect(working.members.size).toBe(1);
  });
});
