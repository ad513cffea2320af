/**
 * The event store port. Its semantics mirror EventStoreDB's so that the SQLite adapter (the
 * embedded default) and an EventStoreDB adapter pass one contract suite.
 */

/** `number`: the stream's last revision must be exactly this. */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

export interface EventMetadata {
  /** member id or 'admin' */
  actor: string;
  correlationId: string;
  causationId?: string;
  idempotencyKey?: string;
  /** sha-256 of the request that carried the idempotency key, to spot a reused key */
  requestHash?: string;
  /**
   * Events before issue 16 kept the command's response here, on its last event. Responses now
   * live beside history, in the store's idempotency keys; these are read once into them.
   */
  response?: unknown;
  recordedAt: string;
  schemaVersion: number;
}

export interface NewEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  streamId: string;
  /** 0, 1, 2 … within the stream */
  revision: number;
  /** global order, 1 for the first event ever recorded */
  position: number;
  /** sha-256 over the previous event's hash in this stream and this event's canonical JSON */
  hash: string;
  /** the log chain's hash at this event, where the store has one writer order (SQLite) */
  readonly logHash?: string | null;
  /**
   * The exact text of data and metadata that the hash covers, where the store keeps it (not
   * enumerable: it never travels in responses). Verification hashes it instead of serialising
   * the parsed values again.
   */
  readonly canonical?: { data: string; metadata: string };
}

/** An event as stored, its data and metadata left as the hashed text: all that verification reads. */
export interface StoredEvent {
  position: number;
  streamId: string;
  revision: number;
  id: string;
  type: string;
  hash: string;
  logHash?: string | null;
  canonical: { data: string; metadata: string };
}

/** A page read ahead of its use, parsed only when asked: a rebuild holds several, applies one at a time. */
export interface PageAhead {
  readonly count: number;
  /** the position of its last event */
  readonly last: number;
  events(): RecordedEvent[];
  /** its events' hash chains were checked as they were read: a reader need not hash them again */
  readonly chainChecked?: boolean;
  /** the chain broke right after this page's events: nothing after them follows */
  readonly broken?: HistoryBroken;
}

export interface AppendResult {
  /** the stream's revision after the append */
  nextExpectedRevision: number;
  /** the hash of the stream's last event after the append: the next event chains onto it */
  hash: string;
  /** the global position of the last event appended */
  position: number;
  /** the global position of each event appended, in order */
  positions: number[];
  /** what was appended to each of the `alongside` streams, in their order */
  alongside?: AppendResult[];
}

/** Events for one stream, with what its last revision must be. */
export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
}

/**
 * A command's Idempotency-Key, recorded in the same transaction as its events: a key already
 * recorded fails the append with KeyAlreadyRecorded, whichever process recorded it.
 */
export interface KeyToRecord {
  /** whose key it is (a member of a hub, or the admin): keys of different callers never meet */
  scope: string;
  key: string;
  requestHash: string;
  /** the command's answer, kept so that a retry gets it back */
  body: unknown;
  /** the indexes, among the appended events, of the command's first and last event: the last one's position is the answer's */
  firstIndex: number;
  lastIndex: number;
}

/** What a recorded key answers to its retry. */
export interface RecordedKey {
  scope: string;
  key: string;
  requestHash: string;
  body: unknown;
  position: number;
}

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
  keys?: KeyToRecord[];
  /**
   * Events for other streams, appended in the same transaction just before this stream's: all of
   * them or none, each stream's expectation checked (a loan and the hours it costs). Stores with
   * no transaction across streams refuse it.
   */
  alongside?: StreamAppend[];
}

export interface ReadStreamOptions {
  fromRevision?: number;
}

export interface ReadAllOptions {
  /** events strictly after this position; 0 reads from the beginning */
  after?: number;
  /** the number of events at most */
  maxCount?: number;
  /** only events of these streams (EventStoreDB filters $all the same way, by stream name) */
  streams?: string[];
}

/** A live feed of `$all`: it catches up, then waits for new events. Pages arrive in order. */
export interface Subscription extends AsyncIterable<RecordedEvent[]> {
  close(): void;
}

export interface EventStore {
  /** Atomic: all the events or none. A stale expectation fails with WrongExpectedRevision. */
  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** The keys among these that are recorded, with their answers. */
  recordedKeys(keys: Array<{ scope: string; key: string }>): Promise<RecordedKey[]>;
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /**
   * `$all` after `after` up to `upTo` in pages of at most `pageSize`, where the store can read
   * up to `ahead` pages while the caller applies earlier ones (a rebuild reads every event there is)
   */
  readPagesAhead?(after: number, upTo: number, pageSize: number, ahead: number): AsyncIterable<PageAhead>;
  /** `$all` unparsed, where the store keeps the exact text it hashed (verification needs no more) */
  readAllStored?(options?: ReadAllOptions): AsyncIterable<StoredEvent>;
  subscribeToAll(options?: { after?: number }): Subscription;
  /** the position of the last event recorded, 0 when there is none */
  headPosition(): Promise<number>;
  /**
   * A number that changes whenever another handle on the store (another process) commits, where
   * the store can tell: a cache kept current by this handle's own appends needs no re-read while
   * it stays the same. Stores that cannot tell leave it out, and callers always re-read.
   */
  externalVersion?(): number;
  /** each stream's head as recorded beside the events, where the store keeps one (audits compare) */
  streamHeads?(): Promise<Map<string, { revision: number; hash: string }>>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');

export class WrongExpectedRevision extends Error {
  readonly code = 'concurrency_conflict';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, found ${String(actual)}`);
    this.name = 'WrongExpectedRevision';
  }
}

/** An Idempotency-Key of this append was recorded already, by this process or another: nothing was appended. */
export class KeyAlreadyRecorded extends Error {
  readonly code = 'key_already_recorded';
  constructor(
    readonly scope: string,
    readonly key: string,
  ) {
    super(`the Idempotency-Key ${key} is recorded already`);
    this.name = 'KeyAlreadyRecorded';
  }
}

/** The store cannot be reached or written (disk full, locked, read-only): nothing was recorded. */
export class StoreUnavailable extends Error {
  readonly code = 'unavailable';
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'StoreUnavailable';
  }
}

/**
 * The stored history of a stream fails its hash chain at this event: it was changed, or an event
 * before it was removed, inserted or moved. Nothing is decided on that stream until it is restored.
 */
export class HistoryBroken extends Error {
  readonly code = 'history_broken';
  constructor(
    readonly position: number,
    readonly streamId: string,
    readonly revision: number,
    readonly problem: string,
  ) {
    super(`the history of ${streamId} is broken at position ${position} (revision ${revision}): ${problem}; nothing is decided on it until it is restored`);
    this.name = 'HistoryBroken';
  }
}
