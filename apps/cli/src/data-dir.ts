import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EventStore, PostgresEventStore, SqliteEventStore } from '@commons/event-store';
import { Options, UsageError } from './args';

export function dataDirOf(options: Options): string {
  const given = options.get('data-dir');
  return resolve(typeof given === 'string' ? given : process.env.DATA_DIR ?? './data');
}

/**
 * The events the server is configured with, opened for reading only (safe while it runs): the
 * PostgreSQL database of POSTGRES_URL when EVENT_STORE=postgres, else the events file of
 * DATA_DIR (or --data-dir).
 */
export async function openEvents(options: Options): Promise<EventStore> {
  if (process.env.EVENT_STORE === 'postgres') {
    const url = process.env.POSTGRES_URL;
    if (!url) throw new UsageError('EVENT_STORE=postgres needs POSTGRES_URL');
    return PostgresEventStore.open({ connectionString: url, readonly: true });
  }
  return openEventsFile(options);
}

/** The events file of DATA_DIR (or --data-dir), read-only, whatever the server is configured with. */
export function openEventsFile(options: Options, access: 'read' | 'write' = 'read'): SqliteEventStore {
  const file = join(dataDirOf(options), 'events.sqlite');
  if (!existsSync(file)) throw new UsageError(`no event store at ${file}: set DATA_DIR or --data-dir`);
  return new SqliteEventStore({ file, readonly: access === 'read' });
}
