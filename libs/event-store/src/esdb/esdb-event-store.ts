import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  excludeSystemEvents,
  jsonEvent,
} from '@eventstore/db-client';
import { AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions, RecordedEvent, Subscription } from '../event-store';
import { GENESIS_HASH, eventHash } from '../hash-chain';
import {
  StoredMetadata,
  appendRevision,
  checkExpectation,
  isLedgerEvent,
  portError,
  positionOf,
  readPositionAfter,
  toRecorded,
} from './esdb-mapping';

const ANY_RETRY_MAX = 5; // 'any' appends still chain hashes: on a race, read the new head and try again
const PROBE_DEADLINE_MS = 3_000; // a cluster that does not answer by then is reported unreachable

/**
 * The event store port on EventStoreDB/KurrentDB. The hash chain is computed here, from the
 * stream's head read just before appending, and the append expects exactly that head, so two
 * writers cannot both chain onto it. The hash travels in each event's metadata.
 */
export class EsdbEventStore implements EventStore {
  private constructor(private readonly client: EventStoreDBClient) {}

  static connect(connectionString: string): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  /** Fails within seconds, with the client's reason, when nothing answers at the connection string. */
  async probe(): Promise<void> {
    const events = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline: PROBE_DEADLINE_MS });
    for await (const _ of events) break;
  }

  async append(streamId: string, events: NewEvent[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    for (let attempt = 1; ; attempt += 1) {
      const head = await this.head(streamId);
      checkExpectation(streamId, options.expectedRevision, head?.revision ?? null);
      let previous = head?.hash ?? GENESIS_HASH;
      let revision = head?.revision ?? -1;
      const stored = events.map((event) => {
        revision += 1;
        previous = eventHash(previous, { ...event, streamId, revision });
        const metadata: StoredMetadata = { metadata: event.metadata, hash: previous };
        return jsonEvent({ id: event.id, type: event.type, data: event.data as never, metadata });
      });
      try {
        await this.client.appendToStream(streamId, stored, { expectedRevision: appendRevision(head?.revision ?? null) });
      } catch (error) {
        const mapped = portError(error, streamId, options.expectedRevision);
        if (options.expectedRevision === 'any' && (mapped as Error).name === 'WrongExpectedRevision' && attempt < ANY_RETRY_MAX) continue;
        throw mapped;
      }
      // EventStoreDB answers with the last position only; read the appended events back for each one's
      const positions: number[] = [];
      for await (const resolved of this.client.readStream(streamId, { direction: FORWARDS, fromRevision: BigInt((head?.revision ?? -1) + 1) })) {
        if (resolved.event) positions.push(positionOf(resolved.event.position));
      }
      return { nextExpectedRevision: revision, hash: previous, position: positions[positions.length - 1] ?? 0, positions };
    }
  }

  private async head(streamId: string): Promise<{ revision: number; hash: string } | null> {
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
    const streams = options.streams ? new Set(options.streams) : null;
    // this client filters $all only in subscriptions; reads filter here
    for await (const resolved of this.client.readAll({ direction: FORWARDS, fromPosition: readPositionAfter(after) })) {
      const event = resolved.event;
      if (!event || !isLedgerEvent(event.type, event.streamId)) continue;
      const position = positionOf(event.position);
      if (position <= after || (streams && !streams.has(event.streamId))) continue;
      yield toRecorded(event, position);
      if ((left -= 1) <= 0) return;
    }
  }

  subscribeToAll(options: { after?: number } = {}): Subscription {
    const after = options.after ?? 0;
    const subscription = this.client.subscribeToAll({ fromPosition: readPositionAfter(after), filter: excludeSystemEvents() });
    async function* pages(): AsyncGenerator<RecordedEvent[]> {
      for await (const resolved of subscription) {
        const event = resolved.event;
        if (!event) continue;
        const position = positionOf(event.position);
        if (position > after) yield [toRecorded(event, position)];
      }
    }
    return {
      [Symbol.asyncIterator]: () => pages(),
      close: () => void subscription.unsubscribe(),
    };
  }

  async headPosition(): Promise<number> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 64 })) {
      if (resolved.event && isLedgerEvent(resolved.event.type, resolved.event.streamId)) return positionOf(resolved.event.position);
    }
    return 0;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
