import { EventStore, ReadAllOptions, RecordedEvent, StoredEvent } from '../event-store';
import { GENESIS_HASH, eventHash, eventHashOfCanonical, ledgerFingerprint, parseFingerprint } from '../hash-chain';

const PROBLEMS_MAX = 100; // the first one names the damage; a flood of followers adds nothing

export interface VerifyProblem {
  position: number;
  streamId: string;
  revision: number;
  problem: string;
}

export interface VerifyReport {
  ok: boolean;
  events: number;
  position: number;
  fingerprint: string;
  problems: VerifyProblem[];
}

export interface VerifyOptions {
  /** a fingerprint published earlier: history up to its position must still produce it */
  fingerprint?: string;
  /** each stream's head as the store records it, to catch a deleted tail */
  recordedHeads?: Map<string, { revision: number; hash: string }>;
}

/** What verification reads: the stored text where the store keeps it, else the parsed events. */
export type VerifiableEvent = StoredEvent | RecordedEvent;

/** `$all` as verification wants it: unparsed where the store can give it so (parsing would be wasted). */
export function historyToVerify(store: EventStore, options: ReadAllOptions = {}): AsyncIterable<VerifiableEvent> {
  return store.readAllStored ? store.readAllStored(options) : store.readAll(options);
}

/**
 * Recomputes every stream's hash chain from the events alone. A changed event breaks its own
 * hash; a deleted, inserted or moved one breaks the revision sequence; a truncated history no
 * longer reproduces a published fingerprint.
 */
export async function verifyHistory(events: AsyncIterable<VerifiableEvent>, options: VerifyOptions = {}): Promise<VerifyReport> {
  const heads = new Map<string, { revision: number; hash: string }>();
  const problems: VerifyProblem[] = [];
  const report = (event: { position: number; streamId: string; revision: number }, problem: string) => {
    if (problems.length < PROBLEMS_MAX) problems.push({ position: event.position, streamId: event.streamId, revision: event.revision, problem });
  };
  const target = options.fingerprint === undefined ? null : parseFingerprint(options.fingerprint);
  if (options.fingerprint !== undefined && !target) {
    problems.push({ position: 0, streamId: '', revision: -1, problem: `not a fingerprint: ${options.fingerprint}` });
  }
  let targetChecked = false;
  const checkTarget = (position: number) => {
    targetChecked = true;
    if (ledgerFingerprint(target!.position, heads) !== options.fingerprint) {
      report({ position, streamId: '', revision: -1 }, `history up to position ${target!.position} no longer matches fingerprint ${options.fingerprint}`);
    }
  };

  let count = 0;
  let last = 0;
  for await (const event of events) {
    if (target && !targetChecked && event.position > target.position) checkTarget(event.position);
    if (event.position <= last) report(event, `position ${event.position} is out of order after ${last}`);
    const head = heads.get(event.streamId);
    const expectedRevision = head ? head.revision + 1 : 0;
    if (event.revision !== expectedRevision) {
      report(event, `revision ${event.revision} where ${expectedRevision} was expected: an event was deleted, inserted or moved`);
    }
    const previous = head ? head.hash : GENESIS_HASH;
    const computed = event.canonical
      ? eventHashOfCanonical(previous, event, event.canonical.data, event.canonical.metadata)
      : eventHash(previous, event as RecordedEvent);
    if (event.hash !== computed) {
      report(event, 'hash does not match the content and the previous hash: the event or its stored hash was changed');
    }
    // carry the stored hash on, so one changed event is reported once, not at every later one
    heads.set(event.streamId, { revision: event.revision, hash: event.hash });
    last = Math.max(last, event.position);
    count += 1;
  }
  if (target && !targetChecked) {
    if (last < target.position) report({ position: last, streamId: '', revision: -1 }, `history ends at position ${last}, before the fingerprint's position ${target.position}: events were removed`);
    else checkTarget(last);
  }
  for (const [streamId, head] of options.recordedHeads ? heads : []) {
    if (!options.recordedHeads!.has(streamId)) {
      report({ position: last, streamId, revision: head.revision }, 'events of a stream the store never recorded a head for: they were inserted');
    }
  }
  for (const [streamId, recorded] of options.recordedHeads ?? []) {
    const head = heads.get(streamId);
    if (!head || head.revision !== recorded.revision || head.hash !== recorded.hash) {
      report({ position: last, streamId, revision: recorded.revision }, `the stream's recorded head is revision ${recorded.revision} but its events end at ${head ? head.revision : 'nothing'}: events were removed`);
    }
  }
  return { ok: problems.length === 0, events: count, position: last, fingerprint: ledgerFingerprint(last, heads), problems };
}
