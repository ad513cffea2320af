/**
 * A separate OS process for the contract suite: appends `count` events to one stream in
 * batches, retrying on a concurrency conflict, and prints each batch.
 * Usage: node append-child.js <sqlite:FILE | postgres:URL | esdb:CONNECTION-STRING> <streamId> <count> <batchSize> <tag>
 */
import { randomUUID } from 'node:crypto';
import { EventStore, WrongExpectedRevision } from '../event-store';
import { EsdbEventStore } from '../esdb/esdb-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { PostgresEventStore } from '../postgres/postgres-event-store';

async function main(): Promise<void> {
  const [spec, streamId, countText, batchText, tag] = process.argv.slice(2);
  const store: EventStore = spec.startsWith('esdb:')
    ? EsdbEventStore.connect(spec.slice('esdb:'.length))
    : spec.startsWith('postgres:')
      ? await PostgresEventStore.open({ connectionString: spec.slice('postgres:'.length) })
      : new SqliteEventStore({ file: spec.slice('sqlite:'.length) });
  const count = Number(countText);
  const batchSize = Number(batchText);
  for (let n = 0; n < count; n += batchSize) {
    const events = Array.from({ length: Math.min(batchSize, count - n) }, (_, i) => ({
      id: randomUUID(),
      type: 'Appended',
      data: { tag, n: n + i },
      metadata: { actor: tag, correlationId: randomUUID(), recordedAt: new Date(0).toISOString(), schemaVersion: 1 },
    }));
    for (;;) {
      let revision: number | 'no_stream' = 'no_stream';
      for await (const event of store.readStream(streamId, {})) revision = event.revision;
      try {
        await store.append(streamId, events, { expectedRevision: revision });
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
      }
    }
    process.stdout.write(`${n + events.length}\n`);
  }
  await store.close();
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
