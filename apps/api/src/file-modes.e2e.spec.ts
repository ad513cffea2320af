import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config';
import { ADMIN, TestServer, hubWithMembers } from './testing/test-server';

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** The data directory and the SQLite files hold token hashes and the aid fund's private `need`: only their owner reads them. */
describe('file modes of the data directory', () => {
  it('creates the data directory 0700, and tightens one that is open to others', () => {
    const parent = mkdtempSync(join(tmpdir(), 'commons-modes-'));
    const fresh = join(parent, 'fresh', 'data');
    loadConfig({ DATA_DIR: fresh, COMMONS_ADMIN_TOKEN: ADMIN });
    expect(modeOf(fresh)).toBe(0o700);
    const open = join(parent, 'open');
    mkdirSync(open);
    chmodSync(open, 0o755);
    loadConfig({ DATA_DIR: open });
    expect(modeOf(open)).toBe(0o700);
    expect(modeOf(join(open, 'admin-token'))).toBe(0o600);
  });

  it('keeps the events and read-model files, their WAL and shared memory included, at 0600', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'commons-modes-'));
    const server = await TestServer.start({ dataDir });
    try {
      const tokens = await hubWithMembers(server, 'h', [{ memberId: 'ann' }, { memberId: 'bob' }]);
      await server.post('/hubs/h/aid/requests', { memberId: 'ann', amount: '5', need: 'rent' }, tokens.ann);
      const files = readdirSync(dataDir).filter((name) => name.includes('.sqlite'));
      expect(files).toEqual(expect.arrayContaining(['events.sqlite', 'events.sqlite-wal', 'read-models.sqlite', 'read-models.sqlite-wal']));
      for (const name of files) expect([name, modeOf(join(dataDir, name))]).toEqual([name, 0o600]);
    } finally {
      await server.stop();
    }
  });
});
