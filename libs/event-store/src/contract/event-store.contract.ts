import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { EventStore, KeyAlreadyRecorded, NewEvent, RecordedEvent, WrongExpectedRevision } from '../event-store';
import { GENESIS_HASH, eventHash } from '../hash-chain';

/**
 * What an adapter provides so that the one contract suite can run on it. The store is
 * persistent and shared, as a real server is: the suite never cleans it, and passes when run
 * twice against it. Each test works in streams of its own and measures positions from a mark.
 */
export interface ContractFixture {
  /** a handle on the shared store */
  open(): Promise<EventStore>;
  /**
   * Starts an OS process that appends to the same store: `count` events to `streamId` in
   * batches of `batchSize`, reading the head and retrying on a concurrency conflict.
   */
  spawnAppender(args: { streamId: string; count: number; batchSize: number; tag: string }): ChildProcess;
  /** false where the store has no transaction across streams: it must refuse `alongside`, recording nothing */
  appendsAcrossStreams?: boolean;
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

/** Registers the suite; `run` names one pass of it (the suite runs twice on one store). */
export function describeEventStoreContract(adapter: string, run: string, fixture: () => ContractFixture): void {
  describe(`event store contract: ${adapter}, ${run}`, () => {
    let store: EventStore;
    let prefix: string;
    /** the store's head when the test began: positions of this test's events are above it */
    let mark: number;
    /** a stream of this test only */
    const s = (name: string) => `${prefix}-${name}`;
    /** $all after the mark, this test's streams only */
    const mine = async (...names: string[]) => collect(store.readAll({ after: mark, streams: names.map(s) }));

    beforeEach(async () => {
      store = await fixture().open();
      prefix = `contract${randomUUID().slice(0, 8)}`;
      mark = await store.headPosition();
    });
    afterEach(async () => {
      await store.close();
    });

    it('appends events to a new stream with revisions from 0 and positions above the mark, rising', async () => {
      const result = await store.append(s('1'), [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(1);
      const events = await collect(store.readStream(s('1')));
      expect(events.map((e) => [e.type, e.revision])).toEqual([['A', 0], ['B', 1]]);
      expect(events[0].position).toBeGreaterThan(mark);
      expect(events[1].position).toBeGreaterThan(events[0].position);
      expect(result.position).toBe(events[1].position);
      expect(result.positions).toEqual(events.map((e) => e.position));
    });

    it('keeps data and metadata exactly as given', async () => {
      const event = newEvent('HoursPaid', { hours: '2.50', memo: 'childcare, "Tuesday" ☕', nested: { a: [1, 'b'] } });
      await store.append(s('1'), [event], { expectedRevision: 'any' });
      const [read] = await collect(store.readStream(s('1')));
      expect(read).toMatchObject({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
    });

    it('checks each form of expected revision', async () => {
      await expect(store.append(s('1'), [newEvent('A')], { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(WrongExpectedRevision);
      await store.append(s('1'), [newEvent('A')], { expectedRevision: 'no_stream' });
      await expect(store.append(s('1'), [newEvent('B')], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(store.append(s('1'), [newEvent('B')], { expectedRevision: 5 })).rejects.toBeInstanceOf(WrongExpectedRevision);
      await store.append(s('1'), [newEvent('B')], { expectedRevision: 0 });
      await store.append(s('1'), [newEvent('C')], { expectedRevision: 'stream_exists' });
      await store.append(s('1'), [newEvent('D')], { expectedRevision: 'any' });
      expect((await collect(store.readStream(s('1')))).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
    });

    it('records nothing of an append whose expectation is stale', async () => {
      await store.append(s('1'), [newEvent('A')], { expectedRevision: 'no_stream' });
      await expect(store.append(s('1'), [newEvent('X'), newEvent('Y')], { expectedRevision: 'no_stream' })).rejects.toMatchObject({
        code: 'concurrency_conflict',
      });
      expect((await mine('1')).map((e) => e.type)).toEqual(['A']);
    });

    it('lets exactly one of two concurrent appends at the same revision win', async () => {
      await store.append(s('1'), [newEvent('A')], { expectedRevision: 'no_stream' });
      const results = await Promise.allSettled([
        store.append(s('1'), [newEvent('B1')], { expectedRevision: 0 }),
        store.append(s('1'), [newEvent('B2')], { expectedRevision: 0 }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await collect(store.readStream(s('1')))).toHaveLength(2);
    });

    it('fails one stale append without failing others written at the same moment', async () => {
      await store.append(s('1'), [newEvent('A')], { expectedRevision: 'no_stream' });
      const results = await Promise.allSettled([
        store.append(s('2'), [newEvent('ok-1')], { expectedRevision: 'no_stream' }),
        store.append(s('1'), [newEvent('stale')], { expectedRevision: 7 }),
        store.append(s('3'), [newEvent('ok-2')], { expectedRevision: 'any' }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((await mine('1', '2', '3')).map((e) => e.type)).toEqual(['A', 'ok-1', 'ok-2']);
    });

    it('appends to a second stream in the same transaction, its events first, each chained in its own stream', async () => {
      await store.append(s('tb'), [newEvent('T0')], { expectedRevision: 'no_stream' });
      const append = store.append(s('things'), [newEvent('Lent')], {
        expectedRevision: 'no_stream',
        alongside: [{ streamId: s('tb'), events: [newEvent('Paid')], expectedRevision: 0 }],
        keys: [{ scope: prefix, key: 'k1', requestHash: 'h', body: { ok: true }, firstIndex: 0, lastIndex: 0 }],
      });
      if (fixture().appendsAcrossStreams === false) {
        await expect(append).rejects.toMatchObject({ code: 'unavailable' });
        expect((await mine('tb', 'things')).map((e) => e.type)).toEqual(['T0']);
        return;
      }
      const result = await append;
      const events = await mine('tb', 'things');
      expect(events.map((e) => [e.streamId, e.type, e.revision])).toEqual([
        [s('tb'), 'T0', 0],
        [s('tb'), 'Paid', 1],
        [s('things'), 'Lent', 0],
      ]);
      expect(result).toMatchObject({ nextExpectedRevision: 0, position: events[2].position, alongside: [{ nextExpectedRevision: 1, position: events[1].position }] });
      expect(events[1].hash).toBe(result.alongside![0].hash);
      expect(events[1].hash).toBe(eventHash(events[0].hash, events[1]));
      expect(await store.recordedKeys([{ scope: prefix, key: 'k1' }])).toEqual([expect.objectContaining({ position: events[2].position })]);
      await store.append(s('tb'), [newEvent('T2')], { expectedRevision: 1 });
    });

    it('records nothing in either stream when either expectation is stale', async () => {
      if (fixture().appendsAcrossStreams === false) return;
      await store.append(s('tb'), [newEvent('T0')], { expectedRevision: 'no_stream' });
      const staleOther = store.append(s('things'), [newEvent('Lent')], { expectedRevision: 'no_stream', alongside: [{ streamId: s('tb'), events: [newEvent('Paid')], expectedRevision: 'no_stream' }] });
      await expect(staleOther).rejects.toBeInstanceOf(WrongExpectedRevision);
      const staleOwn = store.append(s('things'), [newEvent('Lent')], { expectedRevision: 3, alongside: [{ streamId: s('tb'), events: [newEvent('Paid')], expectedRevision: 0 }] });
      await expect(staleOwn).rejects.toBeInstanceOf(WrongExpectedRevision);
      expect((await mine('tb', 'things')).map((e) => e.type)).toEqual(['T0']);
      const both = await Promise.allSettled([
        store.append(s('things'), [newEvent('Lent-1')], { expectedRevision: 'no_stream', alongside: [{ streamId: s('tb'), events: [newEvent('Paid-1')], expectedRevision: 0 }] }),
        store.append(s('tb'), [newEvent('Other')], { expectedRevision: 0 }),
      ]);
      expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const types = (await mine('tb', 'things')).map((e) => e.type);
      expect(types.includes('Paid-1')).toBe(types.includes('Lent-1'));
    });

    it('reads a stream from a revision and $all after a position, across many pages', async () => {
      const batch = Array.from({ length: 2500 }, (_, i) => newEvent('N', { i }));
      await store.append(s('big'), batch, { expectedRevision: 'no_stream' });
      const last = await store.append(s('other'), [newEvent('O')], { expectedRevision: 'no_stream' });
      const tail = await collect(store.readStream(s('big'), { fromRevision: 2400 }));
      expect(tail.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 100 }, (_, i) => 2400 + i));
      const all = await mine('big', 'other');
      expect(all).toHaveLength(2501);
      const after = await collect(store.readAll({ after: all[1999].position, maxCount: 10, streams: [s('big')] }));
      expect(after.map((e) => e.position)).toEqual(all.slice(2000, 2010).map((e) => e.position));
      expect(await store.headPosition()).toBeGreaterThanOrEqual(last.position);
    });

    it('reads $all filtered to some streams, in global order', async () => {
      await store.append(s('hub'), [newEvent('A1')], { expectedRevision: 'any' });
      await store.append(s('hub-b'), [newEvent('B1')], { expectedRevision: 'any' });
      await store.append(s('pool'), [newEvent('A2')], { expectedRevision: 'any' });
      await store.append(s('hub'), [newEvent('A3')], { expectedRevision: 'any' });
      const all = await mine('hub', 'pool');
      expect(all.map((e) => e.type)).toEqual(['A1', 'A2', 'A3']);
      const later = await collect(store.readAll({ streams: [s('hub'), s('pool')], after: all[0].position, maxCount: 1 }));
      expect(later.map((e) => e.type)).toEqual(['A2']);
    });

    it('reads an unknown stream as empty, and the head as the last event appended, however many came before', async () => {
      expect(await collect(store.readStream(s('nobody')))).toEqual([]);
      for (let i = 0; i < 5; i += 1) await store.append(s(`filler-${i}`), Array.from({ length: 100 }, () => newEvent('F')), { expectedRevision: 'no_stream' });
      const last = await store.append(s('last'), [newEvent('L')], { expectedRevision: 'no_stream' });
      expect(await store.headPosition()).toBe(last.position);
      const reopened = await fixture().open();
      try {
        expect(await reopened.headPosition()).toBe(last.position);
      } finally {
        await reopened.close();
      }
    });

    it('answers each append with its own events’ positions while another handle appends at once', async () => {
      const other = await fixture().open();
      try {
        const appends = Array.from({ length: 10 }, (_, i) => {
          const handle = i % 2 === 0 ? store : other;
          return handle.append(s(`mixed-${i}`), Array.from({ length: 3 }, () => newEvent('M', { i })), { expectedRevision: 'no_stream' });
        });
        const results = await Promise.all(appends);
        for (const [i, result] of results.entries()) {
          const events = await collect(store.readStream(s(`mixed-${i}`)));
          expect(result.positions).toEqual(events.map((e) => e.position));
        }
      } finally {
        await other.close();
      }
    });

    it('chains each event to the previous one in its stream by hash', async () => {
      await store.append(s('1'), [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream' });
      await store.append(s('2'), [newEvent('C')], { expectedRevision: 'no_stream' });
      const third = await store.append(s('1'), [newEvent('D')], { expectedRevision: 1 });
      const previous = new Map<string, string>();
      for (const event of await mine('1', '2')) {
        expect(event.hash).toBe(eventHash(previous.get(event.streamId) ?? GENESIS_HASH, event));
        previous.set(event.streamId, event.hash);
      }
      expect(previous.size).toBe(2);
      expect(third.hash).toBe(previous.get(s('1')));
    });

    it('delivers history and then live events to a subscriber, in order, many to a page', async () => {
      await store.append(s('1'), Array.from({ length: 200 }, (_, i) => newEvent('H', { i })), { expectedRevision: 'no_stream' });
      const subscription = store.subscribeToAll({ after: mark });
      const seen: RecordedEvent[] = [];
      let pages = 0;
      const done = (async () => {
        for await (const page of subscription) {
          pages += 1;
          seen.push(...page.filter((e) => e.streamId.startsWith(prefix)));
          if (seen.length >= 202) subscription.close();
        }
      })();
      await store.append(s('2'), [newEvent('C')], { expectedRevision: 'no_stream' });
      await store.append(s('1'), [newEvent('D')], { expectedRevision: 199 });
      await done;
      expect(seen.map((e) => e.type)).toEqual([...Array.from({ length: 200 }, () => 'H'), 'C', 'D']);
      expect(seen.map((e) => e.position)).toEqual([...seen.map((e) => e.position)].sort((a, b) => a - b));
      expect(pages).toBeLessThan(100); // a catching-up reader gets pages, not one event at a time
    });

    it('sees appends made through another handle on the same store', async () => {
      const other = await fixture().open();
      try {
        await other.append(s('1'), [newEvent('A')], { expectedRevision: 'no_stream' });
        await expect(store.append(s('1'), [newEvent('B')], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedRevision);
        expect((await collect(store.readStream(s('1')))).map((e) => e.type)).toEqual(['A']);
      } finally {
        await other.close();
      }
    });

    it('records an Idempotency-Key once, with the answer and its position, whichever handle tries again', async () => {
      const key = { scope: `${prefix}/m1`, key: 'k-1', requestHash: 'h-1', body: { paid: '2.00' } };
      const first = await store.append(s('1'), [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream', keys: [{ ...key, firstIndex: 0, lastIndex: 1 }] });
      expect(await store.recordedKeys([{ scope: key.scope, key: key.key }, { scope: key.scope, key: 'never' }])).toEqual([
        { scope: key.scope, key: 'k-1', requestHash: 'h-1', body: { paid: '2.00' }, position: first.positions[1] },
      ]);
      const other = await fixture().open();
      try {
        // the same key again, on another stream and another handle: refused, nothing appended
        await expect(other.append(s('2'), [newEvent('C')], { expectedRevision: 'no_stream', keys: [{ ...key, firstIndex: 0, lastIndex: 0 }] })).rejects.toBeInstanceOf(
          KeyAlreadyRecorded,
        );
        // another caller's key of the same name is theirs
        await other.append(s('2'), [newEvent('C')], { expectedRevision: 'no_stream', keys: [{ ...key, scope: `${prefix}/m2`, firstIndex: 0, lastIndex: 0 }] });
      } finally {
        await other.close();
      }
      expect((await mine('1', '2')).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    });

    it('records a key raced by two handles at once exactly once', async () => {
      const other = await fixture().open();
      try {
        const key = { scope: `${prefix}/m1`, key: 'raced', requestHash: 'h', body: {}, firstIndex: 0, lastIndex: 0 };
        const results = await Promise.allSettled(
          Array.from({ length: 6 }, (_, i) => (i % 2 ? other : store).append(s(`race-${i}`), [newEvent('R', { i })], { expectedRevision: 'no_stream', keys: [key] })),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(KeyAlreadyRecorded);
        expect(await mine(...Array.from({ length: 6 }, (_, i) => `race-${i}`))).toHaveLength(1);
      } finally {
        await other.close();
      }
    });

    it('loses and duplicates no revision when two OS processes append to one stream', async () => {
      const count = 300;
      const children = ['p1', 'p2'].map((tag) => fixture().spawnAppender({ streamId: s('shared'), count, batchSize: 3, tag }));
      const codes = await Promise.all(children.map(exited));
      expect(codes).toEqual([0, 0]);
      const events = await collect(store.readStream(s('shared')));
      expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 2 * count }, (_, i) => i));
      for (const tag of ['p1', 'p2']) {
        const ofTag = events.filter((e) => (e.data as { tag: string }).tag === tag).map((e) => (e.data as { n: number }).n);
        expect(ofTag).toEqual(Array.from({ length: count }, (_, i) => i));
      }
    });

    it('keeps all or none of a batch when the appending process is killed with SIGKILL', async () => {
      const batchSize = 50;
      const child = fixture().spawnAppender({ streamId: s('killed'), count: 1_000_000, batchSize, tag: 'k' });
      await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 150));
      child.kill('SIGKILL');
      await exited(child);
      const reopened = await fixture().open();
      try {
        const events = await collect(reopened.readStream(s('killed')));
        expect(events.length).toBeGreaterThan(0);
        expect(events.length % batchSize).toBe(0);
        expect(events.map((e) => (e.data as { n: number }).n)).toEqual(events.map((_, i) => i));
      } finally {
        await reopened.close();
      }
    });
  });
}
