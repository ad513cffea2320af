import Database from 'better-sqlite3';
import { TestServer, hubWithMembers } from '../testing/test-server';

describe('when the event store is unavailable', () => {
  let server: TestServer;
  let t: Record<string, string>;
  beforeAll(async () => {
    server = await TestServer.start();
    t = await hubWithMembers(server, 'h', [{ memberId: 'ann' }, { memberId: 'ben' }]);
  });
  afterAll(() => server.stop());

  const pay = (hours: string) => server.post('/hubs/h/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'ben', hours }, t.ann);

  it('answers 503 while another process holds the database locked, records nothing, and recovers', async () => {
    expect((await pay('1')).status).toBe(201);
    const intruder = new Database(`${server.dataDir}/events.sqlite`);
    intruder.pragma('busy_timeout = 1000');
    intruder.exec('BEGIN IMMEDIATE'); // holds the write lock, as a stuck backup or another process might
    let refused;
    try {
      refused = await pay('2');
      expect((await server.get('/health')).status).toBe(200); // reads go on meanwhile
    } finally {
      intruder.exec('ROLLBACK');
      intruder.close();
    }
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('unavailable');

    const recovered = await pay('3');
    expect(recovered.status).toBe(201);
    const statement = (await server.get(`/hubs/h/members/ann/statement?minPosition=${recovered.body.position}`, t.ann)).body.entries;
    expect(statement.map((e: any) => e.amount)).toEqual(['-1.00', '-3.00']); // the refused payment left no trace
    expect(statement[1].balance).toBe('-4.00');
  });
});
