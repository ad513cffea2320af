import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from '@commons/application';
import { createApp } from '../app';
import { ServiceConfig, TrustProxy } from '../config';
import { RegisteredRoute, registeredRoutes } from '../http/registered-routes';
import { RateLimits } from '../http/rate-limits';

/** Far above what any test sends, so only the rate-limit test meets a limit. */
const GENEROUS_LIMITS: RateLimits = { tokenWritesPerMinute: 1_000_000, hubWritesPerMinute: 1_000_000, authFailuresPerMinute: 1_000_000 };

export const ADMIN = 'test-admin-token-0123456789abcdefghijklmnop';

/** A clock the test moves by hand, so as-of questions have exact answers. */
export class ManualClock implements Clock {
  constructor(private current = new Date('2026-03-02T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** The real service on a temporary DATA_DIR, listening on a loopback port, spoken to over HTTP. */
export class TestServer {
  /** the running Nest application, for tests that drive a service directly (the ledger's own sweeps) */
  app: NestFastifyApplication | null = null;
  url = '';
  readonly clock = new ManualClock();

  private constructor(
    readonly dataDir: string,
    private readonly rateLimits: RateLimits,
    private readonly requestLog?: NodeJS.WritableStream,
    private readonly eventsFile = join(dataDir, 'events.sqlite'),
    private readonly https = false,
    private readonly trustProxy: TrustProxy = false,
  ) {}

  /** `eventsFile`: one shared by several servers, as several instances share it */
  static async start(
    options: { rateLimits?: RateLimits; requestLog?: NodeJS.WritableStream; dataDir?: string; eventsFile?: string; https?: boolean; trustProxy?: TrustProxy } = {},
  ): Promise<TestServer> {
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'commons-e2e-'));
    mkdirSync(dataDir, { recursive: true });
    const server = new TestServer(dataDir, options.rateLimits ?? GENEROUS_LIMITS, options.requestLog, options.eventsFile, options.https, options.trustProxy);
    await server.open();
    return server;
  }

  private config(): ServiceConfig {
    return {
      port: 0, host: '127.0.0.1', dataDir: this.dataDir, eventsFile: this.eventsFile, eventStore: 'sqlite', adminToken: ADMIN, adminTokenFile: null,
      rateLimits: this.rateLimits, storeBusyTimeoutMs: 250, // a locked store answers 503 quickly in tests
      https: this.https,
      trustProxy: this.trustProxy,
    };
  }

  private async open(): Promise<void> {
    this.app = await createApp(this.config(), { clock: this.clock, logger: false, requestLog: this.requestLog });
    await this.app.listen(0, '127.0.0.1');
    const address = this.app.getHttpServer().address() as { port: number };
    this.url = `http://127.0.0.1:${address.port}`;
  }

  /** Stops the service as an operator would and starts it again on the same data (touched `whileStopped`). */
  async restart(whileStopped: () => void = () => undefined): Promise<void> {
    await this.app?.close();
    whileStopped();
    await this.open();
  }

  /** Every route the server registered, in Fastify's form. */
  routes(): readonly RegisteredRoute[] {
    return registeredRoutes(this.app!.getHttpAdapter().getInstance());
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = null;
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async call<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: metrics, docs
    }
    if (process.env.RECORD_RESPONSES) appendFileSync(join(process.env.RECORD_RESPONSES, `${process.pid}.jsonl`), `${JSON.stringify({ method, path, status: response.status, body: parsed })}\n`);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get = <T = any>(path: string, token?: string) => this.call<T>('GET', path, { token });
  post = <T = any>(path: string, body: unknown, token?: string, headers?: Record<string, string>) =>
    this.call<T>('POST', path, { body, token, headers });
}

/** Creates a hub and enrols members, returning their tokens. */
export async function hubWithMembers(
  server: TestServer,
  hubId: string,
  members: Array<{ memberId: string; roles?: string[]; creditLimit?: string }>,
  timeBank: Record<string, string> = { defaultCreditLimit: '10' },
): Promise<Record<string, string>> {
  const hub = await server.post('/hubs', { hubId, name: `Hub ${hubId}`, currency: 'USD', timeBank }, ADMIN);
  if (hub.status !== 201) throw new Error(`hub: ${JSON.stringify(hub.body)}`);
  const tokens: Record<string, string> = {};
  for (const { memberId, roles = ['member'], creditLimit } of members) {
    const reply = await server.post(
      `/hubs/${hubId}/members`,
      { memberId, displayName: memberId, roles, ...(creditLimit ? { creditLimit } : {}) },
      ADMIN,
    );
    if (reply.status !== 201) throw new Error(`member: ${JSON.stringify(reply.body)}`);
    tokens[memberId] = reply.body.token;
  }
  return tokens;
}
