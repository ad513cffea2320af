import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ReversalListQuery, ReversalView } from '@commons/projections';
import { ReadModels } from '../read-models';

export class GetReversalsQuery extends Query<{ reversals: ReversalView[]; next: number | null }> {
  constructor(readonly query: ReversalListQuery) {
    super();
  }
}

/** Who sees which reversals is decided by the caller's query: every one, or those touching a member. */
@QueryHandler(GetReversalsQuery)
export class GetReversalsHandler implements IQueryHandler<GetReversalsQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ query }: GetReversalsQuery) {
    const reversals = this.readModels.reversals.reversals(query);
    const next = reversals.length === query.limit ? reversals[reversals.length - 1].position : null;
    return { reversals, next };
  }
}
