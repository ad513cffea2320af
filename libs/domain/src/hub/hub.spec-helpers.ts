import { hubDecider } from './hub.decider';
import { HubCreated, HubEvent, MemberEnrolled, Role } from './hub.events';
import { HubState } from './hub.state';

export const at = '2026-03-01T10:00:00.000Z';

export function hubCreated(settings: { maxBalance?: string; hubAccountLimit?: string; approvalQuorum?: number; reserveRatio?: string } = {}): HubCreated {
  return {
    type: 'HubCreated',
    data: {
      hubId: 'h',
      name: 'Hub',
      currency: 'USD',
      timeBank: { defaultCreditLimit: '10.00', maxBalance: settings.maxBalance ?? null, hubAccountLimit: settings.hubAccountLimit ?? '1000.00' },
      pool: { approvalQuorum: settings.approvalQuorum ?? 2, reserveRatio: settings.reserveRatio ?? '0' },
      at,
    },
  };
}

export function enrolled(memberId: string, roles: Role[], creditLimit: string | null = null): MemberEnrolled {
  return { type: 'MemberEnrolled', data: { memberId, displayName: memberId, roles, creditLimit, tokenHash: `t-${memberId}`, at } };
}

/** The hub a decision reads as its context, folded from its events. */
export function hubOf(...events: HubEvent[]): HubState {
  return events.reduce(hubDecider.evolve, hubDecider.initialState());
}

/** Savers, treasurers (two of whom also save), a coordinator, an auditor and the admin's hub. */
export const HUB_PEOPLE: HubEvent[] = [
  enrolled('ann', ['member']),
  enrolled('ben', ['member']),
  enrolled('cal', ['member']),
  enrolled('tia', ['member', 'treasurer']),
  enrolled('tom', ['member', 'treasurer']),
  enrolled('ted', ['treasurer']),
  enrolled('coco', ['member', 'coordinator']),
  enrolled('cora', ['coordinator']),
  enrolled('aud', ['auditor']),
];
