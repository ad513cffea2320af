import Database from 'better-sqlite3';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  KeyAlreadyRecorded,
  NewEvent,
  PageAhead,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  RecordedKey,
  StoredEvent,
  StoreUnavailable,
  Subscription,
} from '../event-store';
import { expectationProblem } from '../expected-revision';
import { PendingAppend, pendingAppend } from '../pending-append';
import { canonicalJson } from '../canonical-json';
import { GENESIS_HASH, eventHashOfCanonical, logHashOf } from '../hash-chain';
import { EVENTS_SCHEMA, KEYS_SCHEMA } from './schema';
import { EVENT_COLUMNS, EventRow, toRecorded, toStored } from '../event-row';
import { KEY_RETENTION_MS, KEY_SWEEP_EVERY_MS } from '../idempotency-keys';
import { readPagesAhead } from './pages-ahead';
import { pollingSubscription } from '../polling-subscription';
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

export interface SqliteEventStoreOptions {
  file: string;
  /** open an existing file for reading only (audits while the server runs) */
  readonly?: boolean;
  busyTimeoutMs?: number;
  /** how long an Idempotency-Key is kept at least (the sweep runs at most once in KEY_SWEEP_EVERY_MS) */
  keyRetentionMs?: number;
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
  private readonly columns: string;
  private readonly readAllOfStatements = new Map<number, Database.Statement<Record<string, unknown>, EventRow>>();
  private readonly appendBatch: (batch: PendingAppend[]) => Array<AppendResult | Error>;

  private readonly file: string;
  private readonly keyRetentionMs: number;
  private lastSweep = 0;

