import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@commons/event-store';
import { UsageError } from './args';

/** The events file of DATA_DIR (or --data-dir), opened read-only: safe while the server runs. */
export function openEvents(options: Map<string, string | true>): SqliteEventStore {
  const given = options.get('data-dir');
  const dataDir = resolve(typeof given === 'string' ? given : process.env.DATA_DIR ?? './data');
  const file = join(dataDir, 'events.sqlite');
  if (!existsSync(file)) throw new UsageError(`no event store at ${file}: set DATA_DIR or --data-dir`);
  return new SqliteEventStore({ file, readonly: true });
}
