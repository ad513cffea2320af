import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, TestServer, hubWithMembers } from '../testing/test-server';

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

describe('when the store becomes read-only', () => {
  it('answers 503 while the events file cannot be written, records nothing, and recovers', async () => {
    const server = await TestServer.start();
    const files = ['events.sqlite', 'events.sqlite-wal'].map((name) => join(server.dataDir, name));
    // the immutable attribute makes even already-open files unwritable (ext4, as root)
    const lock = (flag: string) => files.map((file) => spawnSync('chattr', [flag, file]).status);
    try {
      const t = await hubWithMembers(server, 'h', [{ memberId: 'ann' }, { memberId: 'ben' }]);
      const pay = (hours: string) => server.post('/hubs/h/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'ben', hours }, t.ann);
      expect((await pay('1')).status).toBe(201);
      if (lock('+i').some((status) => status !== 0)) {
        lock('-i');
        process.stdout.write('read-only test not run: this filesystem has no immutable attribute (chattr)\n');
        return;
      }
      let refused;
      try {
        refused = await pay('2');
      } finally {
        lock('-i');
      }
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('unavailable');
      const recovered = await pay('3');
      expect(recovered.status).toBe(201);
      const statement = (await server.get(`/hubs/h/members/ann/statement?minPosition=${recovered.body.position}`, t.ann)).body.entries;
      expect(statement.map((e: any) => e.amount)).toEqual(['-1.00', '-3.00']);
      expect((await server.get('/audit/verify', ADMIN)).body.ok).toBe(true);
    } finally {
      lock('-i');
      await server.stop();
    }
  });
});

describe('when the disk is full', () => {
  const mountPoint = join(tmpdir(), `commons-full-disk-${process.pid}`);
  let mounted = false;
  beforeAll(() => {
    mkdirSync(mountPoint, { recursive: true });
    // a 4 MB filesystem of its own, so filling it harms nothing else; needs root, as CI has
    mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]).status === 0;
    if (!mounted) process.stdout.write('disk-full test not run: this machine does not let the test mount a small tmpfs\n');
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('answers 503, records nothing half-way, and recovers once there is room', async () => {
    if (!mounted) return;
    mkdirSync(join(mountPoint, 'data'));
    const server = await TestServer.start({ dataDir: join(mountPoint, 'data') });
    try {
      const t = await hubWithMembers(server, 'h', [{ memberId: 'ann' }, { memberId: 'ben' }]);
      const pay = (hours: string) => server.post('/hubs/h/timebank/transfers', { fromMemberId: 'ann', toMemberId: 'ben', hours }, t.ann);
      expect((await pay('1')).status).toBe(201);
      const filler = join(mountPoint, 'filler');
      let refused = null;
      try {
        // fill every free block, then ask for more
        const { bavail, bsize } = statfsSync(mountPoint);
        writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize)));
        for (let i = 0; i < 50 && refused === null; i += 1) {
          const reply = await pay('0.01');
          if (reply.status !== 201) refused = reply;
        }
      } finally {
        rmSync(filler, { force: true });
      }
      expect(refused).not.toBeNull();
      expect(refused!.status).toBe(503);
      expect(refused!.body.code).toBe('unavailable');
      const recovered = await pay('2');
      expect(recovered.status).toBe(201);
      const balance = await server.get(`/hubs/h/members/ann/balance?minPosition=${recovered.body.position}`, t.ann);
      expect(balance.status).toBe(200);
      const verified = (await server.get('/audit/verify', ADMIN)).body;
      expect(verified.ok).toBe(true);
      // every payment the ledger acknowledged is in the balance, and nothing else
      const statement = (await server.get(`/hubs/h/members/ann/statement?limit=1000&minPosition=${recovered.body.position}`, t.ann)).body.entries;
      expect(statement[statement.length - 1].balance).toBe(balance.body.hours.balance);
    } finally {
      await server.stop();
    }
  });
});
