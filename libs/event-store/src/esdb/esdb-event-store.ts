import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  AllStreamRecordedEvent,
  Position,
  ReadPosition,
  START,
  excludeSystemEvents,
  jsonEvent,
} from '@eventstore/db-client';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  KeyAlreadyRecorded,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  RecordedKey,
  StoreUnavailable,
  Subscription,
} from '../event-store';
import { GENESIS_HASH, eventHash } from '../hash-chain';
import { KEY_RETENTION_MS } from '../idempotency-keys';
import {
  StoredMetadata,
  appendRevision,
  checkExpectation,
  isLedgerEvent,
  keyStream,
  keyedEventId,
  mergeByPosition,
  portError,
  positionOf,
  readPositionAfter,
  toRecorded,
} from './esdb-mapping';

const ANY_RETRY_MAX = 5; // 'any' appends still chain hashes: on a race, read the new head and try again
const PROBE_DEADLINE_MS = 3_000; // a cluster that does not answer by then is reported unreachable
const HEAD_PAGE = 256; // $all read backwards this many at a time until a ledger event turns up
const SUBSCRIPTION_PAGE_MAX = 10_000; // events handed to the reader at once, when they arrive faster than it applies them
export const ACROSS_STREAMS_UNSUPPORTED = 'EventStoreDB appends to one stream at a time here: a loan that costs hours cannot be recorded with its hours on this store';

interface Head {
  revision: number;
  hash: string;
}

/**
 * The event store port on EventStoreDB/KurrentDB. The hash chain is computed here, from the
 * stream's head (read, or remembered from this handle's own last append), and the append
 * expects exactly that head, so two writers cannot both chain onto it. The hash travels in each
 * event's metadata.
 *
 * Idempotency-Keys: a keyed command's events get ids derived from (scope, key, index), so the
 * server's own idempotent-append check drops a retry of the same append; the key and its answer
 * are then written to the key's own stream, kept for the retention period ($maxAge). The two
 * writes are not one transaction: a crash between them leaves the events without their key.
 */
