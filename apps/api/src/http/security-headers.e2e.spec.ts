import { TestServer } from '../testing/test-server';

const policy = (header: string | null) => new Map((header ?? '').split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('security headers over plain HTTP on a hub LAN, and over HTTPS', () => {
  let plain: TestServer;
  let https: TestServer;

  beforeAll(async () => {
    plain = await TestServer.start();
    https = await TestServer.start({ https: true });
  });
  afterAll(async () => {
    await plain.stop();
    await https.stop();
  });

  it('never tells a browser on plain HTTP to upgrade, nor sends HSTS', async () => {
    for (const path of ['/', '/main.js', '/docs', '/health']) {
      const reply = await plain.get(path);
      expect(reply.headers.get('strict-transport-security')).toBeNull();
      expect(policy(reply.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(false);
    }
  });

  it('gives the app a strict policy: its own scripts and styles, nothing inline, no form posts, no framing', async () => {
    const csp = policy((await plain.get('/')).headers.get('content-security-policy'));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-inline'");
  });

  it("keeps Swagger's inline exceptions under /docs only", async () => {
    const docs = policy((await plain.get('/docs')).headers.get('content-security-policy'));
    expect(docs.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const notDocs = policy((await plain.get('/docsx')).headers.get('content-security-policy'));
    expect(notDocs.get('script-src')).toEqual(["'self'"]);
  });

  it('upgrades and sends HSTS when the operator says the service is reached over HTTPS', async () => {
    const reply = await https.get('/');
    expect(reply.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect(policy(reply.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(true);
  });
});
