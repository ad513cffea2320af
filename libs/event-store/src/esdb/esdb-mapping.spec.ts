import { NO_STREAM } from '@eventstore/db-client';
import { StoreUnavailable, WrongExpectedRevision } from '../event-store';
import { ACROSS_STREAMS_UNSUPPORTED, EsdbEventStore } from './esdb-event-store';
import { appendRevision, checkExpectation, isLedgerEvent, keyStream, keyedEventId, mergeByPosition, portError, positionOf, readPositionAfter, toRecorded } from './esdb-mapping';

describe('EventStoreDB adapter mapping', () => {
  it('reads $all from the start for position 0, and from a commit position otherwise', () => {
    expect(readPositionAfter(0)).toBe('start');
    expect(readPositionAfter(4242)).toEqual({ commit: 4242n, prepare: 4242n });
  });

  it('takes the commit position as the global position', () => {
    expect(positionOf({ commit: 123456789n, prepare: 123456700n })).toBe(123456789);
    expect(() => positionOf(undefined)).toThrow();
  });

  it('appends at the head it read: the stream revision, or no stream', () => {
    expect(appendRevision(null)).toBe(NO_STREAM);
    expect(appendRevision(7)).toBe(7n);
  });

  it.each([
    ['any', null, true],
    ['any', 3, true],
    ['no_stream', null, true],
    ['no_stream', 0, false],
    ['stream_exists', null, false],
    ['stream_exists', 2, true],
    [2, 2, true],
    [2, 3, false],
  ] as const)('checks expectation %p against head %p', (expected, head, ok) => {
    const check = () => checkExpectation('s', expected, head);
    if (ok) expect(check).not.toThrow();
    else expect(check).toThrow(WrongExpectedRevision);
  });

  it("keeps EventStoreDB's own events out of the ledger", () => {
    expect(isLedgerEvent('$metadata', 'hub-a')).toBe(false);
    expect(isLedgerEvent('HoursPaid', '$stats-127.0.0.1:2113')).toBe(false);
    expect(isLedgerEvent('HoursPaid', 'timebank-a')).toBe(true);
  });

  it('reads the chain hash back out of the stored metadata', () => {
    const metadata = { actor: 'ann', correlationId: 'c', recordedAt: 't', schemaVersion: 1 };
    const recorded = toRecorded(
      { streamId: 'timebank-a', id: 'e1', revision: 4n, type: 'HoursPaid', data: { hours: '1.00' }, metadata: { metadata, hash: 'ab'.repeat(32) } },
      99,
    );
    expect(recorded).toEqual({ position: 99, streamId: 'timebank-a', revision: 4, id: 'e1', type: 'HoursPaid', data: { hours: '1.00' }, metadata, hash: 'ab'.repeat(32) });
    expect(() => toRecorded({ streamId: 's', id: 'x', revision: 0n, type: 'T', data: {}, metadata: {} }, 1)).toThrow('no chain hash');
  });

  it("maps the client's errors to the port's", () => {
    const wrong = portError({ type: 'wrong-expected-version', actualVersion: 5n, message: 'x' }, 's', 4);
    expect(wrong).toBeInstanceOf(WrongExpectedRevision);
    expect(wrong).toMatchObject({ actual: 5, code: 'concurrency_conflict' });
    for (const type of ['unavailable', 'deadline-exceeded', 'not-leader']) {
      expect(portError(Object.assign(new Error('down'), { type }), 's', 'any')).toBeInstanceOf(StoreUnavailable);
    }
    const other = new Error('something else');
    expect(portError(other, 's', 'any')).toBe(other);
  });

  it('derives a keyed command’s event ids from its key: the same retry, the same ids; another key or index, others', () => {
    const id = keyedEventId('h/ann', 'pay-1', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keyedEventId('h/ann', 'pay-1', 0)).toBe(id);
    expect(new Set([id, keyedEventId('h/ann', 'pay-1', 1), keyedEventId('h/bob', 'pay-1', 0), keyedEventId('h/ann', 'pay-2', 0)]).size).toBe(4);
  });

  it('keeps the keys’ own streams, and the server’s, out of the ledger’s history', () => {
    const stream = keyStream('h/ann', 'pay-1');
    expect(stream).toMatch(/^idempotency-[0-9a-f]{64}$/);
    expect(keyStream('h/ann', 'pay-1')).toBe(stream);
    expect(isLedgerEvent('KeyRecorded', stream)).toBe(false);
    expect(isLedgerEvent('$statsCollected', '$stats-0.0.0.0:2113')).toBe(false);
    expect(isLedgerEvent('HoursPaid', 'timebank-h')).toBe(true);
  });

  it('merges a hub’s streams into one history in position order', () => {
    const at = (streamId: string, position: number) => ({ streamId, position }) as never;
    const merged = mergeByPosition([[at('hub-h', 1), at('hub-h', 7)], [at('timebank-h', 3), at('timebank-h', 9)], []]);
    expect(merged.map((event: { position: number }) => event.position)).toEqual([1, 3, 7, 9]);
  });
});

describe('EventStoreDB adapter without a transaction across streams', () => {
  it('refuses an append with events alongside in another stream before it sends anything', async () => {
    // nothing listens on this port: a refusal that reached for the network would fail otherwise, and later
    const store = EsdbEventStore.connect('esdb://127.0.0.1:1?tls=false');
    const event = { id: '00000000-0000-4000-8000-000000000000', type: 'ThingLent', data: {}, metadata: { actor: 'coco', correlationId: 'c', recordedAt: '2026-03-01T00:00:00.000Z', schemaVersion: 1 } };
    const append = store.append('things-h', [event], { expectedRevision: 'any', alongside: [{ streamId: 'timebank-h', events: [{ ...event, type: 'HoursPaid' }], expectedRevision: 'any' }] });
    await expect(append).rejects.toEqual(new StoreUnavailable(ACROSS_STREAMS_UNSUPPORTED));
    await store.close();
  });
});
