import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';

/** Tightens `path` to `mode`; one someone else owns (a shared volume) keeps the mode its owner gave it. */
export function tightenMode(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

/**
 * Creates `file` readable and writable by its owner only (0600), or tightens it to that: the
 * ledger's files hold token hashes and the aid fund's private `need`. SQLite gives its -wal and
 * -shm files the same mode as the database file.
 */
export function ensurePrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  tightenMode(file, 0o600);
}
