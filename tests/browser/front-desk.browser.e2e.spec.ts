/**
 * The front desk in a real browser (Debian's Chromium, playwright-core), as the people of a hub
 * use it: at a phone's size for members and a desktop's for officers, by name, in plain words.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { PROBLEM_CODES } from '../../apps/api/src/http/problem.filter';
import { ADMIN, TestServer } from '../../apps/api/src/testing/test-server';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? resolve(__dirname, '../../docs/screenshots') : mkdtempSync(join(tmpdir(), 'commons-desk-shots-'));
const available = existsSync(CHROMIUM);
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 860 };
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const PEOPLE = [
  { memberId: 'alice', displayName: 'Alice Caudill', roles: ['member'] },
  { memberId: 'bob', displayName: 'Bob Hensley', roles: ['member'] },
  { memberId: 'rosa', displayName: 'Rosa Ibarra', roles: ['member'] },
  { memberId: 'cora', displayName: 'Cora Slone', roles: ['member', 'coordinator'] },
  { memberId: 'tia', displayName: 'Tia Combs', roles: ['member', 'treasurer'] },
  { memberId: 'tom', displayName: 'Tom Ison', roles: ['treasurer'] },
  { memberId: 'aud', displayName: 'Audrey Fields', roles: ['auditor'] },
];

describe('the front desk in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    if (!available) {
      process.stdout.write(`browser tests not run: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);
      return;
    }
    server = await TestServer.start();
    await server.post('/hubs', { hubId: 'laurel-fork', name: 'Laurel Fork', currency: 'USD', timeBank: { defaultCreditLimit: '10', warnAt: '0.8' } }, ADMIN);
    for (const person of PEOPLE) tokens[person.memberId] = (await server.post('/hubs/laurel-fork/members', person, ADMIN)).body.token;
    await server.call('PUT', '/hubs/laurel-fork/categories', { token: tokens.cora, body: [{ categoryId: 'repairs', name: 'Repairs' }, { categoryId: 'rides', name: 'Rides' }] });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const settled = async () => {
    const head = (await server.get('/health')).body.position;
    await server.get(`/hubs/laurel-fork/members/alice/balance?minPosition=${head}`, tokens.alice);
  };

  async function signIn(memberId: string, { size = PHONE, context }: { size?: typeof PHONE; context?: BrowserContext } = {}): Promise<Page> {
    await settled();
    const page = context ? await context.newPage() : await browser.newPage({ viewport: size });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    (page as Page & { problems?: string[] }).problems = problems;
    await page.goto(`${server.url}/`);
    await page.getByLabel('Hub', { exact: true }).fill('laurel-fork');
    await page.getByLabel('Member id', { exact: true }).fill(memberId);
    await page.getByLabel('Token').fill(tokens[memberId]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation').waitFor();
    return page;
  }
  const open = async (page: Page, section: string) => {
    await page.getByRole('navigation').getByRole('link', { name: section }).click();
    await page.getByRole('heading', { level: 2, name: section }).waitFor();
  };

  it('a member finds another by name, reads their offer, and the provider records the service by request; the payer accepts', async () => {
    if (!available) return;
    const bob = await signIn('bob');
    expect(await bob.locator('header .who').textContent()).toBe('Signed in as Bob Hensley at Laurel Fork');
    await open(bob, 'Offers and needs');
    await bob.getByLabel('Offer or need').selectOption('offer');
    await bob.getByLabel('Title').fill('Small engine repair');
    await bob.getByLabel('A few words about it').fill('Mowers, tillers, chainsaws');
    await bob.getByLabel('Kind of help', { exact: true }).last().selectOption('repairs');
    await bob.getByRole('button', { name: 'Post it' }).click();
    await bob.getByText('Posted: “Small engine repair”.', { exact: false }).waitFor();

    const alice = await signIn('alice');
    await open(alice, 'Members');
    await alice.getByLabel('Find a member by name').fill('hens');
    await alice.locator('li.card').filter({ hasText: 'Bob Hensley' }).filter({ hasText: 'Small engine repair' }).waitFor();
    expect(await alice.locator('li.card').count()).toBe(1);
    await open(alice, 'Offers and needs');
    await alice.locator('li.card').filter({ hasText: 'Bob Hensley offers · Repairs' }).waitFor();
    await alice.screenshot({ path: `${SCREENSHOTS}/desk-offers-phone.png`, fullPage: true });

    // Bob mended her mower: he asks her to pay, by name
    await open(bob, 'Record a service');
    await bob.getByLabel('Who').fill('Alice');
    await bob.getByRole('button', { name: 'Choose Alice Caudill' }).click();
    await bob.getByLabel('Hours').fill('1,5');
    await bob.getByLabel('What for').fill('mended the mower');
    await bob.getByLabel('Kind of help').selectOption('repairs');
    await bob.getByRole('button', { name: 'Review' }).click();
    expect(await bob.locator('#record-review').textContent()).toBe('Ask Alice Caudill to pay you 1.5 hours for “mended the mower”? No hours move until they agree.');
    await bob.getByRole('button', { name: 'Yes, send it' }).click();
    await bob.locator('#record-said').filter({ hasText: 'Asked Alice Caudill for 1.5 hours.' }).waitFor();
    await bob.screenshot({ path: `${SCREENSHOTS}/desk-record-phone.png`, fullPage: true });

    await settled();
    await open(alice, 'Home');
    await alice.getByText('Bob Hensley asks you to pay 1.50 hours for “mended the mower”.').waitFor();
    await alice.screenshot({ path: `${SCREENSHOTS}/desk-home-phone.png`, fullPage: true });
    await alice.getByRole('button', { name: 'Pay 1.50 hours to Bob Hensley' }).click();
    await alice.getByText('You paid Bob Hensley 1.50 hours.').waitFor();
    await alice.locator('#hours-balance').filter({ hasText: '-1.50' }).waitFor();
    await alice.getByText('Nothing is waiting for you.').waitFor();

    await open(alice, 'Statement');
    const row = alice.locator('#statement tbody tr').first();
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), 'Bob Hensley', 'mended the mower', 'Repairs', '-1.50', '-1.50', 'Ask to reverse the 1.50 hours paid to Bob Hensley on ' + (await row.locator('td').first().textContent())]);
    await alice.screenshot({ path: `${SCREENSHOTS}/desk-statement-phone.png`, fullPage: true });
    await open(bob, 'Statement');
    await bob.locator('#statement tbody tr').first().waitFor();
    expect(await bob.locator('#statement tbody tr').first().locator('td').nth(1).textContent()).toBe('Alice Caudill');
    for (const page of [alice, bob]) expect((page as Page & { problems?: string[] }).problems).toEqual([]);
  });

  it('lets a payer ask to reverse a payment from the statement, and the other side agree on their Home; both lines say so', async () => {
    if (!available) return;
    const alice = await signIn('alice');
    await open(alice, 'Statement');
    await alice.getByRole('button', { name: /^Ask to reverse the 1.50 hours paid to Bob Hensley/ }).click();
    await alice.getByRole('button', { name: 'Ask for the correction' }).click();
    await alice.getByText('Say in a few words what was wrong.').waitFor();
    await alice.getByLabel('What was wrong').fill('it was 1 hour, not 1.5');
    await alice.getByRole('button', { name: 'Ask for the correction' }).click();
    await alice.getByText('Asked. The hours move back once Bob Hensley or a coordinator agrees.').waitFor();

    await settled();
    const bob = await signIn('bob');
    await bob.getByText('Alice Caudill asks to reverse 1.50 hours between Alice Caudill, Bob Hensley, because: “it was 1 hour, not 1.5”.').waitFor();
    await bob.getByRole('button', { name: 'Agree: reverse it' }).click();
    await bob.getByText('Reversed. Both statements show the correction.').waitFor();
    await open(bob, 'Statement');
    await bob.locator('#statement tbody tr').nth(1).waitFor();
    const lines = await bob.locator('#statement tbody tr td:nth-child(3)').allTextContents();
    expect(lines.slice(0, 2)).toEqual(['reversal: it was 1 hour, not 1.5 (a correction)', 'mended the mower (reversed later)']);
    await alice.reload();
    await open(alice, 'Home');
    await alice.locator('#hours-balance').filter({ hasText: '0.00' }).waitFor();
  });

  it('pays someone chosen by name, shows the balance after in the review, and says past-the-limit in a sentence', async () => {
    if (!available) return;
    const rosa = await signIn('rosa');
    await open(rosa, 'Record a service');
    await rosa.getByLabel('Someone helped me: I pay them now').check();
    await rosa.getByLabel('Who').fill('bob');
    await rosa.getByRole('button', { name: 'Choose Bob Hensley' }).click();
    await rosa.getByLabel('Hours').fill('12');
    await rosa.getByLabel('What for').fill('rides to the clinic');
    await rosa.getByRole('button', { name: 'Review' }).click();
    expect(await rosa.locator('#record-review').textContent()).toBe('Pay Bob Hensley 12 hours for “rides to the clinic”? Your balance after: -12.00.');
    await rosa.getByRole('button', { name: 'Yes, send it' }).click();
    await rosa.locator('#record-hours-problem').filter({ hasText: 'past the hours you may owe' }).waitFor();
    expect(await rosa.locator('#record-hours-problem').textContent()).toBe('That would take you past the hours you may owe.');

    await rosa.getByLabel('Hours').fill('8.5');
    await rosa.getByRole('button', { name: 'Review' }).click();
    await rosa.getByRole('button', { name: 'Yes, send it' }).click();
    await rosa.locator('#record-said').filter({ hasText: 'Paid Bob Hensley 8.5 hours.' }).waitFor();
    expect(await rosa.locator('#record-said').textContent()).toBe('Paid Bob Hensley 8.5 hours. You owe 8.50 of the 10.00 hours you may owe. Offering some help brings it back.');
    // the form starts afresh after a payment, so nothing is paid twice by a second press
    expect(await rosa.locator('#record-who-chosen').count()).toBe(0);
    await rosa.getByRole('button', { name: 'Review' }).click();
    expect(await rosa.locator('#record-who-problem').textContent()).toBe('Choose who it was from the list.');
    // a bad figure is caught before anything is sent, with the field it concerns
    await rosa.getByLabel('Who').fill('bob');
    await rosa.getByRole('button', { name: 'Choose Bob Hensley' }).click();
    await rosa.getByLabel('Hours').fill('1.234');
    await rosa.getByRole('button', { name: 'Review' }).click();
    expect(await rosa.locator('#record-hours-problem').textContent()).toBe('Hours are a number above zero with at most two decimals, such as 1.5.');
  });

  it('carries a loan from a member’s application through two treasurers, each step refreshing the lists, to a repayment', async () => {
    if (!available) return;
    const tia = await signIn('tia', { size: DESKTOP });
    await open(tia, 'Savings pool');
    await tia.getByLabel('Whose savings').fill('Bob');
    await tia.getByRole('button', { name: 'Choose Bob Hensley' }).click();
    await tia.getByLabel('Amount', { exact: true }).fill('500');
    await tia.getByRole('button', { name: 'Record it' }).click();
    await tia.locator('#pool-said').filter({ hasText: 'Bob Hensley now has 500.00 USD saved.' }).waitFor();

    const alice = await signIn('alice');
    await open(alice, 'Savings pool');
    await alice.getByLabel('How much').fill('120');
    await alice.getByLabel('Over how many months').fill('6');
    await alice.getByLabel('Interest a year, in percent (such as 5)').fill('5');
    await alice.getByLabel('What it is for').fill('seed potatoes');
    await alice.getByRole('button', { name: 'Ask for the loan' }).click();
    await alice.locator('#pool-said').filter({ hasText: 'You asked for 120.00 USD.' }).waitFor();
    await alice.getByText('You asked for 120.00 USD for seed potatoes: waiting for the treasurers.').waitFor();

    await settled();
    await open(tia, 'Home');
    await open(tia, 'Savings pool');
    await tia.getByText('Alice Caudill asks for 120.00 USD over 6 months at 5 % a year, for seed potatoes.', { exact: false }).waitFor();
    await tia.getByRole('button', { name: 'Approve Alice Caudill’s loan' }).click();
    await tia.getByText('Write a note: every decision says why.').waitFor();
    await tia.getByLabel('Your note on Alice Caudill’s loan').fill('Alice has always repaid');
    await tia.getByRole('button', { name: 'Approve Alice Caudill’s loan' }).click();
    await tia.locator('#pool-said').filter({ hasText: 'needs another treasurer' }).waitFor();
    await tia.locator('#pool-queue-empty').waitFor(); // not twice by the same treasurer

    const tom = await signIn('tom', { size: DESKTOP });
    await open(tom, 'Savings pool');
    await tom.getByLabel('Your note on Alice Caudill’s loan').fill('seed for the spring');
    await tom.getByRole('button', { name: 'Approve Alice Caudill’s loan' }).click();
    await tom.locator('#pool-said').filter({ hasText: 'Alice Caudill’s loan is approved. It can be paid out now.' }).waitFor();
    // the pay-out list already shows it: no reload
    await tom.getByRole('button', { name: 'Pay out Alice Caudill’s loan' }).click();
    await tom.locator('#pool-said').filter({ hasText: 'Alice Caudill’s loan of 120.00 USD is paid out.' }).waitFor();
    await tom.getByLabel('Repayment from Alice Caudill').fill('500');
    await tom.getByRole('button', { name: 'Record Alice Caudill’s repayment' }).click();
    await tom.locator('#pool-said').filter({ hasText: 'is more than that' }).waitFor();
    expect(await tom.locator('#pool-said').textContent()).toBe('Alice Caudill still owes 120.00 USD on this loan; 500.00 USD is more than that.');
    await tom.getByLabel('Repayment from Alice Caudill').fill('20');
    await tom.getByRole('button', { name: 'Record Alice Caudill’s repayment' }).click();
    await tom.locator('#pool-said').filter({ hasText: 'Recorded. Alice Caudill still owes' }).waitFor();
    await tom.screenshot({ path: `${SCREENSHOTS}/desk-pool-desktop.png`, fullPage: true });
  });

  it('gives a coordinator their tools: an officer enrolled waits for a second officer, a work day is one entry or none, kinds of help renamed', async () => {
    if (!available) return;
    const cora = await signIn('cora', { size: DESKTOP });
    await open(cora, 'Coordinator tools');
    await cora.getByLabel('Their name').fill('Dora Hensley');
    await cora.getByLabel('Their sign-in id').fill('Dora H');
    await cora.getByRole('button', { name: 'Enrol' }).click();
    await cora.getByText('Their sign-in id: A short word of small letters').waitFor();
    await cora.getByLabel('Their sign-in id').fill('dora');
    await cora.getByLabel('Treasurer').check();
    await cora.getByRole('button', { name: 'Enrol' }).click();
    await cora.getByText('Dora Hensley is a member now; the officer role waits for a second officer to confirm it.').waitFor();
    const token = (await cora.locator('#enrol-token code').textContent())!;
    expect((await server.get('/hubs/laurel-fork/me', token)).body.roles).toEqual(['member']);

    // the work day: Rosa, who already owes 8.50 of her 10, cannot pay three helpers an hour each
    await cora.getByLabel('Many people helped one person (a work day)').check();
    await cora.getByLabel('The person who was helped (pays everyone)').fill('Rosa');
    await cora.getByRole('button', { name: 'Choose Rosa Ibarra' }).click();
    for (const name of ['Alice', 'Bob', 'Dora']) {
      await cora.getByLabel('Add the people who took part').fill(name);
      await cora.getByRole('button', { name: new RegExp(`^Choose ${name}`) }).click();
    }
    for (const name of ['Alice Caudill', 'Bob Hensley', 'Dora Hensley']) await cora.getByLabel(`Hours for ${name}`).fill('1');
    await cora.locator('#group-memo').fill('clearing the creek after the flood');
    await cora.getByRole('button', { name: 'Record the work day' }).click();
    await cora.locator('#coordinator-said').filter({ hasText: 'past the hours' }).waitFor();
    expect(await cora.locator('#coordinator-said').textContent()).toBe('That would take Rosa Ibarra past the hours they may owe.');
    // Bob, who has hours to spare, was the one helped: he leaves the helpers' list
    await cora.getByLabel('The person who was helped (pays everyone)').fill('Bob');
    await cora.getByRole('button', { name: 'Choose Bob Hensley' }).click();
    expect(await cora.getByLabel('Hours for Bob Hensley').count()).toBe(0);
    await cora.getByRole('button', { name: 'Record the work day' }).click();
    await cora.locator('#coordinator-said').filter({ hasText: 'Recorded 2 payments for Bob Hensley, as one entry.' }).waitFor();

    await cora.getByLabel('Name', { exact: true }).nth(1).fill('Rides and errands');
    await cora.getByLabel('Add a kind of help').fill('Childcare');
    await cora.getByRole('button', { name: 'Save the kinds of help' }).click();
    await cora.getByText('The kinds of help are saved.').waitFor();
    expect((await server.get('/hubs/laurel-fork/categories', tokens.cora)).body.categories.map((c: any) => c.name)).toEqual(['Repairs', 'Rides and errands', 'Childcare']);
    await cora.screenshot({ path: `${SCREENSHOTS}/desk-coordinator-desktop.png`, fullPage: true });

    // a second officer confirms the new treasurer on their Home
    await settled();
    const tia = await signIn('tia', { size: DESKTOP });
    await tia.getByText('Cora Slone asks that Dora Hensley hold the officer roles: Treasurer.').waitFor();
    await tia.getByRole('button', { name: 'Confirm the change for Dora Hensley' }).click();
    await tia.getByText('Done for Dora Hensley.').waitFor();
    expect((await server.get('/hubs/laurel-fork/me', token)).body.roles).toEqual(['member', 'treasurer']);
  });

  it('shows the report as of a day with a chart of months, values and axes, and says so for a day before the hub', async () => {
    if (!available) return;
    const tia = await signIn('tia', { size: DESKTOP });
    await open(tia, 'Reports');
    await tia.getByRole('button', { name: 'Show the report' }).click();
    await tia.locator('#report-figures').waitFor();
    expect(await tia.locator('#report-figures').textContent()).toContain('Savings500.00 USD');
    await tia.locator('#report-chart polyline').nth(1).waitFor({ state: 'attached' });
    expect(await tia.locator('#report-chart line.axis').count()).toBe(2);
    const months = await tia.locator('#report-chart text.tick').allTextContents();
    expect(months.filter((m) => /^\d{4}-\d{2}$/.test(m))).toHaveLength(6);
    expect(await tia.locator('#report-chart .line-cash text.value').count()).toBe(6);
    await tia.screenshot({ path: `${SCREENSHOTS}/desk-reports-desktop.png`, fullPage: true });
    await tia.getByLabel('As of the end of').fill('2001-01-31');
    await tia.getByRole('button', { name: 'Show the report' }).click();
    await tia.getByText(/^The hub did not exist yet on that day: it began on \d{4}-\d{2}-\d{2}\.$/).waitFor();
    expect((tia as Page & { problems?: string[] }).problems).toEqual([]);
  });

  it('lets an auditor verify the ledger, the fingerprint wrapping on a phone', async () => {
    if (!available) return;
    const aud = await signIn('aud');
    await open(aud, 'Audit');
    await aud.getByRole('button', { name: 'Verify the ledger' }).click();
    await aud.getByText(/^Every hash chain holds: \d+ events checked\.$/).waitFor();
    expect(await aud.locator('#fingerprint').textContent()).toMatch(/^\d+:[0-9a-f]{64}$/);
    const box = await aud.locator('#fingerprint').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await aud.screenshot({ path: `${SCREENSHOTS}/desk-audit-phone.png`, fullPage: true });
    const [download] = await Promise.all([aud.waitForEvent('download'), aud.getByRole('button', { name: 'Download the hub’s journal' }).click()]);
    const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ streamId: 'hub-laurel-fork', type: 'HubCreated', revision: 0 });
    expect(lines.map((e) => e.type)).toEqual(expect.arrayContaining(['GroupHoursPaid', 'HourRequestAccepted', 'EntryReversed']));
    await aud.getByText(`Downloaded ${lines.length} events.`).waitFor();
  });

  it('lets a member ask the aid fund without saying why, and a treasurer pay it without seeing the need', async () => {
    if (!available) return;
    const cora = await signIn('cora', { size: DESKTOP });
    await open(cora, 'Coordinator tools');
    await cora.getByLabel('From whom').fill('Tia');
    await cora.getByRole('button', { name: 'Choose Tia Combs' }).click();
    await cora.getByLabel('What they gave').selectOption('money');
    await cora.getByLabel('How much (money, a quantity, or hours)').fill('200');
    await cora.getByLabel('What it was', { exact: true }).fill('bake sale');
    await cora.getByLabel('Money for the mutual aid fund').check();
    await cora.getByRole('button', { name: 'Record it' }).click();
    await cora.getByText('Recorded: 200.00 USD from Tia Combs.').waitFor();

    const rosa = await signIn('rosa');
    await open(rosa, 'Mutual aid');
    await rosa.getByLabel('How much').fill('40');
    await rosa.getByLabel('What it is for (you do not have to say)').fill('propane for the furnace');
    await rosa.getByRole('button', { name: 'Ask', exact: true }).click();
    await rosa.getByText('Your request for 40.00 USD is in. A treasurer will pay it from the aid fund.').waitFor();

    await settled();
    const tom = await signIn('tom', { size: DESKTOP });
    await open(tom, 'Mutual aid');
    await tom.getByText(/^Rosa Ibarra asks for 40.00 USD/).waitFor();
    expect(await tom.locator('main').textContent()).not.toContain('propane');
    await tom.getByRole('button', { name: 'Pay Rosa Ibarra 40.00 USD' }).click();
    await tom.getByText('Paid Rosa Ibarra 40.00 USD. The aid fund now holds 160.00 USD.').waitFor();
    await settled();
    await open(rosa, 'Home');
    await open(rosa, 'Mutual aid');
    await rosa.getByText(/40.00 USD, asked on .*: paid by Tom Ison\./).waitFor();
  });

  it('keeps a wrong token out with one plain sentence, and tells a member near their limit on Home', async () => {
    if (!available) return;
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${server.url}/`);
    await page.getByLabel('Hub', { exact: true }).fill('laurel-fork');
    await page.getByLabel('Member id', { exact: true }).fill('alice');
    await page.getByLabel('Token').fill('cl_not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That hub, member id and token do not go together. Check them, or ask your coordinator for a new token.').waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);

    const rosa = await signIn('rosa');
    await rosa.locator('#near-limit').waitFor();
    expect(await rosa.locator('#near-limit').textContent()).toBe('You owe 8.50 of the 10.00 hours you may owe. Offering some help brings it back.');
  });

  it('signs out like a shared computer needs, and signs an idle session out by itself', async () => {
    if (!available) return;
    const context = await browser.newContext({ viewport: PHONE });
    await context.clock?.install?.();
    const page = await signIn('alice', { context });
    await open(page, 'Statement');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    for (const label of ['Hub', 'Member id', 'Token']) expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe('');
    expect(await page.locator('#statement').count()).toBe(0);
    expect(await page.locator('header .who').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
    expect(page.url()).toBe(`${server.url}/`);
    await page.goBack().catch(() => undefined); // the browser's back button shows no one's accounts either
    expect(await page.locator('#statement').count()).toBe(0);

    const again = await signIn('alice', { context });
    // the balance shown means the page's effects ran, its idle timer among them
    await again.locator('#hours-balance').waitFor();
    await context.clock.fastForward('16:00');
    await again.getByText('You were signed out after 15 minutes without using the page.').waitFor();
    expect(await again.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
    await context.close();
  });

  it('uses a desktop’s width for an officer and a phone’s for a member', async () => {
    if (!available) return;
    const cora = await signIn('cora', { size: DESKTOP });
    const nav = await cora.getByRole('navigation').boundingBox();
    const main = await cora.locator('main').boundingBox();
    expect(nav!.width).toBeLessThan(300); // a column beside the work
    expect(main!.x).toBeGreaterThan(nav!.x + nav!.width - 1);
    expect(main!.width).toBeGreaterThan(800);
    await cora.screenshot({ path: `${SCREENSHOTS}/desk-members-desktop.png` });
    const alice = await signIn('alice', { size: DESKTOP });
    expect((await alice.locator('main').boundingBox())!.width).toBeLessThan(760);
  });

  it('prints the statement of an assisted member for them: a coordinator marks them, chooses them by name, and prints', async () => {
    if (!available) return;
    const cora = await signIn('cora', { size: DESKTOP });
    await open(cora, 'Coordinator tools');
    await cora.getByLabel('Whom', { exact: true }).fill('Bob');
    await cora.getByRole('button', { name: 'Choose Bob Hensley' }).click();
    await cora.getByLabel('A coordinator acts for them (no phone or email of their own)').check();
    await cora.getByRole('button', { name: 'Change', exact: true }).click();
    await cora.getByText(/^Bob Hensley may now owe .* hours; a coordinator acts for them\.$/).waitFor();
    await open(cora, 'Statement');
    await cora.getByLabel('Whose statement').fill('Bob');
    await cora.getByRole('button', { name: 'Choose Bob Hensley' }).click();
    await cora.locator('#statement tbody tr').first().waitFor();
    // a coordinator reads it; only its own payer may ask to reverse a line
    expect(await cora.getByRole('button', { name: /^Ask to reverse/ }).count()).toBe(0);
    await cora.emulateMedia({ media: 'print' });
    expect(await cora.locator('.print-only').textContent()).toMatch(/^Hours statement of Bob Hensley, Laurel Fork, printed \d{4}-\d{2}-\d{2}$/);
    expect(await cora.getByRole('navigation').isVisible()).toBe(false);
    expect(await cora.getByRole('button', { name: 'Print this statement' }).isVisible()).toBe(false);
    expect(await cora.getByLabel('Whose statement').isVisible()).toBe(false);
    await cora.screenshot({ path: `${SCREENSHOTS}/desk-statement-print.png`, fullPage: true });
  });

  it('has a plain sentence for every problem code, in English and in Spanish, and adds hours and percentages exactly', async () => {
    if (!available) return;
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    // as the page's own modules do it: a string, so the test's compiler leaves import() alone
    const codes = JSON.stringify([...PROBLEM_CODES, 'offline']);
    const result = await page.evaluate(`(async () => {
      const { CATALOGUE, translate } = await import('/lib/i18n.js');
      const amounts = await import('/lib/amounts.js');
      const codes = ${codes};
      const missing = [];
      for (const language of ['en', 'es']) for (const code of codes) if (!CATALOGUE[language]['problem.' + code]) missing.push(language + ' ' + code);
      return {
        missing,
        sentences: codes.map((code) => translate('en', 'problem.' + code, { payer: 'Rosa', payee: 'Bob' })),
        sums: [amounts.minus('0.10', '0.20'), amounts.plus('0.1', '0.2'), amounts.minus('-8.50', '1.50'), amounts.typedAmount('1,5'), amounts.typedAmount('1.234'), amounts.typedAmount('0')],
        percents: [amounts.typedPercent('5'), amounts.typedPercent('4,5'), amounts.typedPercent('101'), amounts.percentOf('0.045')],
      };
    })()`) as { missing: string[]; sentences: string[]; sums: Array<string | null>; percents: Array<string | null> };
    expect(result.missing).toEqual([]);
    for (const sentence of result.sentences) {
      expect(sentence).toMatch(/^[A-Z].*[.!]$/); // a sentence
      expect(sentence).not.toMatch(/[a-z][A-Z]|_|\bid\b/); // no field names, codes or ids
    }
    expect(result.sums).toEqual(['-0.10', '0.30', '-10.00', '1.5', null, null]);
    expect(result.percents).toEqual(['0.05', '0.045', null, '4.5']);
  });

  it('speaks Spanish when asked, and remembers it', async () => {
    if (!available) return;
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Entrar' }).waitFor();
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).toBe('es');
    await page.reload();
    await page.getByRole('heading', { name: 'Entrar' }).waitFor();
    await page.getByLabel('Centro').fill('laurel-fork');
    await page.getByLabel('Id de miembro').fill('alice');
    await page.getByLabel('Código').fill(tokens.alice);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Ha entrado como Alice Caudill en Laurel Fork').waitFor();
    await page.getByRole('link', { name: 'Extracto' }).click();
    await page.getByRole('columnheader', { name: 'Saldo' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/desk-statement-es-phone.png`, fullPage: true });
    await context.close();
  });

  it('works under a hub LAN’s host name over plain HTTP', async () => {
    if (!available) return;
    const lan = await chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, '--host-resolver-rules=MAP hub.lan 127.0.0.1'] });
    try {
      const page = await lan.newPage({ viewport: PHONE });
      const failed: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      page.on('pageerror', (error) => failed.push(error.message));
      await page.goto(`${server.url.replace('127.0.0.1', 'hub.lan')}/`);
      await page.getByLabel('Hub', { exact: true }).fill('laurel-fork');
      await page.getByLabel('Member id', { exact: true }).fill('bob');
      await page.getByLabel('Token').fill(tokens.bob);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Signed in as Bob Hensley at Laurel Fork').waitFor();
      expect(failed).toEqual([]);
    } finally {
      await lan.close();
    }
  });

  it('keeps the last balance and statement readable, marked with their time, when the server is stopped; nothing is sent from it', async () => {
    if (!available) return;
    const own = await TestServer.start();
    try {
      await own.post('/hubs', { hubId: 'ridge', name: 'Ridge Hub', currency: 'USD', timeBank: { defaultCreditLimit: '10' } }, ADMIN);
      const ann = (await own.post('/hubs/ridge/members', { memberId: 'ann', displayName: 'Ann Pruitt', roles: ['member'] }, ADMIN)).body.token;
      await own.post('/hubs/ridge/members', { memberId: 'ben', displayName: 'Ben Pruitt', roles: ['member'] }, ADMIN);
      const paid = await own.post('/hubs/ridge/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'ben', hours: '2', memo: 'firewood' }, ann);
      await own.get(`/hubs/ridge/members/ann/balance?minPosition=${paid.body.position}`, ann);
      const context = await browser.newContext({ viewport: PHONE });
      const page = await context.newPage();
      await page.goto(`${own.url}/`);
      await page.evaluate(() => (globalThis as any).navigator.serviceWorker.ready);
      await page.getByLabel('Hub', { exact: true }).fill('ridge');
      await page.getByLabel('Member id', { exact: true }).fill('ann');
      await page.getByLabel('Token').fill(ann);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#hours-balance').filter({ hasText: '-2.00' }).waitFor();
      await open(page, 'Statement');
      await page.locator('#statement tbody tr').first().waitFor();

      await own.stop();
      const sent: string[] = [];
      page.on('request', (request) => {
        if (request.method() !== 'GET') sent.push(`${request.method()} ${request.url()}`);
      });
      await page.reload();
      await page.getByRole('heading', { name: 'Offline copy' }).waitFor();
      expect(await page.locator('#offline-as-of').textContent()).toMatch(/^The hub’s server cannot be reached\. This is what this page last saw for Ann Pruitt at Ridge Hub, as of .+\. Nothing can be sent from it\.$/);
      expect(await page.locator('#offline-statement tbody td').allTextContents()).toEqual(expect.arrayContaining(['Ben Pruitt', 'firewood', '-2.00']));
      expect(await page.getByRole('button').allTextContents()).toEqual(['Try the server again']);
      await page.screenshot({ path: `${SCREENSHOTS}/desk-offline-phone.png`, fullPage: true });
      expect(sent).toEqual([]);
      await context.close();
    } finally {
      await own.stop().catch(() => undefined);
    }
  });

  it('has no accessibility violations axe-core can find on any view, at a phone’s and a desktop’s size', async () => {
    if (!available) return;
    const violations = async (page: Page) => {
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const result = await page.evaluate(() => (globalThis as any).axe.run());
      return (result as { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }).violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    const pictured = new Set<string>();
    for (const size of [PHONE, DESKTOP]) {
      const context = await browser.newContext({ viewport: size, bypassCSP: true }); // axe goes in as an inline script
      const signedOut = await context.newPage();
      await signedOut.goto(`${server.url}/`);
      await signedOut.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await violations(signedOut)).toEqual([]);
      for (const memberId of ['cora', 'tia', 'aud']) {
        const page = await signIn(memberId, { context });
        for (const section of await page.getByRole('navigation').getByRole('link').allTextContents()) {
          await open(page, section);
          await page.waitForLoadState('networkidle');
          expect([memberId, section, await violations(page)]).toEqual([memberId, section, []]);
          // every view, once, at each size: docs/screenshots/view-<section>-<phone|desktop>.png
          const name = `view-${new URL(page.url()).hash.replace(/^#\//, '').split('?')[0] || 'home'}-${size === PHONE ? 'phone' : 'desktop'}`;
          if (!pictured.has(name)) {
            pictured.add(name);
            await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
          }
        }
      }
      await context.close();
    }
  });
});
