import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { hubStream, hubStreams } from '@commons/domain';
import { EventStore } from '@commons/event-store';
import { JOURNAL_CSV_HEADER, Journal, journalCsvRow } from '@commons/projections';
import { Options, choiceOption } from '../args';
import { openEvents } from '../data-dir';

/**
 * `commons audit export --format csv|jsonl [--hub H] [--out FILE]`: the whole journal, streamed
 * event by event, so memory stays flat however long the history.
 */
export async function auditExport(options: Options, stdout: NodeJS.WritableStream): Promise<number> {
  const format = choiceOption(options, 'format', ['csv', 'jsonl']);
  const hub = options.get('hub') as string | undefined;
  const target = options.get('out') as string | undefined;
  const store = await openEvents(options);
  // a hub that does not exist is an error, not an empty journal
  if (hub !== undefined && !(await hasEvents(store, hubStream(hub)))) {
    await store.close();
    process.stderr.write(`commons: no hub ${hub} in this ledger\n`);
    return 1;
  }
  const out = target ? createWriteStream(target) : stdout;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain'); // the reader sets the pace
  };
  try {
    if (format === 'csv') await write(`${JOURNAL_CSV_HEADER}\n`);
    const journal = new Journal();
    for await (const event of store.readAll(hub ? { streams: hubStreams(hub) } : {})) {
      const line = journal.line(event);
      await write(format === 'csv' ? `${journalCsvRow(line)}\n` : `${JSON.stringify({ ...line, data: event.data })}\n`);
    }
    if (target) {
      (out as NodeJS.WritableStream & { end(): void }).end();
      await once(out, 'finish');
    }
    return 0;
  } finally {
    await store.close();
  }
}

async function hasEvents(store: EventStore, streamId: string): Promise<boolean> {
  for await (const _event of store.readStream(streamId)) return true;
  return false;
}
