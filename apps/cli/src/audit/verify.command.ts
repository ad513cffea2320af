import { hubOfStream } from '@commons/domain';
import { SinceFingerprint, historyToVerify, verifyHistory } from '@commons/event-store';
import { Options, fingerprintOption } from '../args';
import { openEvents } from '../data-dir';

/** `commons audit verify [--fingerprint F] [--json]`: exit 0 when every chain holds, 1 naming the first bad event. */
export async function auditVerify(options: Options, out: NodeJS.WritableStream): Promise<number> {
  const fingerprint = fingerprintOption(options);
  const store = await openEvents(options);
  try {
    const report = await verifyHistory(historyToVerify(store), { fingerprint, recordedHeads: await store.streamHeads?.(), wholeLog: true });
    if (options.get('json')) {
      out.write(`${JSON.stringify(report)}\n`);
    } else {
      out.write(`events checked: ${report.events}\nlast position:  ${report.position}\nfingerprint:    ${report.fingerprint}\n`);
      if (report.ok) out.write(`ok: every hash chain holds${fingerprint ? ', and so does the fingerprint' : ''}\n`);
      else {
        const [first] = report.problems;
        const where = first.streamId ? `at position ${first.position} (stream ${first.streamId}, revision ${first.revision})` : `at position ${first.position}`;
        out.write(`FAILED: first bad event ${where}: ${first.problem}\n`);
        if (report.problems.length > 1) out.write(`and ${report.problems.length - 1} more problem(s)\n`);
      }
      if (report.since) out.write(sinceText(report.since));
    }
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

/** What was recorded after the fingerprint: a forged addition is at least seen by whoever published it. */
function sinceText(since: SinceFingerprint): string {
  if (since.events === 0) return `recorded since position ${since.position}: nothing\n`;
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, n]) => `${name} ${n}`)
      .join(', ');
  const byHub: Record<string, number> = {};
  for (const [streamId, n] of Object.entries(since.byStream)) {
    const hub = hubOfStream(streamId) ?? streamId;
    byHub[hub] = (byHub[hub] ?? 0) + n;
  }
  return `recorded since position ${since.position}: ${since.events} event(s)\n  by type: ${list(since.byType)}\n  by hub:  ${list(byHub)}\n`;
}
