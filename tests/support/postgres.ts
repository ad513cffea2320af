import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';

// beside the sources, or beside dist/ when compiled (the crash test runs compiled)
const SCRIPT = ['../../scripts', '../../../scripts'].map((dir) => resolve(__dirname, dir, 'postgres-for-tests.sh')).find(existsSync);

/**
 * The PostgreSQL the suites run against: POSTGRES_URL, or the local server that
 * scripts/postgres-for-tests.sh installs, starts and opens to a test role. Throws a clear error
 * when there is none: a suite that needs PostgreSQL fails rather than passing without it.
 */
export async function testPostgresUrl(): Promise<string> {
  let url = process.env.POSTGRES_URL;
  if (!url) {
    try {
      if (!SCRIPT) throw new Error('scripts/postgres-for-tests.sh is missing');
      url = execFileSync('bash', [SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!;
    } catch (error) {
      throw new Error(
        `the PostgreSQL suites need a server and none could be started (${(error as Error).message.split('\n')[0]}): ` +
          'install Debian\'s postgresql package, or set POSTGRES_URL to a role that may create databases',
      );
    }
  }
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`the PostgreSQL suites cannot reach ${url.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  return url;
}

export interface ThrowawayDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A new, empty database on the test server, for one suite; dropped when the suite is done. */
export async function throwawayDatabase(label: string): Promise<ThrowawayDatabase> {
  const server = await testPostgresUrl();
  const name = `commons_${label.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
  await onServer(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
