import Database from 'better-sqlite3';

const PAGE_CACHE_KB = 64 * 1024; // bounded: replay memory must stay flat on any history

/**
 * Opens a read-model database. synchronous=NORMAL is safe here and only here: read models are
 * derived, and the checkpoint commits in the same transaction as the rows it covers, so an OS
 * crash that loses the last transactions only makes the runner apply those events again.
 */
export function openReadModelDb(file: string, options: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(file, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
  db.pragma('busy_timeout = 10000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  // statements of a thousand members are written all over the file: keep its hot pages in memory
  db.pragma(`cache_size = -${PAGE_CACHE_KB}`);
  return db;
}
