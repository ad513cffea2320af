import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@commons/domain';
import { AidRequestView } from '@commons/projections';
import { ReadModels } from '../read-models';
import { Viewer } from './viewer';

export class GetAidRequestQuery extends Query<AidRequestView> {
  constructor(
    readonly hubId: string,
    readonly requestId: string,
    readonly viewer: Viewer,
  ) {
    super();
  }
}

/** Refusals: not_found (also another member's request: who asked for aid is not theirs to learn). */
@QueryHandler(GetAidRequestQuery)
export class GetAidRequestHandler implements IQueryHandler<GetAidRequestQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ hubId, requestId, viewer }: GetAidRequestQuery): Promise<AidRequestView> {
    const request = this.readModels.aid.request(hubId, requestId, viewer.memberId);
    if (!request || (!viewer.seesAll && request.memberId !== viewer.memberId)) throw new NotFound(`aid request ${requestId} not found`);
    return request;
  }
}

export interface AidRequestList {
  requests: AidRequestView[];
  /** pass as `after` for the next page; null on the last page */
  next: number | null;
}

export class GetAidRequestsQuery extends Query<AidRequestList> {
  constructor(
    readonly hubId: string,
    readonly viewer: Viewer,
    readonly filter: { status?: string; after?: number; limit: number },
  ) {
    super();
  }
}

@QueryHandler(GetAidRequestsQuery)
export class GetAidRequestsHandler implements IQueryHandler<GetAidRequestsQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ hubId, viewer, filter }: GetAidRequestsQuery): Promise<AidRequestList> {
    const memberId = viewer.seesAll ? undefined : (viewer.memberId ?? '');
    const requests = this.readModels.aid.requests({ hubId, memberId, ...filter }, viewer.memberId);
    return { requests, next: requests.length === filter.limit ? requests[requests.length - 1].position : null };
  }
}
