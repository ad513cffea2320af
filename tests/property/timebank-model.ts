/**
 * What the time-bank property tests share: a hub of members (one of them a coordinator) as the
 * deciders read it, and the check of the real state against the test's own model.
 */
import Decimal from 'decimal.js';
import { HubState, TimeBankState, balanceOf, hubDecider } from '@commons/domain';

export const at = '2026-03-01T10:00:00.000Z';

/** A hub whose members may owe 10 hours; `coordinator` holds that role besides. */
export function timeBankHub(members: string[], coordinator: string): HubState {
  const enrol = (memberId: string) => ({
    type: 'MemberEnrolled' as const,
    data: { memberId, displayName: memberId, roles: memberId === coordinator ? ['member' as const, 'coordinator' as const] : ['member' as const], creditLimit: null, tokenHash: memberId, at },
  });
  return [
    { type: 'HubCreated' as const, data: { hubId: 'h', name: 'H', currency: 'USD', timeBank: { defaultCreditLimit: '10.00', maxBalance: null, hubAccountLimit: '1000.00' }, pool: { approvalQuorum: 2, reserveRatio: '0' }, at } },
    ...members.map(enrol),
  ].reduce(hubDecider.evolve, hubDecider.initialState());
}

/** Every balance is what the model says, and hours sum to zero. */
export function expectBalancesAsModelled(state: TimeBankState, model: Map<string, Decimal>): void {
  let sum = new Decimal(0);
  for (const [id, expected] of model) {
    expect(balanceOf(state, id).value.toFixed(2)).toBe(expected.toFixed(2));
    sum = sum.plus(balanceOf(state, id).value);
  }
  expect(sum.isZero()).toBe(true);
}
