import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@commons/domain';
import { HourRequestFilter, HourRequestView } from '@commons/projections';
import { Ledger } from '../ledger';
import { ReadModels } from '../read-models';

export class GetHourRequestsQuery extends Query<{ requests: HourRequestView[]; next: number | null }> {
  constructor(readonly filter: HourRequestFilter) {
    super();
  }
}

/** A member's own requests (as payer or provider); every request for those whose roles see all. */
@QueryHandler(GetHourRequestsQuery)
export class GetHourRequestsHandler implements IQueryHandler<GetHourRequestsQuery> {
  constructor(
    private readonly ledger: Ledger,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ filter }: GetHourRequestsQuery) {
    if (!(await this.ledger.hub(filter.hubId)).hub) throw new NotFound(`hub ${filter.hubId} not found`);
    const requests = this.readModels.hourRequests.requests(filter);
    return { requests, next: requests.length === filter.limit ? requests[requests.length - 1].position : null };
  }
}
