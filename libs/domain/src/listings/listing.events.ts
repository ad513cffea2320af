import { DomainEvent } from '../decider';

export const LISTING_KINDS = ['offer', 'need'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

/** An offer of help or a need for it, open until `expiresAt` unless closed first. `postedBy`: the owner, or a coordinator for an assisted owner. */
export type ListingPosted = DomainEvent<
  'ListingPosted',
  { listingId: string; memberId: string; kind: ListingKind; title: string; description: string; categoryId: string; hours: string | null; expiresAt: string; postedBy: string; at: string }
>;

/** Only the fields given change. */
export type ListingChanged = DomainEvent<
  'ListingChanged',
  { listingId: string; title?: string; description?: string; categoryId?: string; hours?: string | null; changedBy: string; at: string }
>;

export type ListingClosed = DomainEvent<'ListingClosed', { listingId: string; closedBy: string; at: string }>;

export type ListingEvent = ListingPosted | ListingChanged | ListingClosed;

export const LISTING_EVENT_TYPES: ReadonlySet<string> = new Set<ListingEvent['type']>(['ListingPosted', 'ListingChanged', 'ListingClosed']);
