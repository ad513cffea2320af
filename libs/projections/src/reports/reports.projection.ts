import Database from 'better-sqlite3';
import { deflateSync, inflateSync } from 'node:zlib';
import { HubState, hubDecider, hubOfStream, hubStreams } from '@commons/domain';
import { EventStore, RecordedEvent } from '@commons/event-store';
import { nextTurn } from '../next-turn';
import { Projection } from '../projection';
import { Correction } from './financing-report';
import { FoldedEvent, ReportFold, emptyFold, foldEvent, freeze, freezeFold, thaw, thawFold } from './report-fold';

// a snapshot after this many of a hub's events: an answer as of any moment folds about this many
// events beyond one, in a few milliseconds; more often costs disk (about 10 KB a snapshot for 1,000 members)
export const SNAPSHOT_EVERY = 500;
const FOLD_SLICE = 50; // events folded between turns of the event loop: well under a millisecond
const HUB_STATES_KEPT = 64; // thawed hub states kept: a few hubs' members, in memory

const SCHEMA = `
CREATE TABLE IF NOT EXISTS report_heads (
  hub_id TEXT PRIMARY KEY, position INTEGER NOT NULL, events INTEGER NOT NULL, snapshot INTEGER NOT NULL
) WITHOUT ROWID;
-- the hub's fold after every SNAPSHOT_EVERY of its events; max_at never goes down as seq goes up
-- hub: the hub's own state, kept only when it changed since the snapshot before; hub_seq: the snapshot that holds it
CREATE TABLE IF NOT EXISTS report_snapshots (
  hub_id TEXT NOT NULL, seq INTEGER NOT NULL, position INTEGER NOT NULL, max_at TEXT NOT NULL, fold BLOB NOT NULL,
  hub_seq INTEGER NOT NULL, hub BLOB,
  PRIMARY KEY (hub_id, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS report_snapshots_by_moment ON report_snapshots (hub_id, max_at, seq);
-- the events between snapshot seq and the next: where they start, how many, their earliest moment,
-- and the streams they belong to (a segment wholly after a moment stops each of them)
CREATE TABLE IF NOT EXISTS report_segments (
  hub_id TEXT NOT NULL, seq INTEGER NOT NULL, after_position INTEGER NOT NULL, events INTEGER NOT NULL, min_at TEXT NOT NULL,
  streams TEXT NOT NULL,
  PRIMARY KEY (hub_id, seq)
) WITHOUT ROWID;
-- the hub's events since its last snapshot, as the fold reads them: the fold is rebuilt from these and the snapshot
CREATE TABLE IF NOT EXISTS report_tail (
  hub_id TEXT NOT NULL, position INTEGER NOT NULL, stream_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL,
  schema_version INTEGER NOT NULL, at TEXT NOT NULL,
  PRIMARY KEY (hub_id, position)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS report_corrections (
  hub_id TEXT NOT NULL, seq INTEGER NOT NULL, correction TEXT NOT NULL,
  PRIMARY KEY (hub_id, seq)
) WITHOUT ROWID;
`;

interface Head {
  position: number;
  events: number;
  snapshot: number;
}

/** A hub's fold as this process keeps it, trusted while the stored head says the same position. */
interface Cached {
  fold: ReportFold;
  snapshot: number;
  /** the snapshot that holds the hub's state as it was at the last snapshot, and whether a hub event came since */
  hubSeq: number;
  hubChanged: boolean;
  /** the earliest moment among the events since the snapshot, and their streams */
  openMinAt: string | null;
  openStreams: Set<string>;
  /** tail rows folded in this transaction, written when it finishes (the stored text of each event's data) */
  pendingTail: Array<[number, string, string, string, number, string]>;
}

/**
 * The financing report's read model: each hub's streams folded as they arrive (the states and
 * the running totals), snapshots of that fold, and the tail since the last one. The fold of
 * today is kept in memory; the fold as of any moment is the last snapshot before it and the few
 * events after it. Everything kept is a function of history alone: a rebuild writes the same.
 */
export class ReportBook {
  private readonly cache = new Map<string, Cached>();
  // the hub states of snapshots, thawed: a hub's members change seldom, so most snapshots share one
  private readonly hubStates = new Map<string, HubState>();
  private readonly statements;

