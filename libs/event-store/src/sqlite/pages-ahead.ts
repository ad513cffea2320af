import { Worker } from 'node:worker_threads';
import { HistoryBroken, PageAhead, RecordedEvent } from '../event-store';
import { GENESIS_HASH } from '../hash-chain';

/**
 * The worker's whole program. It runs from its source text (`toString`), so it must not use
 * anything from this module's scope: all it needs arrives as arguments. It reads a page for each
 * credit the reader hands it, and posts each page as one JSON text with data and metadata spliced
 * in as stored (they are JSON already): one string crosses threads, copied whole, instead of a
 * structured clone of thousands of objects.
 */
function readPages(
  port: import('node:worker_threads').MessagePort,
  open: (file: string) => import('better-sqlite3').Database,
  sha256: (text: string) => string,
  job: { file: string; after: number; upTo: number; pageSize: number; genesis: string },
): void {
  type StoredRow = [number, string, number, string, string, string, string, string];
  let read: import('better-sqlite3').Statement<[number, number, number], StoredRow> | null = null;
  let after = job.after;
  let credits = 0;
  let done = false;
  // each stream's chain, checked here on the reader's own core: hash-chain.ts's brokenLink and
  // eventHashOfCanonical over the stored text, written out again since a worker shares no module
  const heads = new Map<string, { revision: number; hash: string }>();
  const brokenLink = (stream: string, revision: number, id: string, type: string, data: string, metadata: string, hash: string): string | null => {
    if (job.after > 0) return null; // the heads before `after` are not known here: the caller checks
    const head = heads.get(stream);
    const expected = head ? head.revision + 1 : 0;
    if (revision > expected) return `removed: revision ${revision} where ${expected} was expected; events of this stream are missing before it`;
    if (revision < expected) return `inserted: revision ${revision} where ${expected} was expected; an event was added to this stream`;
    const body = `{"data":${data},"id":${JSON.stringify(id)},"metadata":${metadata},"revision":${revision},"streamId":${JSON.stringify(stream)},"type":${JSON.stringify(type)}}`;
    if (sha256(`${head ? head.hash : job.genesis}\n${body}`) !== hash) return 'changed: its hash does not match its content and the previous hash in its stream';
    heads.set(stream, { revision, hash });
    return null;
  };
  port.on('message', (more: number) => {
    credits += more;
    try {
      // opened on the first request, so a file that cannot be opened is answered like any failure
      read ??= open(job.file)
        .prepare<[number, number, number], StoredRow>(
          'SELECT position, stream_id, revision, event_id, type, data, metadata, hash FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?',
        )
        .raw(true);
      while (credits > 0 && !done) {
        credits -= 1;
        const rows = read.all(after, job.upTo, job.pageSize);
        const parts: string[] = [];
        let broken: { position: number; streamId: string; revision: number; problem: string } | undefined;
        const first = after;
        for (const [position, stream, revision, id, type, data, metadata, hash] of rows) {
          const problem = brokenLink(stream, revision, id, type, data, metadata, hash);
          if (problem) {
            broken = { position, streamId: stream, revision, problem };
            break; // nothing after a broken link is handed over
          }
          parts.push(`[${position},${JSON.stringify(stream)},${revision},${JSON.stringify(id)},${JSON.stringify(type)},${data},${metadata},${JSON.stringify(hash)}]`);
          after = position;
        }
        done = broken !== undefined || rows.length < job.pageSize || after >= job.upTo;
        port.postMessage({ text: `[${parts.join(',')}]`, count: parts.length, after: first, last: after, done, broken });
      }
    } catch (error) {
      done = true;
      port.postMessage({ error: String((error as Error).message ?? error) });
    }
  });
}

type Broken = { position: number; streamId: string; revision: number; problem: string };
type Reply = { text: string; count: number; after: number; last: number; done: boolean; broken?: Broken } | { error: string };
type Row = [number, string, number, string, string, unknown, RecordedEvent['metadata'], string];

/**
 * The worker checks every event's hash chain as it reads it (from `after` 0, as a rebuild does),
 * and hands over nothing from the first broken link on: that page says where the chain broke.
 * `$all` from after `after` up to `upTo`, in pages read by a worker thread up to `ahead` pages
 * ahead of the caller, so reading rows from SQLite overlaps applying them (a rebuild's second
 * core). Pages stay unparsed text until the caller asks for their events: memory holds at most
 * `ahead` pages of text and the one page being applied.
 */
export async function* readPagesAhead(file: string, after: number, upTo: number, pageSize: number, ahead: number): AsyncGenerator<PageAhead> {
  const job = { file, after, upTo, pageSize, genesis: GENESIS_HASH };
  const open = `(file) => new (require(${JSON.stringify(require.resolve('better-sqlite3'))}))(file, { readonly: true, fileMustExist: true })`;
  const sha256 = `(text) => require('node:crypto').createHash('sha256').update(text).digest('hex')`;
  const worker = new Worker(`(${readPages.toString()})(require('node:worker_threads').parentPort, ${open}, ${sha256}, ${JSON.stringify(job)})`, { eval: true });
  let failed: Error | null = null;
  const replies: Reply[] = [];
  let waiting: (() => void) | null = null;
  const wake = () => {
    const resolve = waiting;
    waiting = null;
    resolve?.();
  };
  worker.on('message', (reply: Reply) => {
    replies.push(reply);
    wake();
  });
  worker.on('error', (error) => {
    failed ??= new Error(`the page reader failed: ${error?.message ?? String(error)}`);
    wake();
  });
  worker.on('exit', (code) => {
    // it only stops when told to, below, once nobody waits: any other stop is a failure
    failed ??= new Error(`the page reader stopped (exit code ${code})`);
    wake();
  });
  let reached = after;
  try {
    worker.postMessage(ahead);
    for (;;) {
      while (replies.length === 0) {
        if (failed) throw failed;
        await new Promise<void>((resolve) => (waiting = resolve));
      }
      const reply = replies.shift()!;
      if ('error' in reply) throw new Error(`reading events after position ${reached}: ${reply.error}`);
      reached = reply.last;
      worker.postMessage(1); // one page taken: the worker may read one more
      const broken = reply.broken && new HistoryBroken(reply.broken.position, reply.broken.streamId, reply.broken.revision, reply.broken.problem);
      if (reply.count > 0 || broken) yield { count: reply.count, last: reply.last, events: () => toEvents(reply.text, reply.after), chainChecked: after === 0, ...(broken ? { broken } : {}) };
      if (reply.done) return;
    }
  } finally {
    await worker.terminate();
  }
}

function toEvents(text: string, after: number): RecordedEvent[] {
  let rows: Row[];
  try {
    rows = JSON.parse(text) as Row[];
  } catch {
    throw new Error(`events after position ${after}: stored data or metadata is not JSON (run \`commons audit verify\`)`);
  }
  const events = new Array<RecordedEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    events[i] = { position: row[0], streamId: row[1], revision: row[2], id: row[3], type: row[4], data: row[5], metadata: row[6], hash: row[7] };
  }
  return events;
}
