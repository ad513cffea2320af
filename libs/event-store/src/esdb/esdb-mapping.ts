import { createHash } from 'node:crypto';
import { NO_STREAM, Position } from '@eventstore/db-client';
import { EventMetadata, ExpectedRevision, RecordedEvent, StoreUnavailable, WrongExpectedRevision } from '../event-store';
import { expectationProblem } from '../expected-revision';

/**
 * How the port's values map onto EventStoreDB's: pure functions, unit-tested here, since no
 * EventStoreDB server can run on the machines this project is built on.
 */

/** What the adapter stores as an EventStoreDB event's metadata: ours, and the chain hash beside it. */
export interface StoredMetadata {
  metadata: EventMetadata;
  hash: string;
}

/** The port's `after` (exclusive) as a position to read from (inclusive): the caller skips that one event. */
export function readPositionAfter(after: number): Position | 'start' {
  return after <= 0 ? 'start' : { commit: BigInt(after), prepare: BigInt(after) };
}

/** Commit positions are byte offsets in the log: far below 2^53 for any ledger, so a number holds them. */
export function positionOf(position: Position | undefined): number {
  if (!position) throw new Error('event read from $all without a position');
  return Number(position.commit);
}

/** The revision to append at, given the stream's head as read just before (null: no stream). */
export function appendRevision(head: number | null): bigint | typeof NO_STREAM {
  return head === null ? NO_STREAM : BigInt(head);
}

/** The port's expectation, checked against the head the adapter read (it needs the head for the hash chain). */
export function checkExpectation(streamId: string, expected: ExpectedRevision, head: number | null): void {
  const problem = expectationProblem(streamId, expected, head ?? undefined);
  if (problem) throw problem;
}

const KEY_STREAM_PREFIX = 'idempotency-';

/** Only our streams: EventStoreDB's own ($-prefixed) events and the keys' streams are not the ledger's history. */
export function isLedgerEvent(type: string, streamId: string): boolean {
  return !type.startsWith('$') && !streamId.startsWith('$') && !streamId.startsWith(KEY_STREAM_PREFIX);
}

/** One stream per Idempotency-Key, named by a digest: keys and scopes may hold characters a stream name should not. */
export function keyStream(scope: string, key: string): string {
  return KEY_STREAM_PREFIX + createHash('sha256').update(`${scope}\n${key}`).digest('hex');
}

/**
 * The id of a keyed command's `index`th event: a UUID drawn from (scope, key, index), so that a
 * retry of the same append carries the same ids and the server's idempotent-append check drops it.
 */
export function keyedEventId(scope: string, key: string, index: number): string {
  const hex = createHash('sha256').update(`commons-ledger-event-id\n${scope}\n${key}\n${index}`).digest('hex');
  // RFC 4122 layout: version 5 (name-based), variant 10
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Events of several streams, each in position order, as one sequence in position order. */
export function mergeByPosition(streams: RecordedEvent[][]): RecordedEvent[] {
  return streams.flat().sort((a, b) => a.position - b.position);
}

export interface EsdbRecorded {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

export function toRecorded(event: EsdbRecorded, position: number): RecordedEvent {
  const stored = event.metadata as StoredMetadata;
  if (!stored || typeof stored.hash !== 'string') throw new Error(`event ${event.id} carries no chain hash`);
  return {
    position,
    streamId: event.streamId,
    revision: Number(event.revision),
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: stored.metadata,
    hash: stored.hash,
  };
}

/** The client's errors as the port's: a wrong revision, or a cluster out of reach (503 upstream). */
export function portError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  const type = (error as { type?: string } | null)?.type;
  if (type === 'wrong-expected-version') {
    const actual = (error as { actualVersion?: unknown }).actualVersion;
    return new WrongExpectedRevision(streamId, expected, typeof actual === 'bigint' ? Number(actual) : 'no_stream');
  }
  if (type === 'unavailable' || type === 'deadline-exceeded' || type === 'not-leader') {
    return new StoreUnavailable(`EventStoreDB unavailable: ${(error as Error).message}`, error);
  }
  return error;
}
