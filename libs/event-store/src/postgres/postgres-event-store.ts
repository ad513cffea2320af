import { Client, Pool, PoolClient } from 'pg';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  KeyAlreadyRecorded,
  NewEvent,
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
import { EVENT_COLUMNS, EventRow, toRecorded, toStored } from '../event-row';
import { KEY_RETENTION_MS, KEY_SWEEP_EVERY_MS } from '../idempotency-keys';
import { EVENTS_CHANNEL, POSTGRES_SCHEMA, SCHEMA_LOCK } from './schema';
import { pollingSubscription } from '../polling-subscription';

const APPEND_BATCH_MAX = 512; // appends folded into one transaction: one commit serves them all
const READ_PAGE_SIZE = 1000;
const SUBSCRIPTION_PAGE_MAX = 10_000;
const LIVE_POLL_MS = 500; // NOTIFY wakes subscribers at once; the poll covers a lost listener connection
const RETRY_READ_MS = 500; // a subscriber whose read failed (the server restarting) tries again this soon
const POOL_SIZE = 8;

export interface PostgresEventStoreOptions {
  connectionString: string;
  /** an audit's handle: creates nothing, appends nothing */
  readonly?: boolean;
  keyRetentionMs?: number;
  poolSize?: number;
  /**
   * Called inside each append's transaction after its rows are written, before COMMIT: tests
   * hold a transaction open with it to show what a reader sees meanwhile.
   */
  beforeCommit?: (positions: number[]) => Promise<void>;
}

type PgRow = Omit<EventRow, 'position'> & { position: string };

/**
 * The server store on PostgreSQL. Appends are serialised by one lock, the `log_head` row, taken
 * first in every append's transaction: positions are handed out under it, so they follow commit
 * order and a reader following `$all` can never pass a position that commits later. Expected
 * revisions, hash chains and Idempotency-Keys are decided under that lock, with the streams'
 * head rows locked too; appends that arrive together share one transaction (group commit).
 */
