import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MAIN = resolve(__dirname, '../../dist/apps/api/src/main.js');
export const ADMIN = 'multi-instance-admin-token-0123456789abcdef';

/** Where the instances keep their events: one SQLite file, or one PostgreSQL database. */
export type SharedStore = { kind: 'sqlite'; eventsFile: string } | { kind: 'postgres'; url: string };

/** A server process as `npm start` runs it, with its own data directory (read models) on the shared store. */
export async function startInstance(dataDir: string, store: SharedStore, port: number): Promise<ChildProcess> {
  mkdirSync(dataDir, { recursive: true });
  const storeEnv = store.kind === 'sqlite' ? { EVENTS_FILE: store.eventsFile } : { EVENT_STORE: 'postgres', POSTGRES_URL: store.url };
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, COMMONS_ADMIN_TOKEN: ADMIN, ...storeEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 500; i += 1) {
    if (child.exitCode !== null) throw new Error(`the server on ${port} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).ok) return child;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`server on ${port} did not start`);
}

export async function stopInstance(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

export async function call(port: number, method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

export function instanceDirs(root: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => join(root, `instance-${i}`));
}
