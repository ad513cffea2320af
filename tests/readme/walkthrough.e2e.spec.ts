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
    expect(lines[2].hours).toEqual({ balance: '-2.50', creditLimit: '10.00', available: '7.50', nearLimit: false });
    expect(lines[3].hours.balance).toBe('2.50');
    expect(lines[4].entries).toEqual([
      expect.objectContaining({ type: 'HoursPaid', counterparty: 'alice', memo: 'childcare', amount: '2.50', balance: '2.50' }),
    ]);
    expect(lines[5]).toMatchObject({ status: 422, code: 'credit_limit_exceeded' });
    expect(lines[6]).toMatchObject({ memberId: 'alice', savings: '300.00' });
    expect(lines[7]).toMatchObject({ memberId: 'bob', savings: '200.00' });
    expect(lines[8]).toEqual({ projectId: 'greenhouse', position: expect.any(Number) });
    expect(lines[9]).toMatchObject({ status: 'applied', approvals: 1 });
    expect(lines[10]).toMatchObject({ status: 'approved', approvals: 2 });
    expect(lines[11]).toMatchObject({ status: 'active' });
    expect(lines[12]).toMatchObject({ interest: '0.00', principal: '41.00', outstanding: '199.00', status: 'active' });
    expect(lines[13]).toMatchObject({ borrowerId: 'bob', borrowerName: 'Bob Hensley', status: 'active', outstanding: '199.00', arrears: '0.00' });
    expect(lines[13].approvals.map((a: any) => a.treasurerId)).toEqual(['tess', 'tom']);
    expect(lines[13].schedule.map((i: any) => i.total)).toEqual(Array(6).fill('41.00'));
    expect(lines[14]).toMatchObject({ kind: 'money', contributionId: expect.any(String) });
    expect(lines[15]).toMatchObject({ kind: 'money', contributionId: expect.any(String) });
    expect(lines[16]).toMatchObject({ status: 'paid', amount: '20.00', aidFund: '40.00' });
    expect(lines[17]).toMatchObject({ projectId: 'greenhouse', owed: '1500.00' });
    expect(lines[18]).toMatchObject({ projectId: 'greenhouse', phase: 'frame', amount: '900.00' });
    const project = lines[19];
    expect(project.financed).toEqual({ poolLoans: '240.00', contributions: '0.00', creditUnion: '1500.00', grant: '0.00', other: '0.00', total: '1740.00' });
    expect([project.spent, project.remaining, project.unfinanced]).toEqual(['900.00', '2100.00', '1260.00']);
    expect(project.owed).toEqual([
      { lender: 'Kentucky Highlands Credit Union', source: 'credit-union', owed: '1500.00' },
      { lender: 'savings pool', source: 'pool-loan', owed: '199.00' },
    ]);
    expect(project.phases.map((p: any) => [p.name, p.financed.total, p.spent, p.remaining])).toEqual([
      ['frame', '0.00', '900.00', '300.00'],
      ['glazing', '1740.00', '0.00', '1800.00'],
    ]);
    const report = lines[20];
    expect(report.contributions.money).toEqual({ count: 2, total: '100.00' });
    expect(report.pool).toMatchObject({ savings: '500.00', cash: '301.00', loansOutstanding: '199.00' });
    expect(report.loansByProject).toEqual([{ projectId: 'greenhouse', loans: 1, disbursed: '240.00', outstanding: '199.00' }]);
    expect(report.funds).toEqual({ general: '40.00', aid: '40.00' });
    expect(report.aid).toMatchObject({ paid: { count: 1, total: '20.00' } });
    expect(JSON.stringify(report.aid)).not.toContain('alice');
    expect(report.projects).toEqual([expect.objectContaining({ projectId: 'greenhouse', spent: '900.00' })]);
    expect(report.timeBank.hoursExchanged).toBe('2.50');
    const [mistake, proposal, applied, statement] = lines.slice(21);
    expect(proposal).toMatchObject({ reversalId: expect.any(String), status: 'proposed' });
    expect(applied).toMatchObject({ reversalId: proposal.reversalId, status: 'applied', position: expect.any(Number) });
    expect(statement.entries.map((e: any) => [e.type, e.amount, e.balance])).toEqual([
      ['HoursPaid', '2.50', '2.50'],
      ['HoursPaid', '1.50', '4.00'],
      ['EntryReversed', '-1.50', '2.50'],
    ]);
    expect(statement.entries[1].reversedBy).toEqual({ reversalId: proposal.reversalId, position: applied.position });
    expect(statement.entries[2].reverses).toEqual({ reversalId: proposal.reversalId, position: mistake.position });
    // members find each other: Bob's profile, the directory finding him by name, the categories
    expect(lines[25]).toMatchObject({ memberId: 'bob', about: 'I fix small engines and mow', showBalance: true });
    expect(lines[26].members).toEqual([
      { memberId: 'bob', displayName: 'Bob Hensley', about: 'I fix small engines and mow', roles: ['member'], contact: 'ring 555-0142 after five', hours: { balance: '2.50' }, offers: [], needs: [] },
    ]);
    expect(lines[27].categories.map((c: any) => c.name)).toEqual(['Childcare', 'Rides', 'Repairs']);
    // offers and needs, a service recorded by request and acceptance, hours by category
    expect(lines[28]).toMatchObject({ listingId: expect.any(String), expiresAt: expect.any(String) });
    expect(lines[29]).toMatchObject({ requestId: expect.any(String), status: 'pending' });
    expect(lines[30]).toMatchObject({ requestId: lines[29].requestId, status: 'paid', transferId: expect.any(String) });
    expect(lines[31]).toEqual([
      { categoryId: 'repairs', name: 'Repairs', hours: '1.50' },
      { categoryId: null, name: null, hours: '2.50' },
    ]);
    // the tool library: a thing added, lent for an hour of Alice's, taken back, and its history
    expect(lines[32]).toMatchObject({ thingId: 'generator', status: 'available' });
    expect(lines[33]).toMatchObject({ thingId: 'generator', status: 'on_loan', dueAt: expect.any(String), hours: { hours: '1.00', paidTo: '@hub', transferId: expect.any(String) } });
    expect(lines[34]).toMatchObject({ thingId: 'generator', status: 'available' });
    expect(lines[35].history.map((line: any) => [line.kind, line.member?.displayName ?? null, line.condition, line.note])).toEqual([
      ['added', null, null, null],
      ['lent', 'Alice Caudill', null, null],
      ['returned', 'Alice Caudill', 'worn', 'pull cord frayed'],
    ]);
    expect(lines).toHaveLength(36);
  });
});
