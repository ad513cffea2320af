import { ListingKind } from './listing.events';

export interface PostListing {
  type: 'PostListing';
  listingId: string;
  /** the owner: the actor themselves, or the assisted member a coordinator posts for */
  memberId: string;
  kind: ListingKind;
  title: string;
  description: string;
  categoryId: string;
  hours?: string;
  actorId: string;
  at: string;
}

/** Fields left undefined stay as they are; `status: 'closed'` closes it. */
export interface ChangeListing {
  type: 'ChangeListing';
  listingId: string;
  title?: string;
  description?: string;
  categoryId?: string;
  hours?: string | null;
  status?: 'closed';
  actorId: string;
  at: string;
}

export type ListingCommand = PostListing | ChangeListing;
