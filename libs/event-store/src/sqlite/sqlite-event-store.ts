import Database from 'better-sqlite3';
import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  PageAhead,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoredEvent,
  StoreUnavailable,
  Subscription,
  WrongExpectedRevision,
} from '../event-store';
import { canonicalJson } from '../canonical-json';
import { GENESIS_HASH, eventHashOfCanonical, logHashOf } from '../hash-chain';
import { EVENTS_SCHEMA, EVENT_COLUMNS, EventRow } from './schema';
import { readPagesAhead } from './pages-ahead';
import { ensurePrivateFile } from '../private-file';

const APPEND_BATCH_MAX = 512; // appends folded into one transaction: one fsync serves them all
const READ_PAGE_SIZE = 1000; // rows per query when streaming; bounds memory, not throughput
const SUBSCRIPTION_PAGE_MAX = 10_000; // a catching-up subscriber applies this many per transaction
const LIVE_POLL_MS = 50; // how soon a subscriber sees another process's appends
// how long to wait for another process's write lock before answering unavailable; better-sqlite3
// waits on this thread, so every request waits with it: writers hold the lock for milliseconds
const BUSY_TIMEOUT_MS = 2_000;

// Errors after which nothing was written and a later attempt may succeed.
const UNAVAILABLE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']);

interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export interface SqliteEventStoreOptions {
  file: string;
  /** open an existing file for reading only (audits while the server runs) */
  readonly?: boolean;
  busyTimeoutMs?: number;
}

