import { RecordedEvent, StoredEvent } from './event-store';

/** The columns of an EventRow, in the order both SQL stores write and read them. */
export const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, hash, log_hash';

/** An event as a SQL store keeps it: data and metadata as the exact canonical text that was hashed. */
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

/**
 * A stored event, parsed. The hashed text stays in a private field behind `canonical`, a getter
 * on the prototype: never enumerable, never in a response, and no per-event property definition.
 */
class RowEvent implements RecordedEvent {
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: RecordedEvent['metadata'];
  readonly hash: string;
  readonly #row: EventRow;

  constructor(row: EventRow) {
    this.position = row.position;
    this.streamId = row.stream_id;
    this.revision = row.revision;
    this.id = row.event_id;
    this.type = row.type;
    this.data = JSON.parse(row.data);
    this.metadata = JSON.parse(row.metadata);
    this.hash = row.hash;
    this.#row = row;
  }

  // like `canonical`: the store's own bookkeeping, read by verification, never enumerated
  get logHash(): string | null {
    return this.#row.log_hash;
  }

  get canonical(): { data: string; metadata: string } {
    return { data: this.#row.data, metadata: this.#row.metadata };
  }
}

export function toRecorded(row: EventRow): RecordedEvent {
  return new RowEvent(row);
}

export function toStored(row: EventRow): StoredEvent {
  return {
    position: row.position,
    streamId: row.stream_id,
    revision: row.revision,
    id: row.event_id,
    type: row.type,
    hash: row.hash,
    logHash: row.log_hash,
    canonical: { data: row.data, metadata: row.metadata },
  };
}

