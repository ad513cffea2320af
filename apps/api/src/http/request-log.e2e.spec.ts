import { PassThrough } from 'node:stream';
import { ADMIN, TestServer } from '../testing/test-server';

describe('the request log', () => {
  it('writes one JSON line per request with its id, actor and hub, and never a token', async () => {
    const log = new PassThrough();
    let text = '';
    log.on('data', (chunk) => (text += chunk));
    const server = await TestServer.start({ requestLog: log });
    try {
      await server.post('/hubs', { hubId: 'h', name: 'H', currency: 'USD', timeBank: { defaultCreditLimit: '5' } }, ADMIN);
      const token = (await server.post('/hubs/h/members', { memberId: 'ann', displayName: 'Ann', roles: ['member'] }, ADMIN)).body.token;
      await server.call('GET', '/hubs/h/members/ann/balance', { token, headers: { 'x-correlation-id': 'trace-7' } });
      await server.get('/hubs/h', 'cl_wrong-token-value');
      await new Promise((resolve) => setImmediate(resolve));
      const lines = text.trim().split('\n').map((line) => JSON.parse(line));
      expect(lines.find((l) => l.reqId === 'trace-7')).toMatchObject({
        msg: 'request', method: 'GET', route: '/hubs/:hubId/members/:memberId/balance', status: 200, actor: 'ann', hub: 'h',
      });
      expect(lines.find((l) => l.status === 401)).toMatchObject({ actor: null, hub: 'h' });
      expect(text).not.toContain(token);
      expect(text).not.toContain(ADMIN);
      expect(text).not.toContain('cl_wrong-token-value');
    } finally {
      await server.stop();
    }
  });
});
