import { AidEvent } from '../aid/aid.events';
import { FUND_EVENT_TYPES, FundEntry, FundEvent } from '../contributions/contributions.events';
import { HUB_EVENT_TYPES, HubEvent } from '../hub/hub.events';
import { POOL_EVENT_TYPES, PoolEntry, PoolEvent } from '../pool/pool.events';
import { REVERSAL_EVENT_TYPES, REVERSIBLE_TYPES, ReversalEvent, ReversibleEvent } from '../reversals/reversal.events';
import { GroupHoursPaid, HOUR_REQUEST_EVENT_TYPES, HourRequestEvent, HoursPaid, TIMEBANK_EVENT_TYPES, TimeBankEvent, VolunteerHoursPaid } from '../timebank/timebank.events';
import { LISTING_EVENT_TYPES, ListingEvent } from '../listings/listing.events';
import { THING_EVENT_TYPES, ThingEvent } from '../things/thing.events';

/** Every event the ledger records, in its current shape. */
export type LedgerEvent = HubEvent | TimeBankEvent | PoolEvent | FundEvent | ListingEvent | ThingEvent;

export type TimeBankEntry = HoursPaid | GroupHoursPaid | VolunteerHoursPaid;

// type guards, not casts: each asks the event's own type tag
export const isHubEvent = (event: LedgerEvent): event is HubEvent => HUB_EVENT_TYPES.has(event.type);
export const isTimeBankEntry = (event: LedgerEvent): event is TimeBankEntry => TIMEBANK_EVENT_TYPES.has(event.type);
export const isPoolEntry = (event: LedgerEvent): event is PoolEntry => POOL_EVENT_TYPES.has(event.type);
export const isFundEntry = (event: LedgerEvent): event is FundEntry => FUND_EVENT_TYPES.has(event.type);
export const isReversalEvent = (event: LedgerEvent): event is ReversalEvent => REVERSAL_EVENT_TYPES.has(event.type);
export const isHourRequestEvent = (event: LedgerEvent): event is HourRequestEvent => HOUR_REQUEST_EVENT_TYPES.has(event.type);
export const isTimeBankEvent = (event: LedgerEvent): event is TimeBankEvent => isTimeBankEntry(event) || isHourRequestEvent(event) || isReversalEvent(event);
export const isPoolEvent = (event: LedgerEvent): event is PoolEvent => isPoolEntry(event) || isReversalEvent(event);
export const isFundEvent = (event: LedgerEvent): event is FundEvent => isFundEntry(event) || isReversalEvent(event);
export const isListingEvent = (event: LedgerEvent): event is ListingEvent => LISTING_EVENT_TYPES.has(event.type);
export const isThingEvent = (event: LedgerEvent): event is ThingEvent => THING_EVENT_TYPES.has(event.type);
export const isReversible = (event: LedgerEvent): event is ReversibleEvent => REVERSIBLE_TYPES.has(event.type);
export const isAidEvent = (event: LedgerEvent): event is AidEvent =>
  event.type === 'FundMoneyMoved' || event.type === 'AidRequested' || event.type === 'AidPaid' || event.type === 'AidRequestWithdrawn';

