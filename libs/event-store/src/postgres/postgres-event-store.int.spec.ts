import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { ThrowawayDatabase, throwawayDatabase } from '../../../../tests/support/postgres';
import { describeEventStoreContract, newEvent } from '../contract/event-store.contract';
import { historyToVerify, verifyHistory } from '../audit/verify';
import { RecordedEvent } from '../event-store';
import { PostgresEventStore } from './postgres-event-store';

const CHILD = resolve(__dirname, '../../../../dist/libs/event-store/src/testing/append-child.js');

// one database for both passes, kept between them as a server keeps its data
let database: ThrowawayDatabase;
beforeAll(async () => {
  database = await throwawayDatabase('contract');
});
afterAll(async () => database.drop());

const fixture = () => ({
  open: async () => {
    if (!existsSync(CHILD)) throw new Error(`${CHILD} is missing: run npm run build first`);
    return PostgresEventStore.open({ connectionString: database.url });
  },
  spawnAppender: ({ streamId, count, batchSize, tag }: { streamId: string; count: number; batchSize: number; tag: string }) =>
    spawn(process.execPath, [CHILD, `postgres:${database.url}`, streamId, String(count), String(batchSize), tag], { stdio: ['ignore', 'pipe', 'inherit'] }),
});
describeEventStoreContract('postgres', 'first pass', fixture);
describeEventStoreContract('postgres', 'second pass on the same database', fixture);

describe('the PostgreSQL store and the commit order', () => {
  it('never lets a reader pass an append still in flight: one held open, a later one waits, both arrive in order', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const isHolding = new Promise<void>((resolve) => (holding = resolve));
    const slow = await PostgresEventStore.open({
      connectionString: database.url,
      beforeCommit: async () => {
        holding();
        await held;
      },
    });
    const quick = await PostgresEventStore.open({ connectionString: database.url });
    const reader = await PostgresEventStore.open({ connectionString: database.url });
    try {
      const mark = await reader.headPosition();
      const live: RecordedEvent[] = [];
      const subscription = reader.subscribeToAll({ after: mark });
      const following = (async () => {
        for await (const page of subscription) {
          live.push(...page);
          if (live.length >= 2) subscription.close();
        }
      })();

      const first = slow.append('held-first', [newEvent('First')], { expectedRevision: 'no_stream' });
      await isHolding; // its rows are written and its transaction open
      let secondDone = false;
      const second = quick.append('held-second', [newEvent('Second')], { expectedRevision: 'no_stream' }).then((result) => {
        secondDone = true;
        return result;
      });
      await new Promise((resolve) => setTimeout(resolve, 700)); // longer than a subscriber's poll
      expect(secondDone).toBe(false); // the later append waits for the append lock
      expect(live).toEqual([]); // and nothing uncommitted is seen
      const caughtUpMeanwhile: RecordedEvent[] = [];
      for await (const event of reader.readAll({ after: mark })) caughtUpMeanwhile.push(event);
      expect(caughtUpMeanwhile).toEqual([]);

      release();
      const [a, b] = await Promise.all([first, second]);
      expect(b.position).toBeGreaterThan(a.position);
      await following;
      expect(live.map((e) => e.type)).toEqual(['First', 'Second']);
      const caughtUp: RecordedEvent[] = [];
      for await (const event of reader.readAll({ after: mark })) caughtUp.push(event);
      expect(caughtUp.map((e) => [e.type, e.position])).toEqual([['First', a.position], ['Second', b.position]]);
    } finally {
      release();
      await Promise.all([slow.close(), quick.close(), reader.close()]);
    }
  });

  it('chains the whole log in position order, across streams and handles', async () => {
    const one = await PostgresEventStore.open({ connectionString: database.url });
    const two = await PostgresEventStore.open({ connectionString: database.url });
    try {
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).append(`log-${i}`, [newEvent('L'), newEvent('L')], { expectedRevision: 'no_stream' })));
      const report = await verifyHistory(historyToVerify(one), { recordedHeads: await one.streamHeads(), wholeLog: true });
      expect(report.ok).toBe(true);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('refuses to open with a wrong password, in one line that hides the password', async () => {
    const url = new URL(database.url);
    url.password = 'not-the-password';
    await expect(PostgresEventStore.open({ connectionString: url.toString() })).rejects.toThrow(/^PostgreSQL at postgres:\/\/commons_test:\*\*\*@.*password authentication failed/);
  });

  it('keeps the exact text it hashed: data and metadata are text, not jsonb', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT data_type FROM information_schema.columns WHERE table_name = 'events' AND column_name IN ('data', 'metadata')");
      expect(rows.map((row) => row.data_type)).toEqual(['text', 'text']);
    } finally {
      await client.end();
    }
  });
});
