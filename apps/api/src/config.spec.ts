import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from './config';

describe('service configuration', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'commons-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('generates an admin token on the first start, into DATA_DIR/admin-token with mode 0600, and reuses it', () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    expect(first.adminTokenFile).toBe(join(dataDir, 'admin-token'));
    expect(first.adminToken.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()).toBe(first.adminToken);
    expect(statSync(join(dataDir, 'admin-token')).mode & 0o777).toBe(0o600);
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.adminToken).toBe(first.adminToken);
    expect(second.adminTokenFile).toBeNull(); // said once, on the start that generated it
  });

  it('takes COMMONS_ADMIN_TOKEN of at least 32 characters and refuses a shorter one', () => {
    expect(loadConfig({ DATA_DIR: dataDir, COMMONS_ADMIN_TOKEN: 'x'.repeat(32) }).adminToken).toBe('x'.repeat(32));
    expect(() => loadConfig({ DATA_DIR: dataDir, COMMONS_ADMIN_TOKEN: 'short' })).toThrow('at least 32');
  });

  it('defaults to port 3000 and the SQLite store, and refuses a bad port', () => {
    expect(loadConfig({ DATA_DIR: dataDir })).toMatchObject({ port: 3000, eventStore: 'sqlite' });
    expect(() => loadConfig({ DATA_DIR: dataDir, PORT: 'eighty' })).toThrow('PORT');
  });

  it('serves plain HTTP unless HTTPS=on, and refuses a misspelt HTTPS', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).https).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir, HTTPS: 'on' }).https).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir, HTTPS: 'off' }).https).toBe(false);
    for (const value of ['yes', 'true', 'ON', '1']) expect(() => loadConfig({ DATA_DIR: dataDir, HTTPS: value })).toThrow(`HTTPS is on or off, not ${value}`);
  });

  it('trusts no proxy unless TRUST_PROXY says which, and refuses a misspelt one', () => {
    const trust = (value?: string) => loadConfig({ DATA_DIR: dataDir, ...(value === undefined ? {} : { TRUST_PROXY: value }) }).trustProxy;
    expect([trust(), trust('off'), trust('')]).toEqual([false, false, false]);
    expect([trust('on'), trust('2')]).toEqual([1, 2]);
    expect(trust('127.0.0.1, 10.0.0.0/8,loopback,::1')).toBe('127.0.0.1,10.0.0.0/8,loopback,::1');
    for (const value of ['yes', 'true', '*', '10.0.0.0/33', '10.0.0', 'proxy.lan', '0', '-1']) {
      expect(() => loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: value })).toThrow('TRUST_PROXY is off, on, a number of proxies or their addresses');
    }
  });

  it('refuses an unknown store, and PostgreSQL or EventStoreDB without a connection string', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, EVENT_STORE: 'mongo' })).toThrow('EVENT_STORE is sqlite, postgres or esdb, not mongo');
    expect(() => loadConfig({ DATA_DIR: dataDir, EVENT_STORE: 'postgres' })).toThrow('POSTGRES_URL');
    expect(() => loadConfig({ DATA_DIR: dataDir, EVENT_STORE: 'postgres', POSTGRES_URL: 'mysql://db/x' })).toThrow('POSTGRES_URL');
    expect(loadConfig({ DATA_DIR: dataDir, EVENT_STORE: 'postgres', POSTGRES_URL: 'postgres://u:p@db:5432/ledger' })).toMatchObject({
      eventStore: 'postgres',
      postgresUrl: 'postgres://u:p@db:5432/ledger',
    });
    expect(() => loadConfig({ DATA_DIR: dataDir, EVENT_STORE: 'esdb' })).toThrow('ESDB_CONNECTION_STRING');
    expect(loadConfig({ DATA_DIR: dataDir, EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: 'esdb://db:2113?tls=false' })).toMatchObject({
      eventStore: 'esdb',
      esdbConnectionString: 'esdb://db:2113?tls=false',
    });
  });

  it('stops a start against an EventStoreDB that does not answer in one clear line, within seconds', () => {
    const main = resolve(__dirname, '../../../dist/apps/api/src/main.js');
    const run = spawnSync(process.execPath, [main], {
      env: { ...process.env, DATA_DIR: dataDir, EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false' },
      encoding: 'utf8',
      timeout: 30_000, // a hang fails the test: spawnSync then reports no exit status
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^commons-ledger failed to start: cannot reach EventStoreDB at esdb:\/\/127\.0\.0\.1:1/)]);
  });
});
