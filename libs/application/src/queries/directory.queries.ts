import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@commons/domain';
import { CategoryView, DirectoryEntry, ListingBrief } from '@commons/projections';
import { Ledger } from '../ledger';
import { ReadModels } from '../read-models';

export interface DirectoryView {
  /** each with their open offers and needs */
  members: Array<DirectoryEntry & { offers: ListingBrief[]; needs: ListingBrief[] }>;
  /** pass as `after` for the next page; null on the last page */
  next: string | null;
}

export class GetDirectoryQuery extends Query<DirectoryView> {
  constructor(
    readonly hubId: string,
    readonly page: { q?: string; after?: string; limit: number },
    /** contacts are for the hub's own members (and the admin), who are the only ones let in */
    readonly withContact: boolean,
    /** the moment that decides which listings are still open */
    readonly at: string,
  ) {
    super();
  }
}

/** The hub's active members by name, from the read model: a hub of 10,000 answers a page at once. */
@QueryHandler(GetDirectoryQuery)
export class GetDirectoryHandler implements IQueryHandler<GetDirectoryQuery> {
  constructor(
    private readonly ledger: Ledger,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ hubId, page, withContact, at }: GetDirectoryQuery): Promise<DirectoryView> {
    const state = await this.ledger.hub(hubId);
    if (!state.hub) throw new NotFound(`hub ${hubId} not found`);
    const afterMember = page.after === undefined ? undefined : state.members.get(page.after);
    if (page.after !== undefined && !afterMember) throw new NotFound(`member ${page.after} not found`);
    const after = afterMember ? { displayName: afterMember.displayName, memberId: afterMember.memberId } : undefined;
    const entries = this.readModels.directory.directory({ hubId, q: page.q, after, limit: page.limit, withContact });
    const listings = this.readModels.listings.openListingsOf(hubId, entries.map((entry) => entry.memberId), at);
    const members = entries.map((entry) => ({ ...entry, ...listings.get(entry.memberId)! }));
    return { members, next: members.length === page.limit ? members[members.length - 1].memberId : null };
  }
}

export class GetCategoriesQuery extends Query<{ categories: CategoryView[] }> {
  constructor(readonly hubId: string) {
    super();
  }
}

/** The hub's kinds of help, retired ones marked, from the hub stream (a hub has a few dozen). */
@QueryHandler(GetCategoriesQuery)
export class GetCategoriesHandler implements IQueryHandler<GetCategoriesQuery> {
  constructor(private readonly ledger: Ledger) {}

  async execute({ hubId }: GetCategoriesQuery) {
    const state = await this.ledger.hub(hubId);
    if (!state.hub) throw new NotFound(`hub ${hubId} not found`);
    return { categories: [...state.categories.values()].map((category) => ({ ...category })) };
  }
}