export class EsdbEventStore implements EventStore {
  /** heads this handle wrote last: a stale one fails the append at the server, and is forgotten */
  private readonly heads = new Map<string, Head>();

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly keyRetentionMs = KEY_RETENTION_MS,
  ) {}

  static connect(connectionString: string, options: { keyRetentionMs?: number } = {}): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), options.keyRetentionMs);
  }

  /** Fails within seconds, with the client's reason, when nothing answers at the connection string. */
  async probe(): Promise<void> {
    const events = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline: PROBE_DEADLINE_MS });
    for await (const _ of events) break;
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    // the client (6.x) appends to one stream per call: two streams could not be all or none
    if ((options.alongside ?? []).length > 0) throw new StoreUnavailable(ACROSS_STREAMS_UNSUPPORTED);
    const keys = options.keys ?? [];
    const [taken] = keys.length > 0 ? await this.recordedKeys(keys) : [];
    if (taken) throw new KeyAlreadyRecorded(taken.scope, taken.key);
    // each keyed command's events take ids from its key: the same append retried is the same append
    const ids = events.map((event) => event.id);
    for (const key of keys) for (let i = key.firstIndex; i <= key.lastIndex; i += 1) ids[i] = keyedEventId(key.scope, key.key, i - key.firstIndex);
    for (let attempt = 1; ; attempt += 1) {
      const remembered = this.heads.get(streamId);
      const head = typeof options.expectedRevision === 'number' && remembered?.revision === options.expectedRevision ? remembered : await this.head(streamId);
      checkExpectation(streamId, options.expectedRevision, head?.revision ?? null);
      let previous = head?.hash ?? GENESIS_HASH;
      let revision = head?.revision ?? -1;
      const stored = events.map((event, i) => {
        revision += 1;
        previous = eventHash(previous, { ...event, id: ids[i], streamId, revision });
        const metadata: StoredMetadata = { metadata: event.metadata, hash: previous };
        return jsonEvent({ id: ids[i], type: event.type, data: event.data as never, metadata });
      });
      let appended;
      try {
        appended = await this.client.appendToStream(streamId, stored, { expectedRevision: appendRevision(head?.revision ?? null) });
      } catch (error) {
        this.heads.delete(streamId);
        const mapped = portError(error, streamId, options.expectedRevision);
        if (options.expectedRevision === 'any' && (mapped as Error).name === 'WrongExpectedRevision' && attempt < ANY_RETRY_MAX) continue;
        throw mapped;
      }
      this.heads.set(streamId, { revision, hash: previous });
      const positions = events.length <= 1 ? [positionOf(appended.position)] : await this.positionsOf(streamId, (head?.revision ?? -1) + 1, events.length);
      const position = positions[positions.length - 1] ?? 0;
      for (const key of keys) await this.recordKey({ scope: key.scope, key: key.key, requestHash: key.requestHash, body: key.body, position: positions[key.lastIndex] });
      return { nextExpectedRevision: revision, hash: previous, position, positions: events.length === 0 ? [] : positions };
    }
  }

  // EventStoreDB answers an append with the last position only: read just the appended events back for each one's
  private async positionsOf(streamId: string, fromRevision: number, count: number): Promise<number[]> {
    const positions: number[] = [];
    for await (const resolved of this.client.readStream(streamId, { direction: FORWARDS, fromRevision: BigInt(fromRevision), maxCount: count })) {
      if (resolved.event) positions.push(positionOf(resolved.event.position));
    }
    return positions;
  }

  private async head(streamId: string): Promise<Head | null> {
    try {
      for await (const resolved of this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
        if (!resolved.event) continue;
        return { revision: Number(resolved.event.revision), hash: (resolved.event.metadata as unknown as StoredMetadata).hash };
      }
      return null;
    } catch (error) {
      if ((error as { type?: string }).type === 'stream-not-found') return null;
      throw portError(error, streamId, 'any');
    }
  }

  private async recordKey(recorded: RecordedKey): Promise<void> {
    const stream = keyStream(recorded.scope, recorded.key);
    try {
      await this.client.appendToStream(stream, jsonEvent({ type: 'KeyRecorded', data: recorded as never }), { expectedRevision: NO_STREAM });
      await this.client.setStreamMetadata(stream, { maxAge: Math.ceil(this.keyRetentionMs / 1000) });
    } catch (error) {
      // recorded by a retry that won the race: the first record stands
      if ((error as { type?: string }).type !== 'wrong-expected-version') throw portError(error, stream, 'no_stream');
    }
  }

  async recordedKeys(keys: Array<{ scope: string; key: string }>): Promise<RecordedKey[]> {
    const found: RecordedKey[] = [];
    for (const { scope, key } of keys) {
      const recorded = await this.readKey(keyStream(scope, key));
      if (recorded) found.push(recorded);
    }
    return found;
  }

  private async readKey(stream: string): Promise<RecordedKey | null> {
    try {
      for await (const resolved of this.client.readStream(stream, { direction: FORWARDS, fromRevision: START, maxCount: 1 })) {
        if (resolved.event) return resolved.event.data as unknown as RecordedKey;
      }
      return null;
    } catch (error) {
      if ((error as { type?: string }).type === 'stream-not-found') return null;
      throw portError(error, stream, 'any');
    }
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    try {
      const from = options.fromRevision ? BigInt(options.fromRevision) : START;
      for await (const resolved of this.client.readStream(streamId, { direction: FORWARDS, fromRevision: from })) {
        if (resolved.event) yield toRecorded(resolved.event, positionOf(resolved.event.position));
      }
    } catch (error) {
      if ((error as { type?: string }).type === 'stream-not-found') return;
      throw portError(error, streamId, 'any');
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const after = options.after ?? 0;
    let left = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (options.streams) {
      // a hub's history is in its own streams: read those, not the whole of $all
      const perStream: RecordedEvent[][] = [];
      for (const streamId of options.streams) {
        const events: RecordedEvent[] = [];
        for await (const event of this.readStream(streamId)) if (event.position > after) events.push(event);
        perStream.push(events);
      }
      for (const event of mergeByPosition(perStream)) {
        yield event;
        if ((left -= 1) <= 0) return;
      }
      return;
    }
    // this client filters $all only in subscriptions; reads skip the server's own events here
    for await (const resolved of this.client.readAll({ direction: FORWARDS, fromPosition: readPositionAfter(after) })) {
      const event = resolved.event;
      if (!event || !isLedgerEvent(event.type, event.streamId)) continue;
      const position = positionOf(event.position);
      if (position <= after) continue;
      yield toRecorded(event, position);
      if ((left -= 1) <= 0) return;
    }
  }

  subscribeToAll(options: { after?: number } = {}): Subscription {
    const after = options.after ?? 0;
    const subscription = this.client.subscribeToAll({ fromPosition: readPositionAfter(after), filter: excludeSystemEvents() });
    // events pile up here while the reader applies a page; the next page takes them all
    const waiting: RecordedEvent[] = [];
    let wake: (() => void) | null = null;
    let ended = false;
    let failure: unknown = null;
    const notify = () => {
      const resolve = wake;
      wake = null;
      resolve?.();
    };
    subscription.on('data', (resolved) => {
      const event = resolved.event;
      if (!event || !isLedgerEvent(event.type, event.streamId)) return;
      const position = positionOf(event.position);
      if (position > after) waiting.push(toRecorded(event, position));
      if (waiting.length >= SUBSCRIPTION_PAGE_MAX) subscription.pause();
      notify();
    });
    subscription.on('error', (error) => {
      failure = error;
      notify();
    });
    subscription.on('end', () => {
      ended = true;
      notify();
    });
    async function* pages(): AsyncGenerator<RecordedEvent[]> {
      for (;;) {
        if (waiting.length > 0) {
          const page = waiting.splice(0, SUBSCRIPTION_PAGE_MAX);
          subscription.resume();
          yield page;
          continue;
        }
        if (failure) throw portError(failure, '$all', 'any');
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
    return {
      [Symbol.asyncIterator]: () => pages(),
      close: () => {
        ended = true;
        notify();
        void subscription.unsubscribe();
      },
    };
  }

  /** The position of the last ledger event: $all read backwards, past the server's own events however many. */
  async headPosition(): Promise<number> {
    let from: ReadPosition = END;
    for (;;) {
      let oldest: Position | null = null;
      const page = this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: HEAD_PAGE });
      for await (const resolved of page) {
        const event: AllStreamRecordedEvent | undefined = resolved.event;
        if (!event) continue;
        if (isLedgerEvent(event.type, event.streamId)) return positionOf(event.position);
        oldest = event.position ?? null;
      }
      // nothing older than the page's oldest event: the start of the log
      if (oldest === null || (from !== END && positionOf(oldest) >= positionOf(from as Position))) return 0;
      from = oldest;
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

