import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { TestServer, hubWithMembers } from '../../api/src/testing/test-server';

const CLI = resolve(__dirname, '../../../bin/commons.js');
const COMMANDS = [
  ['audit', 'verify'],
  ['audit', 'replay'],
  ['audit', 'export'],
  ['admin', 'migrate'],
  ['report', 'financing'],
];

/** The auditor's CLI is strict: a typo never turns a failing check into a pass. */
describe('the commons command line', () => {
  let server: TestServer;
  const commons = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: server.dataDir }, encoding: 'utf8' });

  beforeAll(async () => {
    server = await TestServer.start();
    const tokens = await hubWithMembers(server, 'hub', [{ memberId: 'alice' }, { memberId: 'bob' }]);
    await server.post('/hubs/hub/timebank/transfers', { fromMemberId: 'alice', toMemberId: 'bob', hours: '2' }, tokens.alice);
  });
  afterAll(() => server.stop());

  it.each(COMMANDS)('answers %s %s --help with its usage, and runs nothing', (...words) => {
    const run = commons([...words, '--help']);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(new RegExp(`^commons ${words.join(' ')} `));
  });

  it.each([[['--help']], [['help']], [[]], [['audit', '--help']], [['report', '--help']]])('answers %j with a usage', (args) => {
    const run = commons(args);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('commons ');
  });

  it.each(COMMANDS)('refuses an unknown flag to %s %s with exit 2 and its usage', (...words) => {
    const run = commons([...words, '--fingerprnt', '22:00']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--fingerprnt'");
    expect(run.stderr).toContain(`usage: commons ${words.join(' ')} `);
    expect(run.stdout).toBe('');
  });

  it.each([[['report']], [['audit']], [['audit', 'verfy']], [['verify']], [['audit', 'verify', 'extra']]])('refuses %j with exit 2', (args) => {
    const run = commons(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
  });

  it.each([
    ['a fingerprint that is not <position>:<64 hex>', ['audit', 'verify', '--fingerprint', '22:00a3']],
    ['a fingerprint with no value', ['audit', 'verify', '--fingerprint']],
    ['a flag given a value', ['audit', 'verify', '--json=yes']],
    ['a date that is not ISO 8601', ['report', 'financing', '--hub', 'hub', '--as-of', 'June 30']],
    ['a week date', ['report', 'financing', '--hub', 'hub', '--from', '2026-W10-1']],
    ['an unknown format', ['audit', 'export', '--format', 'xml']],
    ['no format at all', ['audit', 'export']],
  ])('refuses %s with exit 2, never running with it ignored', (_case, args) => {
    const run = commons(args);
    expect(run.status).toBe(2);
    expect(run.stdout).not.toContain('ok: every hash chain holds');
    expect(run.stderr).toContain('usage: ');
  });

  it('names a hub that does not exist as an error, for the export and the report', () => {
    const exported = commons(['audit', 'export', '--format', 'csv', '--hub', 'nowhere']);
    expect([exported.status, exported.stdout, exported.stderr]).toEqual([1, '', 'commons: no hub nowhere in this ledger\n']);
    expect(commons(['report', 'financing', '--hub', 'nowhere']).status).toBe(1);
  });

  it('ends quietly when the reader stops early (| head)', () => {
    const run = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${CLI}" audit export --format jsonl | head -1`], {
      env: { ...process.env, DATA_DIR: server.dataDir },
      encoding: 'utf8',
    });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(JSON.parse(run.stdout)).toMatchObject({ type: 'HubCreated' });
  });
});
