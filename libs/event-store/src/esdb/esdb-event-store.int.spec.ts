import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { EsdbEventStore } from './esdb-event-store';

const CONNECTION = process.env.ESDB_CONNECTION_STRING;
const CHILD = resolve(__dirname, '../../../../dist/libs/event-store/src/testing/append-child.js');

if (CONNECTION) {
  // twice on the same server, as on any server that keeps its data: each test works in its own streams
  const fixture = () => ({
    open: async () => {
      if (!existsSync(CHILD)) throw new Error(`${CHILD} is missing: run npm run build first`);
      return EsdbEventStore.connect(CONNECTION);
    },
    appendsAcrossStreams: false,
    spawnAppender: ({ streamId, count, batchSize, tag }: { streamId: string; count: number; batchSize: number; tag: string }) =>
      spawn(process.execPath, [CHILD, `esdb:${CONNECTION}`, streamId, String(count), String(batchSize), tag], { stdio: ['ignore', 'pipe', 'inherit'] }),
  });
  describeEventStoreContract('esdb', 'first pass', fixture);
  describeEventStoreContract('esdb', 'second pass on the same server', fixture);
} else {
  // shown as skipped, with its reason printed and in its name, never as a pass
  process.stdout.write('event store contract on EventStoreDB: skipped, ESDB_CONNECTION_STRING is not set (no EventStoreDB server runs on these machines)\n');
  describe.skip('event store contract: esdb (skipped: ESDB_CONNECTION_STRING is not set, and no EventStoreDB server runs on these machines)', () => {
    it('runs the whole contract suite against EventStoreDB', () => undefined);
  });
  describe('the EventStoreDB adapter without a server', () => {
    it('reports the cluster unreachable, with the client’s reason', async () => {
      const store = EsdbEventStore.connect('esdb://127.0.0.1:1?tls=false');
      await expect(store.probe()).rejects.toThrow(/UNAVAILABLE|ECONNREFUSED/);
      await store.close();
    });
  });
}
