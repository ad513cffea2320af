import Database from 'better-sqlite3';
import { EventStore, HistoryBroken, RecordedEvent } from '@commons/event-store';
import { ALL_PROJECTIONS } from '../all-projections';
import { ProjectionRunner } from '../runner';

const REBUILD_BATCH = 10_000; // events per read-model transaction while rebuilding
// pages small enough that one page of parsed events dies young (the garbage collector's cheap
// case), read far enough ahead that the reader thread is never what the rebuild waits for
const PAGE_SIZE = 2_000;
const PAGES_AHEAD = 8;
const REBUILD_CACHE_KB = -16 * 1024; // negative: KiB, as SQLite's cache_size takes it

/**
 * Rebuilds every read model from position 0 up to `upTo` into `db` (a fresh database), in
 * batches, calling `progress` after each, and creates the deferred indexes at the end. Returns
 * the number of events applied.
 */
export async function rebuildReadModels(
  store: EventStore,
  db: Database.Database,
  upTo: number,
  progress: (applied: number) => void = () => undefined,
): Promise<number> {
  return loadFresh(new ProjectionRunner(store, db, ALL_PROJECTIONS), store, db, upTo, progress);
}

/**
 * Feeds read models that have seen no event yet (a new file, a new layout) up to `upTo` the
 * fast way: pages read ahead on another core, several to a transaction, deferred indexes
 * dropped while loading and created once at the end, even when the load fails part-way.
 */
export async function loadFresh(
  runner: ProjectionRunner,
  store: EventStore,
  db: Database.Database,
  upTo: number,
  progress: (applied: number) => void = () => undefined,
): Promise<number> {
  if (runner.position !== 0) throw new Error('a fresh load needs read models at position 0');
  for (const index of runner.deferredIndexes) db.exec(`DROP INDEX IF EXISTS "${index.name}"`);
  // with the indexes deferred, loading appends rows in position order: a small page cache serves
  // it, and SQLite sorts for an index in memory up to the cache's size: the memory stays flat
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${REBUILD_CACHE_KB}`);
  try {
    return await load(store, runner, upTo, progress);
  } finally {
    for (const index of runner.deferredIndexes) db.exec(index.sql);
    db.pragma(`cache_size = ${cacheSize}`);
  }
}

/** Applies every event up to `upTo`, several pages to a transaction, and returns how many. */
async function load(store: EventStore, runner: ProjectionRunner, upTo: number, progress: (applied: number) => void): Promise<number> {
  let applied = 0;
  let pages: Array<() => readonly RecordedEvent[]> = [];
  let count = 0;
  let chainChecked = true;
  const commit = () => {
    if (count === 0) return;
    runner.applyInOne(pages, chainChecked);
    applied += count;
    pages = [];
    count = 0;
    chainChecked = true;
    progress(applied);
  };
  for await (const page of pagesOf(store, upTo)) {
    pages.push(() => page.events());
    count += page.count;
    chainChecked &&= page.chainChecked === true;
    // what came before a broken link is applied; the read models stop there
    if (page.broken) {
      commit();
      throw page.broken;
    }
    if (count >= REBUILD_BATCH) commit();
  }
  commit();
  return applied;
}

/** `$all` up to `upTo` in pages: read on another core where the store can, else one event at a time. */
async function* pagesOf(store: EventStore, upTo: number): AsyncIterable<{ count: number; events(): readonly RecordedEvent[]; chainChecked?: boolean; broken?: HistoryBroken }> {
  if (store.readPagesAhead) {
    yield* store.readPagesAhead(0, upTo, PAGE_SIZE, PAGES_AHEAD);
    return;
  }
  let batch: RecordedEvent[] = [];
  for await (const event of store.readAll({ after: 0 })) {
    if (event.position > upTo) break;
    batch.push(event);
    if (batch.length < PAGE_SIZE) continue;
    const page = batch;
    yield { count: page.length, events: () => page };
    batch = [];
  }
  if (batch.length > 0) yield { count: batch.length, events: () => batch };
}

export type Comparison = { equal: true; tables: number; rows: number } | { equal: false; table: string; live: unknown; rebuilt: unknown };

/**
 * Compares every read-model table row by row (the checkpoint aside) and names the first
 * difference. Both sides are read in one order: by every column.
 */
export function compareReadModels(live: Database.Database, rebuilt: Database.Database): Comparison {
  const tables = rebuilt
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'checkpoints' ORDER BY name")
    .all()
    .map((row) => row.name);
  let rows = 0;
  for (const table of tables) {
    const columns = rebuilt.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().map((c) => `"${c.name}"`);
    const query = `SELECT ${columns.join(', ')} FROM "${table}" ORDER BY ${columns.join(', ')}`;
    const liveRows = live.prepare(query).iterate() as IterableIterator<unknown>;
    const rebuiltRows = rebuilt.prepare(query).iterate() as IterableIterator<unknown>;
    for (;;) {
      const a = liveRows.next();
      const b = rebuiltRows.next();
      if (a.done && b.done) break;
      if (a.done || b.done || JSON.stringify(a.value) !== JSON.stringify(b.value)) {
        liveRows.return?.();
        rebuiltRows.return?.();
        return { equal: false, table, live: a.done ? null : a.value, rebuilt: b.done ? null : b.value };
      }
      rows += 1;
    }
  }
  return { equal: true, tables: tables.length, rows };
}
