import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ADMIN, TestServer } from '../../apps/api/src/testing/test-server';

/** The README's walkthrough block, exactly as a reader would paste it. */
function walkthrough(): string {
  const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
  const block = /<!-- walkthrough:start -->\s*```bash\n([\s\S]*?)```\s*<!-- walkthrough:end -->/.exec(readme);
  if (!block) throw new Error('README has no walkthrough block');
  return block[1];
}

describe('the README walkthrough', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.stop());

  // asynchronously: the server answering it runs in this very process
  it('works exactly as written against a fresh server', async () => {
    // the reader's folder: ./data holds the admin token the first start wrote
    const folder = join(server.dataDir, 'reader');
    mkdirSync(join(folder, 'data'), { recursive: true });
    writeFileSync(join(folder, 'data', 'admin-token'), `${ADMIN}\n`);
    // a plain shell: no startup files, which may not expect `set -u` (Debian's bash.bashrc does not)
    const { BASH_ENV: _ignored, ...env } = process.env;
    const run = await promisify(execFile)('bash', ['--noprofile', '--norc', '-euo', 'pipefail', '-c', walkthrough()], {
      cwd: folder,
      env: { ...env, BASE: server.url },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({ hubId: 'laurel-fork', position: 1 });
    expect(lines[1]).toEqual({ transferId: expect.any(String), position: 4 });
    expect(lines[2].hours).toEqual({ balance: '-2.50', creditLimit: '10.00', available: '7.50' });
    expect(lines[3].hours.balance).toBe('2.50');
    expect(lines[4].entries).toEqual([
      expect.objectContaining({ type: 'HoursPaid', counterparty: 'alice', memo: 'childcare', amount: '2.50', balance: '2.50' }),
    ]);
    expect(lines[5]).toMatchObject({ status: 422, code: 'credit_limit_exceeded' });
    expect(lines[6]).toMatchObject({ memberId: 'alice', savings: '300.00' });
    expect(lines[7]).toMatchObject({ memberId: 'bob', savings: '200.00' });
    expect(lines[8]).toMatchObject({ status: 'applied', approvals: 1 });
    expect(lines[9]).toMatchObject({ status: 'approved', approvals: 2 });
    expect(lines[10]).toMatchObject({ status: 'active' });
    expect(lines[11]).toMatchObject({ interest: '0.00', principal: '41.00', outstanding: '199.00', status: 'active' });
    expect(lines[12]).toMatchObject({ borrowerId: 'bob', status: 'active', outstanding: '199.00', arrears: '0.00' });
    expect(lines[12].approvals.map((a: any) => a.treasurerId)).toEqual(['tess', 'tom']);
    expect(lines[12].schedule.map((i: any) => i.total)).toEqual(Array(6).fill('41.00'));
    expect(lines[13]).toMatchObject({ kind: 'money', contributionId: expect.any(String) });
    expect(lines[14].contributions.money).toEqual({ count: 1, total: '40.00' });
    expect(lines[14].pool).toMatchObject({ savings: '500.00', cash: '301.00', loansOutstanding: '199.00' });
    expect(lines[14].loansByProject).toEqual([{ projectId: 'greenhouse-phase-1', loans: 1, disbursed: '240.00', outstanding: '199.00' }]);
    expect(lines[14].timeBank.hoursExchanged).toBe('2.50');
    expect(lines).toHaveLength(15);
  });
});