/**
 * The embedded store: one SQLite file in WAL mode with synchronous=FULL, so an append is on
 * disk before it is acknowledged. Appends that arrive in the same tick share one transaction
 * (group commit); each keeps its own savepoint, so one stale expectation fails alone.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly pending: PendingAppend[] = [];
  private flushScheduled = false;
  private readonly listeners = new Set<() => void>();
  private readonly statements;
  private readonly appendBatch: (batch: PendingAppend[]) => Array<AppendResult | Error>;

  private readonly file: string;

  constructor(options: SqliteEventStoreOptions) {
    this.file = options.file;
    if (!options.readonly) ensurePrivateFile(options.file);
    this.db = new Database(options.file, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.exec(EVENTS_SCHEMA);
      addLogChain(this.db);
    }
    // an older file opened read-only (an audit) has no log chain yet: its rows read as having none
    const chained = this.db.prepare<[], { name: string }>('PRAGMA table_info(events)').all().some((column) => column.name === 'log_hash');
    const columns = chained ? EVENT_COLUMNS : EVENT_COLUMNS.replace('log_hash', 'NULL AS log_hash');
    const writable = !options.readonly;
    this.statements = {
      head: this.db.prepare<[string], { revision: number; hash: string }>(
        'SELECT revision, hash FROM streams WHERE stream_id = ?',
      ),
      insert: writable
        ? this.db.prepare('INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, hash, log_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        : null,
      lastLogged: writable
        ? this.db.prepare<[], { position: number; log_hash: string | null }>('SELECT position, log_hash FROM events ORDER BY position DESC LIMIT 1')
        : null,
      setHead: this.db.prepare(
        `INSERT INTO streams (stream_id, revision, hash) VALUES (?, ?, ?)
         ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, hash = excluded.hash`,
      ),
      readStream: this.db.prepare<[string, number, number], EventRow>(
        `SELECT ${columns} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      ),
      readAll: this.db.prepare<[number, number], EventRow>(
        `SELECT ${columns} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
      ),
      readAllOf: this.db.prepare<[number, string, number], EventRow>(
        `SELECT ${columns} FROM events WHERE position > ? AND stream_id IN (SELECT value FROM json_each(?))
         ORDER BY position LIMIT ?`,
      ),
      headPosition: this.db.prepare<[], { position: number }>('SELECT coalesce(max(position), 0) AS position FROM events'),
      dataVersion: this.db.prepare('PRAGMA data_version').pluck(),
    };
    const appendOne = this.db.transaction((request: PendingAppend) => this.appendInTransaction(request));
    this.appendBatch = this.db.transaction((batch: PendingAppend[]) =>
      batch.map((request) => {
        try {
          return appendOne(request); // nested: a savepoint, rolled back alone if it throws
        } catch (error) {
          if (isUnavailable(error)) throw error; // the whole transaction is lost
          return error as Error;
        }
      }),
    ).immediate as unknown as (batch: PendingAppend[]) => Array<AppendResult | Error>;
  }

  append(streamId: string, events: NewEvent[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ streamId, events, expectedRevision: options.expectedRevision, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, APPEND_BATCH_MAX);
      let results: Array<AppendResult | Error>;
      try {
        results = this.appendBatch(batch);
      } catch (error) {
        const failure = isUnavailable(error) ? new StoreUnavailable(describe(error), error) : error;
        for (const request of batch) request.reject(failure);
        continue;
      }
      batch.forEach((request, i) => {
        const result = results[i];
        if (result instanceof Error) request.reject(result);
        else request.resolve(result);
      });
      for (const listener of this.listeners) listener();
    }
  }

  // Runs inside the write transaction: another process may have appended since the caller
  // last read this stream, so the expected revision is checked here and nowhere else.
  private appendInTransaction(request: PendingAppend): AppendResult {
    const head = this.statements.head.get(request.streamId);
    checkExpected(request.streamId, request.expectedRevision, head?.revision);
    let revision = head ? head.revision : -1;
    let previousHash = head ? head.hash : GENESIS_HASH;
    const positions: number[] = [];
    // read inside the write transaction: the log's last event is whoever appended last, any process
    const last = request.events.length > 0 ? this.statements.lastLogged!.get() : undefined;
    let position = last?.position ?? 0;
    let logHash = last?.log_hash ?? GENESIS_HASH;
    for (const event of request.events) {
      revision += 1;
      position += 1;
      // stored in canonical form: the text kept is exactly the text hashed
      const data = canonicalJson(event.data);
      const metadata = canonicalJson(event.metadata);
      const hash = eventHashOfCanonical(previousHash, { id: event.id, streamId: request.streamId, revision, type: event.type }, data, metadata);
      logHash = logHashOf(logHash, position, hash);
      this.statements.insert!.run(position, request.streamId, revision, event.id, event.type, data, metadata, hash, logHash);
      positions.push(position);
      previousHash = hash;
    }
    if (request.events.length === 0) {
      return { nextExpectedRevision: revision, hash: previousHash, position: this.statements.headPosition.get()!.position, positions };
    }
    this.statements.setHead.run(request.streamId, revision, previousHash);
    return { nextExpectedRevision: revision, hash: previousHash, position: positions[positions.length - 1], positions };
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    let from = options.fromRevision ?? 0;
    for (;;) {
      const rows = this.statements.readStream.all(streamId, from, READ_PAGE_SIZE);
      for (const row of rows) yield toRecorded(row);
      if (rows.length < READ_PAGE_SIZE) return;
      from = rows[rows.length - 1].revision + 1;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let after = options.after ?? 0;
    let left = options.maxCount ?? Number.POSITIVE_INFINITY;
    const streams = options.streams === undefined ? null : JSON.stringify(options.streams);
    while (left > 0) {
      const limit = Math.min(READ_PAGE_SIZE, left);
      const rows = streams === null ? this.readPage(after, limit) : this.statements.readAllOf.all(after, streams, limit).map(toRecorded);
      for (const event of rows) yield event;
      if (rows.length === 0) return;
      left -= rows.length;
      after = rows[rows.length - 1].position;
    }
  }

  async *readAllStored(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    let after = options.after ?? 0;
    const streams = options.streams === undefined ? null : JSON.stringify(options.streams);
    for (;;) {
      const rows = streams === null ? this.statements.readAll.all(after, READ_PAGE_SIZE) : this.statements.readAllOf.all(after, streams, READ_PAGE_SIZE);
      for (const row of rows) yield toStored(row);
      if (rows.length < READ_PAGE_SIZE) return;
      after = rows[rows.length - 1].position;
    }
  }

  /** One page of `$all`, parsed. */
  private readPage(after: number, limit: number): RecordedEvent[] {
    return this.statements.readAll.all(after, limit).map(toRecorded);
  }

  readPagesAhead(after: number, upTo: number, pageSize: number, ahead: number): AsyncIterable<PageAhead> {
    return readPagesAhead(this.file, after, upTo, pageSize, ahead);
  }

  subscribeToAll(options: { after?: number } = {}): Subscription {
    let closed = false;
    let wake: (() => void) | null = null;
    const listener = () => {
      const resolve = wake;
      wake = null;
      resolve?.();
    };
    this.listeners.add(listener);
    const readPage = (after: number) => this.readPage(after, SUBSCRIPTION_PAGE_MAX);
    const forget = () => this.listeners.delete(listener);
    async function* pages(): AsyncGenerator<RecordedEvent[]> {
      let after = options.after ?? 0;
      try {
        while (!closed) {
          const page = readPage(after);
          if (page.length > 0) {
            after = page[page.length - 1].position;
            yield page;
            continue;
          }
          let timer: NodeJS.Timeout | undefined;
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(listener, LIVE_POLL_MS).unref();
          });
          clearTimeout(timer); // a stale timer would wake a later wait for nothing
        }
      } finally {
        forget();
      }
    }
    return {
      [Symbol.asyncIterator]: () => pages(),
      close() {
        closed = true;
        listener();
      },
    };
  }

  /** Each stream's head as recorded beside the events, for audits. */
  streamHeads(): Map<string, { revision: number; hash: string }> {
    const rows = this.db
      .prepare<[], { stream_id: string; revision: number; hash: string }>('SELECT stream_id, revision, hash FROM streams')
      .all();
    return new Map(rows.map((row) => [row.stream_id, { revision: row.revision, hash: row.hash }]));
  }

  async headPosition(): Promise<number> {
    return this.statements.headPosition.get()!.position;
  }

  // SQLite's data_version moves only when another connection commits to the file
  externalVersion(): number {
    return this.statements.dataVersion.get() as number;
  }

  async close(): Promise<void> {
    this.flush();
    for (const listener of this.listeners) listener();
    if (this.db.open) this.db.close();
  }
}

