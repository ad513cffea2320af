/**
 * Crash harness: real server processes on one store, driven by concurrent clients with
 * idempotency keys, killed with SIGKILL at random moments (and, on PostgreSQL, the database
 * server itself, by an immediate shutdown), restarted, with every unacknowledged command retried.
 * After each cycle the independent auditor (auditor.ts) reads the stored rows: every acknowledged
 * command is there exactly once, hours sum to zero within the limit, every hash and the log chain
 * hold, and each instance's read models hold the balances the auditor computed itself.
 */
import Decimal from 'decimal.js';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { StoredLedger, auditLedger, compareBalances, readModelBalances, readPostgresLedger, readSqliteLedger } from './auditor';
import { ThrowawayDatabase, throwawayDatabase } from '../support/postgres';

const ADMIN = 'crash-admin-token-0123456789abcdefghijklmnopqrstu';
// the built server, whether this file runs from its source (jest) or from dist/ (npm run test:crash)
const ROOT = resolve(__dirname, __dirname.includes(`${'/'}dist${'/'}`) ? '../../..' : '../..');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const HUB = 'crash';
const MEMBERS = Array.from({ length: 12 }, (_, i) => `m${i}`);
const CREDIT_LIMIT = new Decimal(5);
// the crash clients send far more than a person would; limits are tested elsewhere
const UNLIMITED = { RATE_LIMIT_TOKEN_WRITES_PER_MINUTE: '1000000', RATE_LIMIT_HUB_WRITES_PER_MINUTE: '1000000' };
const CLIENTS = 16; // concurrent clients while the servers live
const LIFE_MS_MIN = 80; // how long the servers live before each kill
const LIFE_MS_MAX = 400;
const START_WAIT_MS = 30_000;
const STORE_DOWN_MS = 300; // how long the PostgreSQL server stays down after an immediate shutdown

export interface CrashCounts {
  kills: number;
  storeKills: number;
  sent: number;
  acknowledged: number;
  retried: number;
  refused: number;
  found: number;
}

export interface CrashOptions {
  kills: number;
  store?: 'sqlite' | 'postgres';
  /** API processes on the one store */
  instances?: number;
  /** of the cycles, how many kill the PostgreSQL server instead of an API instance */
  storeKills?: number;
  /** SIGKILL for a crash, SIGTERM for a graceful shutdown */
  signal?: NodeJS.Signals;
  log?: (line: string) => void;
}

interface Command {
  key: string;
  path: string;
  body: Record<string, string>;
  token: string;
  /** whose key it is, as the store scopes it */
  scope: string;
}

type Reply = { status: number; body: any } | null;

