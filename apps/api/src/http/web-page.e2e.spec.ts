import { TestServer } from '../testing/test-server';

describe('the members’ page as served', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop());

  it('is small, served by the API alone, with nothing fetched from elsewhere', async () => {
    let bytes = 0;
    for (const path of ['/', '/app.css', '/app.js', '/api.js', '/member.js', '/treasurer.js', '/coordinator.js', '/audit.js', '/aid.js']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      const text = await response.text();
      bytes += Buffer.byteLength(text);
      // no CDN, no fonts, no trackers: every URL the page uses is its own
      expect(text).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    }
    expect(bytes).toBeLessThan(150 * 1024);
  });
});
