/**
 * Crash harness: the real server as a child process, driven by concurrent clients with
 * idempotency keys, killed with SIGKILL at random moments, restarted, with every unacknowledged
 * command retried. After each cycle the events file is checked by code that shares nothing with
 * the service: every acknowledged command is there exactly once, hours sum to zero, every hash
 * chain holds, and the read models equal a rebuild from position 0.
 */
import Decimal from 'decimal.js';
import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore, historyToVerify, verifyHistory } from '@commons/event-store';
import { compareReadModels, openReadModelDb, rebuildReadModels } from '@commons/projections';

const ADMIN = 'crash-admin-token-0123456789abcdefghijklmnopqrstu';
// the built server, whether this file runs from its source (jest) or from dist/ (npm run test:crash)
const ROOT = resolve(__dirname, __dirname.includes(`${'/'}dist${'/'}`) ? '../../..' : '../..');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const MEMBERS = Array.from({ length: 12 }, (_, i) => `m${i}`);
// the crash clients send far more than a person would; limits are tested elsewhere
const UNLIMITED = { RATE_LIMIT_TOKEN_WRITES_PER_MINUTE: '1000000', RATE_LIMIT_HUB_WRITES_PER_MINUTE: '1000000' };
const CLIENTS = 16; // concurrent clients while the server lives
const LIFE_MS_MIN = 80; // how long the server lives before each kill
const LIFE_MS_MAX = 400;
const START_WAIT_MS = 30_000;

export interface CrashCounts {
  kills: number;
  sent: number;
  acknowledged: number;
  retried: number;
  refused: number;
  found: number;
}

interface Command {
  key: string;
  path: string;
  body: Record<string, string>;
  token: string;
}

async function call(url: string, command: Command): Promise<{ status: number; body: any } | null> {
  try {
    const response = await fetch(`${url}${command.path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${command.token}`, 'content-type': 'application/json', 'idempotency-key': command.key },
      body: JSON.stringify(command.body),
    });
    return { status: response.status, body: await response.json() };
  } catch {
    return null; // killed before it answered: not acknowledged
  }
}

