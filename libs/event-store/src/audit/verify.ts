import { EventStore, ReadAllOptions, RecordedEvent, StoredEvent } from '../event-store';
import { GENESIS_HASH, brokenLink, ledgerFingerprint, logHashOf, parseFingerprint } from '../hash-chain';

const PROBLEMS_MAX = 100; // the first one names the damage; a flood of followers adds nothing
const LOOKAHEAD_MAX = 64; // events read ahead, to tell an event moved out of its place from one rewritten

export interface VerifyProblem {
  position: number;
  streamId: string;
  revision: number;
  /** begins with what happened: changed, removed, inserted or reordered */
  problem: string;
}

/** What was recorded after a published fingerprint's position: visible to whoever published it. */
export interface SinceFingerprint {
  position: number;
  events: number;
  byType: Record<string, number>;
  byStream: Record<string, number>;
}

export interface VerifyReport {
  ok: boolean;
  events: number;
  position: number;
  fingerprint: string;
  problems: VerifyProblem[];
  since?: SinceFingerprint;
}

export interface VerifyOptions {
  /** a fingerprint published earlier: history up to its position must still produce it */
  fingerprint?: string;
  /** each stream's head as the store records it, to catch a deleted tail */
  recordedHeads?: Map<string, { revision: number; hash: string }>;
  /** the events are the whole log in position order (not one hub's streams): its log chain is checked too */
  wholeLog?: boolean;
}

/** What verification reads: the stored text where the store keeps it, else the parsed events. */
export type VerifiableEvent = StoredEvent | RecordedEvent;

/** `$all` as verification wants it: unparsed where the store can give it so (parsing would be wasted). */
export function historyToVerify(store: EventStore, options: ReadAllOptions = {}): AsyncIterable<VerifiableEvent> {
  return store.readAllStored ? store.readAllStored(options) : store.readAll(options);
}

/**
 * Recomputes every stream's hash chain and, over the whole log of a store with one writer order,
 * the log chain: a changed event breaks its own hash; a removed, inserted or moved one breaks its
 * stream's revisions or the log's positions; a reorder across streams or a deleted stream breaks
 * the log chain; a history cut short no longer reproduces a published fingerprint.
 */
export async function verifyHistory(events: AsyncIterable<VerifiableEvent>, options: VerifyOptions = {}): Promise<VerifyReport> {
  const heads = new Map<string, { revision: number; hash: string }>();
  const problems: VerifyProblem[] = [];
  const report = (event: { position: number; streamId: string; revision: number }, problem: string) => {
    if (problems.length < PROBLEMS_MAX) problems.push({ position: event.position, streamId: event.streamId, revision: event.revision, problem });
  };
  const target = options.fingerprint === undefined ? null : parseFingerprint(options.fingerprint);
  if (options.fingerprint !== undefined && !target) throw new TypeError(`not a fingerprint: ${options.fingerprint}`);
  let targetChecked = false;
  const checkTarget = (position: number) => {
    targetChecked = true;
    if (ledgerFingerprint(target!.position, heads) !== options.fingerprint) {
      report({ position, streamId: '', revision: -1 }, `changed: history up to position ${target!.position} no longer matches fingerprint ${options.fingerprint}`);
    }
  };
  const since: SinceFingerprint | undefined = target ? { position: target.position, events: 0, byType: {}, byStream: {} } : undefined;
  const log: LogState = { position: 0, hash: GENESIS_HASH, before: null, chained: false, legacy: false };

  let count = 0;
  let last = 0;
  for await (const [event, ahead] of withLookahead(events, LOOKAHEAD_MAX)) {
    if (target && !targetChecked && event.position > target.position) checkTarget(event.position);
    if (since && event.position > since.position) {
      since.events += 1;
      since.byType[event.type] = (since.byType[event.type] ?? 0) + 1;
      since.byStream[event.streamId] = (since.byStream[event.streamId] ?? 0) + 1;
    }
    if (event.position <= last) report(event, `reordered: position ${event.position} comes after ${last}`);
    if (options.wholeLog) checkLog(event, ahead, log, report);
    const problem = brokenLink(heads.get(event.streamId), event);
    if (problem) report(event, problem);
    // carry the stored hash on, so one changed event is reported once, not at every later one
    heads.set(event.streamId, { revision: event.revision, hash: event.hash });
    last = Math.max(last, event.position);
    count += 1;
  }
  if (target && !targetChecked) {
    if (last < target.position) report({ position: last, streamId: '', revision: -1 }, `removed: history ends at position ${last}, before the fingerprint's position ${target.position}`);
    else checkTarget(last);
  }
  for (const [streamId, head] of options.recordedHeads ? heads : []) {
    if (!options.recordedHeads!.has(streamId)) {
      report({ position: last, streamId, revision: head.revision }, 'inserted: events of a stream the store never recorded a head for');
    }
  }
  for (const [streamId, recorded] of options.recordedHeads ?? []) {
    const head = heads.get(streamId);
    if (!head || head.revision !== recorded.revision || head.hash !== recorded.hash) {
      const ends = head ? `its events end at revision ${head.revision}` : 'none of its events is left';
      report({ position: last, streamId, revision: recorded.revision }, `removed: the stream's recorded head is revision ${recorded.revision} but ${ends}`);
    }
  }
  return { ok: problems.length === 0, events: count, position: last, fingerprint: ledgerFingerprint(last, heads), problems, ...(since ? { since } : {}) };
}

