import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import { HOUR, ListingKind, fixedAt, scaleOf } from '@commons/domain';

export type ListingStatusFilter = 'open' | 'closed' | 'expired';

export interface ListingView {
  listingId: string;
  memberId: string;
  displayName: string;
  kind: ListingKind;
  title: string;
  description: string;
  categoryId: string;
  categoryName: string | null;
  hours: string | null;
  /** hours paid naming this listing, less those reversed */
  hoursExchanged: string;
  status: ListingStatusFilter;
  postedAt: string;
  expiresAt: string;
  position: number;
}

export interface ListingFilter {
  hubId: string;
  /** the moment that decides which open listings have expired */
  at: string;
  kind?: ListingKind;
  categoryId?: string;
  q?: string;
  memberId?: string;
  status?: ListingStatusFilter;
  /** position cursor: listings older than this one */
  after?: number;
  limit: number;
}

type Row = {
  listing_id: string; member_id: string; display_name: string | null; kind: ListingKind; title: string; description: string;
  category_id: string; category_name: string | null; hours: string | null; hours_exchanged: string; closed: number; posted_at: string; expires_at: string; position: number;
};

const COLUMNS = `l.listing_id, l.member_id, m.display_name, l.kind, l.title, l.description, l.category_id, c.name AS category_name,
  l.hours, l.hours_exchanged, l.closed, l.posted_at, l.expires_at, l.position
  FROM listings l
  LEFT JOIN members m ON m.hub_id = l.hub_id AND m.member_id = l.member_id
  LEFT JOIN categories c ON c.hub_id = l.hub_id AND c.category_id = l.category_id`;

/** Offers and needs with their owners' names, newest first. */
export class ListingQueries {
  private readonly search;
  private readonly one;
  private readonly openOf;

  constructor(db: Database.Database) {
    this.search = db.prepare<Record<string, unknown>, Row>(
      `SELECT ${COLUMNS}
       WHERE l.hub_id = @hubId
         AND (@kind IS NULL OR l.kind = @kind)
         AND (@categoryId IS NULL OR l.category_id = @categoryId)
         AND (@memberId IS NULL OR l.member_id = @memberId)
         AND (@q IS NULL OR instr(lower(l.title), lower(@q)) > 0 OR instr(lower(l.description), lower(@q)) > 0)
         AND (CASE @status WHEN 'open' THEN l.closed = 0 AND l.expires_at > @at
                           WHEN 'expired' THEN l.closed = 0 AND l.expires_at <= @at
                           WHEN 'closed' THEN l.closed = 1 END)
         AND (@after IS NULL OR l.position < @after)
       ORDER BY l.position DESC
       LIMIT @limit`,
    );
    this.one = db.prepare<[string, string], Row>(`SELECT ${COLUMNS} WHERE l.hub_id = ? AND l.listing_id = ?`);
    // by member, through their index (ordering by position would walk the whole board)
    this.openOf = db.prepare<[string, string, string], { member_id: string; listing_id: string; kind: ListingKind; title: string }>(
      `SELECT member_id, listing_id, kind, title FROM listings INDEXED BY listings_by_member
       WHERE hub_id = ? AND member_id IN (SELECT value FROM json_each(?)) AND closed = 0 AND expires_at > ?
       ORDER BY member_id, position DESC`,
    );
  }

  listings(filter: ListingFilter): ListingView[] {
    const rows = this.search.all({
      hubId: filter.hubId,
      at: filter.at,
      kind: filter.kind ?? null,
      categoryId: filter.categoryId ?? null,
      memberId: filter.memberId ?? null,
      q: filter.q ?? null,
      status: filter.status ?? 'open',
      after: filter.after ?? null,
      limit: filter.limit,
    });
    return rows.map((row) => view(row, filter.at));
  }

  listing(hubId: string, listingId: string, at: string): ListingView | null {
    const row = this.one.get(hubId, listingId);
    return row ? view(row, at) : null;
  }

  /** Each member's open offers and needs, newest first: what the directory shows beside their name. */
  openListingsOf(hubId: string, memberIds: string[], at: string): Map<string, { offers: ListingBrief[]; needs: ListingBrief[] }> {
    const byMember = new Map(memberIds.map((id) => [id, { offers: [] as ListingBrief[], needs: [] as ListingBrief[] }]));
    for (const row of this.openOf.all(hubId, JSON.stringify(memberIds), at)) {
      const lists = byMember.get(row.member_id)!;
      (row.kind === 'offer' ? lists.offers : lists.needs).push({ listingId: row.listing_id, title: row.title });
    }
    return byMember;
  }
}

export interface ListingBrief {
  listingId: string;
  title: string;
}

function view(row: Row, at: string): ListingView {
  return {
    listingId: row.listing_id,
    memberId: row.member_id,
    displayName: row.display_name ?? row.member_id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    categoryId: row.category_id,
    categoryName: row.category_name,
    hours: row.hours,
    hoursExchanged: fixedAt(new Decimal(row.hours_exchanged), scaleOf(HOUR)),
    status: row.closed === 1 ? 'closed' : row.expires_at <= at ? 'expired' : 'open',
    postedAt: row.posted_at,
    expiresAt: row.expires_at,
    position: row.position,
  };
}
