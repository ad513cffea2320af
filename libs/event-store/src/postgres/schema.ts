import { GENESIS_HASH } from '../hash-chain';

/**
 * The PostgreSQL store's tables. Data and metadata are `text`, not `jsonb`: the store keeps the
 * exact canonical text it hashed (jsonb would reorder keys). `log_head` is one row: the append
 * lock and the log chain's last link.
 */
export const POSTGRES_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  bigint  PRIMARY KEY,
  stream_id text    NOT NULL,
  revision  integer NOT NULL,
  event_id  text    NOT NULL,
  type      text    NOT NULL,
  data      text    NOT NULL,
  metadata  text    NOT NULL,
  hash      text    NOT NULL,
  log_hash  text    NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE TABLE IF NOT EXISTS streams (
  stream_id text    PRIMARY KEY,
  revision  integer NOT NULL,
  hash      text    NOT NULL
);
CREATE TABLE IF NOT EXISTS log_head (
  one      boolean PRIMARY KEY DEFAULT true CHECK (one),
  position bigint  NOT NULL,
  log_hash text    NOT NULL
);
INSERT INTO log_head (one, position, log_hash) VALUES (true, 0, '${GENESIS_HASH}') ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS idempotency_keys (
  scope        text        NOT NULL,
  key          text        NOT NULL,
  request_hash text        NOT NULL,
  body         text        NOT NULL,
  position     bigint      NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_recorded_at ON idempotency_keys (recorded_at);
`;

/** Any constant: instances starting at once create the tables one after another. */
export const SCHEMA_LOCK = 0x636f6d6d; // "comm"

/** Woken on every commit of events, with the new head position. */
export const EVENTS_CHANNEL = 'commons_ledger_events';
