import { ADMIN, TestServer, hubWithMembers } from '../testing/test-server';

/** Every `asOf`, `from` and `to` validation accepts is one the ledger can use: 200 or a clear 400, never a 500. */
describe('moments in queries', () => {
  let server: TestServer;
  let tokens: Record<string, string>;
  let loanId: string;
  beforeAll(async () => {
    server = await TestServer.start();
    tokens = await hubWithMembers(server, 'h', [{ memberId: 'ann' }, { memberId: 'tia', roles: ['member', 'treasurer'] }, { memberId: 'coco', roles: ['coordinator'] }]);
    loanId = (await server.post('/hubs/h/pool/loans', { borrowerId: 'ann', principal: '10', termMonths: 1, annualInterestRate: '0', purpose: 'p' }, tokens.ann)).body.loanId;
    await server.post('/hubs/h/projects', { projectId: 'shed', name: 'Shed', budget: '10', phases: [{ name: 'all', budget: '10' }] }, tokens.coco);
  });
  afterAll(() => server.stop());

  const routes = () => [
    (q: string) => `/hubs/h/members/ann/balance?asOf=${q}`,
    (q: string) => `/hubs/h/members/ann/statement?asOf=${q}`,
    (q: string) => `/hubs/h/members/ann/statement?from=${q}&to=${q}`,
    (q: string) => `/hubs/h/pool/loans?asOf=${q}`,
    (q: string) => `/hubs/h/pool/loans/${loanId}?asOf=${q}`,
    (q: string) => `/hubs/h/reports/financing?asOf=${q}&from=${q}`,
    (q: string) => `/reports/network?asOf=${q}`,
    (q: string) => `/hubs/h/projects/shed?asOf=${q}`,
  ];

  it.each(['2026-03-01', '2026-03-02T10:00Z', '2026-03-02T10:00:30.5%2B02:00', '2027-01-01T00:00:00.000Z'])('answers %s on every as-of route', async (moment) => {
    for (const route of routes()) {
      const reply = await server.get(route(moment), route(moment).startsWith('/reports') ? ADMIN : tokens.tia);
      expect(reply.status).toBeLessThan(500);
      if (reply.status !== 200) expect(reply.body.code).toBe('not_found'); // the project before it existed
    }
  });

  it.each(['2026-W10-1', '2026-060', '20260301T100000Z', '2026-03-01T10Z', '2026-03-01T10:00:00,5Z', '2026-03-01T10:00:00', '%2B010000-01-01', '2026-02-30', 'June%2030'])(
    'refuses %s with 400 validation_failed on every as-of route',
    async (moment) => {
      for (const route of routes()) {
        const reply = await server.get(route(moment), route(moment).startsWith('/reports') ? ADMIN : tokens.tia);
        expect([route(moment), reply.status, reply.body.code]).toEqual([route(moment), 400, 'validation_failed']);
      }
    },
  );
});
