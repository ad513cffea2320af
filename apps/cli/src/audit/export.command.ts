import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { hubStreams } from '@commons/domain';
import { JOURNAL_CSV_HEADER, journalCsvRow, journalLine } from '@commons/projections';
import { UsageError } from '../args';
import { openEvents } from '../data-dir';

/**
 * `commons audit export --format csv|jsonl [--hub H] [--out FILE]`: the whole journal, streamed
 * event by event, so memory stays flat however long the history.
 */
export async function auditExport(options: Map<string, string | true>, stdout: NodeJS.WritableStream): Promise<number> {
  const format = options.get('format');
  if (format !== 'csv' && format !== 'jsonl') throw new UsageError('--format is csv or jsonl');
  const hub = options.get('hub');
  if (hub === true) throw new UsageError('--hub needs a hub id');
  const target = options.get('out');
  if (target === true) throw new UsageError('--out needs a file name');
  const store = openEvents(options);
  const out = target ? createWriteStream(target) : stdout;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain'); // the reader sets the pace
  };
  try {
    if (format === 'csv') await write(`${JOURNAL_CSV_HEADER}\n`);
    for await (const event of store.readAll(hub ? { streams: hubStreams(hub) } : {})) {
      const line = journalLine(event);
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
