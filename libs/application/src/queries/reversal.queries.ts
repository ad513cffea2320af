import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ReversalListQuery, ReversalView } from '@commons/projections';
import { Ledger } from '../ledger';
import { ReadModels } from '../read-models';

export type NamedReversalView = ReversalView & { names: Record<string, string> };

export class GetReversalsQuery extends Query<{ reversals: NamedReversalView[]; next: number | null }> {
  constructor(readonly query: ReversalListQuery) {
    super();
  }
}

/** Who sees which reversals is decided by the caller's query: every one, or those touching a member. */
@QueryHandler(GetReversalsQuery)
export class GetReversalsHandler implements IQueryHandler<GetReversalsQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly ledger: Ledger,
  ) {}

  async execute({ query }: GetReversalsQuery) {
    const found = this.readModels.reversals.reversals(query);
    const { members } = await this.ledger.hub(query.hubId);
    // every member the reversal names, by name: people read names, not ids
    const reversals = found.map((reversal) => {
      const ids = [...reversal.parties, reversal.proposedBy, reversal.decidedBy, reversal.mayDecide.member].filter((id): id is string => typeof id === 'string');
      const names = Object.fromEntries(ids.filter((id) => members.has(id)).map((id) => [id, members.get(id)!.displayName]));
      return { ...reversal, names };
    });
    const next = reversals.length === query.limit ? reversals[reversals.length - 1].position : null;
    return { reversals, next };
  }
}
