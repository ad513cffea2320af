import Database from 'better-sqlite3';
import { RecordedEvent } from '@commons/event-store';

/** A read model fed from `$all`. `apply` runs inside the runner's transaction; it must not await. */
export interface Projection {
  readonly name: string;
  apply(event: RecordedEvent): void;
}

/** Creates a projection's tables (if missing) and its prepared statements on one database. */
export type ProjectionFactory = (db: Database.Database) => Projection;
