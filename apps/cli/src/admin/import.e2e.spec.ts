import { execFile } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ADMIN, TestServer, hubWithMembers } from '../../../api/src/testing/test-server';

const CLI = resolve(__dirname, '../../../../bin/commons.js');

describe('commons admin import, beside a running server', () => {
  let server: TestServer;
  let t: Record<string, string>;
  const commons = (args: string[]) => promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: server.dataDir }, encoding: 'utf8' });
  const file = (name: string, text: string) => {
    const path = join(server.dataDir, name);
    writeFileSync(path, text);
    return path;
  };
  const head = async () => (await server.get('/health')).body.position as number;

  beforeAll(async () => {
    server = await TestServer.start();
    t = await hubWithMembers(server, 'hollow', [{ memberId: 'ann' }]);
  });
  afterAll(() => server.stop());

  it('imports members and balances once, their tokens in a file of mode 0600 that the server accepts at once', async () => {
    const members = file('members.csv', 'memberId,displayName,roles,contact\nlou,Lou Ann Pratt,member,\nbo,Bo Pratt,member;treasurer,"ring, then wait"\n');
    const balances = file('balances.csv', 'memberId,hours\nlou,4\nbo,-1.5\n');
    const { stdout } = await commons(['admin', 'import', '--hub', 'hollow', '--members', members, '--balances', balances]);
    expect(stdout).toMatch(/^imported 2 members and 2 opening balances into hollow \(import [0-9a-f]{32}\)/);
    const tokensFile = /token is in (\S+) \(mode 0600\)/.exec(stdout)![1];
    expect(statSync(tokensFile).mode & 0o777).toBe(0o600);
    const rows = readFileSync(tokensFile, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('memberId,token');
    const bo = rows.find((row) => row.startsWith('bo,'))!.split(',')[1];
    // another process wrote it: the server reads it as another instance's write
    const balance = await server.get(`/hubs/hollow/members/bo/balance?minPosition=${await head()}`, bo);
    expect([balance.status, balance.body.hours.balance]).toEqual([200, '-1.50']);
    expect((await server.get('/hubs/hollow/members?q=pratt', t.ann)).body.members.map((m: any) => m.displayName)).toEqual(['Bo Pratt', 'Lou Ann Pratt']);

    const before = await head();
    const again = await commons(['admin', 'import', '--hub', 'hollow', '--members', members, '--balances', balances]);
    expect(again.stdout).toMatch(/^these files were imported already/);
    expect(await head()).toBe(before);
  });

  it('imports the same files once when two processes try at the same moment, beside an HTTP import of them', async () => {
    const members = file('race.csv', 'memberId,displayName,roles,contact\nrace1,Race One,member,\nrace2,Race Two,member,\n');
    const balances = file('race-balances.csv', 'memberId,hours\nrace1,2\nrace2,-2\n');
    const [first, second, overHttp] = await Promise.all([
      commons(['admin', 'import', '--hub', 'hollow', '--members', members, '--balances', balances]),
      commons(['admin', 'import', '--hub', 'hollow', '--members', members, '--balances', balances]),
      server.post('/hubs/hollow/imports', { members: readFileSync(members, 'utf8'), balances: readFileSync(balances, 'utf8') }, ADMIN),
    ]);
    const outcomes = [first.stdout, second.stdout, overHttp.body.alreadyImported ? 'these files were imported already' : 'imported'];
    expect(outcomes.filter((outcome) => outcome.startsWith('imported'))).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.startsWith('these files were imported already'))).toHaveLength(2);
    const events = (await server.get(`/hubs/hollow/audit/events?limit=1000&minPosition=${await head()}`, ADMIN)).body.events;
    const enrolled = events.filter((e: any) => e.type === 'MemberEnrolled' && e.data.memberId.startsWith('race'));
    expect(enrolled).toHaveLength(2);
    expect(events.filter((e: any) => e.type === 'TimeBankImported' && e.data.importId === enrolled[0].data.importId)).toHaveLength(1);
    expect(events.filter((e: any) => e.type === 'HoursPaid' && e.data.importId === enrolled[0].data.importId)).toHaveLength(2);
  });

  it('lists every bad line and exits 1, writing nothing; a dry run checks only', async () => {
    const before = await head();
    const members = file('bad.csv', 'memberId,displayName,roles,contact\nann,Ann again,member,\nok,Fine,member,\nbad id,Bad,member,\nzed,Zed,chef,\n');
    await expect(commons(['admin', 'import', '--hub', 'hollow', '--members', members])).rejects.toMatchObject({
      code: 1,
      stderr: [
        'commons: nothing was imported: 3 lines refused',
        '  members.csv line 2: memberId: ann is already a member of this hub',
        "  members.csv line 4: memberId: must be 1-64 characters of a-z, 0-9, '.', '_' or '-'",
        '  members.csv line 5: roles: unknown role chef',
        '',
      ].join('\n'),
    });
    const fine = file('fine.csv', 'memberId,displayName,roles,contact\nnew,New,member,\n');
    expect((await commons(['admin', 'import', '--hub', 'hollow', '--members', fine, '--dry-run'])).stdout).toMatch(/^every line is fine: 1 member and 0 opening balances would be imported/);
    expect(await head()).toBe(before);
  });

  it('refuses a hub that does not exist, a missing file and a misspelt flag', async () => {
    const fine = file('fine2.csv', 'memberId,displayName,roles,contact\nnew2,New,member,\n');
    await expect(commons(['admin', 'import', '--hub', 'nowhere', '--members', fine])).rejects.toMatchObject({ code: 1, stderr: 'commons: there is no hub nowhere\n' });
    await expect(commons(['admin', 'import', '--hub', 'hollow', '--members', '/no/such.csv'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read /no/such.csv: ENOENT') });
    await expect(commons(['admin', 'import', '--hub', 'hollow', '--members', fine, '--dryrun'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--dryrun'") });
    await expect(commons(['admin', 'import', '--members', fine])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--hub is required') });
    expect((await server.get('/hubs/hollow/members?q=new2', ADMIN)).body.members).toEqual([]);
  });
});
