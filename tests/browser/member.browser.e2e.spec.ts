/**
 * The members' page in a real browser: Debian's Chromium driven by playwright-core (no browser
 * download). Without /usr/bin/chromium the suite says so and does not run; .ci/run installs it.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser, Page, chromium } from 'playwright-core';
import { ADMIN, TestServer, hubWithMembers } from '../../apps/api/src/testing/test-server';

const CHROMIUM = '/usr/bin/chromium';
// UPDATE_SCREENSHOTS=1 refreshes the pictures the README shows; otherwise they go to a temp dir
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? resolve(__dirname, '../../docs/screenshots') : mkdtempSync(join(tmpdir(), 'commons-shots-'));
const available = existsSync(CHROMIUM);

describe('the members’ page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    if (!available) {
      process.stdout.write(`browser tests not run: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);
      return;
    }
    server = await TestServer.start();
    tokens = await hubWithMembers(server, 'laurel-fork', [
      { memberId: 'alice' },
      { memberId: 'bob' },
      { memberId: 'tia', roles: ['member', 'treasurer'] },
      { memberId: 'tom', roles: ['treasurer'] },
      { memberId: 'aud', roles: ['auditor'] },
      { memberId: 'coco', roles: ['coordinator'] },
    ]);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(memberId: string, axe = false): Promise<Page> {
    // what another person did a moment ago is in the read models before this one looks
    const head = (await server.get('/health')).body.position;
    await server.get(`/hubs/laurel-fork/members/alice/balance?minPosition=${head}`, tokens.alice);
    const page = await browser.newPage({ viewport: { width: 360, height: 800 }, bypassCSP: axe });
    await page.goto(server.url);
    await page.getByLabel('Hub', { exact: true }).fill('laurel-fork');
    await page.getByLabel('Member id', { exact: true }).fill(memberId);
    await page.getByLabel('Token').fill(tokens[memberId]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#sign-in').waitFor({ state: 'hidden' });
    if (memberId === 'alice' || memberId === 'bob') await page.locator('#hours-balance').filter({ hasNotText: '–' }).waitFor();
    return page;
  }

  it('lets a member pay hours after a confirmation, and both balances change', async () => {
    if (!available) return;
    const alice = await signIn('alice');
    expect(await alice.locator('#hours-balance').textContent()).toBe('0.00');
    await alice.getByLabel('To member').fill('bob');
    await alice.getByLabel('Hours', { exact: true }).fill('2.5');
    await alice.getByLabel('What for').fill('childcare');
    await alice.getByRole('button', { name: 'Review payment' }).click();
    expect(await alice.locator('#pay-confirm-text').textContent()).toBe('Pay bob 2.5 hours? Your balance after: -2.50.');
    await alice.getByRole('button', { name: 'Pay', exact: true }).click();
    await alice.locator('#pay-done').filter({ hasText: 'Paid bob 2.5 hours.' }).waitFor();
    expect(await alice.locator('#hours-balance').textContent()).toBe('-2.50');
    expect(await alice.locator('#hours-available').textContent()).toBe('7.50');
    expect(await alice.locator('#statement tr td').allTextContents()).toEqual(expect.arrayContaining(['bob', 'childcare', '-2.50'])); // the name, which is the id in this hub
    await alice.screenshot({ path: `${SCREENSHOTS}/member.png`, fullPage: true });

    const bob = await signIn('bob');
    expect(await bob.locator('#hours-balance').textContent()).toBe('2.50');
  });

  it('shows the limit in plain words next to the hours when a payment would pass it', async () => {
    if (!available) return;
    const alice = await signIn('alice');
    await alice.getByLabel('To member').fill('bob');
    await alice.getByLabel('Hours', { exact: true }).fill('20');
    await alice.getByRole('button', { name: 'Review payment' }).click();
    await alice.getByRole('button', { name: 'Pay', exact: true }).click();
    await alice.locator('#pay-hours-error').filter({ hasText: 'credit limit' }).waitFor();
    expect(await alice.locator('#pay-hours-error').textContent()).toBe('That would take you past your credit limit.');
    expect(await alice.locator('#hours-balance').textContent()).toBe('-2.50');
    await alice.screenshot({ path: `${SCREENSHOTS}/member-limit.png`, fullPage: true });
  });

  it('lets a treasurer approve a loan from the queue, and the second approval makes it approved', async () => {
    if (!available) return;
    await server.post('/hubs/laurel-fork/pool/deposits', { memberId: 'bob', amount: '500' }, tokens.tia);
    const applied = await server.post(
      '/hubs/laurel-fork/pool/loans',
      { borrowerId: 'alice', principal: '120', termMonths: 6, annualInterestRate: '0', purpose: 'seed potatoes' },
      tokens.alice,
    );
    const tia = await signIn('tia');
    await tia.getByLabel("Note on alice's loan").fill('Alice has always repaid');
    await tia.getByRole('button', { name: "Approve alice's loan" }).click();
    await tia.locator('#queue-done').filter({ hasText: 'Loan of alice: applied.' }).waitFor();
    expect(await tia.locator('#queue-empty').isVisible()).toBe(true); // not twice by the same treasurer
    const tom = await signIn('tom');
    await tom.screenshot({ path: `${SCREENSHOTS}/treasurer.png`, fullPage: true });
    await tom.getByLabel("Note on alice's loan").fill('seed for the spring');
    await tom.getByRole('button', { name: "Approve alice's loan" }).click();
    await tom.locator('#queue-done').filter({ hasText: 'Loan of alice: approved.' }).waitFor();
    const loan = await server.get(`/hubs/laurel-fork/pool/loans/${applied.body.loanId}`, tokens.tia);
    expect(loan.body.status).toBe('approved');
    expect(loan.body.approvals.map((a: any) => a.treasurerId)).toEqual(['tia', 'tom']);
  });

  it('lets an auditor verify the ledger and see its fingerprint', async () => {
    if (!available) return;
    const auditor = await signIn('aud');
    await auditor.getByRole('button', { name: 'Verify the ledger' }).click();
    await auditor.locator('#verify-result').filter({ hasText: 'Every hash chain holds' }).waitFor();
    expect(await auditor.locator('#verify-result').textContent()).toMatch(/Every hash chain holds: \d+ events checked\. Fingerprint \d+:[0-9a-f]{64}/);
    expect(await auditor.locator('#account').isHidden()).toBe(true);
    await auditor.screenshot({ path: `${SCREENSHOTS}/auditor.png`, fullPage: true });
  });

  it('lets a coordinator enrol a member, showing the token once, and record a contribution', async () => {
    if (!available) return;
    const coco = await signIn('coco');
    await coco.getByLabel("New member's id").fill('dora');
    await coco.getByLabel("New member's name").fill('Dora Hensley');
    await coco.getByRole('button', { name: 'Enrol' }).click();
    await coco.locator('#enrol-token').filter({ hasText: 'shown this once' }).waitFor();
    const token = (await coco.locator('#enrol-token').textContent())!.split(': ').pop()!;
    expect((await server.get('/hubs/laurel-fork/members/dora/balance', token)).status).toBe(200);
    await coco.getByLabel('From member').fill('dora');
    await coco.getByLabel('Kind').selectOption('volunteer-hours');
    await coco.getByLabel('Amount (money, quantity or hours)').fill('3');
    await coco.locator('#contribution-description').fill('pantry shift');
    await coco.getByRole('button', { name: 'Record' }).click();
    await coco.locator('#contribution-done').filter({ hasText: 'Recorded: volunteer-hours from dora.' }).waitFor();
    await coco.screenshot({ path: `${SCREENSHOTS}/coordinator.png`, fullPage: true });
  });

  it('shows a treasurer the financing report with its chart, and lets an auditor download the journal', async () => {
    if (!available) return;
    const project = { projectId: 'greenhouse', name: 'Greenhouse', budget: '1000', phases: [{ name: 'frame', budget: '600' }] };
    expect((await server.post('/hubs/laurel-fork/projects', project, tokens.coco)).status).toBe(201);
    const grant = { source: 'grant', lender: 'Appalachian Community Fund', amount: '400' };
    expect((await server.post('/hubs/laurel-fork/projects/greenhouse/financing', grant, tokens.tia)).status).toBe(201);
    const tia = await signIn('tia');
    await tia.getByRole('button', { name: 'Show the report' }).click();
    await tia.locator('#report-figures dd').first().waitFor();
    expect(await tia.locator('#report-figures').textContent()).toContain('Savings500.00');
    expect(await tia.locator('#report-figures').textContent()).toContain('Aid fund0.00');
    expect(await tia.locator('#report-project-rows td').allTextContents()).toEqual(['Greenhouse', '1000.00', '400.00', '0.00', '600.00']);
    await tia.locator('#report-chart polyline').nth(1).waitFor({ state: 'attached' });
    expect(await tia.locator('#report-chart polyline').count()).toBe(2);
    await tia.screenshot({ path: `${SCREENSHOTS}/report.png`, fullPage: true });

    const auditor = await signIn('aud');
    const [download] = await Promise.all([auditor.waitForEvent('download'), auditor.getByRole('button', { name: "Download the hub's journal" }).click()]);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ streamId: 'hub-laurel-fork', type: 'HubCreated', revision: 0 });
    expect(lines.map((e) => e.type)).toContain('VolunteerHoursPaid');
  });

  it("carries a loan from the member's application to a repayment, and lets a coordinator change a limit", async () => {
    if (!available) return;
    const alice = await signIn('alice');
    await alice.locator('#loan-principal').fill('60');
    await alice.locator('#loan-months').fill('3');
    await alice.locator('#loan-purpose').fill('a chest freezer for the pantry');
    await alice.getByRole('button', { name: 'Apply' }).click();
    await alice.locator('#loan-done').filter({ hasText: 'applied' }).waitFor();

    for (const treasurer of ['tia', 'tom']) {
      const page = await signIn(treasurer);
      await page.getByLabel("Note on alice's loan").fill('the pantry needs it');
      await page.getByRole('button', { name: "Approve alice's loan" }).click();
      await page.locator('#queue-done').filter({ hasText: 'Loan of alice' }).waitFor();
    }
    const tia = await signIn('tia');
    await tia.locator('#savings-member').fill('bob');
    await tia.locator('#savings-amount').fill('25');
    await tia.getByRole('button', { name: 'Record', exact: true }).click();
    await tia.locator('#savings-done').filter({ hasText: 'bob now has 525.00 saved.' }).waitFor();
    await tia.locator('#book li').filter({ hasText: '60.00 approved' }).getByRole('button', { name: "Pay out alice's loan" }).click();
    await tia.locator('#book-done').filter({ hasText: 'Loan of alice: active' }).waitFor();
    await tia.getByLabel('Repayment from alice').fill('20');
    await tia.getByRole('button', { name: "Record alice's repayment" }).click();
    await tia.locator('#book-done').filter({ hasText: '40.00 outstanding' }).waitFor();

    const coco = await signIn('coco');
    await coco.locator('#change-id').fill('alice');
    await coco.locator('#change-limit').fill('15');
    await coco.getByRole('button', { name: 'Change' }).click();
    await coco.locator('#change-done').filter({ hasText: 'alice: credit limit 15.00' }).waitFor();
    const balance = await server.get(`/hubs/laurel-fork/members/alice/balance?minPosition=${(await server.get('/health')).body.position}`, tokens.alice);
    expect(balance.body.hours.creditLimit).toBe('15.00');
    expect(balance.body.loans.outstanding).toBe('40.00');
  });

  it('lets a member ask the aid fund and withdraw a request, and a treasurer pay one without seeing the need', async () => {
    if (!available) return;
    const coco = await signIn('coco');
    await coco.getByLabel('From member').fill('alice');
    await coco.getByLabel('Amount (money, quantity or hours)').fill('100');
    await coco.locator('#contribution-description').fill('pie supper');
    await coco.getByLabel('Money for the mutual aid fund').check();
    await coco.getByRole('button', { name: 'Record' }).click();
    await coco.locator('#contribution-done').filter({ hasText: 'Recorded: money from alice, for the aid fund.' }).waitFor();
    const bob = await signIn('bob');
    await bob.getByLabel('Amount to ask for').fill('30');
    await bob.locator('#aid-need').fill('propane for the stove');
    await bob.getByRole('button', { name: 'Ask' }).click();
    await bob.locator('#aid-done').filter({ hasText: 'Your request for 30.00 is in.' }).waitFor();
    await bob.locator('#aid-amount').fill('10');
    await bob.getByRole('button', { name: 'Ask' }).click();
    await bob.locator('#aid-done').filter({ hasText: 'Your request for 10.00 is in.' }).waitFor();
    await bob.getByRole('button', { name: 'Withdraw the request for 10.00' }).click();
    await bob.locator('#aid-done').filter({ hasText: 'Your request for 10.00 is withdrawn.' }).waitFor();
    expect(await bob.locator('#my-aid li').allTextContents()).toEqual([
      expect.stringMatching(/^10\.00 asked on \d{4}-\d\d-\d\d: withdrawn$/),
      expect.stringMatching(/^30\.00 asked on \d{4}-\d\d-\d\d for propane for the stove: waiting for a treasurer/),
    ]);

    const tia = await signIn('tia');
    expect(await tia.locator('#aid-queue').textContent()).toContain('bob asks for 30.00');
    expect(await tia.locator('#aid-queue').textContent()).not.toContain('propane');
    await tia.screenshot({ path: `${SCREENSHOTS}/treasurer-aid.png`, fullPage: true });
    await tia.getByRole('button', { name: 'Pay bob 30.00' }).click();
    await tia.locator('#aid-queue-done').filter({ hasText: 'Paid bob 30.00; the aid fund holds 70.00.' }).waitFor();
    expect(await tia.locator('#aid-queue-empty').isVisible()).toBe(true);

    const again = await signIn('bob');
    await again.locator('#my-aid li').filter({ hasText: 'paid by tia' }).waitFor();
  });

  it('lets a member ask to reverse a payment of theirs, and the payee confirm it, after which both lines say so', async () => {
    if (!available) return;
    const alice = await signIn('alice');
    await alice.getByRole('button', { name: /^Ask to reverse 2\.50 hours paid to bob on / }).click();
    expect(await alice.locator('#reverse-text').textContent()).toMatch(/^Ask to reverse 2\.50 hours paid to bob on \d{4}-\d\d-\d\d\. bob or a coordinator will be asked to confirm\.$/);
    await alice.getByLabel('What went wrong?').fill('bob was away that day');
    await alice.getByRole('button', { name: 'Ask for the correction' }).click();
    await alice.locator('#reverse-done').filter({ hasText: 'Nothing moves until then.' }).waitFor();
    expect(await alice.locator('#hours-balance').textContent()).toBe('-2.50');

    const bob = await signIn('bob');
    expect(await bob.locator('#corrections li p').first().textContent()).toBe('alice asks to reverse 2.50 hours paid (alice to bob): bob was away that day');
    await bob.screenshot({ path: `${SCREENSHOTS}/correction-waiting.png`, fullPage: true });
    await bob.getByRole('button', { name: 'Confirm the correction asked by alice' }).click();
    await bob.locator('#corrections-done').filter({ hasText: 'Corrected: 2.50 hours went back.' }).waitFor();
    expect(await bob.locator('#corrections-empty').isVisible()).toBe(true);

    const again = await signIn('alice');
    await again.locator('#statement td').filter({ hasText: 'a reversal' }).waitFor();
    expect(await again.locator('#statement tr').filter({ hasText: 'childcare' }).locator('td').last().textContent()).toBe('reversed');
    expect(await again.locator('#hours-balance').textContent()).toBe('0.00');
    await again.screenshot({ path: `${SCREENSHOTS}/member-reversed.png`, fullPage: true });
  });

  it("holds a treasurer a coordinator enrols until a second officer confirms it on the page", async () => {
    if (!available) return;
    const coco = await signIn('coco');
    await coco.getByLabel("New member's id").fill('ezra');
    await coco.getByLabel("New member's name").fill('Ezra Caudill');
    await coco.getByLabel('Also a treasurer').check();
    await coco.getByRole('button', { name: 'Enrol' }).click();
    await coco.locator('#enrol-token').filter({ hasText: 'waits for a second officer' }).waitFor();
    expect(await coco.locator('#changes-empty').isVisible()).toBe(true); // not theirs to confirm

    const tia = await signIn('tia');
    expect(await tia.locator('#changes li p').first().textContent()).toBe('coco asks that Ezra Caudill hold the officer roles: treasurer');
    await tia.screenshot({ path: `${SCREENSHOTS}/change-waiting.png`, fullPage: true });
    await tia.getByRole('button', { name: 'Confirm the change for Ezra Caudill' }).click();
    await tia.locator('#changes-done').filter({ hasText: 'Done for Ezra Caudill.' }).waitFor();
    const head = (await server.get('/health')).body.position;
    const changes = await server.get(`/hubs/laurel-fork/member-changes?minPosition=${head}`, tokens.tom);
    expect(changes.body.changes).toEqual([]);
  });

  it('has no accessibility violations axe-core can find, signed out or in', async () => {
    if (!available) return;
    const violations = async (page: Page) => {
      // axe is injected as an inline script: the app's policy would refuse it, so this one page bypasses it
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const result = await page.evaluate(() => (globalThis as any).axe.run());
      return (result as { violations: Array<{ id: string }> }).violations.map((v) => v.id);
    };
    const signedOut = await browser.newPage({ bypassCSP: true });
    await signedOut.goto(server.url);
    expect(await violations(signedOut)).toEqual([]);
    for (const memberId of ['bob', 'tia', 'aud', 'coco']) expect(await violations(await signIn(memberId, true))).toEqual([]);
  });

  it('works on a hub LAN: reached as http://hub.lan, the page loads its script and styles, signs in and says who', async () => {
    if (!available) return;
    const lan = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', `--host-resolver-rules=MAP hub.lan 127.0.0.1`],
    });
    try {
      const page = await lan.newPage({ viewport: { width: 360, height: 800 } });
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('requestfailed', (request) => problems.push(`${request.url()} ${request.failure()?.errorText}`));
      const lanUrl = server.url.replace('127.0.0.1', 'hub.lan');
      await page.goto(lanUrl);
      expect(await page.evaluate(() => (globalThis as any).location.protocol)).toBe('http:');
      await page.getByLabel('Hub', { exact: true }).fill('laurel-fork');
      await page.getByLabel('Member id', { exact: true }).fill('bob');
      await page.getByLabel('Token').fill(tokens.bob);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#who').filter({ hasText: 'bob' }).waitFor();
      expect(await page.locator('#who').textContent()).toBe('Signed in as bob at Hub laurel-fork');
      // a payment needs a fresh idempotency key, which a plain-HTTP page must make without randomUUID
      await page.getByLabel('To member').fill('alice');
      await page.getByLabel('Hours', { exact: true }).fill('0.25');
      await page.getByRole('button', { name: 'Review payment' }).click();
      await page.getByRole('button', { name: 'Pay', exact: true }).click();
      await page.locator('#pay-done').filter({ hasText: 'Paid alice 0.25 hours.' }).waitFor();
      // the stylesheet came over plain HTTP too
      expect(await page.evaluate(() => (globalThis as any).document.styleSheets[0].cssRules.length)).toBeGreaterThan(0);
      expect(page.url()).toBe(`${lanUrl}/`);
      expect(problems).toEqual([]);
    } finally {
      await lan.close();
    }
  });

  it('signs out like a shared computer needs: no id, no token, no statement, nothing in session storage', async () => {
    if (!available) return;
    const page = await signIn('alice');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#sign-in').waitFor({ state: 'visible' });
    for (const label of ['Hub', 'Member id', 'Token']) expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe('');
    expect(await page.locator('#statement tr').count()).toBe(0);
    expect(await page.locator('#who').textContent()).toBe('');
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
    expect(page.url()).not.toContain(tokens.alice);
  });

  it('keeps a wrong token out with a plain message', async () => {
    if (!available) return;
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByLabel('Hub', { exact: true }).fill('laurel-fork');
    await page.getByLabel('Member id', { exact: true }).fill('alice');
    await page.getByLabel('Token').fill('cl_not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#sign-in-error').filter({ hasText: 'not valid' }).waitFor();
    expect(await page.locator('#account').isHidden()).toBe(true);
  });

  it('tells a member near their credit limit so, in a sentence', async () => {
    if (!available) return;
    const paid = await server.post('/hubs/laurel-fork/timebank/transfers', { fromMemberId: 'alice', toMemberId: 'bob', hours: '2' }, tokens.alice);
    const bal = (await server.get(`/hubs/laurel-fork/members/alice/balance?minPosition=${paid.body.position}`, tokens.alice)).body.hours;
    expect(bal.balance.startsWith('-')).toBe(true);
    const quiet = await signIn('alice');
    expect(await quiet.locator('#near-limit').textContent()).toBe('');
    // the hub warns from a tenth of the limit on: alice, who owes more, is told at her next look
    const changed = await server.call('PATCH', '/hubs/laurel-fork', { token: ADMIN, body: { timeBank: { warnAt: '0.1' } } });
    expect(changed.status).toBe(200);
    const told = await signIn('alice');
    await told.locator('#near-limit').filter({ hasText: 'You owe' }).waitFor();
    expect(await told.locator('#near-limit').textContent()).toBe(`You owe ${bal.balance.slice(1)} of the ${bal.creditLimit} hours you may owe. Offering some help brings it back.`);
    await server.call('PATCH', '/hubs/laurel-fork', { token: ADMIN, body: { timeBank: { warnAt: null } } });
  });
});
