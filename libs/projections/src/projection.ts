import Database from 'better-sqlite3';
import { RecordedEvent } from '@commons/event-store';

/** A read model fed from `$all`. `apply` runs inside the runner's transaction; it must not await. */
export interface Projection {
  readonly name: string;
  /** Applies one page of events, in order. A projection may batch its writes within the page. */
  apply(page: readonly RecordedEvent[]): void;
  /**
   * Indexes that a rebuild into a fresh database drops while it loads and creates again at the
   * end: one sort is much cheaper than a million inserts at random places in a b-tree.
   */
  readonly deferredIndexes?: ReadonlyArray<{ name: string; sql: string }>;
}

/** Creates a projection's tables (if missing) and its prepared statements on one database. */
export type ProjectionFactory = (db: Database.Database) => Projection;

/** A projection that has nothing to batch: each event on its own. */
export function eventByEvent(name: string, apply: (event: RecordedEvent) => void): Projection {
  return {
    name,
    apply(page) {
      for (const event of page) apply(event);
    },
  };
}
