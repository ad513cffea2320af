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
CREATE TABLE IF NOT EXISTS streams (
  stream_id TEXT    PRIMARY KEY,
  revision  INTEGER NOT NULL,
  hash      TEXT    NOT NULL
) WITHOUT ROWID;
`;

export interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  hash: string;
  /** the log chain over every event in position order; null only on rows written before it existed */
  log_hash: string | null;
}

export const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, hash, log_hash';
