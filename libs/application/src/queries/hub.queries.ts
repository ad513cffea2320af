import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DEFAULT_LISTING_DAYS, NotFound, scaleOf } from '@commons/domain';
import { Ledger } from '../ledger';

export interface HubView {
  hubId: string;
  name: string;
  currency: string;
  /** the decimal places the currency allows: amounts are written with exactly these */
  currencyPlaces: number;
  createdAt: string;
  timeBank: { defaultCreditLimit: string; maxBalance: string | null; hubAccountLimit: string; warnAt: string | null; requestAutoAcceptDays: number | null };
  pool: { approvalQuorum: number; reserveRatio: string };
  aid: { perMemberPerMonth: string | null };
  /** how long a listing stays open */
  listingDays: number;
  members: number;
}

export class GetHubQuery extends Query<HubView> {
  constructor(readonly hubId: string) {
    super();
  }
}

/** The hub's settings from the write side, which is always current in this process. */
@QueryHandler(GetHubQuery)
export class GetHubHandler implements IQueryHandler<GetHubQuery> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId }: GetHubQuery): Promise<HubView> {
    const { hub, members } = await this.ledger.hub(hubId);
    if (!hub) throw new NotFound(`hub ${hubId} not found`);
    return {
      hubId: hub.hubId,
      name: hub.name,
      currency: hub.currency,
      currencyPlaces: scaleOf(hub.currency),
      createdAt: hub.createdAt,
      timeBank: {
        defaultCreditLimit: hub.timeBank.defaultCreditLimit.toString(),
        maxBalance: hub.timeBank.maxBalance ? hub.timeBank.maxBalance.toString() : null,
        hubAccountLimit: hub.timeBank.hubAccountLimit.toString(),
        warnAt: hub.timeBank.warnAt,
        requestAutoAcceptDays: hub.timeBank.requestAutoAcceptDays,
      },
      pool: hub.pool,
      aid: { perMemberPerMonth: hub.aid.perMemberPerMonth?.toString() ?? null },
      listingDays: hub.listingDays ?? DEFAULT_LISTING_DAYS,
      members: members.size,
    };
  }
}
