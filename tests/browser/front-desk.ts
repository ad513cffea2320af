/**
 * What the front desk's browser suites share: Debian's Chromium driven by playwright-core, one
 * hub of named people on a real server, and signing in and opening a section as a person does.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { ADMIN, TestServer } from '../../apps/api/src/testing/test-server';

export const CHROMIUM = '/usr/bin/chromium';
// UPDATE_SCREENSHOTS=1 refreshes the pictures the README shows; otherwise they go to a temp dir
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? resolve(__dirname, '../../docs/screenshots') : mkdtempSync(join(tmpdir(), 'commons-desk-shots-'));
export const available = existsSync(CHROMIUM);
export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 860 };
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const PEOPLE = [
  { memberId: 'alice', displayName: 'Alice Caudill', roles: ['member'] },
  { memberId: 'bob', displayName: 'Bob Hensley', roles: ['member'] },
  { memberId: 'rosa', displayName: 'Rosa Ibarra', roles: ['member'] },
  { memberId: 'cora', displayName: 'Cora Slone', roles: ['member', 'coordinator'] },
  { memberId: 'tia', displayName: 'Tia Combs', roles: ['member', 'treasurer'] },
  { memberId: 'tom', displayName: 'Tom Ison', roles: ['treasurer'] },
  { memberId: 'aud', displayName: 'Audrey Fields', roles: ['auditor'] },
];

/** A page that keeps the errors it threw, so a journey can say it threw none. */
export type WatchedPage = Page & { problems?: string[] };

export interface FrontDesk {
  server: TestServer;
  browser: Browser;
  tokens: Record<string, string>;
  /** the read models have every event written so far: what another did a moment ago shows */
  settled(): Promise<void>;
  signIn(memberId: string, options?: { size?: typeof PHONE; context?: BrowserContext }): Promise<WatchedPage>;
  open(page: Page, section: string): Promise<void>;
}

/**
 * Registers the suite's hooks: a server with the hub Laurel Fork (its people above, two kinds of
 * help), then `seed` through the API, and a browser. Without Chromium it says so and each test
 * returns at once.
 */
export function frontDesk(seed: (desk: FrontDesk) => Promise<void> = async () => undefined): FrontDesk {
  const desk = { tokens: {} as Record<string, string> } as FrontDesk;
  beforeAll(async () => {
    if (!available) {
      process.stdout.write(`browser tests not run: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);
      return;
    }
    desk.server = await TestServer.start();
    const { server, tokens } = desk;
    await server.post('/hubs', { hubId: 'laurel-fork', name: 'Laurel Fork', currency: 'USD', timeBank: { defaultCreditLimit: '10', warnAt: '0.8' } }, ADMIN);
    for (const person of PEOPLE) tokens[person.memberId] = (await server.post('/hubs/laurel-fork/members', person, ADMIN)).body.token;
    await server.call('PUT', '/hubs/laurel-fork/categories', { token: tokens.cora, body: [{ categoryId: 'repairs', name: 'Repairs' }, { categoryId: 'rides', name: 'Rides' }] });
    await seed(desk);
    desk.browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 60_000);
  afterAll(async () => {
    await desk.browser?.close();
    await desk.server?.stop();
  });

  desk.settled = async () => {
    const head = (await desk.server.get('/health')).body.position;
    await desk.server.get(`/hubs/laurel-fork/members/alice/balance?minPosition=${head}`, desk.tokens.alice);
  };
  desk.signIn = async (memberId, { size = PHONE, context } = {}) => {
    await desk.settled();
    const page: WatchedPage = context ? await context.newPage() : await desk.browser.newPage({ viewport: size });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.problems = problems;
    await page.goto(`${desk.server.url}/`);
    await page.getByLabel('Hub', { exact: true }).fill('laurel-fork');
    await page.getByLabel('Member id', { exact: true }).fill(memberId);
    await page.getByLabel('Token').fill(desk.tokens[memberId]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation').waitFor();
    return page;
  };
  desk.open = async (page, section) => {
    await page.getByRole('navigation').getByRole('link', { name: section }).click();
    await page.getByRole('heading', { level: 2, name: section }).waitFor();
  };
  return desk;
}