async function call(url: string, command: Command): Promise<Reply> {
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
  readonly url: string;
  constructor(
    readonly dataDir: string,
    readonly port: number,
    private readonly storeEnv: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    this.process = spawn(process.execPath, [MAIN], {
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, COMMONS_ADMIN_TOKEN: ADMIN, ...UNLIMITED, ...this.storeEnv },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    this.process.stderr!.on('data', (chunk) => (stderr += chunk));
    const started = Date.now();
    while (Date.now() - started < START_WAIT_MS) {
      if (this.process.exitCode !== null) throw new Error(`server exited: ${stderr}`);
      try {
        if ((await fetch(`${this.url}/health/ready`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`server did not start: ${stderr}`);
  }

  get running(): boolean {
    return this.process !== null && this.process.exitCode === null && this.process.signalCode === null;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.process;
    if (!child || !this.running) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }
}

/** The local PostgreSQL cluster serving `url`, stopped at once (as a crash) and started again. */
async function crashPostgres(url: string): Promise<void> {
  const port = new URL(url).port || '5432';
  const cluster = execFileSync('pg_lsclusters', ['-h'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find((fields) => fields[2] === port);
  if (!cluster) throw new Error(`no local PostgreSQL cluster listens on ${port}: the crash test stops and starts the server itself`);
  execFileSync('pg_ctlcluster', [cluster[0], cluster[1], 'stop', '-m', 'immediate'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, STORE_DOWN_MS));
  execFileSync('pg_ctlcluster', [cluster[0], cluster[1], 'start'], { stdio: 'ignore' });
}

async function setup(server: Server): Promise<Record<string, string>> {
  const admin = (path: string, body: object) =>
    call(server.url, { key: createHash('sha256').update(path + JSON.stringify(body)).digest('hex').slice(0, 32), path, body: body as Record<string, string>, token: ADMIN, scope: 'admin' });
  await admin('/hubs', { hubId: HUB, name: 'Crash', currency: 'USD', timeBank: { defaultCreditLimit: CREDIT_LIMIT.toString() } });
  const tokens: Record<string, string> = {};
  for (const memberId of [...MEMBERS, 'tess']) {
    const reply = await admin(`/hubs/${HUB}/members`, { memberId, displayName: memberId, roles: memberId === 'tess' ? ['treasurer'] : ['member'] });
    if (!reply || reply.status !== 201) throw new Error(`enrol ${memberId}: ${JSON.stringify(reply)}`);
    tokens[memberId] = reply.body.token;
  }
  return tokens;
}

/** The auditor's verdict on the store and on each instance's read models; throws naming what broke. */
async function audit(read: () => Promise<StoredLedger>, servers: Server[], acknowledged: Map<string, string>): Promise<number> {
  const ledger = await read();
  for (const server of servers) {
    const readModels = readModelBalances(join(server.dataDir, 'read-models.sqlite'), HUB);
    const { commands, balances } = auditLedger(ledger, { upTo: readModels.position, creditLimit: CREDIT_LIMIT });
    for (const [key, scope] of acknowledged) {
      if (commands.get(key) !== 1) throw new Error(`acknowledged command ${key} is recorded ${commands.get(key) ?? 0} times`);
      if (!ledger.keys.has(`${scope} ${key}`)) throw new Error(`acknowledged command ${key} has no recorded key`);
    }
    for (const [key, count] of commands) if (count !== 1) throw new Error(`command ${key} is recorded ${count} times`);
    compareBalances(balances, readModels.balances);
  }
  return auditLedger(ledger, { upTo: Number.MAX_SAFE_INTEGER, creditLimit: CREDIT_LIMIT }).commands.size;
}

/** Runs crash cycles against a fresh store; throws on the first broken promise. */
export async function runCrashCycles(options: CrashOptions): Promise<CrashCounts> {
  const { kills, store = 'sqlite', instances = 1, storeKills = 0, signal = 'SIGKILL', log = () => undefined } = options;
  const dir = mkdtempSync(join(tmpdir(), 'commons-crash-'));
  let database: ThrowawayDatabase | null = null;
  let storeEnv: Record<string, string> = {};
  let read: () => Promise<StoredLedger>;
  if (store === 'postgres') {
    database = await throwawayDatabase('crash');
    const url = database.url;
    storeEnv = { EVENT_STORE: 'postgres', POSTGRES_URL: url };
    read = () => readPostgresLedger(url);
  } else {
    const eventsFile = join(dir, 'events.sqlite');
    storeEnv = { EVENTS_FILE: eventsFile };
    read = async () => readSqliteLedger(eventsFile);
  }
  const base = 4100 + Math.floor(Math.random() * 800);
  const servers = Array.from({ length: instances }, (_, i) => new Server(join(dir, `instance-${i}`), base + i, storeEnv));
  // which cycles crash the database server: spread over the run, never the first
  const storeCycles = new Set(Array.from({ length: storeKills }, (_, i) => Math.floor(((i + 1) * kills) / (storeKills + 1))));
  const counts: CrashCounts = { kills: 0, storeKills: 0, sent: 0, acknowledged: 0, retried: 0, refused: 0, found: 0 };
  const acknowledged = new Map<string, string>();
  let unacknowledged: Command[] = [];
  let serial = 0;
  const anyServer = () => servers[Math.floor(Math.random() * servers.length)];
  try {
    for (const server of servers) await server.start();
    const tokens = await setup(servers[0]);
    const next = (): Command => {
      serial += 1;
      const from = MEMBERS[serial % MEMBERS.length];
      const to = MEMBERS[(serial * 7 + 3) % MEMBERS.length] === from ? MEMBERS[(serial + 1) % MEMBERS.length] : MEMBERS[(serial * 7 + 3) % MEMBERS.length];
      return serial % 10 === 0
        ? { key: `c${serial}`, path: `/hubs/${HUB}/pool/deposits`, body: { memberId: from, amount: '1.25' }, token: tokens.tess, scope: `${HUB}/tess` }
        : { key: `c${serial}`, path: `/hubs/${HUB}/timebank/transfers`, body: { fromMemberId: from, toMemberId: to, hours: '0.75' }, token: tokens[from], scope: `${HUB}/${from}` };
    };
    let alive = false;
    const settle = (command: Command, reply: Reply) => {
      // no answer, or 503 while a server drains or its store is away: not acknowledged, retried with its key
      if (reply === null || reply.status === 503) return unacknowledged.push(command);
      if (reply.status === 201) {
        if (!acknowledged.has(command.key)) counts.acknowledged += 1;
        acknowledged.set(command.key, command.scope);
      } else if (reply.status === 422) {
        counts.refused += 1; // refused by a limit: nothing was recorded, as the auditor proves
      } else {
        alive = false; // stop every client, then fail
        throw new Error(`unexpected ${reply.status} for ${command.key}: ${JSON.stringify(reply.body)}`);
      }
    };
    const retryAll = async () => {
      // every command a crash left without an answer, with its original key, until each is answered
      for (let round = 0; unacknowledged.length > 0; round += 1) {
        if (round > 50) throw new Error(`${unacknowledged.length} commands still unanswered after 50 rounds of retries`);
        const retry = unacknowledged;
        unacknowledged = [];
        counts.retried += retry.length;
        for (const command of retry) settle(command, await call(anyServer().url, command));
        if (unacknowledged.length > 0) await new Promise((r) => setTimeout(r, 100));
      }
    };
    for (let cycle = 0; cycle < kills; cycle += 1) {
      await retryAll();
      alive = true;
      const clients = Array.from({ length: CLIENTS }, async () => {
        while (alive) {
          const command = next();
          counts.sent += 1;
          settle(command, await call(anyServer().url, command));
        }
      });
      await new Promise((r) => setTimeout(r, LIFE_MS_MIN + Math.random() * (LIFE_MS_MAX - LIFE_MS_MIN)));
      if (storeCycles.has(cycle) && database) {
        await crashPostgres(database.url);
        counts.storeKills += 1;
      } else {
        const victims = signal === 'SIGTERM' ? servers : [anyServer()];
        for (const victim of victims) await victim.kill(signal);
        counts.kills += 1;
      }
      await new Promise((r) => setTimeout(r, 50)); // requests in flight to a store restarting get their answers
      alive = false;
      await Promise.all(clients);
      for (const server of servers) if (!server.running) await server.start();
      await retryAll();
      counts.found = await audit(read, servers, acknowledged);
      log(`cycle ${cycle + 1}: ${counts.acknowledged} acknowledged, ${counts.retried} retried, ${counts.found} keyed commands found`);
    }
    counts.found = await audit(read, servers, acknowledged);
    return counts;
  } finally {
    for (const server of servers) await server.kill();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
