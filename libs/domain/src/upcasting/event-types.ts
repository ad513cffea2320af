import { FUND_EVENT_TYPES } from '../contributions/contributions.events';
import { HUB_EVENT_TYPES } from '../hub/hub.events';
import { POOL_EVENT_TYPES } from '../pool/pool.events';
import { REVERSAL_EVENT_TYPES } from '../reversals/reversal.events';
import { HOUR_REQUEST_EVENT_TYPES, TIMEBANK_EVENT_TYPES } from '../timebank/timebank.events';
import { LISTING_EVENT_TYPES } from '../listings/listing.events';
import { THING_EVENT_TYPES } from '../things/thing.events';

/** Every event type a stream of this ledger may hold. */
export const ALL_EVENT_TYPES: ReadonlySet<string> = new Set([...HUB_EVENT_TYPES, ...TIMEBANK_EVENT_TYPES, ...POOL_EVENT_TYPES, ...FUND_EVENT_TYPES, ...REVERSAL_EVENT_TYPES, ...LISTING_EVENT_TYPES, ...HOUR_REQUEST_EVENT_TYPES, ...THING_EVENT_TYPES]);
