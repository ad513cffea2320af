/**
 * How long an Idempotency-Key is kept: a phone that queued a payment offline and retries it
 * weeks later still gets the first answer. Older keys are swept away; their events stay.
 */
export const KEY_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

/** The sweep of expired keys runs at most this often, before a write. */
export const KEY_SWEEP_EVERY_MS = 60 * 60 * 1000;
