/**
 * The tool library as members and a coordinator use it, in Chromium: a member holds the generator
 * while it is out, the desk takes it back and lends it to them as the first in the queue, a loan
 * that costs hours is refused in plain words to a member at their limit.
 */
import { DESKTOP, SCREENSHOTS, available, frontDesk } from './front-desk';

describe('the tool library at the front desk, in Chromium', () => {
  const desk = frontDesk(async ({ server, tokens }) => {
    // Rosa owes 9 of her 10 hours: a tiller that costs 2 is past her limit
    await server.post('/hubs/laurel-fork/timebank/transfers', { fromMemberId: 'rosa', toMemberId: 'alice', hours: '9', memo: 'firewood' }, tokens.rosa);
    await server.post('/hubs/laurel-fork/things', { thingId: 'tiller', name: 'Tiller', description: 'Rear-tine, petrol', owner: 'hub', loanDays: 3, hoursPerLoan: '2' }, tokens.cora);
  });

  it('a coordinator adds and lends the generator; a member holds it while it is out and borrows it when it comes back', async () => {
    if (!available) return;
    const cora = await desk.signIn('cora', { size: DESKTOP });
    await desk.open(cora, 'Shared things');
    await cora.getByLabel('Name', { exact: true }).fill('Generator');
    await cora.getByLabel('Description').fill('3 kW, petrol: bring it back full');
    await cora.getByLabel('Days it may be kept').fill('7');
    await cora.getByRole('button', { name: 'Add it' }).click();
    await cora.getByText('Generator is in the library.').waitFor();

    await cora.getByLabel('Thing', { exact: true }).selectOption({ label: 'Generator' });
    await cora.getByLabel('Lend to').fill('Alice');
    await cora.getByRole('button', { name: 'Choose Alice Caudill' }).click();
    await cora.getByRole('button', { name: 'Lend it' }).click();
    await cora.getByText(/^Generator is lent to Alice Caudill until \w+ \d+\.$/).waitFor();

    const bob = await desk.signIn('bob');
    await desk.open(bob, 'Shared things');
    await bob.getByLabel('Look for a thing (a word of its name)').fill('gener');
    const card = bob.locator('li.card').filter({ hasText: 'Generator' });
    await card.getByText(/^Out on loan, due back \w+ \d+\.$/).waitFor();
    await bob.locator('li.card').filter({ hasText: 'Tiller' }).waitFor({ state: 'detached' });
    expect(await bob.locator('li.card').count()).toBe(1);
    await card.getByRole('button', { name: 'Hold Generator for me' }).click();
    await bob.getByText('You are number 1 in the queue for Generator. We will keep it for you when your turn comes.').waitFor();
    await bob.getByText('You are number 1 in the queue.').waitFor();
    await bob.screenshot({ path: `${SCREENSHOTS}/desk-things-phone.png`, fullPage: true });

    // it comes back worn; the desk offers it to Bob, first in the queue
    await desk.settled();
    await desk.open(cora, 'Home');
    await desk.open(cora, 'Shared things');
    const out = cora.locator('form.card').filter({ hasText: 'Generator' });
    await out.getByLabel('How it came back').selectOption('worn');
    await out.getByLabel('Note (what you saw)').fill('the pull cord is frayed');
    await out.getByRole('button', { name: 'Take back Generator' }).click();
    await cora.getByText('Generator is back.').waitFor();
    await cora.getByLabel('Thing', { exact: true }).selectOption({ label: 'Generator (kept for Bob Hensley)' });
    await cora.locator('#lend-to-chosen').filter({ hasText: 'Bob Hensley' }).waitFor();
    await cora.getByRole('button', { name: 'Lend it' }).click();
    await cora.getByText(/^Generator is lent to Bob Hensley until \w+ \d+\.$/).waitFor();
    await cora.screenshot({ path: `${SCREENSHOTS}/desk-lending-desktop.png`, fullPage: true });

    await desk.settled();
    await desk.open(bob, 'Home');
    await desk.open(bob, 'Shared things');
    await bob.getByText(/^Bring it back by \w+ \d+\.$/).waitFor();
    for (const page of [cora, bob]) expect(page.problems).toEqual([]);
  });

  it('says in plain words that a loan costing hours would take the borrower past what they may owe, and lends nothing', async () => {
    if (!available) return;
    const cora = await desk.signIn('cora', { size: DESKTOP });
    await desk.open(cora, 'Shared things');
    await cora.getByLabel('Thing', { exact: true }).selectOption({ label: 'Tiller' });
    await cora.getByText('The borrower pays 2.00 hours for it.').waitFor();
    await cora.getByLabel('Lend to').fill('Rosa');
    await cora.getByRole('button', { name: 'Choose Rosa Ibarra' }).click();
    await cora.getByRole('button', { name: 'Lend it' }).click();
    await cora.getByText('That would take Rosa Ibarra past the hours they may owe.').waitFor();
    const tiller = (await desk.server.get('/hubs/laurel-fork/things/tiller', desk.tokens.cora)).body;
    expect(tiller.status).toBe('available');

    // Spanish, for a member: the catalogue speaks it too
    const rosa = await desk.signIn('rosa');
    await rosa.getByLabel('Language').selectOption('es');
    await desk.open(rosa, 'Cosas compartidas');
    await rosa.locator('li.card').filter({ hasText: 'Tiller' }).getByText('Está aquí: pídalo en el mostrador.').waitFor();
    await rosa.getByText('cuesta 2.00 horas cada préstamo', { exact: false }).waitFor();
    for (const page of [cora, rosa]) expect(page.problems).toEqual([]);
  });
});