/**
 * The log chain at one event: positions follow each other from 1 with no gap, and each log hash
 * chains onto the one before. Rows written before the log chain existed carry none (the server
 * gives them one when it first opens the file); after the first row that has one, every row must.
 */
function checkLog(event: VerifiableEvent, ahead: readonly VerifiableEvent[], log: LogState, report: (event: VerifiableEvent, problem: string) => void): void {
  const stored = event.logHash ?? null;
  if (stored === null) {
    if (log.chained) report(event, 'inserted: it carries no log hash, so the ledger did not write it');
    else log.legacy = true;
    return;
  }
  if (log.chained || !log.legacy) {
    if (event.position > log.position + 1) {
      const missing = event.position - 1 === log.position + 1 ? `the event at position ${log.position + 1} is` : `the events at positions ${log.position + 1} to ${event.position - 1} are`;
      report(event, `removed: ${missing} missing from the log`);
    }
    if (stored !== logHashOf(log.hash, event.position, event.hash)) report(event, logBreak(event, ahead, log, stored));
  }
  // carry the stored hash on: one damage, one report
  log.position = event.position;
  log.before = log.hash;
  log.hash = stored;
  log.chained = true;
}

/** Why a log hash does not chain: which edit leaves exactly this trace. */
function logBreak(event: VerifiableEvent, ahead: readonly VerifiableEvent[], log: LogState, stored: string): string {
  // the log's entry for this position was made for an event read just ahead, or this one's for a later position
  const madeForLater = ahead.some((later) => logHashOf(log.hash, event.position, later.hash) === stored || later.logHash === logHashOf(log.hash, event.position, later.hash));
  if (madeForLater) return 'reordered: it is out of its place in the log; another event was recorded here';
  // this event's log entry was made when it sat one place earlier: something was slipped in before it
  if (log.before !== null && stored === logHashOf(log.before, event.position - 1, event.hash)) {
    return `inserted: it was recorded at position ${event.position - 1}; an event was slipped in before it`;
  }
  return 'changed: its log hash does not chain onto the event before it; it or its stored hashes were rewritten';
}

interface LogState {
  position: number;
  hash: string;
  /** the log hash before `hash`: an event slipped in leaves the next one chained onto it */
  before: string | null;
  /** a row with a log hash was met: every later one must chain */
  chained: boolean;
  /** rows without one came first: the first row with one starts the chain */
  legacy: boolean;
}

/** Each event with up to `size` of the events after it. */
async function* withLookahead<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<[T, readonly T[]]> {
  const window: T[] = [];
  const iterator = source[Symbol.asyncIterator]();
  let done = false;
  const fill = async () => {
    while (!done && window.length <= size) {
      const next = await iterator.next();
      if (next.done) done = true;
      else window.push(next.value);
    }
  };
  await fill();
  while (window.length > 0) {
    const event = window.shift()!;
    yield [event, window];
    await fill();
  }
}
