import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compareReadModels, openReadModelDb, rebuildReadModels } from '@commons/projections';
import { Options, UsageError } from '../args';
import { dataDirOf, openEvents } from '../data-dir';
import { progressReporter } from './progress';

/**
 * `commons audit replay [--compare] [--out FILE]`: rebuilds every read model from position 0 into
 * a fresh database. With --compare it rebuilds up to the live read models' checkpoint and proves
 * them equal, naming the first difference if not (exit 1).
 */
export async function auditReplay(options: Options, out: NodeJS.WritableStream): Promise<number> {
  const target = options.get('out') as string | undefined;
  const file = target ? resolve(target) : join(mkdtempSync(join(tmpdir(), 'commons-replay-')), 'read-models.sqlite');
  if (existsSync(file)) throw new UsageError(`${file} exists: replay writes a fresh database`);
  const store = await openEvents(options);
  const rebuilt = openReadModelDb(file);
  const liveFile = join(dataDirOf(options), 'read-models.sqlite');
  const compare = options.get('compare') === true;
  if (compare && !existsSync(liveFile)) throw new UsageError(`no live read models at ${liveFile} to compare with`);
  const live = compare ? openReadModelDb(liveFile, { readonly: true }) : null;
  try {
    // one read transaction on the live read models: the checkpoint and every row we compare belong to one moment
    live?.exec('BEGIN');
    const upTo = live
      ? (live.prepare<[], { position: number }>("SELECT position FROM checkpoints WHERE name = 'read-models'").get()?.position ?? 0)
      : await store.headPosition();
    const progress = progressReporter(upTo);
    const applied = await rebuildReadModels(store, rebuilt, upTo, (done) => progress.update(done));
    progress.finish(applied);
    out.write(`rebuilt read models from ${applied} events, up to position ${upTo}, into ${file}\n`);
    if (!live) return 0;
    const result = compareReadModels(live, rebuilt);
    if (result.equal) {
      out.write(`equal: ${result.tables} tables, ${result.rows} rows match the live read models\n`);
      return 0;
    }
    out.write(`DIFFERENT: table ${result.table}\n  live:    ${JSON.stringify(result.live)}\n  rebuilt: ${JSON.stringify(result.rebuilt)}\n`);
    return 1;
  } finally {
    if (live?.inTransaction) live.exec('ROLLBACK');
    live?.close();
    rebuilt.close();
    await store.close();
  }
}
