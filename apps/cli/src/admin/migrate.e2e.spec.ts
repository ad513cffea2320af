import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SqliteEventStore, verifyHistory } from '@commons/event-store';
import { TestServer, hubWithMembers } from '../../../api/src/testing/test-server';
import { throwawayDatabase } from '../../../../tests/support/postgres';

const CLI = resolve(__dirname, '../../../../bin/commons.js');

describe('commons admin migrate', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
    const t = await hubWithMembers(server, 'h', [{ memberId: 'ann' }, { memberId: 'ben' }, { memberId: 'tess', roles: ['treasurer'] }]);
    for (let i = 0; i < 5; i += 1) {
      await server.post('/hubs/h/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'ben', hours: '0.5' }, t.ann);
      await server.post('/hubs/h/pool/deposits', { memberId: 'ben', amount: '3' }, t.tess);
    }
  });
  afterAll(() => server.stop());

  it('copies every event with its id, metadata and hash, and the copy verifies to the same fingerprint', async () => {
    const file = join(server.dataDir, 'copy.sqlite');
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'admin', 'migrate', '--to', 'sqlite', '--file', file], {
      env: { ...process.env, DATA_DIR: server.dataDir },
      encoding: 'utf8',
    });
    expect(stdout).toContain('copied 14 events in 3 streams'); // a hub, 3 members, 5 payments, 5 deposits
    const fingerprint = async (path: string) => {
      const store = new SqliteEventStore({ file: path, readonly: true });
      try {
        return await verifyHistory(store.readAll(), { recordedHeads: await store.streamHeads() });
      } finally {
        await store.close();
      }
    };
    const original = await fingerprint(join(server.dataDir, 'events.sqlite'));
    const copy = await fingerprint(file);
    expect(copy.ok).toBe(true);
    expect(copy.fingerprint).toBe(original.fingerprint);
  });

  it('refuses a target that is not new, and a target kind it does not know', async () => {
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [CLI, 'admin', 'migrate', ...args], { env: { ...process.env, DATA_DIR: server.dataDir }, encoding: 'utf8' });
    await expect(run(['--to', 'sqlite', '--file', join(server.dataDir, 'events.sqlite')])).rejects.toMatchObject({ code: 2 });
    await expect(run(['--to', 'mongo'])).rejects.toMatchObject({ code: 2 });
  });

  it('copies into an empty PostgreSQL database, which audit verify then reads to the same fingerprint, and refuses it once it is not empty', async () => {
    const database = await throwawayDatabase('migrate');
    try {
      const cli = (args: string[], env: Record<string, string> = {}) =>
        promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: server.dataDir, ...env }, encoding: 'utf8' });
      const copied = await cli(['admin', 'migrate', '--to', 'postgres', '--connection', database.url]);
      expect(copied.stdout).toContain('copied 14 events in 3 streams');
      const fromFile = JSON.parse((await cli(['audit', 'verify', '--json'])).stdout);
      const fromPostgres = JSON.parse((await cli(['audit', 'verify', '--json'], { EVENT_STORE: 'postgres', POSTGRES_URL: database.url })).stdout);
      expect(fromPostgres).toMatchObject({ ok: true, events: 14 });
      expect(fromPostgres.fingerprint).toBe(fromFile.fingerprint);
      await expect(cli(['admin', 'migrate', '--to', 'postgres', '--connection', database.url])).rejects.toMatchObject({ stderr: expect.stringContaining('not empty') });
    } finally {
      await database.drop();
    }
  });
});
