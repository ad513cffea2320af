import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { EventMetadata } from './event-store';

/** The "previous hash" of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  id: string;
  streamId: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

/**
 * sha-256 over the previous event's hash and this event's canonical JSON
 * (`{"data","id","metadata","revision","streamId","type"}`, keys in that sorted order). The
 * stream and revision are inside what is hashed, so moving an event elsewhere breaks the chain.
 */
export function eventHash(previousHash: string, event: HashedFields): string {
  return eventHashOfCanonical(previousHash, event, canonicalJson(event.data), canonicalJson(event.metadata));
}

/** The same hash, when the canonical JSON of data and metadata is already at hand (the store keeps it). */
export function eventHashOfCanonical(
  previousHash: string,
  event: { id: string; streamId: string; revision: number; type: string },
  dataJson: string,
  metadataJson: string,
): string {
  const body =
    `{"data":${dataJson},"id":${JSON.stringify(event.id)},"metadata":${metadataJson},` +
    `"revision":${event.revision},"streamId":${JSON.stringify(event.streamId)},"type":${JSON.stringify(event.type)}}`;
  return createHash('sha256').update(previousHash).update('\n').update(body).digest('hex');
}

/**
 * The log chain: every event, in the store's one writer order, chained to the event before it in
 * the whole log, so a reorder across streams or the removal of a whole stream breaks it too.
 */
export function logHashOf(previousLogHash: string, position: number, eventHash: string): string {
  return createHash('sha256').update(`commons-ledger-log-v1\n${previousLogHash}\n${position}\n${eventHash}`).digest('hex');
}

/**
 * The ledger fingerprint at a position: sha-256 over every stream's head (id, revision, hash),
 * sorted by stream id. Published once, it lets anyone prove later that history up to that
 * position is unchanged. Written `<position>:<64 hex>`.
 */
export function ledgerFingerprint(position: number, heads: Map<string, { revision: number; hash: string }>): string {
  const hash = createHash('sha256').update(`commons-ledger-fingerprint-v1\n${position}\n`);
  for (const streamId of [...heads.keys()].sort()) {
    const head = heads.get(streamId)!;
    hash.update(`${streamId}\t${head.revision}\t${head.hash}\n`);
  }
  return `${position}:${hash.digest('hex')}`;
}

export function parseFingerprint(text: string): { position: number; hash: string } | null {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text);
  return match ? { position: Number(match[1]), hash: match[2] } : null;
}

/** A stream's last event as a chain check needs it. */
export interface ChainHead {
  revision: number;
  hash: string;
}

/**
 * Whether `event` follows `head` in its stream: the next revision, and a hash that covers its
 * content and the head's hash. Returns what is wrong, its first word saying what happened (removed,
 * inserted, changed), or null when the link holds. The server and verify both ask this.
 */
export function brokenLink(
  head: ChainHead | undefined,
  event: { position: number; streamId: string; revision: number; id: string; type: string; hash: string; data?: unknown; metadata?: EventMetadata; canonical?: { data: string; metadata: string } },
): string | null {
  const expected = head ? head.revision + 1 : 0;
  if (event.revision > expected) return `removed: revision ${event.revision} where ${expected} was expected; events of this stream are missing before it`;
  if (event.revision < expected) return `inserted: revision ${event.revision} where ${expected} was expected; an event was added to this stream`;
  const previous = head ? head.hash : GENESIS_HASH;
  const computed = event.canonical
    ? eventHashOfCanonical(previous, event, event.canonical.data, event.canonical.metadata)
    : eventHash(previous, event as HashedFields);
  return computed === event.hash ? null : 'changed: its hash does not match its content and the previous hash in its stream';
}
