import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@commons/domain';
import { ListingFilter, ListingView } from '@commons/projections';
import { Ledger } from '../ledger';
import { ReadModels } from '../read-models';

export class GetListingsQuery extends Query<{ listings: ListingView[]; next: number | null }> {
  constructor(readonly filter: ListingFilter) {
    super();
  }
}

/** The hub's board, from the read model: a page of a hub with 50,000 listings answers at once. */
@QueryHandler(GetListingsQuery)
export class GetListingsHandler implements IQueryHandler<GetListingsQuery> {
  constructor(
    private readonly ledger: Ledger,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ filter }: GetListingsQuery) {
    if (!(await this.ledger.hub(filter.hubId)).hub) throw new NotFound(`hub ${filter.hubId} not found`);
    const listings = this.readModels.listings.listings(filter);
    return { listings, next: listings.length === filter.limit ? listings[listings.length - 1].position : null };
  }
}

export class GetListingQuery extends Query<ListingView> {
  constructor(
    readonly hubId: string,
    readonly listingId: string,
    readonly at: string,
  ) {
    super();
  }
}

@QueryHandler(GetListingQuery)
export class GetListingHandler implements IQueryHandler<GetListingQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ hubId, listingId, at }: GetListingQuery) {
    const listing = this.readModels.listings.listing(hubId, listingId, at);
    if (!listing) throw new NotFound(`listing ${listingId} not found`);
    return listing;
  }
}
