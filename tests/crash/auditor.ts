/**
 * The crash test's auditor. It shares nothing with the service: it reads the stored rows with
 * raw SQL (better-sqlite3, pg), checks every hash with node:crypto from the format written in
 * docs/audit.md, recomputes each balance from the events itself, and compares those balances with
 * the rows of the read models the server keeps. Nothing here imports the ledger's code.
 */
import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import { createHash } from 'node:crypto';
import { Client } from 'pg';

export interface StoredRow {
  position: number;
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: string;
  metadata: string;
  hash: string;
  logHash: string | null;
}

export interface StoredLedger {
  events: StoredRow[];
  heads: Map<string, { revision: number; hash: string }>;
  /** scope + key → position, as the store recorded Idempotency-Keys */
  keys: Map<string, number>;
}

const COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, hash, log_hash';
const ZERO_HASH = '0'.repeat(64);

type Row = { position: number | string; stream_id: string; revision: number; event_id: string; type: string; data: string; metadata: string; hash: string; log_hash: string | null };

function toStored(row: Row): StoredRow {
  return {
    position: Number(row.position),
    streamId: row.stream_id,
    revision: row.revision,
    eventId: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    hash: row.hash,
    logHash: row.log_hash,
  };
}

export function readSqliteLedger(file: string): StoredLedger {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.exec('BEGIN'); // one snapshot for all three tables
    const events = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM events ORDER BY position`).all().map(toStored);
    const heads = new Map(db.prepare<[], { stream_id: string; revision: number; hash: string }>('SELECT stream_id, revision, hash FROM streams').all().map((r) => [r.stream_id, { revision: r.revision, hash: r.hash }]));
    const keys = new Map(db.prepare<[], { scope: string; key: string; position: number }>('SELECT scope, key, position FROM idempotency_keys').all().map((r) => [`${r.scope} ${r.key}`, r.position]));
    db.exec('COMMIT');
    return { events, heads, keys };
  } finally {
    db.close();
  }
}

export async function readPostgresLedger(url: string): Promise<StoredLedger> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ'); // one snapshot for all three tables
    const events = (await client.query<Row>(`SELECT ${COLUMNS} FROM events ORDER BY position`)).rows.map(toStored);
    const heads = new Map((await client.query<{ stream_id: string; revision: number; hash: string }>('SELECT stream_id, revision, hash FROM streams')).rows.map((r) => [r.stream_id, { revision: r.revision, hash: r.hash }]));
    const keys = new Map((await client.query<{ scope: string; key: string; position: string }>('SELECT scope, key, position FROM idempotency_keys')).rows.map((r) => [`${r.scope} ${r.key}`, Number(r.position)]));
    await client.query('COMMIT');
    return { events, heads, keys };
  } finally {
    await client.end();
  }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** JSON with object keys sorted at every depth: the form the store must keep, written again here. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${sortedJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface Audit {
  /** idempotency key → the number of events that carry it as their command's key */
  commands: Map<string, number>;
  /** `${memberId} ${account}` → balance, up to the position asked */
  balances: Map<string, Decimal>;
}

/**
 * Every check on the stored history; throws naming the first thing wrong. Balances are those up
 * to `upTo` (the read models' checkpoint), to compare with them.
 */
export function auditLedger(ledger: StoredLedger, options: { upTo: number; creditLimit: Decimal }): Audit {
  const last = new Map<string, { revision: number; hash: string }>();
  let log = ZERO_HASH;
  let position = 0;
  const commands = new Map<string, Set<string>>();
  const balances = new Map<string, Decimal>();
  const add = (key: string, amount: Decimal) => balances.set(key, (balances.get(key) ?? new Decimal(0)).plus(amount));
  for (const event of ledger.events) {
    if (event.position <= position) throw new Error(`position ${event.position} follows ${position}`);
    position = event.position;
    const data = JSON.parse(event.data);
    const metadata = JSON.parse(event.metadata);
    if (sortedJson(data) !== event.data || sortedJson(metadata) !== event.metadata) throw new Error(`event at ${event.position} is not kept in canonical form`);
    const previous = last.get(event.streamId);
    if (event.revision !== (previous ? previous.revision + 1 : 0)) throw new Error(`${event.streamId} jumps to revision ${event.revision} at ${event.position}`);
    const hashed =
      `{"data":${event.data},"id":${JSON.stringify(event.eventId)},"metadata":${event.metadata},` +
      `"revision":${event.revision},"streamId":${JSON.stringify(event.streamId)},"type":${JSON.stringify(event.type)}}`;
    if (sha256(`${previous?.hash ?? ZERO_HASH}\n${hashed}`) !== event.hash) throw new Error(`the hash of the event at ${event.position} does not hold`);
    log = sha256(`commons-ledger-log-v1\n${log}\n${event.position}\n${event.hash}`);
    if (event.logHash !== log) throw new Error(`the log chain breaks at ${event.position}`);
    last.set(event.streamId, { revision: event.revision, hash: event.hash });

    // one command is one correlation id: its events all carry its key
    if (typeof metadata.idempotencyKey === 'string') {
      const seen = commands.get(metadata.idempotencyKey) ?? new Set<string>();
      seen.add(metadata.correlationId);
      commands.set(metadata.idempotencyKey, seen);
    }
    if (event.position > options.upTo) continue;
    if (event.type === 'HoursPaid') {
      add(`${data.fromMemberId} hours`, new Decimal(data.hours).negated());
      add(`${data.toMemberId} hours`, new Decimal(data.hours));
    } else if (event.type === 'SavingsDeposited') {
      add(`${data.memberId} savings`, new Decimal(data.amount));
    }
  }
  for (const [streamId, head] of last) {
    const recorded = ledger.heads.get(streamId);
    if (!recorded || recorded.revision !== head.revision || recorded.hash !== head.hash) throw new Error(`the recorded head of ${streamId} is not its last event`);
  }
  if (ledger.heads.size !== last.size) throw new Error('a recorded stream head has no events');
  const hours = [...balances].filter(([key]) => key.endsWith(' hours'));
  const sum = hours.reduce((total, [, balance]) => total.plus(balance), new Decimal(0));
  if (!sum.isZero()) throw new Error(`hours sum to ${sum}, not zero`);
  for (const [key, balance] of hours) if (balance.lessThan(options.creditLimit.negated())) throw new Error(`${key} is at ${balance}, past the limit`);
  return { commands: new Map([...commands].map(([key, ids]) => [key, ids.size])), balances };
}

/** The read models' checkpoint and balances of one hub, as the server wrote them. */
export function readModelBalances(file: string, hubId: string): { position: number; balances: Map<string, Decimal> } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.exec('BEGIN');
    const position = db.prepare<[], { position: number }>("SELECT position FROM checkpoints WHERE name = 'read-models'").get()?.position ?? 0;
    const rows = db.prepare<[string], { member_id: string; account: string; balance: string }>('SELECT member_id, account, balance FROM accounts WHERE hub_id = ?').all(hubId);
    db.exec('COMMIT');
    return { position, balances: new Map(rows.map((row) => [`${row.member_id} ${row.account}`, new Decimal(row.balance)])) };
  } finally {
    db.close();
  }
}

/** The auditor's balances and the read models' are the same, account by account (an absent one is zero). */
export function compareBalances(mine: Map<string, Decimal>, theirs: Map<string, Decimal>): void {
  for (const key of new Set([...mine.keys(), ...theirs.keys()])) {
    const a = mine.get(key) ?? new Decimal(0);
    const b = theirs.get(key) ?? new Decimal(0);
    if (!a.equals(b)) throw new Error(`${key}: the events say ${a}, the read models ${b}`);
  }
}
