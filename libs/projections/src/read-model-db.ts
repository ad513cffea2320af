import Database from 'better-sqlite3';
import { ensurePrivateFile } from '@commons/event-store';

const PAGE_CACHE_KB = 64 * 1024; // bounded: replay memory must stay flat on any history

/**
 * The read models' table layout. Raise it whenever a projection's tables change: a file of
 * another layout is emptied when opened for writing and rebuilt from position 0, since read
 * models are derived and the events are the record. (11: the report book's snapshots of a hub
 * carry its imports.)
 */
export const READ_MODEL_LAYOUT = 11;

/** The read models were written by another version of the service and cannot be read as they are. */
export class ReadModelLayoutMismatch extends Error {
  constructor(file: string, found: number) {
    super(`${file} holds read models of layout ${found}, this version reads layout ${READ_MODEL_LAYOUT}: start the server once to rebuild them`);
  }
}

/**
 * Opens a read-model database. synchronous=NORMAL is safe here and only here: read models are
 * derived, and the checkpoint commits in the same transaction as the rows it covers, so an OS
 * crash that loses the last transactions only makes the runner apply those events again.
 */
export function openReadModelDb(file: string, options: { readonly?: boolean } = {}): Database.Database {
  if (!options.readonly) ensurePrivateFile(file);
  const db = new Database(file, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
  db.pragma('busy_timeout = 10000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  // statements of a thousand members are written all over the file: keep its hot pages in memory
  db.pragma(`cache_size = -${PAGE_CACHE_KB}`);
  const layout = db.pragma('user_version', { simple: true }) as number;
  if (layout !== READ_MODEL_LAYOUT) {
    if (options.readonly) {
      db.close();
      throw new ReadModelLayoutMismatch(file, layout);
    }
    startAfresh(db);
  }
  return db;
}

/** Drops every read-model table (a file of an older layout) and stamps the current layout. */
function startAfresh(db: Database.Database): void {
  db.transaction(() => {
    // re-checked inside the write transaction: another process may have done it first
    if (db.pragma('user_version', { simple: true }) === READ_MODEL_LAYOUT) return;
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
    for (const { name } of tables) db.exec(`DROP TABLE "${name}"`);
    db.pragma(`user_version = ${READ_MODEL_LAYOUT}`);
  }).immediate();
}
