import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { EventStore, NewEvent, RecordedEvent, WrongExpectedRevision } from '../event-store';
import { GENESIS_HASH, eventHash } from '../hash-chain';

/** What an adapter provides so that the one contract suite can run on it. */
export interface ContractFixture {
  store: EventStore;
  /** a second handle on the same store, as another process or a restart would see it */
  reopen(): Promise<EventStore>;
  /**
   * Starts an OS process that appends to the same store: `count` events to `streamId` in
   * batches of `batchSize`, reading the head and retrying on a concurrency conflict.
   */
  spawnAppender(args: { streamId: string; count: number; batchSize: number; tag: string }): ChildProcess;
  cleanup(): Promise<void>;
}

export function newEvent(type: string, data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { actor: 'admin', correlationId: randomUUID(), recordedAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 },
  };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export function describeEventStoreContract(adapter: string, open: () => Promise<ContractFixture>): void {
  describe(`event store contract: ${adapter}`, () => {
    let fixture: ContractFixture;
    let store: EventStore;
    beforeEach(async () => {
      fixture = await open();
      store = fixture.store;
    });
    afterEach(async () => {
      await store.close();
      await fixture.cleanup();
    });

    it('appends events to a new stream with revisions from 0 and rising positions', async () => {
      const result = await store.append('s-1', [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(1);
      const events = await collect(store.readStream('s-1'));
      expect(events.map((e) => [e.type, e.revision])).toEqual([['A', 0], ['B', 1]]);
      expect(events[1].position).toBeGreaterThan(events[0].position);
      expect(result.position).toBe(events[1].position);
    });

    it('keeps data and metadata exactly as given', async () => {
      const event = newEvent('HoursPaid', { hours: '2.50', memo: 'childcare, "Tuesday" ☕', nested: { a: [1, 'b'] } });
      await store.append('s-1', [event], { expectedRevision: 'any' });
      const [read] = await collect(store.readStream('s-1'));
      expect(read).toMatchObject({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
    });

    it('checks each form of expected revision', async () => {
      await expect(store.append('s-1', [newEvent('A')], { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(
        WrongExpectedRevision,
      );
      await store.append('s-1', [newEvent('A')], { expectedRevision: 'no_stream' });
      await expect(store.append('s-1', [newEvent('B')], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        WrongExpectedRevision,
      );
      await expect(store.append('s-1', [newEvent('B')], { expectedRevision: 5 })).rejects.toBeInstanceOf(
        WrongExpectedRevision,
      );
      await store.append('s-1', [newEvent('B')], { expectedRevision: 0 });
      await store.append('s-1', [newEvent('C')], { expectedRevision: 'stream_exists' });
      await store.append('s-1', [newEvent('D')], { expectedRevision: 'any' });
      expect((await collect(store.readStream('s-1'))).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
    });

    it('records nothing of an append whose expectation is stale', async () => {
      await store.append('s-1', [newEvent('A')], { expectedRevision: 'no_stream' });
      await expect(
        store.append('s-1', [newEvent('X'), newEvent('Y')], { expectedRevision: 'no_stream' }),
      ).rejects.toMatchObject({ code: 'concurrency_conflict' });
      expect((await collect(store.readAll())).map((e) => e.type)).toEqual(['A']);
    });

    it('lets exactly one of two concurrent appends at the same revision win', async () => {
      await store.append('s-1', [newEvent('A')], { expectedRevision: 'no_stream' });
      const results = await Promise.allSettled([
        store.append('s-1', [newEvent('B1')], { expectedRevision: 0 }),
        store.append('s-1', [newEvent('B2')], { expectedRevision: 0 }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await collect(store.readStream('s-1'))).toHaveLength(2);
    });

    it('fails one stale append without failing others written at the same moment', async () => {
      await store.append('s-1', [newEvent('A')], { expectedRevision: 'no_stream' });
      const results = await Promise.allSettled([
        store.append('s-2', [newEvent('ok-1')], { expectedRevision: 'no_stream' }),
        store.append('s-1', [newEvent('stale')], { expectedRevision: 7 }),
        store.append('s-3', [newEvent('ok-2')], { expectedRevision: 'any' }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((await collect(store.readAll())).map((e) => e.type)).toEqual(['A', 'ok-1', 'ok-2']);
    });

    it('reads a stream from a revision and $all after a position, across many pages', async () => {
      const batch = Array.from({ length: 2500 }, (_, i) => newEvent('N', { i }));
      await store.append('big', batch, { expectedRevision: 'no_stream' });
      await store.append('other', [newEvent('O')], { expectedRevision: 'no_stream' });
      const tail = await collect(store.readStream('big', { fromRevision: 2400 }));
      expect(tail.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 100 }, (_, i) => 2400 + i));
      const all = await collect(store.readAll());
      expect(all).toHaveLength(2501);
      const after = await collect(store.readAll({ after: all[1999].position, maxCount: 10 }));
      expect(after.map((e) => e.position)).toEqual(all.slice(2000, 2010).map((e) => e.position));
      expect(await store.headPosition()).toBe(all[2500].position);
    });

    it('reads $all filtered to some streams, in global order', async () => {
      await store.append('hub-a', [newEvent('A1')], { expectedRevision: 'any' });
      await store.append('hub-b', [newEvent('B1')], { expectedRevision: 'any' });
      await store.append('pool-a', [newEvent('A2')], { expectedRevision: 'any' });
      await store.append('hub-a', [newEvent('A3')], { expectedRevision: 'any' });
      const all = await collect(store.readAll({ streams: ['hub-a', 'pool-a'] }));
      expect(all.map((e) => e.type)).toEqual(['A1', 'A2', 'A3']);
      const later = await collect(store.readAll({ streams: ['hub-a', 'pool-a'], after: all[0].position, maxCount: 1 }));
      expect(later.map((e) => e.type)).toEqual(['A2']);
    });

    it('reads an unknown stream as empty and an empty store as head 0', async () => {
      expect(await collect(store.readStream('nobody'))).toEqual([]);
      expect(await store.headPosition()).toBe(0);
    });

    it('chains each event to the previous one in its stream by hash', async () => {
      await store.append('s-1', [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream' });
      await store.append('s-2', [newEvent('C')], { expectedRevision: 'no_stream' });
      await store.append('s-1', [newEvent('D')], { expectedRevision: 1 });
      const previous = new Map<string, string>();
      for (const event of await collect(store.readAll())) {
        expect(event.hash).toBe(eventHash(previous.get(event.streamId) ?? GENESIS_HASH, event));
        previous.set(event.streamId, event.hash);
      }
      expect(previous.size).toBe(2);
    });

    it('delivers history and then live events to a subscriber, in order', async () => {
      await store.append('s-1', [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream' });
      const subscription = store.subscribeToAll({ after: 0 });
      const seen: RecordedEvent[] = [];
      const done = (async () => {
        for await (const page of subscription) {
          seen.push(...page);
          if (seen.length >= 4) subscription.close();
        }
      })();
      await store.append('s-2', [newEvent('C')], { expectedRevision: 'no_stream' });
      await store.append('s-1', [newEvent('D')], { expectedRevision: 1 });
      await done;
      expect(seen.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
    });

    it('sees appends made through another handle on the same store', async () => {
      const other = await fixture.reopen();
      try {
        await other.append('s-1', [newEvent('A')], { expectedRevision: 'no_stream' });
        await expect(store.append('s-1', [newEvent('B')], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
          WrongExpectedRevision,
        );
        expect((await collect(store.readStream('s-1'))).map((e) => e.type)).toEqual(['A']);
      } finally {
        await other.close();
      }
    });

    it('loses and duplicates no revision when two OS processes append to one stream', async () => {
      const count = 300;
      const children = ['p1', 'p2'].map((tag) => fixture.spawnAppender({ streamId: 'shared', count, batchSize: 3, tag }));
      const codes = await Promise.all(children.map(exited));
      expect(codes).toEqual([0, 0]);
      const events = await collect(store.readStream('shared'));
      expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 2 * count }, (_, i) => i));
      for (const tag of ['p1', 'p2']) {
        const mine = events.filter((e) => (e.data as { tag: string }).tag === tag).map((e) => (e.data as { n: number }).n);
        expect(mine).toEqual(Array.from({ length: count }, (_, i) => i));
      }
    });

    it('keeps all or none of a batch when the appending process is killed with SIGKILL', async () => {
      const batchSize = 50;
      const child = fixture.spawnAppender({ streamId: 'killed', count: 1_000_000, batchSize, tag: 'k' });
      await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 150));
      child.kill('SIGKILL');
      await exited(child);
      const reopened = await fixture.reopen();
      try {
        const events = await collect(reopened.readStream('killed'));
        expect(events.length).toBeGreaterThan(0);
        expect(events.length % batchSize).toBe(0);
        expect(events.map((e) => (e.data as { n: number }).n)).toEqual(events.map((_, i) => i));
      } finally {
        await reopened.close();
      }
    });
  });
}
