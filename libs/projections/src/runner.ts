import Database from 'better-sqlite3';
import { ChainHead, EventStore, HistoryBroken, RecordedEvent, Subscription, brokenLink } from '@commons/event-store';
import { Projection, ProjectionFactory } from './projection';

const CHECKPOINT_NAME = 'read-models';
const RETRY_DELAY_MS = 1_000; // after a failed page (a full disk, a locked file): try again from the checkpoint

interface Waiter {
  position: number;
  resolve(caughtUp: boolean): void;
  timer: NodeJS.Timeout;
}

/**
 * Follows `$all` from a stored checkpoint and applies each page of events to every projection
 * in one transaction together with the new checkpoint, so each event takes effect exactly once,
 * even after a crash, and even when several processes feed one read-model file.
 */
export class ProjectionRunner {
  private readonly projections: Projection[];
  private readonly applyPages: (pages: ReadonlyArray<() => readonly RecordedEvent[]>, chainChecked: boolean) => void;
  private readonly readCheckpoint: () => number;
  private current: number;
  private subscription: Subscription | null = null;
  private loop: Promise<void> | null = null;
  private waiters: Waiter[] = [];
  private failure: Error | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private wakeRetry: (() => void) | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    factories: ProjectionFactory[],
    /** told once when the read models stop before a broken chain */
    private readonly onBroken: (broken: HistoryBroken) => void = () => undefined,
  ) {
    db.exec('CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID');
    // each stream's last applied event, so every event applied is checked against its chain
    db.exec('CREATE TABLE IF NOT EXISTS chain_heads (stream_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, hash TEXT NOT NULL) WITHOUT ROWID');
    const selectHead = db.prepare<[string], ChainHead>('SELECT revision, hash FROM chain_heads WHERE stream_id = ?');
    const saveHead = db.prepare(
      'INSERT INTO chain_heads (stream_id, revision, hash) VALUES (?, ?, ?) ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, hash = excluded.hash',
    );
    this.projections = factories.map((create) => create(db));
    const select = db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?');
    const save = db.prepare(
      'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    );
    this.readCheckpoint = () => select.get(CHECKPOINT_NAME)?.position ?? 0;
    this.current = this.readCheckpoint();
    const transaction = db.transaction((pages: ReadonlyArray<() => readonly RecordedEvent[]>, chainChecked: boolean) => {
      // another process serving from this file may have applied some of these events already
      const done = Math.max(this.current, this.readCheckpoint());
      let previous = this.current;
      let reached = done;
      // read from the table, not kept across transactions: another process may have moved them
      const heads = new Map<string, ChainHead>();
      const headOf = (streamId: string) => heads.get(streamId) ?? selectHead.get(streamId);
      let broken: HistoryBroken | null = null;
      for (const projection of this.projections) projection.begin?.();
      for (const page of pages) {
        let events = page(); // produced only now: one page of objects alive at a time
        for (const event of events) {
          if (event.position <= previous) throw new Error(`checkpoint must move forward: ${event.position}`);
          previous = event.position;
        }
        if (done > this.current) events = events.filter((event) => event.position > done);
        // the read models stop before an event whose chain breaks: neither it nor what follows is applied
        const bad = events.findIndex((event) => {
          const problem = chainChecked ? null : brokenLink(headOf(event.streamId), event);
          if (problem) broken = new HistoryBroken(event.position, event.streamId, event.revision, problem);
          else heads.set(event.streamId, { revision: event.revision, hash: event.hash });
          return problem !== null;
        });
        if (bad >= 0) events = events.slice(0, bad);
        if (events.length > 0) {
          for (const projection of this.projections) projection.apply(events);
          reached = events[events.length - 1].position;
        }
        if (broken) break;
      }
      if (reached > done) {
        for (const projection of this.projections) projection.finish?.();
        for (const [streamId, head] of heads) saveHead.run(streamId, head.revision, head.hash);
        save.run(CHECKPOINT_NAME, reached);
      }
      this.current = reached;
      return broken;
    });
    // immediate: the write lock first, so the checkpoint read above is the latest there is; a
    // broken chain commits what came before it, then stops the runner
    this.applyPages = (pages, chainChecked) => {
      const broken = transaction.immediate(pages, chainChecked);
      if (broken) throw broken;
    };
  }

  /** Indexes a rebuild into a fresh database may create after loading (see Projection). */
  get deferredIndexes(): ReadonlyArray<{ name: string; sql: string }> {
    return this.projections.flatMap((projection) => projection.deferredIndexes ?? []);
  }

  /** The position of the last event applied to the read models. */
  get position(): number {
    return this.current;
  }

  get error(): Error | null {
    return this.failure;
  }

  start(): void {
    if (this.loop) return;
    this.stopped = false;
    this.loop = (async () => {
      while (!this.stopped) {
        this.subscription = this.store.subscribeToAll({ after: this.current });
        try {
          for await (const page of this.subscription) {
            this.apply(page);
            this.failure = null;
          }
        } catch (error) {
          // the failed page was rolled back (a broken chain: up to the bad event); health says so until a retry gets through
          const first = !(this.failure instanceof HistoryBroken);
          this.failure = error as Error;
          if (error instanceof HistoryBroken) {
            if (first) this.onBroken(error);
            this.giveUpWaiting();
          }
          this.current = this.readCheckpoint();
          this.subscription.close();
          await new Promise<void>((resolve) => {
            this.wakeRetry = resolve;
            this.retryTimer = setTimeout(resolve, RETRY_DELAY_MS);
          });
        }
      }
    })();
  }

  /** Applies one page outside of a subscription. */
  apply(page: readonly RecordedEvent[]): void {
    this.applyInOne([() => page]);
  }

  /**
   * Applies pages in one transaction, asking each for its events just before applying them (a
   * rebuild holds pages as unparsed text and commits several at once). `chainChecked`: the
   * reader already checked every event's hash chain (on its own thread), so it is not hashed again.
   */
  applyInOne(pages: ReadonlyArray<() => readonly RecordedEvent[]>, chainChecked = false): void {
    const before = this.current;
    try {
      this.applyPages(pages, chainChecked);
    } catch (error) {
      // a broken chain committed what came before it; any other failure rolled everything back
      if (!(error instanceof HistoryBroken)) this.current = before;
      this.release();
      throw error;
    }
    this.release();
  }

  /** The broken chain the read models stopped at, if they did: nothing after it is applied. */
  get broken(): HistoryBroken | null {
    return this.failure instanceof HistoryBroken ? this.failure : null;
  }

  /**
   * Resolves true once the read models include `position`, or false after `timeoutMs`, or at once
   * when a broken chain stops them before it.
   */
  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.current >= position) return Promise.resolve(true);
    if (this.broken) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(false);
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves once everything in the store when called is applied. */
  async catchUp(timeoutMs: number): Promise<boolean> {
    return this.waitFor(await this.store.headPosition(), timeoutMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.subscription?.close();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.wakeRetry?.();
    await this.loop;
    this.loop = null;
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(false);
    }
    this.waiters = [];
  }

  // what waits for a position past a broken chain will not see it
  private giveUpWaiting(): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(false);
    }
    this.waiters = [];
  }

  private release(): void {
    if (this.waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (waiter.position <= this.current) {
        clearTimeout(waiter.timer);
        waiter.resolve(true);
      } else {
        still.push(waiter);
      }
    }
    this.waiters = still;
  }
}
