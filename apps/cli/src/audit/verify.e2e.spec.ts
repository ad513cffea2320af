import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { TestServer, hubWithMembers } from '../../../api/src/testing/test-server';

const CLI = resolve(__dirname, '../../../../bin/commons.js');

function commons(args: string[], dataDir: string) {
  return spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
}

describe('commons audit verify, on the data dir of a running server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
    const tokens = await hubWithMembers(server, 'hub', [{ memberId: 'alice' }, { memberId: 'bob' }]);
    await server.post('/hubs/hub/timebank/transfers', { fromMemberId: 'alice', toMemberId: 'bob', hours: '2' }, tokens.alice);
  });
  afterAll(() => server.stop());

  it('prints the events checked, the last position and a fingerprint it later accepts', () => {
    const run = commons(['audit', 'verify'], server.dataDir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('events checked: 4');
    const fingerprint = /fingerprint:\s+(\d+:[0-9a-f]{64})/.exec(run.stdout)![1];
    expect(commons(['audit', 'verify', '--fingerprint', fingerprint], server.dataDir).status).toBe(0);
  });

  it('exits non-zero naming the first bad event once an amount is edited', async () => {
    const db = new Database(`${server.dataDir}/events.sqlite`);
    db.prepare(`UPDATE events SET data = replace(data, '"2.00"', '"20.00"') WHERE type = 'HoursPaid'`).run();
    db.close();
    const run = commons(['audit', 'verify'], server.dataDir);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/first bad event at position 4 \(stream timebank-hub, revision 0\)/);
  });
});
