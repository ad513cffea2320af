/**
 * The front desk as members use it, in Chromium: finding a neighbour by name, recording a service
 * by request and by payment, a correction, a limit said in words, the printable statement.
 */
import { Page } from 'playwright-core';
import { DESKTOP, PHONE, SCREENSHOTS, available, frontDesk } from './front-desk';

describe('the front desk for members, in Chromium', () => {
  const desk = frontDesk();

  it('a member finds another by name, reads their offer, and the provider records the service by request; the payer accepts', async () => {
    if (!available) return;
    const bob = await desk.signIn('bob');
    expect(await bob.locator('header .who').textContent()).toBe('Signed in as Bob Hensley at Laurel Fork');
    await desk.open(bob, 'Offers and needs');
    await bob.getByLabel('Offer or need').selectOption('offer');
    await bob.getByLabel('Title').fill('Small engine repair');
    await bob.getByLabel('A few words about it').fill('Mowers, tillers, chainsaws');
    await bob.getByLabel('Kind of help', { exact: true }).last().selectOption('repairs');
    await bob.getByRole('button', { name: 'Post it' }).click();
    await bob.getByText('Posted: “Small engine repair”.', { exact: false }).waitFor();

    const alice = await desk.signIn('alice');
    await desk.open(alice, 'Members');
    await alice.getByLabel('Find a member by name').fill('hens');
    await alice.locator('li.card').filter({ hasText: 'Bob Hensley' }).filter({ hasText: 'Small engine repair' }).waitFor();
    expect(await alice.locator('li.card').count()).toBe(1);
    await desk.open(alice, 'Offers and needs');
    await alice.locator('li.card').filter({ hasText: 'Bob Hensley offers · Repairs' }).waitFor();
    await alice.screenshot({ path: `${SCREENSHOTS}/desk-offers-phone.png`, fullPage: true });

    // Bob mended her mower: he asks her to pay, by name
    await desk.open(bob, 'Record a service');
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

    await desk.settled();
    await desk.open(alice, 'Home');
    await alice.getByText('Bob Hensley asks you to pay 1.50 hours for “mended the mower”.').waitFor();
    await alice.screenshot({ path: `${SCREENSHOTS}/desk-home-phone.png`, fullPage: true });
    await alice.getByRole('button', { name: 'Pay 1.50 hours to Bob Hensley' }).click();
    await alice.getByText('You paid Bob Hensley 1.50 hours.').waitFor();
    await alice.locator('#hours-balance').filter({ hasText: '-1.50' }).waitFor();
    await alice.getByText('Nothing is waiting for you.').waitFor();

    await desk.open(alice, 'Statement');
    const row = alice.locator('#statement tbody tr').first();
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), 'Bob Hensley', 'mended the mower', 'Repairs', '-1.50', '-1.50', 'Ask to reverse the 1.50 hours paid to Bob Hensley on ' + (await row.locator('td').first().textContent())]);
    await alice.screenshot({ path: `${SCREENSHOTS}/desk-statement-phone.png`, fullPage: true });
    await desk.open(bob, 'Statement');
    await bob.locator('#statement tbody tr').first().waitFor();
    expect(await bob.locator('#statement tbody tr').first().locator('td').nth(1).textContent()).toBe('Alice Caudill');
    for (const page of [alice, bob]) expect((page as Page & { problems?: string[] }).problems).toEqual([]);
  });

  it('lets a payer ask to reverse a payment from the statement, and the other side agree on their Home; both lines say so', async () => {
    if (!available) return;
    const alice = await desk.signIn('alice');
    await desk.open(alice, 'Statement');
    await alice.getByRole('button', { name: /^Ask to reverse the 1.50 hours paid to Bob Hensley/ }).click();
    await alice.getByRole('button', { name: 'Ask for the correction' }).click();
    await alice.getByText('Say in a few words what was wrong.').waitFor();
    await alice.getByLabel('What was wrong').fill('it was 1 hour, not 1.5');
    await alice.getByRole('button', { name: 'Ask for the correction' }).click();
    await alice.getByText('Asked. The hours move back once Bob Hensley or a coordinator agrees.').waitFor();

    await desk.settled();
    const bob = await desk.signIn('bob');
    await bob.getByText('Alice Caudill asks to reverse 1.50 hours between Alice Caudill, Bob Hensley, because: “it was 1 hour, not 1.5”.').waitFor();
    await bob.getByRole('button', { name: 'Agree: reverse it' }).click();
    await bob.getByText('Reversed. Both statements show the correction.').waitFor();
    await desk.open(bob, 'Statement');
    await bob.locator('#statement tbody tr').nth(1).waitFor();
    const lines = await bob.locator('#statement tbody tr td:nth-child(3)').allTextContents();
    expect(lines.slice(0, 2)).toEqual(['reversal: it was 1 hour, not 1.5 (a correction)', 'mended the mower (reversed later)']);
    await alice.reload();
    await desk.open(alice, 'Home');
    await alice.locator('#hours-balance').filter({ hasText: '0.00' }).waitFor();
  });

  it('pays someone chosen by name, shows the balance after in the review, and says past-the-limit in a sentence', async () => {
    if (!available) return;
    const rosa = await desk.signIn('rosa');
    await desk.open(rosa, 'Record a service');
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

  it('keeps a wrong token out with one plain sentence, and tells a member near their limit on Home', async () => {
    if (!available) return;
    const page = await desk.browser.newPage({ viewport: PHONE });
    await page.goto(`${desk.server.url}/`);
    await page.getByLabel('Hub', { exact: true }).fill('laurel-fork');
    await page.getByLabel('Member id', { exact: true }).fill('alice');
    await page.getByLabel('Token').fill('cl_not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That hub, member id and token do not go together. Check them, or ask your coordinator for a new token.').waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);

    const rosa = await desk.signIn('rosa');
    await rosa.locator('#near-limit').waitFor();
    expect(await rosa.locator('#near-limit').textContent()).toBe('You owe 8.50 of the 10.00 hours you may owe. Offering some help brings it back.');
  });

  it('uses a desktop’s width for an officer and a phone’s for a member', async () => {
    if (!available) return;
    const cora = await desk.signIn('cora', { size: DESKTOP });
    const nav = await cora.getByRole('navigation').boundingBox();
    const main = await cora.locator('main').boundingBox();
    expect(nav!.width).toBeLessThan(300); // a column beside the work
    expect(main!.x).toBeGreaterThan(nav!.x + nav!.width - 1);
    expect(main!.width).toBeGreaterThan(800);
    await cora.screenshot({ path: `${SCREENSHOTS}/desk-members-desktop.png` });
    const alice = await desk.signIn('alice', { size: DESKTOP });
    expect((await alice.locator('main').boundingBox())!.width).toBeLessThan(760);
  });

  it('prints the statement of an assisted member for them: a coordinator marks them, chooses them by name, and prints', async () => {
    if (!available) return;
    const cora = await desk.signIn('cora', { size: DESKTOP });
    await desk.open(cora, 'Coordinator tools');
    await cora.getByLabel('Whom', { exact: true }).fill('Bob');
    await cora.getByRole('button', { name: 'Choose Bob Hensley' }).click();
    await cora.getByLabel('A coordinator acts for them (no phone or email of their own)').check();
    await cora.getByRole('button', { name: 'Change', exact: true }).click();
    await cora.getByText(/^Bob Hensley may now owe .* hours; a coordinator acts for them\.$/).waitFor();
    await desk.open(cora, 'Statement');
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
});
