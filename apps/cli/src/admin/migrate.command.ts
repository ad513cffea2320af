import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { EsdbEventStore, EventStore, PostgresEventStore, SqliteEventStore, copyHistory } from '@commons/event-store';
import { Options, UsageError } from '../args';
import { openEventsFile } from '../data-dir';
import { progressReporter } from '../audit/progress';

/**
 * `commons admin migrate --to postgres [--connection URL]` (default POSTGRES_URL),
 * `--to esdb [--connection URL]` (default ESDB_CONNECTION_STRING), or `--to sqlite --file FILE`:
 * copies every event of DATA_DIR into an empty store, hashes preserved.
 */
export async function adminMigrate(options: Options, out: NodeJS.WritableStream): Promise<number> {
  const to = options.get('to');
  let target: EventStore;
  if (to === 'esdb') {
    const connection = options.get('connection') ?? process.env.ESDB_CONNECTION_STRING;
    if (typeof connection !== 'string') throw new UsageError('--to esdb needs --connection or ESDB_CONNECTION_STRING');
    const store = EsdbEventStore.connect(connection);
    await store.probe();
    target = store;
  } else if (to === 'postgres') {
    const connection = options.get('connection') ?? process.env.POSTGRES_URL;
    if (typeof connection !== 'string') throw new UsageError('--to postgres needs --connection or POSTGRES_URL');
    target = await PostgresEventStore.open({ connectionString: connection });
  } else if (to === 'sqlite') {
    const file = options.get('file');
    if (typeof file !== 'string') throw new UsageError('--to sqlite needs --file FILE');
    if (existsSync(resolve(file))) throw new UsageError(`${file} exists: migrate writes a new store`);
    target = new SqliteEventStore({ file: resolve(file) });
  } else {
    throw new UsageError('--to is postgres, esdb or sqlite');
  }
  const source = openEventsFile(options);
  try {
    const total = await source.headPosition();
    const progress = progressReporter(total);
    const report = await copyHistory(source, target, (copied) => progress.update(copied));
    progress.finish(report.events);
    out.write(`copied ${report.events} events in ${report.streams} streams; every hash is the same in the copy\n`);
    out.write('run `commons audit verify` against the new store to see its fingerprint\n');
    return 0;
  } finally {
    await source.close();
    await target.close();
  }
}
