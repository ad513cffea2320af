import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { perSecond } from './measure';

const ROWS_PER_COMMIT = 1000;

/**
 * The PostgreSQL server's own limit: rows the size of our events inserted into a bare table,
 * `ROWS_PER_COMMIT` per transaction in one statement, on one connection (the store's appends are
 * serialised too), with the server's durable defaults (fsync, synchronous_commit on).
 */
export async function postgresCeiling(url: string, rows: number): Promise<{ insertRowsPerSec: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS raw_ceiling');
    await client.query('CREATE TABLE raw_ceiling (position bigint PRIMARY KEY, stream text, revision integer, id text, body text, hash text, UNIQUE (stream, revision))');
    const body = JSON.stringify({ transferId: randomUUID(), fromMemberId: 'member-0001', toMemberId: 'member-0002', hours: '1.25', memo: 'childcare', at: new Date().toISOString(), actor: 'member-0001' });
    const hash = 'f'.repeat(64);
    const started = process.hrtime.bigint();
    for (let from = 0; from < rows; from += ROWS_PER_COMMIT) {
      const positions = Array.from({ length: ROWS_PER_COMMIT }, (_, i) => from + i + 1);
      await client.query(
        `INSERT INTO raw_ceiling SELECT p, 'timebank-bench', p, md5(p::text), $2, $3 FROM unnest($1::bigint[]) AS p`,
        [positions, body, hash],
      );
    }
    const insertRowsPerSec = perSecond(rows, started);
    await client.query('DROP TABLE raw_ceiling');
    return { insertRowsPerSec };
  } finally {
    await client.end();
  }
}