class Server {
  process: ChildProcess | null = null;
  url: string;
  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    this.process = spawn(process.execPath, [MAIN], {
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, COMMONS_ADMIN_TOKEN: ADMIN, ...UNLIMITED },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    this.process.stderr!.on('data', (chunk) => (stderr += chunk));
    const started = Date.now();
    while (Date.now() - started < START_WAIT_MS) {
      if (this.process.exitCode !== null) throw new Error(`server exited: ${stderr}`);
      try {
        if ((await fetch(`${this.url}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('server did not start');
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }
}

async function setup(server: Server): Promise<Record<string, string>> {
  const admin = (path: string, body: object) => call(server.url, { key: createHash('sha256').update(path + JSON.stringify(body)).digest('hex').slice(0, 32), path, body: body as Record<string, string>, token: ADMIN });
  await admin('/hubs', { hubId: 'crash', name: 'Crash', currency: 'USD', timeBank: { defaultCreditLimit: '5' } });
  const tokens: Record<string, string> = {};
  for (const memberId of [...MEMBERS, 'tess']) {
    const reply = await admin('/hubs/crash/members', { memberId, displayName: memberId, roles: memberId === 'tess' ? ['treasurer'] : ['member'] });
    if (!reply || reply.status !== 201) throw new Error(`enrol ${memberId}: ${JSON.stringify(reply)}`);
    tokens[memberId] = reply.body.token;
  }
  return tokens;
}

/** Checks the data dir with the server stopped or idle; throws naming what broke. */
export async function checkLedger(dataDir: string, acknowledged: Set<string>): Promise<number> {
  const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite'), readonly: true });
  try {
    const keys = new Map<string, number>();
    const hours = new Map<string, Decimal>();
    for await (const event of store.readAll()) {
      const key = event.metadata.idempotencyKey;
      if (key !== undefined) keys.set(key, (keys.get(key) ?? 0) + 1);
      const data = event.data as Record<string, string>;
      if (event.type === 'HoursPaid') {
        hours.set(data.fromMemberId, (hours.get(data.fromMemberId) ?? new Decimal(0)).minus(data.hours));
        hours.set(data.toMemberId, (hours.get(data.toMemberId) ?? new Decimal(0)).plus(data.hours));
      }
    }
    for (const key of acknowledged) if (keys.get(key) !== 1) throw new Error(`acknowledged command ${key} is recorded ${keys.get(key) ?? 0} times`);
    for (const [key, count] of keys) if (count !== 1) throw new Error(`command ${key} is recorded ${count} times`);
    const sum = [...hours.values()].reduce((a, b) => a.plus(b), new Decimal(0));
    if (!sum.isZero()) throw new Error(`hours sum to ${sum}, not zero`);
    for (const [member, balance] of hours) if (balance.lessThan(-5)) throw new Error(`${member} is at ${balance}, past the limit of 5`);
    const verified = await verifyHistory(historyToVerify(store), { recordedHeads: await store.streamHeads() });
    if (!verified.ok) throw new Error(`verify: ${JSON.stringify(verified.problems[0])}`);

    const live = openReadModelDb(join(dataDir, 'read-models.sqlite'), { readonly: true });
    const rebuiltDir = mkdtempSync(join(tmpdir(), 'commons-crash-rebuild-'));
    const rebuilt = openReadModelDb(join(rebuiltDir, 'read-models.sqlite'));
    try {
      live.exec('BEGIN');
      const position = live.prepare<[], { position: number }>("SELECT position FROM checkpoints WHERE name = 'read-models'").get()?.position ?? 0;
      await rebuildReadModels(store, rebuilt, position);
      const comparison = compareReadModels(live, rebuilt);
      if (!comparison.equal) throw new Error(`read models differ from a replay in ${comparison.table}`);
    } finally {
      if (live.inTransaction) live.exec('ROLLBACK');
      live.close();
      rebuilt.close();
      rmSync(rebuiltDir, { recursive: true, force: true });
    }
    return keys.size;
  } finally {
    await store.close();
  }
}

/**
 * Runs `kills` crash cycles against a fresh data dir; throws on the first broken promise.
 * `signal`: SIGKILL for a crash, SIGTERM for a graceful shutdown.
 */
export async function runCrashCycles(
  kills: number,
  log: (line: string) => void = () => undefined,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<CrashCounts> {
  const dataDir = mkdtempSync(join(tmpdir(), 'commons-crash-'));
  const server = new Server(dataDir, 4100 + Math.floor(Math.random() * 800));
  const counts: CrashCounts = { kills: 0, sent: 0, acknowledged: 0, retried: 0, refused: 0, found: 0 };
  const acknowledged = new Set<string>();
  let unacknowledged: Command[] = [];
  let serial = 0;
  try {
    await server.start();
    const tokens = await setup(server);
    const next = (): Command => {
      serial += 1;
      const from = MEMBERS[serial % MEMBERS.length];
      const to = MEMBERS[(serial * 7 + 3) % MEMBERS.length] === from ? MEMBERS[(serial + 1) % MEMBERS.length] : MEMBERS[(serial * 7 + 3) % MEMBERS.length];
      return serial % 10 === 0
        ? { key: `c${serial}`, path: '/hubs/crash/pool/deposits', body: { memberId: from, amount: '1.25' }, token: tokens.tess }
        : { key: `c${serial}`, path: '/hubs/crash/timebank/transfers', body: { fromMemberId: from, toMemberId: to, hours: '0.75' }, token: tokens[from] };
    };
    let alive = false;
    const settle = (command: Command, reply: { status: number; body: any } | null) => {
      // no answer, or 503 while the server drains: not acknowledged, so it is retried with its key
      if (reply === null || reply.status === 503) return unacknowledged.push(command);
      if (reply.status === 201) {
        acknowledged.add(command.key);
        counts.acknowledged += 1;
      } else if (reply.status === 422) {
        counts.refused += 1; // refused by a limit: nothing was recorded, as checkLedger proves
      } else {
        alive = false; // stop every client, then fail
        throw new Error(`unexpected ${reply.status} for ${command.key}: ${JSON.stringify(reply.body)}`);
      }
    };
    for (let cycle = 0; cycle < kills; cycle += 1) {
      // first, every command the last crash left without an answer, with its original key
      const retry = unacknowledged;
      unacknowledged = [];
      counts.retried += retry.length;
      for (const command of retry) settle(command, await call(server.url, command));
      alive = true;
      const clients = Array.from({ length: CLIENTS }, async () => {
        while (alive) {
          const command = next();
          counts.sent += 1;
          settle(command, await call(server.url, command));
        }
      });
      await new Promise((r) => setTimeout(r, LIFE_MS_MIN + Math.random() * (LIFE_MS_MAX - LIFE_MS_MIN)));
      await server.kill(signal);
      alive = false;
      await Promise.all(clients);
      counts.kills += 1;
      await server.start();
      counts.found = await checkLedger(dataDir, acknowledged);
      log(`kill ${counts.kills}: ${counts.acknowledged} acknowledged, ${unacknowledged.length} to retry, ${counts.found} keyed commands found`);
    }
    for (const command of unacknowledged.splice(0)) {
      counts.retried += 1;
      settle(command, await call(server.url, command));
    }
    counts.found = await checkLedger(dataDir, acknowledged);
    return counts;
  } finally {
    await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
