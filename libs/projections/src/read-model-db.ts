import Database from 'better-sqlite3';

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
  return db;
}