  constructor(options: SqliteEventStoreOptions) {
    this.file = options.file;
    this.keyRetentionMs = options.keyRetentionMs ?? KEY_RETENTION_MS;
    if (!options.readonly) ensurePrivateFile(options.file);
    this.db = new Database(options.file, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.exec(EVENTS_SCHEMA);
      addLogChain(this.db);
      addKeys(this.db);
    }
    // an older file opened read-only (an audit) has no log chain yet: its rows read as having none
    const chained = this.db.prepare<[], { name: string }>('PRAGMA table_info(events)').all().some((column) => column.name === 'log_hash');
    const columns = chained ? EVENT_COLUMNS : EVENT_COLUMNS.replace('log_hash', 'NULL AS log_hash');
    this.columns = columns;
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
      headPosition: this.db.prepare<[], { position: number }>('SELECT coalesce(max(position), 0) AS position FROM events'),
      insertKey: writable
        ? this.db.prepare('INSERT INTO idempotency_keys (scope, key, request_hash, body, position, recorded_at) VALUES (?, ?, ?, ?, ?, ?)')
        : null,
      key: this.db.prepare<[string, string], { request_hash: string; body: string; position: number }>(
        'SELECT request_hash, body, position FROM idempotency_keys WHERE scope = ? AND key = ?',
      ),
      sweepKeys: writable ? this.db.prepare('DELETE FROM idempotency_keys WHERE recorded_at < ?') : null,
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

  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push(pendingAppend(streamId, events, options, resolve, reject));
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async recordedKeys(keys: Array<{ scope: string; key: string }>): Promise<RecordedKey[]> {
    const found: RecordedKey[] = [];
    for (const { scope, key } of keys) {
      const row = this.statements.key.get(scope, key);
      if (row) found.push({ scope, key, requestHash: row.request_hash, body: JSON.parse(row.body), position: row.position });
    }
    return found;
  }

  private flush(): void {
    this.flushScheduled = false;
    this.sweepKeys();
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
    // the request's own savepoint: a stale expectation on any of its streams undoes all of them
    const alongside = request.alongside.map((part) => this.appendToStream(part.streamId, part.events, part.expectedRevision));
    const result = this.appendToStream(request.streamId, request.events, request.expectedRevision);
    if (request.events.length === 0) return alongside.length > 0 ? { ...result, alongside } : result;
    const { positions } = result;
    const now = new Date().toISOString();
    for (const key of request.keys) {
      try {
        this.statements.insertKey!.run(key.scope, key.key, key.requestHash, JSON.stringify(key.body ?? null), positions[key.lastIndex], now);
      } catch (error) {
        // the primary key is the guarantee: another process may have recorded it a moment ago
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new KeyAlreadyRecorded(key.scope, key.key);
        throw error;
      }
    }
    return alongside.length > 0 ? { ...result, alongside } : result;
  }

  private appendToStream(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): AppendResult {
    const head = this.statements.head.get(streamId);
    const problem = expectationProblem(streamId, expectedRevision, head?.revision);
    if (problem) throw problem;
    let revision = head ? head.revision : -1;
    let previousHash = head ? head.hash : GENESIS_HASH;
    const positions: number[] = [];
    // read inside the write transaction: the log's last event is whoever appended last, any process
    const last = events.length > 0 ? this.statements.lastLogged!.get() : undefined;
    let position = last?.position ?? 0;
    let logHash = last?.log_hash ?? GENESIS_HASH;
    for (const event of events) {
      revision += 1;
      position += 1;
      // stored in canonical form: the text kept is exactly the text hashed
      const data = canonicalJson(event.data);
      const metadata = canonicalJson(event.metadata);
      const hash = eventHashOfCanonical(previousHash, { id: event.id, streamId, revision, type: event.type }, data, metadata);
      logHash = logHashOf(logHash, position, hash);
      this.statements.insert!.run(position, streamId, revision, event.id, event.type, data, metadata, hash, logHash);
      positions.push(position);
      previousHash = hash;
    }
    if (events.length === 0) return { nextExpectedRevision: revision, hash: previousHash, position: this.statements.headPosition.get()!.position, positions };
    this.statements.setHead.run(streamId, revision, previousHash);
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
    const streams = options.streams ?? null;
    while (left > 0) {
      const limit = Math.min(READ_PAGE_SIZE, left);
      const rows = streams === null ? this.readPage(after, limit) : this.readAllOf(streams, after, limit).map(toRecorded);
      for (const event of rows) yield event;
      if (rows.length === 0) return;
      left -= rows.length;
      after = rows[rows.length - 1].position;
    }
  }

  async *readAllStored(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    let after = options.after ?? 0;
    const streams = options.streams ?? null;
    for (;;) {
      const rows = streams === null ? this.statements.readAll.all(after, READ_PAGE_SIZE) : this.readAllOf(streams, after, READ_PAGE_SIZE);
      for (const row of rows) yield toStored(row);
      if (rows.length < READ_PAGE_SIZE) return;
      after = rows[rows.length - 1].position;
    }
  }

  /**
   * `$all` of some streams after a position: each stream read from there through its own index,
   * at most `limit` of each, then merged, so the cost follows the page, not the streams' history.
   */
  private readAllOf(streams: string[], after: number, limit: number): EventRow[] {
    if (streams.length === 0) return [];
    let statement = this.readAllOfStatements.get(streams.length);
    if (!statement) {
      const each = streams.map((_, i) => `SELECT * FROM (SELECT ${this.columns} FROM events WHERE stream_id = @s${i} AND position > @after ORDER BY stream_id, position LIMIT @limit)`);
      statement = this.db.prepare<Record<string, unknown>, EventRow>(`SELECT * FROM (${each.join(' UNION ALL ')}) ORDER BY position LIMIT @limit`);
      this.readAllOfStatements.set(streams.length, statement);
    }
    return statement.all({ after, limit, ...Object.fromEntries(streams.map((streamId, i) => [`s${i}`, streamId])) });
  }

  /** One page of `$all`, parsed. */
  private readPage(after: number, limit: number): RecordedEvent[] {
    return this.statements.readAll.all(after, limit).map(toRecorded);
  }

  readPagesAhead(after: number, upTo: number, pageSize: number, ahead: number): AsyncIterable<PageAhead> {
    return readPagesAhead(this.file, after, upTo, pageSize, ahead);
  }

  subscribeToAll(options: { after?: number } = {}): Subscription {
    return pollingSubscription({ readPage: (after) => this.readPage(after, SUBSCRIPTION_PAGE_MAX), listeners: this.listeners, pollMs: LIVE_POLL_MS }, options);
  }

  // keys older than the retention period go, at most once per sweep interval, before a write
  private sweepKeys(): void {
    const now = Date.now();
    if (this.statements.sweepKeys === null || now - this.lastSweep < KEY_SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    try {
      this.statements.sweepKeys.run(new Date(now - this.keyRetentionMs).toISOString());
    } catch (error) {
      if (!isUnavailable(error)) throw error; // busy: the next sweep will do
    }
  }

  /** Each stream's head as recorded beside the events, for audits. */
  async streamHeads(): Promise<Map<string, { revision: number; hash: string }>> {
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

/**
 * The idempotency keys table. Created on a file written before it, it takes in the keys that
 * events then kept in their metadata (with the response), scoped as the API has always scoped
 * them: the admin's keys are global, a member's belong to the hub of the stream. The sweep then
 * drops those older than the retention period.
 */
function addKeys(db: Database.Database): void {
  db.transaction(() => {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'idempotency_keys'").get() !== undefined;
    db.exec(KEYS_SCHEMA);
    if (exists) return;
    db.exec(`
      INSERT OR IGNORE INTO idempotency_keys (scope, key, request_hash, body, position, recorded_at)
      SELECT CASE WHEN json_extract(metadata, '$.actor') = 'admin' THEN 'admin'
                  ELSE substr(stream_id, instr(stream_id, '-') + 1) || '/' || json_extract(metadata, '$.actor') END,
             json_extract(metadata, '$.idempotencyKey'),
             coalesce(json_extract(metadata, '$.requestHash'), ''),
             json(json_extract(metadata, '$.response.body')),
             position,
             json_extract(metadata, '$.recordedAt')
      FROM events
      WHERE json_extract(metadata, '$.idempotencyKey') IS NOT NULL AND json_extract(metadata, '$.response.body') IS NOT NULL
      ORDER BY position`);
  }).immediate();
}

function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR');
}

function describe(error: unknown): string {
  return `event store unavailable: ${(error as Error).message}`;
}
