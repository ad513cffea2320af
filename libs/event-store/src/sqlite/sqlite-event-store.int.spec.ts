import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { PageAhead, RecordedEvent } from '../event-store';
import { readPagesAhead } from './pages-ahead';
import { SqliteEventStore } from './sqlite-event-store';

// Child processes run the compiled store; `npm test` builds it first.
const CHILD = resolve(__dirname, '../../../../dist/libs/event-store/src/testing/append-child.js');

// one file for both passes, kept between them as a server keeps its data
const contractDir = mkdtempSync(join(tmpdir(), 'commons-store-'));
const contractFile = join(contractDir, 'events.sqlite');
const sqliteFixture = () => ({
  open: async () => {
    if (!existsSync(CHILD)) throw new Error(`${CHILD} is missing: run npm run build first`);
    return new SqliteEventStore({ file: contractFile });
  },
  spawnAppender: ({ streamId, count, batchSize, tag }: { streamId: string; count: number; batchSize: number; tag: string }) =>
    spawn(process.execPath, [CHILD, `sqlite:${contractFile}`, streamId, String(count), String(batchSize), tag], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
});
describeEventStoreContract('sqlite', 'first pass', sqliteFixture);
describeEventStoreContract('sqlite', 'second pass on the same file', sqliteFixture);
afterAll(() => rmSync(contractDir, { recursive: true, force: true }));

describe('the SQLite store’s external version', () => {
  it('stays put through this handle’s own appends and moves when another handle commits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commons-version-'));
    const file = join(dir, 'events.sqlite');
    const mine = new SqliteEventStore({ file });
    const theirs = new SqliteEventStore({ file });
    const event = () => ({ id: `e-${Math.random()}`, type: 'T', data: {}, metadata: { actor: 'admin', correlationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 } });
    try {
      const before = mine.externalVersion();
      await mine.append('s', [event()], { expectedRevision: 'no_stream' });
      expect(mine.externalVersion()).toBe(before);
      await theirs.append('s', [event()], { expectedRevision: 0 });
      expect(mine.externalVersion()).not.toBe(before);
    } finally {
      await mine.close();
      await theirs.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reading pages ahead on a worker thread', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  const event = (n: number) => ({
    id: `e-${n}`,
    type: n % 2 ? 'Odd' : 'Even',
    data: { n, text: `line "${n}"\n\u00e9` }, // quotes, a newline and a non-ASCII letter survive the trip
    metadata: { actor: 'admin', correlationId: `c-${n}`, recordedAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 },
  });
  const collect = async (pages: AsyncIterable<PageAhead>) => {
    const seen: { count: number; last: number; events: RecordedEvent[] }[] = [];
    for await (const page of pages) seen.push({ count: page.count, last: page.last, events: page.events() });
    return seen;
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'commons-ahead-'));
    file = join(dir, 'events.sqlite');
    store = new SqliteEventStore({ file });
    await store.append('a', Array.from({ length: 120 }, (_, i) => event(i)), { expectedRevision: 'no_stream' });
    await store.append('b', Array.from({ length: 37 }, (_, i) => event(1000 + i)), { expectedRevision: 'no_stream' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every event up to the limit once, in order, as readAll does, more pages than it reads ahead', async () => {
    const pages = await collect(store.readPagesAhead(5, 150, 10, 3));
    expect(pages.map((page) => page.count)).toEqual([...Array(14).fill(10), 5]);
    expect(pages.map((page) => page.last)).toEqual([...Array.from({ length: 14 }, (_, i) => 15 + i * 10), 150]);
    const expected: RecordedEvent[] = [];
    for await (const recorded of store.readAll({ after: 5, maxCount: 145 })) expected.push({ ...recorded });
    expect(pages.flatMap((page) => page.events)).toEqual(expected);
  });

  it('ends at the head when the limit is past it, and gives nothing after the head', async () => {
    expect((await collect(store.readPagesAhead(0, 10_000, 100, 2))).map((page) => page.count)).toEqual([100, 57]);
    expect(await collect(store.readPagesAhead(157, 10_000, 100, 2))).toEqual([]);
  });

  it('stops its worker when the reader leaves early', async () => {
    for await (const page of store.readPagesAhead(0, 157, 10, 4)) {
      expect(page.count).toBe(10);
      break;
    }
    // the store is still usable and the test ends: no worker keeps the process alive
    expect(await store.headPosition()).toBe(157);
  });

  it('fails, and does not hang, when the reader cannot open the file', async () => {
    await expect(collect(readPagesAhead(join(dir, 'missing.sqlite'), 0, 10, 5, 2))).rejects.toThrow('reading events after position 0: unable to open database file');
  });

  it('names the page whose stored data is not JSON, when it reads from past the start and cannot check chains', async () => {
    const raw = new Database(file);
    raw.prepare("UPDATE events SET data = '{broken' WHERE position = 42").run();
    raw.close();
    await expect(collect(store.readPagesAhead(20, 157, 20, 2))).rejects.toThrow('events after position 40: stored data or metadata is not JSON');
  });

  it('checks every hash chain as it reads from the start, and hands over nothing from the first broken link on', async () => {
    const raw = new Database(file);
    raw.prepare("UPDATE events SET data = '{broken' WHERE position = 42").run();
    raw.close();
    const pages: PageAhead[] = [];
    for await (const page of store.readPagesAhead(0, 157, 20, 2)) pages.push(page);
    expect(pages.map((page) => [page.count, page.chainChecked, page.broken?.position ?? null])).toEqual([[20, true, null], [20, true, null], [1, true, 42]]);
    expect(pages[2].events().map((event) => event.position)).toEqual([41]);
    expect(pages[2].broken).toMatchObject({ code: 'history_broken', streamId: 'a', revision: 41, problem: expect.stringContaining('changed') });
  });

  it('names an event removed from the middle of a stream as the reader meets the gap', async () => {
    const raw = new Database(file);
    raw.prepare('DELETE FROM events WHERE position = 130').run();
    raw.close();
    const pages: PageAhead[] = [];
    for await (const page of store.readPagesAhead(0, 157, 100, 2)) pages.push(page);
    expect(pages.at(-1)!.broken).toMatchObject({ position: 131, streamId: 'b', revision: 10, problem: expect.stringContaining('removed') });
  });
});