function checkExpected(streamId: string, expected: ExpectedRevision, actual: number | undefined): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === undefined) ||
    (expected === 'stream_exists' && actual !== undefined) ||
    (typeof expected === 'number' && actual === expected);
  if (!ok) throw new WrongExpectedRevision(streamId, expected, actual ?? 'no_stream');
}

/**
 * A stored event, parsed. The hashed text stays in a private field behind `canonical`, a getter
 * on the prototype: never enumerable, never in a response, and no per-event property definition.
 */
class SqliteRecordedEvent implements RecordedEvent {
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

function toRecorded(row: EventRow): RecordedEvent {
  return new SqliteRecordedEvent(row);
}

function toStored(row: EventRow): StoredEvent {
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

const LOG_FILL_PAGE = 10_000; // rows chained per statement batch when an older file gains its log chain

/**
 * A file written before the log chain existed gains it: the column, and a log hash for each row
 * of the history written before it, chained in position order. Stored events and their hashes stay
 * as they are. A row without a log hash after the first that has one is not the ledger's: it is
 * left so, for verify to name.
 */
function addLogChain(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(events)').all();
  db.transaction(() => {
    if (!columns.some((column) => column.name === 'log_hash')) db.exec('ALTER TABLE events ADD COLUMN log_hash TEXT');
    const chained = db.prepare<[], { position: number | null }>('SELECT min(position) AS position FROM events WHERE log_hash IS NOT NULL').get()!.position;
    const legacyEnd = chained ?? Number.MAX_SAFE_INTEGER;
    const missing = db.prepare<[number, number, number], { position: number; hash: string }>(
      'SELECT position, hash FROM events WHERE log_hash IS NULL AND position > ? AND position < ? ORDER BY position LIMIT ?',
    );
    const before = db.prepare<[number], { log_hash: string | null }>('SELECT log_hash FROM events WHERE position < ? ORDER BY position DESC LIMIT 1');
    const set = db.prepare('UPDATE events SET log_hash = ? WHERE position = ?');
    let after = 0;
    for (;;) {
      const rows = missing.all(after, legacyEnd, LOG_FILL_PAGE);
      if (rows.length === 0) return;
      let log = before.get(rows[0].position)?.log_hash ?? GENESIS_HASH;
      for (const row of rows) {
        log = logHashOf(log, row.position, row.hash);
        set.run(log, row.position);
      }
      after = rows[rows.length - 1].position;
    }
  }).immediate();
}

function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR');
}

function describe(error: unknown): string {
  return `event store unavailable: ${(error as Error).message}`;
}
