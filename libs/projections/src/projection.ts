import Database from 'better-sqlite3';
import { RecordedEvent } from '@commons/event-store';

/**
 * A read model fed from `$all`. Each runner transaction calls `begin`, then `apply` for one or
 * more pages in order, then `finish`; none of them may await.
 */
export interface Projection {
  readonly name: string;
  /** A transaction starts: forget anything kept from one that may have rolled back. */
  begin?(): void;
  /** Applies one page of events, in order. */
  apply(page: readonly RecordedEvent[]): void;
  /** The transaction's pages are applied and it is about to commit: write what was batched. */
  finish?(): void;
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
