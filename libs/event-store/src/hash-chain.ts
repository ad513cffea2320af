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
