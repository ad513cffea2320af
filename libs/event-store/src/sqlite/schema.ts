/** The events file. `position` is the rowid: SQLite serialises writers, so positions follow commit order. */
export const EVENTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY,
  stream_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  event_id  TEXT    NOT NULL,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  hash      TEXT    NOT NULL,
  log_hash  TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_id, revision);
-- a stream's events in position order (an index holds the rowid): $all of a few streams reads
-- each from a position, not every event of theirs since
CREATE INDEX IF NOT EXISTS events_stream_position ON events (stream_id);
CREATE TABLE IF NOT EXISTS streams (
  stream_id TEXT    PRIMARY KEY,
  revision  INTEGER NOT NULL,
  hash      TEXT    NOT NULL
) WITHOUT ROWID;
`;

/**
 * Idempotency-Keys beside the history, not in it: written in the append's transaction, unique per
 * caller and key, kept for the retention period (recorded_at is when the store wrote it).
 */
export const KEYS_SCHEMA = `
CREATE TABLE IF NOT EXISTS idempotency_keys (
  scope        TEXT    NOT NULL,
  key          TEXT    NOT NULL,
  request_hash TEXT    NOT NULL,
  body         TEXT    NOT NULL,
  position     INTEGER NOT NULL,
  recorded_at  TEXT    NOT NULL,
  PRIMARY KEY (scope, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS idempotency_keys_recorded_at ON idempotency_keys (recorded_at);
`;
