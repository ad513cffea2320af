import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@commons/event-store';
import { Options, UsageError } from './args';

export function dataDirOf(options: Options): string {
  const given = options.get('data-dir');
  return resolve(typeof given === 'string' ? given : process.env.DATA_DIR ?? './data');
}

/** The events file of DATA_DIR (or --data-dir), opened read-only: safe while the server runs. */
export function openEvents(options: Options): SqliteEventStore {
  const file = join(dataDirOf(options), 'events.sqlite');
  if (!existsSync(file)) throw new UsageError(`no event store at ${file}: set DATA_DIR or --data-dir`);
  return new SqliteEventStore({ file, readonly: true });
}
