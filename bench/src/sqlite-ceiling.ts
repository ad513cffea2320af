import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { perSecond, tempDir } from './measure';

const ROWS_PER_COMMIT = 1000;

/**
 * The machine's own limit: rows the size of our events, inserted into a bare SQLite file with
 * the store's settings (WAL, synchronous=FULL) in batches, and the rate of scanning them back.
 */
export function sqliteCeiling(rows: number): { insertRowsPerSec: number; scanRowsPerSec: number } {
  const db = new Database(join(tempDir('ceiling'), 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE raw (position INTEGER PRIMARY KEY, stream TEXT, revision INTEGER, id TEXT, body TEXT, hash TEXT)');
  db.exec('CREATE UNIQUE INDEX raw_stream ON raw (stream, revision)');
  const insert = db.prepare('INSERT INTO raw (stream, revision, id, body, hash) VALUES (?, ?, ?, ?, ?)');
  const body = JSON.stringify({ transferId: randomUUID(), fromMemberId: 'member-0001', toMemberId: 'member-0002', hours: '1.25', memo: 'childcare', at: new Date().toISOString(), actor: 'member-0001' });
  const hash = 'f'.repeat(64);
  const batch = db.transaction((from: number) => {
    for (let i = from; i < from + ROWS_PER_COMMIT; i += 1) insert.run('timebank-bench', i, randomUUID(), body, hash);
  });
  const started = process.hrtime.bigint();
  for (let i = 0; i < rows; i += ROWS_PER_COMMIT) batch(i);
  const insertRowsPerSec = perSecond(rows, started);

  const scanStarted = process.hrtime.bigint();
  let scanned = 0;
  for (const row of db.prepare('SELECT body FROM raw ORDER BY position').iterate() as Iterable<{ body: string }>) {
    JSON.parse(row.body);
    scanned += 1;
  }
  const scanRowsPerSec = perSecond(scanned, scanStarted);
  db.close();
  return { insertRowsPerSec, scanRowsPerSec };
}
