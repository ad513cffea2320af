import { HubState, TimeBankState, balanceOf, effectiveCreditLimit, nearCreditLimit } from '@commons/domain';

/** A soft limit: the payment stands, and the payer is told in plain words how close they are. */
export interface NearLimitWarning {
  code: 'near_credit_limit';
  message: string;
}

/** A warning for each payer the payment took past the hub's warning share of their credit limit; none if none. */
export function nearLimitWarnings(after: TimeBankState, hub: HubState, payerIds: Iterable<string>): { warnings?: NearLimitWarning[] } {
  const warnAt = hub.hub!.timeBank.warnAt;
  const warnings: NearLimitWarning[] = [];
  for (const payerId of new Set(payerIds)) {
    const payer = hub.members.get(payerId)!;
    const limit = effectiveCreditLimit(hub.hub!, payer);
    const balance = balanceOf(after, payer.memberId);
    if (!nearCreditLimit(balance, limit, warnAt)) continue;
    warnings.push({ code: 'near_credit_limit', message: `${payer.displayName} now owes ${balance.negated()} of the ${limit} hours they may owe` });
  }
  return warnings.length === 0 ? {} : { warnings };
}
