import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { TestServer, hubWithMembers } from '../../../api/src/testing/test-server';

const CLI = resolve(__dirname, '../../../../bin/commons.js');

describe('commons report financing, reading DATA_DIR directly', () => {
  let server: TestServer;
  const commons = (args: string[]) =>
    promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: server.dataDir }, encoding: 'utf8' });

  beforeAll(async () => {
    server = await TestServer.start();
    server.clock.set('2026-05-01T10:00:00.000Z');
    const t = await hubWithMembers(server, 'hollow', [{ memberId: 'ann' }, { memberId: 'ben' }, { memberId: 'coco', roles: ['coordinator'] }]);
    await server.post('/hubs/hollow/contributions', { memberId: 'ann', kind: 'money', amount: '12.50', description: 'dues' }, t.coco);
    server.clock.set('2026-05-02T10:00:00.000Z');
    await server.post('/hubs/hollow/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'ben', hours: '3' }, t.ann);
  });
  afterAll(() => server.stop());

  it('prints a readable table by default', async () => {
    const { stdout } = await commons(['report', 'financing', '--hub', 'hollow']);
    expect(stdout).toContain('Financing report: Hub hollow (hollow), USD');
    expect(stdout).toMatch(/money \(1\)\s+12\.50/);
    expect(stdout).toMatch(/hours exchanged in the period\s+3\.00/);
  });

  it('answers as of a past moment, in JSON or CSV', async () => {
    const { stdout } = await commons(['report', 'financing', '--hub', 'hollow', '--as-of', '2026-05-01T23:00:00Z', '--format', 'json']);
    const report = JSON.parse(stdout);
    expect(report.timeBank.hoursExchanged).toBe('0.00');
    expect(report.contributions.money.total).toBe('12.50');
    const csv = (await commons(['report', 'financing', '--hub', 'hollow', '--format', 'csv'])).stdout;
    expect(csv.split('\n')).toContain('hollow,timeBank,hoursExchanged,3.00');
  });

  it('exits non-zero with a clear message for an unknown hub or a bad option', async () => {
    await expect(commons(['report', 'financing', '--hub', 'nowhere'])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('no hub nowhere') });
    await expect(commons(['report', 'financing', '--hub', 'hollow', '--format', 'pdf'])).rejects.toMatchObject({ code: 2 });
  });
});
