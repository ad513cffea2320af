import { Forbidden, LinesRefused } from '../errors';
import { hubDecider } from '../hub/hub.decider';
import { at, enrolled, hubCreated, hubOf } from '../hub/hub.spec-helpers';
import { timeBankDecider } from '../timebank/timebank.decider';
import { HUB_ACCOUNT } from '../timebank/timebank.events';
import { ImportTimeBank } from './import.commands';
import { OPENING_BALANCE_MEMO, decideImport } from './import.rules';

const member = (line: number, memberId: string, roles = 'member', contact = '') => ({ line, memberId, displayName: `Name of ${memberId}`, roles, contact, tokenHash: `t-${memberId}` });
const balance = (line: number, memberId: string, hours: string) => ({ line, memberId, hours, transferId: `x-${memberId}` });
const command = (members: ImportTimeBank['members'], balances: ImportTimeBank['balances'] = [], actorId = 'admin'): ImportTimeBank => ({
  type: 'ImportTimeBank', importId: 'imp1', members, balances, actorId, at,
});
const noHours = () => timeBankDecider.initialState();

describe('importing an existing time bank', () => {
  it('enrols each member naming the import, and opens each balance against the hub account: hours still sum to zero', () => {
    const { hubEvents, timeBankEvents } = decideImport(command([member(2, 'rosa', 'member', 'ring after six'), member(3, 'mae', 'member;coordinator')], [balance(2, 'rosa', '12.5'), balance(3, 'mae', '-3')]), hubOf(hubCreated()), noHours());
    expect(hubEvents.map((e) => e.type)).toEqual(['TimeBankImported', 'MemberEnrolled', 'MemberProfileChanged', 'MemberEnrolled']);
    expect(hubEvents[3].data).toMatchObject({ memberId: 'mae', roles: ['member', 'coordinator'], importId: 'imp1', creditLimit: null });
    expect(timeBankEvents.map((e) => [e.data.fromMemberId, e.data.toMemberId, e.data.hours, e.data.memo, e.data.importId])).toEqual([
      [HUB_ACCOUNT, 'rosa', '12.50', OPENING_BALANCE_MEMO, 'imp1'],
      ['mae', HUB_ACCOUNT, '3.00', OPENING_BALANCE_MEMO, 'imp1'],
    ]);
    const after = timeBankEvents.reduce(timeBankDecider.evolve, noHours());
    expect([...after.balances.values()].reduce((sum, b) => sum.plus(b)).toString()).toBe('0.00');
  });

  it('imports the same files once', () => {
    const hub = hubOf(hubCreated());
    const first = decideImport(command([member(2, 'rosa')]), hub, noHours());
    const imported = first.hubEvents.reduce(hubDecider.evolve, hub);
    expect(decideImport(command([member(2, 'rosa')]), imported, noHours())).toEqual({ hubEvents: [], timeBankEvents: [] });
  });

  it('is the admin’s alone', () => {
    const hub = hubOf(hubCreated(), enrolled('coco', ['member', 'coordinator']));
    expect(() => decideImport(command([member(2, 'rosa')], [], 'coco'), hub, noHours())).toThrow(Forbidden);
  });

  it('names every bad line and field at once, and refuses the whole file', () => {
    const hub = hubOf(hubCreated(), enrolled('ann', ['member']));
    let refused: LinesRefused | undefined;
    try {
      decideImport(
        command(
          [member(2, 'ann'), member(3, 'admin'), member(4, 'ok', 'member;member'), member(5, 'ok'), member(6, 'aud', 'auditor')],
          [balance(2, 'aud', '1'), balance(3, 'ok', '-10.01'), balance(4, 'ok', '1'), balance(5, 'ann', '2'), balance(6, 'zed', '1e3')],
        ),
        hub,
        noHours(),
      );
    } catch (error) {
      refused = error as LinesRefused;
    }
    expect(refused).toBeInstanceOf(LinesRefused);
    expect(refused!.lines).toEqual([
      'members.csv line 2: memberId: ann is already a member of this hub',
      'members.csv line 3: memberId: admin is reserved for the ledger',
      'members.csv line 4: roles: a role is named twice in "member;member"',
      'members.csv line 5: memberId: ok is already on line 4',
      'balances.csv line 2: memberId: aud has no hours account: their roles do not include member',
      "balances.csv line 3: hours: -10.01 is past the hub's credit limit of 10.00 hours owed (timeBank.defaultCreditLimit)",
      'balances.csv line 4: memberId: ok already has a balance on line 3',
      'balances.csv line 6: memberId: zed is not in members.csv',
      'balances.csv line 6: hours: "1e3" is not a number of hours such as 12.5 or -3',
    ]);
  });

  it('keeps the hub account within its limit and each member within the hub maximum', () => {
    const hub = hubOf(hubCreated({ hubAccountLimit: '5.00', maxBalance: '4.00' }));
    expect(() => decideImport(command([member(2, 'a'), member(3, 'b')], [balance(2, 'a', '4'), balance(3, 'b', '4')]), hub, noHours())).toThrow(
      "balances.csv line 1: hours: the opening balances come to 8.00 hours paid from the hub's time account, past its limit of 5.00 (timeBank.hubAccountLimit)",
    );
    expect(() => decideImport(command([member(2, 'a')], [balance(2, 'a', '4.01')]), hub, noHours())).toThrow("balances.csv line 2: hours: 4.01 is above the hub's maximum balance of 4.00 hours");
    // a zero balance opens nothing
    expect(decideImport(command([member(2, 'a')], [balance(2, 'a', '0')]), hub, noHours()).timeBankEvents).toEqual([]);
  });
});
