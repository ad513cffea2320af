import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { EsdbEventStore } from './esdb-event-store';

const CONNECTION = process.env.ESDB_CONNECTION_STRING;
const CHILD = resolve(__dirname, '../../../../dist/libs/event-store/src/sqlite/testing/append-child.js');

if (CONNECTION) {
  // the suite expects an empty store (it counts every event): give it a fresh EventStoreDB
  describeEventStoreContract('esdb', async () => {
    if (!existsSync(CHILD)) throw new Error(`${CHILD} is missing: run npm run build first`);
    return {
      store: EsdbEventStore.connect(CONNECTION),
      reopen: async () => EsdbEventStore.connect(CONNECTION),
      spawnAppender: ({ streamId, count, batchSize, tag }) =>
        spawn(process.execPath, [CHILD, `esdb:${CONNECTION}`, streamId, String(count), String(batchSize), tag], {
          stdio: ['ignore', 'pipe', 'inherit'],
        }),
      cleanup: async () => undefined,
    };
  });
} else {
  process.stdout.write(
    'event store contract on EventStoreDB: not run, ESDB_CONNECTION_STRING is not set (no EventStoreDB server runs on these machines)\n',
  );
  // jest wants a test in every suite: this one checks what can be checked without a server
  describe('event store contract: esdb', () => {
    it('is not run without ESDB_CONNECTION_STRING; against nothing, the adapter reports the cluster unreachable', async () => {
      const store = EsdbEventStore.connect('esdb://127.0.0.1:1?tls=false');
      await expect(store.probe()).rejects.toThrow(/UNAVAILABLE|ECONNREFUSED/);
      await store.close();
    });
  });
}
