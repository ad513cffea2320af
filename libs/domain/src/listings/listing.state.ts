import { ListingKind } from './listing.events';

export interface ListingRecord {
  listingId: string;
  memberId: string;
  kind: ListingKind;
  title: string;
  description: string;
  categoryId: string;
  hours: string | null;
  postedAt: string;
  expiresAt: string;
  closed: boolean;
}

/** A hub's listings: one stream per hub, apart from the hub's own so that 50,000 of them never weigh on its members. */
export interface ListingState {
  listings: Map<string, ListingRecord>;
}

/** open, closed, or expired (open past its date): read at a moment, never recorded. */
export function listingStatus(listing: ListingRecord, at: string): 'open' | 'closed' | 'expired' {
  if (listing.closed) return 'closed';
  return at >= listing.expiresAt ? 'expired' : 'open';
}
