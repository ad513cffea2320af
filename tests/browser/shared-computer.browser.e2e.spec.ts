/**
 * The front desk on a shared hub computer and a hub's LAN, in Chromium: signing out and idling
 * out, Spanish, a LAN host name over plain HTTP, the offline copy, and a plain sentence for every
 * problem.
 */
import { chromium } from 'playwright-core';
import { PROBLEM_CODES } from '../../apps/api/src/http/problem.filter';
import { ADMIN, TestServer } from '../../apps/api/src/testing/test-server';
import { ARGS, CHROMIUM, PHONE, SCREENSHOTS, available, frontDesk } from './front-desk';

describe('the front desk on a shared computer and a hub LAN, in Chromium', () => {
  // a line on Alice's statement, for the views that show one
  const desk = frontDesk(async ({ server, tokens }) => {
    await server.post('/hubs/laurel-fork/timebank/transfers', { fromMemberId: 'alice', toMemberId: 'bob', hours: '1', memo: 'firewood' }, tokens.alice);
  });

  it('signs out like a shared computer needs, and signs an idle session out by itself', async () => {
    if (!available) return;
    const context = await desk.browser.newContext({ viewport: PHONE });
    await context.clock?.install?.();
    const page = await desk.signIn('alice', { context });
    await desk.open(page, 'Statement');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    for (const label of ['Hub', 'Member id', 'Token']) expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe('');
    expect(await page.locator('#statement').count()).toBe(0);
    expect(await page.locator('header .who').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
    expect(page.url()).toBe(`${desk.server.url}/`);
    await page.goBack().catch(() => undefined); // the browser's back button shows no one's accounts either
    expect(await page.locator('#statement').count()).toBe(0);

    const again = await desk.signIn('alice', { context });
    // the balance shown means the page's effects ran, its idle timer among them
    await again.locator('#hours-balance').waitFor();
    await context.clock.fastForward('16:00');
    await again.getByText('You were signed out after 15 minutes without using the page.').waitFor();
    expect(await again.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
    await context.close();
  });

  it('speaks Spanish when asked, and remembers it', async () => {
    if (!available) return;
    const context = await desk.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${desk.server.url}/`);
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Entrar' }).waitFor();
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).toBe('es');
    await page.reload();
    await page.getByRole('heading', { name: 'Entrar' }).waitFor();
    await page.getByLabel('Centro').fill('laurel-fork');
    await page.getByLabel('Id de miembro').fill('alice');
    await page.getByLabel('Código').fill(desk.tokens.alice);
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
      await page.goto(`${desk.server.url.replace('127.0.0.1', 'hub.lan')}/`);
      await page.getByLabel('Hub', { exact: true }).fill('laurel-fork');
      await page.getByLabel('Member id', { exact: true }).fill('bob');
      await page.getByLabel('Token').fill(desk.tokens.bob);
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
      const context = await desk.browser.newContext({ viewport: PHONE });
      const page = await context.newPage();
      await page.goto(`${own.url}/`);
      await page.evaluate(() => (globalThis as any).navigator.serviceWorker.ready);
      await page.getByLabel('Hub', { exact: true }).fill('ridge');
      await page.getByLabel('Member id', { exact: true }).fill('ann');
      await page.getByLabel('Token').fill(ann);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#hours-balance').filter({ hasText: '-2.00' }).waitFor();
      await desk.open(page, 'Statement');
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

  it('has a plain sentence for every problem code, in English and in Spanish, and adds hours and percentages exactly', async () => {
    if (!available) return;
    const page = await desk.browser.newPage();
    await page.goto(`${desk.server.url}/`);
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
});
