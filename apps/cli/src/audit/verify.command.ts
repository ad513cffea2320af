import { historyToVerify, verifyHistory } from '@commons/event-store';
import { Options, fingerprintOption } from '../args';
import { openEvents } from '../data-dir';

/** `commons audit verify [--fingerprint F] [--json]`: exit 0 when every chain holds, 1 naming the first bad event. */
export async function auditVerify(options: Options, out: NodeJS.WritableStream): Promise<number> {
  const fingerprint = fingerprintOption(options);
  const store = openEvents(options);
  try {
    const report = await verifyHistory(historyToVerify(store), { fingerprint, recordedHeads: store.streamHeads() });
    if (options.get('json')) {
      out.write(`${JSON.stringify(report)}\n`);
    } else {
      out.write(`events checked: ${report.events}\nlast position:  ${report.position}\nfingerprint:    ${report.fingerprint}\n`);
      if (report.ok) out.write('ok: every hash chain holds\n');
      else {
        const [first] = report.problems;
        out.write(`FAILED: first bad event at position ${first.position} (stream ${first.streamId || '-'}, revision ${first.revision}): ${first.problem}\n`);
        if (report.problems.length > 1) out.write(`and ${report.problems.length - 1} more problem(s)\n`);
      }
    }
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}
