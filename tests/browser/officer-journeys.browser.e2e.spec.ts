/**
 * The front desk as officers use it, in Chromium: treasurers deciding loans two by two, a
 * coordinator's tools, the report, the auditor's desk, mutual aid, and axe-core on every view.
 */
import { readFile } from 'node:fs/promises';
import { Page } from 'playwright-core';
import { DESKTOP, PHONE, SCREENSHOTS, available, frontDesk } from './front-desk';

describe('the front desk for officers, in Chromium', () => {
  // what members did before: Rosa owes 8.50 of her 10 hours, and a request paid, then reversed
  const desk = frontDesk(async ({ server, tokens }) => {
    await server.post('/hubs/laurel-fork/timebank/transfers', { fromMemberId: 'rosa', toMemberId: 'bob', hours: '8.5', memo: 'rides to the clinic' }, tokens.rosa);
    const asked = await server.post('/hubs/laurel-fork/timebank/requests', { fromMemberId: 'alice', toMemberId: 'bob', hours: '1.5', memo: 'mended the mower' }, tokens.bob);
    const paid = await server.post(`/hubs/laurel-fork/timebank/requests/${asked.body.requestId}/acceptance`, {}, tokens.alice);
    const proposal = await server.post('/hubs/laurel-fork/reversals', { position: paid.body.position, reason: 'it was 1 hour' }, tokens.alice);
    await server.post(`/hubs/laurel-fork/reversals/${proposal.body.reversalId}/confirmation`, {}, tokens.bob);
    // the tool library, so its views show what a desk sees: one thing out with someone waiting, one in the shed
    for (const [thingId, name, extra] of [['generator', 'Generator, 3 kW', {}], ['ladder', 'Extension ladder', { hoursPerLoan: '0.5' }]] as const) {
      await server.post('/hubs/laurel-fork/things', { thingId, name, description: '', owner: 'hub', loanDays: 7, ...extra }, tokens.cora);
    }
    await server.post('/hubs/laurel-fork/things/generator/loans', { memberId: 'alice' }, tokens.cora);
    await server.post('/hubs/laurel-fork/things/generator/holds', {}, tokens.bob);
  });

  it('carries a loan from a member’s application through two treasurers, each step refreshing the lists, to a repayment', async () => {
    if (!available) return;
    const tia = await desk.signIn('tia', { size: DESKTOP });
    await desk.open(tia, 'Savings pool');
    await tia.getByLabel('Whose savings').fill('Bob');
    await tia.getByRole('button', { name: 'Choose Bob Hensley' }).click();
    await tia.getByLabel('Amount', { exact: true }).fill('500');
    await tia.getByRole('button', { name: 'Record it' }).click();
    await tia.locator('#pool-said').filter({ hasText: 'Bob Hensley now has 500.00 USD saved.' }).waitFor();

    const alice = await desk.signIn('alice');
    await desk.open(alice, 'Savings pool');
    await alice.getByLabel('How much').fill('120');
    await alice.getByLabel('Over how many months').fill('6');
    await alice.getByLabel('Interest a year, in percent (such as 5)').fill('5');
    await alice.getByLabel('What it is for').fill('seed potatoes');
    await alice.getByRole('button', { name: 'Ask for the loan' }).click();
    await alice.locator('#pool-said').filter({ hasText: 'You asked for 120.00 USD.' }).waitFor();
    await alice.getByText('You asked for 120.00 USD for seed potatoes: waiting for the treasurers.').waitFor();

    await desk.settled();
    await desk.open(tia, 'Home');
    await desk.open(tia, 'Savings pool');
    await tia.getByText('Alice Caudill asks for 120.00 USD over 6 months at 5 % a year, for seed potatoes.', { exact: false }).waitFor();
    await tia.getByRole('button', { name: 'Approve Alice Caudill’s loan' }).click();
    await tia.getByText('Write a note: every decision says why.').waitFor();
    await tia.getByLabel('Your note on Alice Caudill’s loan').fill('Alice has always repaid');
    await tia.getByRole('button', { name: 'Approve Alice Caudill’s loan' }).click();
    await tia.locator('#pool-said').filter({ hasText: 'needs another treasurer' }).waitFor();
    await tia.locator('#pool-queue-empty').waitFor(); // not twice by the same treasurer

    const tom = await desk.signIn('tom', { size: DESKTOP });
    await desk.open(tom, 'Savings pool');
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
    const cora = await desk.signIn('cora', { size: DESKTOP });
    await desk.open(cora, 'Coordinator tools');
    await cora.getByLabel('Their name').fill('Dora Hensley');
    await cora.getByLabel('Their sign-in id').fill('Dora H');
    await cora.getByRole('button', { name: 'Enrol' }).click();
    await cora.getByText('Their sign-in id: A short word of small letters').waitFor();
    await cora.getByLabel('Their sign-in id').fill('dora');
    await cora.getByLabel('Treasurer').check();
    await cora.getByRole('button', { name: 'Enrol' }).click();
    await cora.getByText('Dora Hensley is a member now; the officer role waits for a second officer to confirm it.').waitFor();
    const token = (await cora.locator('#enrol-token code').textContent())!;
    expect((await desk.server.get('/hubs/laurel-fork/me', token)).body.roles).toEqual(['member']);

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
    expect((await desk.server.get('/hubs/laurel-fork/categories', desk.tokens.cora)).body.categories.map((c: any) => c.name)).toEqual(['Repairs', 'Rides and errands', 'Childcare']);
    await cora.screenshot({ path: `${SCREENSHOTS}/desk-coordinator-desktop.png`, fullPage: true });

    // a second officer confirms the new treasurer on their Home
    await desk.settled();
    const tia = await desk.signIn('tia', { size: DESKTOP });
    await tia.getByText('Cora Slone asks that Dora Hensley hold the officer roles: Treasurer.').waitFor();
    await tia.getByRole('button', { name: 'Confirm the change for Dora Hensley' }).click();
    await tia.getByText('Done for Dora Hensley.').waitFor();
    expect((await desk.server.get('/hubs/laurel-fork/me', token)).body.roles).toEqual(['member', 'treasurer']);
  });

  it('shows the report as of a day with a chart of months, values and axes, and says so for a day before the hub', async () => {
    if (!available) return;
    const tia = await desk.signIn('tia', { size: DESKTOP });
    await desk.open(tia, 'Reports');
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
    const aud = await desk.signIn('aud');
    await desk.open(aud, 'Audit');
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
    const cora = await desk.signIn('cora', { size: DESKTOP });
    await desk.open(cora, 'Coordinator tools');
    await cora.getByLabel('From whom').fill('Tia');
    await cora.getByRole('button', { name: 'Choose Tia Combs' }).click();
    await cora.getByLabel('What they gave').selectOption('money');
    await cora.getByLabel('How much (money, a quantity, or hours)').fill('200');
    await cora.getByLabel('What it was', { exact: true }).fill('bake sale');
    await cora.getByLabel('Money for the mutual aid fund').check();
    await cora.getByRole('button', { name: 'Record it' }).click();
    await cora.getByText('Recorded: 200.00 USD from Tia Combs.').waitFor();

    const rosa = await desk.signIn('rosa');
    await desk.open(rosa, 'Mutual aid');
    await rosa.getByLabel('How much').fill('40');
    await rosa.getByLabel('What it is for (you do not have to say)').fill('propane for the furnace');
    await rosa.getByRole('button', { name: 'Ask', exact: true }).click();
    await rosa.getByText('Your request for 40.00 USD is in. A treasurer will pay it from the aid fund.').waitFor();

    await desk.settled();
    const tom = await desk.signIn('tom', { size: DESKTOP });
    await desk.open(tom, 'Mutual aid');
    await tom.getByText(/^Rosa Ibarra asks for 40.00 USD/).waitFor();
    expect(await tom.locator('main').textContent()).not.toContain('propane');
    await tom.getByRole('button', { name: 'Pay Rosa Ibarra 40.00 USD' }).click();
    await tom.getByText('Paid Rosa Ibarra 40.00 USD. The aid fund now holds 160.00 USD.').waitFor();
    await desk.settled();
    await desk.open(rosa, 'Home');
    await desk.open(rosa, 'Mutual aid');
    await rosa.getByText(/40.00 USD, asked on .*: paid by Tom Ison\./).waitFor();
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
      const context = await desk.browser.newContext({ viewport: size, bypassCSP: true }); // axe goes in as an inline script
      const signedOut = await context.newPage();
      await signedOut.goto(`${desk.server.url}/`);
      await signedOut.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await violations(signedOut)).toEqual([]);
      for (const memberId of ['cora', 'tia', 'aud']) {
        const page = await desk.signIn(memberId, { context });
        for (const section of await page.getByRole('navigation').getByRole('link').allTextContents()) {
          await desk.open(page, section);
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