export class PostgresEventStore implements EventStore {
  private readonly pending: PendingAppend[] = [];
  private flushing = false;
  private readonly listeners = new Set<() => void>();
  private listener: Client | null = null;
  private listening: Promise<void> | null = null;
  private lastSweep = 0;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions,
  ) {}

  /** Connects, and creates the tables where they are missing; fails with the server's reason. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? POOL_SIZE });
    // an idle connection the server dropped (a restart) errors here; the next query opens another
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      try {
        if (options.readonly) {
          await client.query('SELECT position FROM log_head'); // a database the server has never opened fails here
          return new PostgresEventStore(pool, options);
        }
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await client.query(POSTGRES_SCHEMA);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new StoreUnavailable(`PostgreSQL at ${redacted(options.connectionString)}: ${(error as Error).message}`, error);
    }
    return new PostgresEventStore(pool, options);
  }

  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new StoreUnavailable('event store closed'));
      if (this.options.readonly) return reject(new StoreUnavailable('event store opened for reading only'));
      this.pending.push(pendingAppend(streamId, events, options, resolve, reject));
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  // one batch in flight at a time: the append lock serialises them anyway, and those waiting meanwhile form the next
  private async flush(): Promise<void> {
    try {
      await this.sweepKeys();
      while (this.pending.length > 0) await this.appendBatch(this.pending.splice(0, APPEND_BATCH_MAX));
    } finally {
      this.flushing = false;
    }
  }

  private async appendBatch(batch: PendingAppend[]): Promise<void> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      for (const request of batch) request.reject(unavailable(error));
      return;
    }
    let outcomes: Array<AppendResult | Error>;
    let broken = false;
    try {
      outcomes = await this.appendInTransaction(client, batch);
    } catch (error) {
      broken = true;
      await client.query('ROLLBACK').catch(() => undefined);
      // a COMMIT whose answer was lost may have been recorded: a keyed retry finds out, and answers once
      for (const request of batch) request.reject(unavailable(error));
      return;
    } finally {
      client.release(broken);
    }
    batch.forEach((request, i) => {
      const outcome = outcomes[i];
      if (outcome instanceof Error) request.reject(outcome);
      else request.resolve(outcome);
    });
    for (const listener of this.listeners) listener();
  }

  /**
   * Everything is decided here, under the append lock: no other append can move a head or take a
   * key meanwhile. Two round trips: the lock with the heads and keys it guards, then every write
   * with the commit. Values travel as escaped literals: a multi-statement query takes no parameters.
   */
  private async appendInTransaction(client: PoolClient, batch: PendingAppend[]): Promise<Array<AppendResult | Error>> {
    const text = (value: string) => client.escapeLiteral(value);
    const streamIds = [...new Set(batch.flatMap((request) => [...request.alongside.map((part) => part.streamId), request.streamId]))];
    const wanted = batch.flatMap((request) => request.keys);
    const read = (await client.query(
      [
        'BEGIN',
        'SELECT position, log_hash FROM log_head FOR UPDATE',
        `SELECT stream_id, revision, hash FROM streams WHERE stream_id IN (${streamIds.map(text).join(', ')}) FOR UPDATE`,
        wanted.length === 0
          ? 'SELECT NULL AS scope, NULL AS key WHERE false'
          : `SELECT scope, key FROM idempotency_keys WHERE (scope, key) IN (${wanted.map((key) => `(${text(key.scope)}, ${text(key.key)})`).join(', ')})`,
      ].join(';\n'),
    )) as unknown as Array<{ rows: Array<Record<string, string>> }>;
    const [log] = read[1].rows;
    const heads = new Map<string, { revision: number; hash: string }>(read[2].rows.map((row) => [row.stream_id, { revision: Number(row.revision), hash: row.hash }]));
    const taken = new Set(read[3].rows.map((row) => keyId({ scope: row.scope, key: row.key })));

    let position = Number(log.position);
    let logHash = log.log_hash;
    const rows: string[] = [];
    const keys: string[] = [];
    const chain = (streamId: string, events: NewEvent[]): AppendResult => {
      const head = heads.get(streamId);
      let revision = head ? head.revision : -1;
      let previousHash = head ? head.hash : GENESIS_HASH;
      const positions: number[] = [];
      for (const event of events) {
        revision += 1;
        position += 1;
        const data = canonicalJson(event.data);
        const metadata = canonicalJson(event.metadata);
        const hash = eventHashOfCanonical(previousHash, { id: event.id, streamId, revision, type: event.type }, data, metadata);
        logHash = logHashOf(logHash, position, hash);
        rows.push(`(${position}, ${text(streamId)}, ${revision}, ${text(event.id)}, ${text(event.type)}, ${text(data)}, ${text(metadata)}, '${hash}', '${logHash}')`);
        positions.push(position);
        previousHash = hash;
      }
      if (events.length === 0) return { nextExpectedRevision: revision, hash: previousHash, position, positions };
      heads.set(streamId, { revision, hash: previousHash });
      return { nextExpectedRevision: revision, hash: previousHash, position: positions[positions.length - 1], positions };
    };
    const outcomes = batch.map((request): AppendResult | Error => {
      // every stream of the request is checked before any row is written: all of them or none
      for (const part of [...request.alongside, request]) {
        const problem = expectationProblem(part.streamId, part.expectedRevision, heads.get(part.streamId)?.revision);
        if (problem) return problem;
      }
      const reused = request.keys.find((key) => taken.has(keyId(key)));
      if (reused) return new KeyAlreadyRecorded(reused.scope, reused.key);
      const alongside = request.alongside.map((part) => chain(part.streamId, part.events));
      const result = chain(request.streamId, request.events);
      if (request.events.length > 0) {
        for (const key of request.keys) {
          taken.add(keyId(key));
          keys.push(`(${text(key.scope)}, ${text(key.key)}, ${text(key.requestHash)}, ${text(JSON.stringify(key.body ?? null))}, ${result.positions[key.lastIndex]})`);
        }
      }
      return alongside.length > 0 ? { ...result, alongside } : result;
    });
    if (rows.length === 0) {
      await client.query('COMMIT');
      return outcomes;
    }
    const touched = streamIds.filter((id) => heads.has(id)).map((id) => `(${text(id)}, ${heads.get(id)!.revision}, '${heads.get(id)!.hash}')`);
    const writes = [
      `INSERT INTO events (${EVENT_COLUMNS}) VALUES ${rows.join(', ')}`,
      `INSERT INTO streams (stream_id, revision, hash) VALUES ${touched.join(', ')}
       ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, hash = excluded.hash`,
      // the primary key stands behind the check above: a key is recorded once, whatever happens
      ...(keys.length > 0 ? [`INSERT INTO idempotency_keys (scope, key, request_hash, body, position) VALUES ${keys.join(', ')}`] : []),
      `UPDATE log_head SET position = ${position}, log_hash = '${logHash}'`,
      `SELECT pg_notify('${EVENTS_CHANNEL}', '${position}')`,
    ];
    const hold = this.options.beforeCommit;
    if (hold) {
      await client.query(writes.join(';\n'));
      await hold(outcomes.flatMap((outcome) => (outcome instanceof Error ? [] : outcome.positions)));
      await client.query('COMMIT');
    } else {
      await client.query([...writes, 'COMMIT'].join(';\n'));
    }
    return outcomes;
  }

  async recordedKeys(keys: Array<{ scope: string; key: string }>): Promise<RecordedKey[]> {
    if (keys.length === 0) return [];
    const found = await this.query<{ scope: string; key: string; request_hash: string; body: string; position: string }>(
      `SELECT scope, key, request_hash, body, position FROM idempotency_keys
       WHERE (scope, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [keys.map((key) => key.scope), keys.map((key) => key.key)],
    );
    return found.map((row) => ({ scope: row.scope, key: row.key, requestHash: row.request_hash, body: JSON.parse(row.body), position: Number(row.position) }));
  }

  // keys older than the retention period go, at most once per sweep interval
  private async sweepKeys(): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweep < KEY_SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    const cutoff = new Date(now - (this.options.keyRetentionMs ?? KEY_RETENTION_MS));
    await this.pool.query('DELETE FROM idempotency_keys WHERE recorded_at < $1', [cutoff]).catch(() => undefined);
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    let from = options.fromRevision ?? 0;
    for (;;) {
      const rows = await this.rows(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
        [streamId, from, READ_PAGE_SIZE],
      );
      for (const row of rows) yield toRecorded(row);
      if (rows.length < READ_PAGE_SIZE) return;
      from = rows[rows.length - 1].revision + 1;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    for await (const rows of this.pagesOfAll(options)) for (const row of rows) yield toRecorded(row);
  }

  async *readAllStored(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    for await (const rows of this.pagesOfAll(options)) for (const row of rows) yield toStored(row);
  }

  private async *pagesOfAll(options: ReadAllOptions): AsyncIterable<EventRow[]> {
    let after = options.after ?? 0;
    let left = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (left > 0) {
      const rows = await this.pageOfAll(after, Math.min(READ_PAGE_SIZE, left), options.streams);
      if (rows.length > 0) yield rows;
      if (rows.length < Math.min(READ_PAGE_SIZE, left)) return;
      left -= rows.length;
      after = rows[rows.length - 1].position;
    }
  }

  private pageOfAll(after: number, limit: number, streams?: string[]): Promise<EventRow[]> {
    return streams === undefined
      ? this.rows(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`, [after, limit])
      : this.rows(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 AND stream_id = ANY($3::text[]) ORDER BY position LIMIT $2`, [after, limit, streams]);
  }

  subscribeToAll(options: { after?: number } = {}): Subscription {
    void this.listen();
    return pollingSubscription(
      {
        readPage: async (after) => (await this.pageOfAll(after, SUBSCRIPTION_PAGE_MAX)).map(toRecorded),
        listeners: this.listeners,
        pollMs: LIVE_POLL_MS,
        retryMs: RETRY_READ_MS,
        // each wait listens again if the listening connection was lost (the server restarted)
        beforeWait: () => void this.listen(),
        closed: () => this.closed,
      },
      options,
    );
  }

  /** One connection listens for commits by any instance and wakes this instance's subscribers. */
  private listen(): Promise<void> {
    if (this.listening || this.closed) return this.listening ?? Promise.resolve();
    const client = new Client({ connectionString: this.options.connectionString });
    const lost = () => {
      if (this.listener === client) this.listener = null;
      this.listening = null; // the next subscriber's wait (or the poll) listens again
      void client.end().catch(() => undefined);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => {
      for (const listener of this.listeners) listener();
    });
    this.listener = client;
    this.listening = client
      .connect()
      .then(() => client.query(`LISTEN ${EVENTS_CHANNEL}`))
      .then(() => undefined)
      .catch(lost);
    return this.listening;
  }

  async streamHeads(): Promise<Map<string, { revision: number; hash: string }>> {
    const rows = await this.query<{ stream_id: string; revision: number; hash: string }>('SELECT stream_id, revision, hash FROM streams');
    return new Map(rows.map((row) => [row.stream_id, { revision: row.revision, hash: row.hash }]));
  }

  async headPosition(): Promise<number> {
    const [row] = await this.query<{ position: string }>('SELECT position FROM log_head');
    return Number(row.position);
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing) await new Promise((resolve) => setTimeout(resolve, 5));
    for (const listener of this.listeners) listener();
    const client = this.listener;
    this.listener = null;
    await client?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  private async rows(text: string, values: unknown[]): Promise<EventRow[]> {
    const rows = await this.query<PgRow>(text, values);
    return rows.map((row) => ({ ...row, position: Number(row.position) }));
  }

  private async query<Row extends object>(text: string, values: unknown[] = []): Promise<Row[]> {
    try {
      return (await this.pool.query<Row>(text, values)).rows;
    } catch (error) {
      throw unavailable(error);
    }
  }
}

const keyId = (key: { scope: string; key: string }) => `${key.scope}\n${key.key}`;

function unavailable(error: unknown): StoreUnavailable {
  return error instanceof StoreUnavailable ? error : new StoreUnavailable(`event store unavailable: ${(error as Error).message}`, error);
}

/** The connection string without its password, for messages. */
function redacted(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'the configured POSTGRES_URL';
  }
}
