import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent, RecordedEvent, SqliteEventStore } from '@commons/event-store';
import { Projection } from './projection';
import { READ_MODEL_LAYOUT, ReadModelLayoutMismatch, openReadModelDb } from './read-model-db';
import { ProjectionRunner } from './runner';

function counted(n: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'Counted',
    data: { n },
    metadata: { actor: 'admin', correlationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 },
  };
}

/** A read model that sums `n` and fails on demand, to see what a failure leaves behind. */
function summing(failAt: { n: number | null }) {
  return (db: import('better-sqlite3').Database): Projection => {
    db.exec('CREATE TABLE IF NOT EXISTS total (id INTEGER PRIMARY KEY, sum INTEGER NOT NULL, count INTEGER NOT NULL)');
    db.exec('INSERT OR IGNORE INTO total VALUES (1, 0, 0)');
    const add = db.prepare('UPDATE total SET sum = sum + ?, count = count + 1 WHERE id = 1');
    return {
      name: 'sum',
      apply(page) {
        for (const event of page) {
          const n = (event.data as { n: number }).n;
          if (n === failAt.n) throw new Error('projection failed');
          add.run(n);
        }
      },
    };
  };
}

describe('projection runner on real SQLite files', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'commons-runner-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const total = (db: import('better-sqlite3').Database) => db.prepare('SELECT sum, count FROM total').get();

  it('applies each event once, and resumes from its checkpoint after a restart', async () => {
    await store.append('s', Array.from({ length: 2500 }, (_, i) => counted(i + 1)), { expectedRevision: 'no_stream' });
    const file = join(dir, 'read.sqlite');
    let db = openReadModelDb(file);
    let runner = new ProjectionRunner(store, db, [summing({ n: null })]);
    runner.start();
    expect(await runner.catchUp(10_000)).toBe(true);
    await runner.stop();
    db.close();

    await store.append('s', [counted(10_000)], { expectedRevision: 2499 });
    db = openReadModelDb(file);
    runner = new ProjectionRunner(store, db, [summing({ n: null })]);
    expect(runner.position).toBe(2500);
    runner.start();
    expect(await runner.catchUp(10_000)).toBe(true);
    expect(total(db)).toEqual({ sum: (2500 * 2501) / 2 + 10_000, count: 2501 });
    await runner.stop();
    db.close();
  });

  it('tries a failed page again, and catches up once the cause is gone', async () => {
    const db = openReadModelDb(join(dir, 'read.sqlite'));
    const failAt = { n: 2 as number | null };
    const runner = new ProjectionRunner(store, db, [summing(failAt)]);
    await store.append('s', [counted(1), counted(2), counted(3)], { expectedRevision: 'any' });
    runner.start();
    expect(await runner.waitFor(3, 300)).toBe(false);
    expect(runner.error).not.toBeNull();
    failAt.n = null; // the disk has room again
    expect(await runner.waitFor(3, 5_000)).toBe(true);
    expect(runner.error).toBeNull();
    expect(total(db)).toEqual({ sum: 6, count: 3 });
    await runner.stop();
    db.close();
  });

  it('rolls back a page that fails: neither rows nor checkpoint move past the last good page', async () => {
    const db = openReadModelDb(join(dir, 'read.sqlite'));
    const failAt = { n: 3 as number | null };
    const runner = new ProjectionRunner(store, db, [summing(failAt)]);
    await store.append('s', [counted(1), counted(2)], { expectedRevision: 'any' });
    runner.start();
    expect(await runner.waitFor(2, 5_000)).toBe(true);
    await store.append('s', [counted(3), counted(4)], { expectedRevision: 'any' });
    expect(await runner.waitFor(4, 300)).toBe(false);
    expect(runner.error?.message).toBe('projection failed');
    expect(runner.position).toBe(2);
    expect(total(db)).toEqual({ sum: 3, count: 2 });
    await runner.stop();
    db.close();
  });

  it('tells a waiter when a position is reached, live', async () => {
    const db = openReadModelDb(join(dir, 'read.sqlite'));
    const runner = new ProjectionRunner(store, db, [summing({ n: null })]);
    runner.start();
    const reached = runner.waitFor(1, 5_000);
    await store.append('s', [counted(7)], { expectedRevision: 'any' });
    expect(await reached).toBe(true);
    await runner.stop();
    db.close();
  });

  it('empties read models of another layout and rebuilds them from position 0', async () => {
    await store.append('s', [counted(1), counted(2)], { expectedRevision: 'no_stream' });
    const file = join(dir, 'read.sqlite');
    let db = openReadModelDb(file);
    let runner = new ProjectionRunner(store, db, [summing({ n: null })]);
    runner.start();
    expect(await runner.catchUp(5_000)).toBe(true);
    await runner.stop();
    db.exec("UPDATE total SET sum = 1000"); // what an older version's table might hold
    db.pragma(`user_version = ${READ_MODEL_LAYOUT - 1}`);
    db.close();

    expect(() => openReadModelDb(file, { readonly: true })).toThrow(ReadModelLayoutMismatch);
    db = openReadModelDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(READ_MODEL_LAYOUT);
    runner = new ProjectionRunner(store, db, [summing({ n: null })]);
    expect(runner.position).toBe(0);
    runner.start();
    expect(await runner.catchUp(5_000)).toBe(true);
    expect(total(db)).toEqual({ sum: 3, count: 2 });
    await runner.stop();
    db.close();
    expect(() => openReadModelDb(file, { readonly: true }).close()).not.toThrow();
  });

  it('applies several pages in one transaction: all of them or, when one fails, none', async () => {
    await store.append('s', Array.from({ length: 6 }, (_, i) => counted(i + 1)), { expectedRevision: 'no_stream' });
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    const db = openReadModelDb(join(dir, 'read.sqlite'));
    const failAt = { n: 5 as number | null };
    const runner = new ProjectionRunner(store, db, [summing(failAt)]);
    const asked: number[] = [];
    const page = (from: number, to: number) => () => {
      asked.push(from);
      return events.slice(from, to);
    };
    expect(() => runner.applyInOne([page(0, 2), page(2, 4), page(4, 6)])).toThrow('projection failed');
    expect(runner.position).toBe(0);
    expect(total(db)).toEqual({ sum: 0, count: 0 });
    failAt.n = null;
    runner.applyInOne([page(0, 2), page(2, 4), page(4, 6)]);
    expect(asked).toEqual([0, 2, 4, 0, 2, 4]); // each page made only when its turn came
    expect(runner.position).toBe(6);
    expect(total(db)).toEqual({ sum: 21, count: 6 });
    expect(() => runner.applyInOne([page(5, 6)])).toThrow('checkpoint must move forward: 6');
    db.close();
  });

  it('skips what another process feeding the same file has applied, and applies only the rest', async () => {
    await store.append('s', [counted(1), counted(2), counted(3), counted(4)], { expectedRevision: 'no_stream' });
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    const file = join(dir, 'read.sqlite');
    const mine = openReadModelDb(file);
    const theirs = openReadModelDb(file);
    const me = new ProjectionRunner(store, mine, [summing({ n: null })]);
    const them = new ProjectionRunner(store, theirs, [summing({ n: null })]);
    them.apply(events.slice(0, 2));
    me.apply(events.slice(0, 1)); // all done already: nothing applied, their checkpoint adopted
    expect(me.position).toBe(2);
    them.apply(events.slice(2, 3));
    me.apply(events.slice(2)); // the third is theirs; only the fourth is new
    expect(me.position).toBe(4);
    expect(total(mine)).toEqual({ sum: 10, count: 4 });
    mine.close();
    theirs.close();
  });
});