  constructor(
    db: Database.Database,
    /** tests take snapshots more often, to reach many of them in a short history */
    private readonly snapshotEvery = SNAPSHOT_EVERY,
  ) {
    db.exec(SCHEMA);
    this.statements = {
      head: db.prepare<[string], Head>('SELECT position, events, snapshot FROM report_heads WHERE hub_id = ?'),
      saveHead: db.prepare(
        'INSERT INTO report_heads (hub_id, position, events, snapshot) VALUES (?, ?, ?, ?) ON CONFLICT (hub_id) DO UPDATE SET position = excluded.position, events = excluded.events, snapshot = excluded.snapshot',
      ),
      snapshot: db.prepare<[string, number], Snapshot>('SELECT seq, fold, hub_seq FROM report_snapshots WHERE hub_id = ? AND seq = ?'),
      hubOf: db.prepare<[string, number], Buffer>('SELECT hub FROM report_snapshots WHERE hub_id = ? AND seq = ?').pluck(),
      snapshotPosition: db.prepare<[string, number], number>('SELECT position FROM report_snapshots WHERE hub_id = ? AND seq = ?').pluck(),
      lastBefore: db.prepare<[string, string], Snapshot>('SELECT seq, fold, hub_seq FROM report_snapshots WHERE hub_id = ? AND max_at <= ? ORDER BY max_at DESC, seq DESC LIMIT 1'),
      lastStrictlyBefore: db.prepare<[string, string], Snapshot>('SELECT seq, fold, hub_seq FROM report_snapshots WHERE hub_id = ? AND max_at < ? ORDER BY max_at DESC, seq DESC LIMIT 1'),
      saveSnapshot: db.prepare('INSERT INTO report_snapshots (hub_id, seq, position, max_at, fold, hub_seq, hub) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      segments: db.prepare<[string, number], { after_position: number; events: number; min_at: string; streams: string }>(
        'SELECT after_position, events, min_at, streams FROM report_segments WHERE hub_id = ? AND seq >= ? ORDER BY seq',
      ),
      saveSegment: db.prepare('INSERT INTO report_segments (hub_id, seq, after_position, events, min_at, streams) VALUES (?, ?, ?, ?, ?, ?)'),
      tail: db.prepare<[string], TailRow>('SELECT position, stream_id, type, data, schema_version, at FROM report_tail WHERE hub_id = ? ORDER BY position'),
      addTail: db.prepare('INSERT INTO report_tail (hub_id, position, stream_id, type, data, schema_version, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      dropTail: db.prepare('DELETE FROM report_tail WHERE hub_id = ?'),
      addCorrection: db.prepare('INSERT INTO report_corrections (hub_id, seq, correction) VALUES (?, ?, ?)'),
      corrections: db.prepare<[string, number, number], { correction: string }>('SELECT correction FROM report_corrections WHERE hub_id = ? AND seq >= ? AND seq < ? ORDER BY seq'),
    };
  }

  /** The projection that keeps it: applied by the runner inside its transactions. */
  projection(): Projection {
    // hubs whose cache was checked against the stored head in this transaction, and those folded in it
    const checked = new Set<string>();
    const touched = new Set<string>();
    let dirty = false;
    return {
      name: 'reports',
      begin: () => {
        // a transaction that folded events and never finished rolled back: what it folded is not history
        if (dirty) this.cache.clear();
        dirty = false;
        checked.clear();
        touched.clear();
      },
      apply: (page) => {
        for (const recorded of page) {
          const hubId = hubOfStream(recorded.streamId);
          if (hubId === null) continue;
          if (!checked.has(hubId)) {
            this.trusted(hubId);
            checked.add(hubId);
          }
          dirty = true;
          touched.add(hubId);
          this.fold(hubId, recorded);
        }
      },
      finish: () => {
        for (const hubId of touched) {
          const cached = this.cache.get(hubId)!;
          // written once a transaction: in a rebuild most of a tail is overtaken by a snapshot before
          for (const row of cached.pendingTail) this.statements.addTail.run(hubId, ...row);
          cached.pendingTail = [];
          this.statements.saveHead.run(hubId, cached.fold.position, cached.fold.events, cached.snapshot);
        }
        dirty = false;
      },
    };
  }

  /** The hub's fold as of the read models' position; null for a hub they do not know. Not to be changed. */
  current(hubId: string): ReportFold | null {
    return this.trusted(hubId)?.fold ?? null;
  }

  /**
   * The hub's fold as of `moment` (`inclusive`) or just before it: each stream up to its first
   * event decided after it, as the fold of history reads them. The last snapshot whose events all
   * came before, then the segments after it: one wholly later stops its streams unread.
   */
  async foldAt(store: EventStore, hubId: string, moment: string, inclusive: boolean): Promise<ReportFold | null> {
    const cached = this.trusted(hubId);
    if (!cached) return null;
    const before = (at: string) => (inclusive ? at <= moment : at < moment);
    if (cached.fold.maxAt === '' || before(cached.fold.maxAt)) return cached.fold;
    const base = (inclusive ? this.statements.lastBefore : this.statements.lastStrictlyBefore).get(hubId, moment);
    const fold = base ? this.thawed(hubId, base) : emptyFold();
    const stopped = new Set<string>();
    const allStopped = (streams: Iterable<string>) => [...streams].every((streamId) => stopped.has(streamId));
    let folded = 0;
    // every FOLD_SLICE events the event loop turns: a report as of a moment never holds up a payment
    const take = async (event: FoldedEvent, at: string) => {
      if (stopped.has(event.streamId)) return;
      if (!before(at)) return void stopped.add(event.streamId);
      foldEvent(fold, event);
      if (++folded % FOLD_SLICE === 0) await nextTurn();
    };
    await nextTurn();
    const openStreams = [...cached.openStreams];
    for (const segment of this.statements.segments.all(hubId, base?.seq ?? 0)) {
      const streams = JSON.parse(segment.streams) as string[];
      if (!before(segment.min_at)) {
        for (const streamId of streams) stopped.add(streamId);
        continue;
      }
      if (allStopped(streams)) continue;
      for await (const recorded of store.readAll({ after: segment.after_position, maxCount: segment.events, streams: hubStreams(hubId) })) {
        await take(recorded, atOf(recorded));
        if (allStopped(streams)) break;
      }
    }
    if (cached.openMinAt !== null && before(cached.openMinAt) && !allStopped(openStreams)) {
      for (const row of this.statements.tail.all(hubId)) {
        await take(eventOf(row), row.at);
        if (allStopped(openStreams)) break;
      }
    }
    return fold;
  }

  /** The corrections numbered `from` up to (not including) `to`. */
  corrections(hubId: string, from: number, to: number): Correction[] {
    return this.statements.corrections.all(hubId, from, to).map((row) => JSON.parse(row.correction) as Correction);
  }

  private fold(hubId: string, recorded: RecordedEvent): void {
    const cached = this.cache.get(hubId) ?? this.fresh(hubId);
    const { fold } = cached;
    if (recorded.streamId.startsWith('hub-')) cached.hubChanged = true;
    foldEvent(fold, recorded, (seq, correction) => this.statements.addCorrection.run(hubId, seq, JSON.stringify(correction)));
    const at = atOf(recorded);
    if (cached.openMinAt === null || at < cached.openMinAt) cached.openMinAt = at;
    cached.openStreams.add(recorded.streamId);
    if (fold.events % this.snapshotEvery !== 0) {
      // the stored text where the store keeps it: no second serialisation of the same data
      cached.pendingTail.push([recorded.position, recorded.streamId, recorded.type, recorded.canonical?.data ?? JSON.stringify(recorded.data), recorded.metadata.schemaVersion ?? 1, at]);
      return;
    }
    const previous = cached.snapshot;
    const afterPosition = previous === 0 ? 0 : this.statements.snapshotPosition.get(hubId, previous)!;
    this.statements.saveSegment.run(hubId, previous, afterPosition, this.snapshotEvery, cached.openMinAt, JSON.stringify([...cached.openStreams]));
    cached.snapshot = previous + 1;
    if (cached.hubChanged) cached.hubSeq = cached.snapshot;
    const hub = cached.hubChanged ? deflateSync(freeze(fold.hub), { level: 1 }) : null;
    this.statements.saveSnapshot.run(hubId, cached.snapshot, fold.position, fold.maxAt, deflateSync(freezeFold(fold), { level: 1 }), cached.hubSeq, hub);
    cached.hubChanged = false;
    this.statements.dropTail.run(hubId);
    cached.pendingTail = [];
    cached.openMinAt = null;
    cached.openStreams = new Set();
  }

  /** The cached fold, if the stored head agrees with it (another process may have moved it, a transaction rolled back); else rebuilt. */
  private trusted(hubId: string): Cached | null {
    const head = this.statements.head.get(hubId);
    const cached = this.cache.get(hubId);
    if (!head) {
      if (cached && cached.fold.events > 0) this.cache.delete(hubId);
      return this.cache.get(hubId) ?? null;
    }
    if (cached && cached.fold.position === head.position && cached.snapshot === head.snapshot) return cached;
    const rebuilt = this.rebuild(hubId, head);
    this.cache.set(hubId, rebuilt);
    return rebuilt;
  }

  private fresh(hubId: string): Cached {
    const cached: Cached = { fold: emptyFold(), snapshot: 0, hubSeq: 0, hubChanged: true, openMinAt: null, openStreams: new Set(), pendingTail: [] };
    this.cache.set(hubId, cached);
    return cached;
  }

  private rebuild(hubId: string, head: Head): Cached {
    const snapshot = head.snapshot === 0 ? null : this.statements.snapshot.get(hubId, head.snapshot)!;
    const fold = snapshot ? this.thawed(hubId, snapshot) : emptyFold();
    let openMinAt: string | null = null;
    const openStreams = new Set<string>();
    let hubChanged = snapshot === null;
    for (const row of this.statements.tail.all(hubId)) {
      foldEvent(fold, eventOf(row));
      if (row.stream_id.startsWith('hub-')) hubChanged = true;
      if (openMinAt === null || row.at < openMinAt) openMinAt = row.at;
      openStreams.add(row.stream_id);
    }
    return { fold, snapshot: head.snapshot, hubSeq: snapshot?.hub_seq ?? 0, hubChanged, openMinAt, openStreams, pendingTail: [] };
  }

  /** A snapshot's fold, its hub state a copy of the one thawed for that hub's snapshot (folding on changes the copy only). */
  private thawed(hubId: string, snapshot: Snapshot): ReportFold {
    const key = `${hubId}\n${snapshot.hub_seq}`;
    let hub = this.hubStates.get(key);
    if (!hub) {
      hub = thaw<HubState>(inflateSync(this.statements.hubOf.get(hubId, snapshot.hub_seq)!).toString('utf8'));
      if (this.hubStates.size >= HUB_STATES_KEPT) this.hubStates.delete(this.hubStates.keys().next().value!);
      this.hubStates.set(key, hub);
    }
    return thawFold(inflateSync(snapshot.fold).toString('utf8'), hubDecider.copy(hub));
  }
}

type Snapshot = { seq: number; fold: Buffer; hub_seq: number };
type TailRow = { position: number; stream_id: string; type: string; data: string; schema_version: number; at: string };

const atOf = (event: { data: unknown }) => (event.data as { at: string }).at;
const eventOf = (row: TailRow): FoldedEvent => ({ position: row.position, streamId: row.stream_id, type: row.type, data: JSON.parse(row.data), metadata: { schemaVersion: row.schema_version } });

/** The report book's projection, for the runner's list of every read model. */
export function reportsProjection(db: Database.Database): Projection {
  return reportBookOf(db).projection();
}

const BOOKS = new WeakMap<Database.Database, ReportBook>();

/** The one book of a database: the projection folds into it, the queries read from it. */
export function reportBookOf(db: Database.Database, snapshotEvery = SNAPSHOT_EVERY): ReportBook {
  let book = BOOKS.get(db);
  if (!book) {
    book = new ReportBook(db, snapshotEvery);
    BOOKS.set(db, book);
  }
  return book;
}
