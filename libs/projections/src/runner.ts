import Database from 'better-sqlite3';
import { EventStore, RecordedEvent, Subscription } from '@commons/event-store';
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
  private readonly applyPages: (pages: ReadonlyArray<() => readonly RecordedEvent[]>) => void;
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
  ) {
    db.exec('CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID');
    this.projections = factories.map((create) => create(db));
    const select = db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?');
    const save = db.prepare(
      'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    );
    this.readCheckpoint = () => select.get(CHECKPOINT_NAME)?.position ?? 0;
    this.current = this.readCheckpoint();
    const transaction = db.transaction((pages: ReadonlyArray<() => readonly RecordedEvent[]>) => {
      // another process serving from this file may have applied some of these events already
      const done = Math.max(this.current, this.readCheckpoint());
      let previous = this.current;
      for (const projection of this.projections) projection.begin?.();
      for (const page of pages) {
        let events = page(); // produced only now: one page of objects alive at a time
        for (const event of events) {
          if (event.position <= previous) throw new Error(`checkpoint must move forward: ${event.position}`);
          previous = event.position;
        }
        if (done > this.current) events = events.filter((event) => event.position > done);
        if (events.length > 0) for (const projection of this.projections) projection.apply(events);
      }
      if (previous <= done) {
        this.current = done; // nothing new here: no checkpoint write
        return;
      }
      for (const projection of this.projections) projection.finish?.();
      this.current = previous;
      save.run(CHECKPOINT_NAME, this.current);
    });
    // immediate: the write lock first, so the checkpoint read above is the latest there is
    this.applyPages = (pages) => transaction.immediate(pages);
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
          // the failed page was rolled back: health says so until a retry gets through
          this.failure = error as Error;
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
   * rebuild holds pages as unparsed text and commits several at once).
   */
  applyInOne(pages: ReadonlyArray<() => readonly RecordedEvent[]>): void {
    const before = this.current;
    try {
      this.applyPages(pages);
    } catch (error) {
      this.current = before;
      throw error;
    }
    this.release();
  }

  /** Resolves true once the read models include `position`, or false after `timeoutMs`. */
  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.current >= position) return Promise.resolve(true);
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