describe('Idempotency-Keys in the SQLite file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'commons-keys-'));
    file = join(dir, 'events.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const event = (metadata: Record<string, unknown> = {}) => ({
    id: `e-${Math.random()}`,
    type: 'HoursPaid',
    data: {},
    metadata: { actor: 'm1', correlationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1, ...metadata },
  });

  it('takes in the keys that older files kept in event metadata, scoped to the member’s hub or the admin', async () => {
    const store = new SqliteEventStore({ file });
    await store.append('timebank-h1', [event({ idempotencyKey: 'old-1', requestHash: 'r1', response: { status: 201, body: { paid: '1.00' } } })], { expectedRevision: 'any' });
    await store.append('hub-h1', [event({ actor: 'admin', idempotencyKey: 'old-2', requestHash: 'r2', response: { body: { hubId: 'h1' } } })], { expectedRevision: 'any' });
    await store.append('timebank-h1', [event({ idempotencyKey: 'no-answer' })], { expectedRevision: 'any' });
    await store.close();
    // as a file written before issue 16: no keys table
    const raw = new Database(file);
    raw.exec('DROP TABLE idempotency_keys');
    raw.close();
    const reopened = new SqliteEventStore({ file });
    try {
      expect(await reopened.recordedKeys([{ scope: 'h1/m1', key: 'old-1' }, { scope: 'admin', key: 'old-2' }, { scope: 'h1/m1', key: 'no-answer' }])).toEqual([
        { scope: 'h1/m1', key: 'old-1', requestHash: 'r1', body: { paid: '1.00' }, position: 1 },
        { scope: 'admin', key: 'old-2', requestHash: 'r2', body: { hubId: 'h1' }, position: 2 },
      ]);
    } finally {
      await reopened.close();
    }
  });

  it('sweeps keys older than the retention period, and only the keys: their events stay', async () => {
    const keeper = new SqliteEventStore({ file });
    await keeper.append('timebank-h1', [event()], { expectedRevision: 'any', keys: [{ scope: 'h1/m1', key: 'k', requestHash: 'r', body: {}, firstIndex: 0, lastIndex: 0 }] });
    expect(await keeper.recordedKeys([{ scope: 'h1/m1', key: 'k' }])).toHaveLength(1);
    await keeper.close();
    const sweeper = new SqliteEventStore({ file, keyRetentionMs: 0 });
    try {
      await sweeper.append('timebank-h1', [event()], { expectedRevision: 'any' });
      expect(await sweeper.recordedKeys([{ scope: 'h1/m1', key: 'k' }])).toEqual([]);
      expect(await sweeper.headPosition()).toBe(2);
    } finally {
      await sweeper.close();
    }
  });
});
