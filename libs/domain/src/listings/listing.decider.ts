import { Decider } from '../decider';
import { AlreadyExists, InvalidState, NotFound, ValidationFailed } from '../errors';
import { actingFor, requireHub } from '../hub/acting';
import { usableCategory } from '../hub/categories.rules';
import { HubState } from '../hub/hub.state';
import { checkId } from '../ids';
import { Amount, HOUR } from '../money';
import { checkText } from '../text';
import { ChangeListing, ListingCommand, PostListing } from './listing.commands';
import { LISTING_KINDS, ListingChanged, ListingEvent } from './listing.events';
import { ListingRecord, ListingState, listingStatus } from './listing.state';

export const DEFAULT_LISTING_DAYS = 90;
const TITLE_LENGTH_MAX = 120;
const DESCRIPTION_LENGTH_MAX = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const listingDecider: Decider<ListingCommand, ListingEvent, ListingState, HubState> = {
  initialState: () => ({ listings: new Map() }),
  evolve: evolveListings,
  decide: decideListing,
  copy: (state) => ({ listings: new Map(state.listings) }),
};

/**
 * Refusals: `forbidden` (not the owner, nor a coordinator for an assisted owner; changes: nor a
 * coordinator), `validation_failed`, `already_exists`, `not_found`, `invalid_state` (closed or
 * expired, a suspended owner).
 */
export function decideListing(command: ListingCommand, state: ListingState, hub: HubState): ListingEvent[] {
  switch (command.type) {
    case 'PostListing':
      return postListing(command, state, hub);
    case 'ChangeListing':
      return changeListing(command, state, hub);
    default: {
      const unhandled: never = command;
      throw new ValidationFailed(`unknown command ${(unhandled as { type: string }).type}`);
    }
  }
}

function postListing(command: PostListing, state: ListingState, hub: HubState): ListingEvent[] {
  const settings = requireHub(hub);
  const actor = actingFor(hub, command.actorId, command.memberId, 'post listings');
  checkId(command.listingId, 'listingId');
  if (state.listings.has(command.listingId)) throw new AlreadyExists(`listing ${command.listingId} already exists`);
  if (!(LISTING_KINDS as readonly string[]).includes(command.kind)) throw new ValidationFailed('kind must be offer or need');
  const days = settings.listingDays ?? DEFAULT_LISTING_DAYS;
  return [
    {
      type: 'ListingPosted',
      data: {
        listingId: command.listingId,
        memberId: command.memberId,
        kind: command.kind,
        title: checkText(command.title, 'title', TITLE_LENGTH_MAX),
        description: checkText(command.description, 'description', DESCRIPTION_LENGTH_MAX),
        categoryId: usableCategory(hub, requiredCategory(command.categoryId))!,
        hours: command.hours === undefined ? null : Amount.parsePositive(command.hours, HOUR, 'hours').toString(),
        expiresAt: new Date(Date.parse(command.at) + days * DAY_MS).toISOString(),
        postedBy: actor.memberId,
        at: command.at,
      },
    },
  ];
}

function changeListing(command: ChangeListing, state: ListingState, hub: HubState): ListingEvent[] {
  requireHub(hub);
  const listing = state.listings.get(command.listingId);
  if (!listing) throw new NotFound(`listing ${command.listingId} not found`);
  const actor = ownerOrCoordinator(hub, command.actorId, listing);
  const status = listingStatus(listing, command.at);
  if (status !== 'open') throw new InvalidState(`listing ${listing.listingId} is ${status}`);
  const data: ListingChanged['data'] = { listingId: listing.listingId, changedBy: actor, at: command.at };
  if (command.title !== undefined) data.title = checkText(command.title, 'title', TITLE_LENGTH_MAX);
  if (command.description !== undefined) data.description = checkText(command.description, 'description', DESCRIPTION_LENGTH_MAX);
  if (command.categoryId !== undefined) data.categoryId = usableCategory(hub, command.categoryId);
  if (command.hours !== undefined) data.hours = command.hours === null ? null : Amount.parsePositive(command.hours, HOUR, 'hours').toString();
  const events: ListingEvent[] = [];
  const changes = (['title', 'description', 'categoryId', 'hours'] as const).filter((field) => field in data && data[field] !== listing[field]);
  for (const field of ['title', 'description', 'categoryId', 'hours'] as const) if (!changes.includes(field)) delete data[field];
  if (changes.length > 0) events.push({ type: 'ListingChanged', data });
  if (command.status !== undefined) {
    if (command.status !== 'closed') throw new ValidationFailed('status may only be closed');
    events.push({ type: 'ListingClosed', data: { listingId: listing.listingId, closedBy: actor, at: command.at } });
  }
  return events;
}

/** The owner (or a coordinator acting for an assisted owner), or any coordinator: a hub keeps its board tidy. */
function ownerOrCoordinator(hub: HubState, actorId: string, listing: ListingRecord): string {
  const actor = hub.members.get(actorId);
  if (actor && actor.status === 'active' && actor.roles.includes('coordinator')) return actorId;
  return actingFor(hub, actorId, listing.memberId, 'change this listing').memberId;
}

function requiredCategory(categoryId: string | undefined): string {
  if (typeof categoryId !== 'string') throw new ValidationFailed('categoryId is required: the kind of help');
  return categoryId;
}

export function evolveListings(state: ListingState, event: ListingEvent): ListingState {
  switch (event.type) {
    case 'ListingPosted': {
      const { postedBy: _postedBy, at, ...listing } = event.data;
      state.listings.set(listing.listingId, { ...listing, postedAt: at, closed: false });
      return state;
    }
    case 'ListingChanged': {
      const { listingId, changedBy: _changedBy, at: _at, ...change } = event.data;
      const listing = state.listings.get(listingId)!;
      state.listings.set(listingId, { ...listing, ...change });
      return state;
    }
    case 'ListingClosed': {
      const listing = state.listings.get(event.data.listingId)!;
      state.listings.set(listing.listingId, { ...listing, closed: true });
      return state;
    }
    default: {
      const unhandled: never = event;
      throw new TypeError(`unknown listing event ${(unhandled as { type: string }).type}`);
    }
  }
}

