import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { TestServer } from '../testing/test-server';

const PUBLIC = resolve(__dirname, '../../../web/public');

describe('the front desk as served', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop());

  it('is small on first load, served by the service alone, with nothing fetched from elsewhere', async () => {
    // everything the page loads before anyone signs in: the HTML, what it links, and every module imported from there
    const seen = new Map<string, number>();
    const queue = ['/'];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      const response = await fetch(`${server.url}${path}`);
      expect([path, response.status]).toEqual([path, 200]);
      const text = await response.text();
      seen.set(path, Buffer.byteLength(text));
      // no CDN, no fonts, no trackers: every URL the page uses is its own
      expect(text).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/); // XML namespace names are not fetched
      const base = new URL(path, server.url);
      const links = [...text.matchAll(/(?:href|src)="([^"]+)"|(?:from|import)\s*"([^"]+)"|(?:from|import)\s*'([^']+)'/g)].map((m) => m[1] ?? m[2] ?? m[3]);
      for (const link of links) if (!link.startsWith('#')) queue.push(new URL(link, base).pathname);
    }
    expect([...seen.keys()]).toEqual(expect.arrayContaining(['/', '/desk.css', '/main.js', '/vendor/preact.mjs', '/vendor/hooks.mjs', '/vendor/htm.mjs', '/views/sign-in.js']));
    // a section's view comes when it is first opened, not before
    expect([...seen.keys()]).not.toContain('/views/pool.js');
    const bytes = [...seen.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(`front desk, first load: ${bytes} bytes in ${seen.size} files\n`);
    expect(bytes).toBeLessThan(150 * 1024);
    // the service worker keeps every file the desk loads, so it opens offline whole
    const worker = await (await fetch(`${server.url}/sw.js`)).text();
    const kept = new Set([...worker.matchAll(/'(\/[^']*)'/g)].map((m) => m[1]));
    for (const path of seen.keys()) expect([path, kept.has(path)]).toEqual([path, true]);
    const files = readdirSync(PUBLIC, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => `/${relative(PUBLIC, join(f.parentPath, f.name))}`);
    for (const file of files.filter((f) => !['/index.html', '/sw.js'].includes(f))) expect([file, kept.has(file)]).toEqual([file, true]);
  });

  it('has a favicon where browsers look for one', async () => {
    const response = await fetch(`${server.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\//);
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO header
  });

  it('answers an unknown path with a problem, not a page', async () => {
    const reply = await server.get('/no-such-page');
    expect([reply.status, reply.body.code]).toEqual([404, 'not_found']);
    expect((await server.get('/vendor/nothing.mjs')).status).toBe(404);
  });
});
