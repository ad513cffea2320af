import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GENESIS_HASH, SqliteEventStore, eventHashOfCanonical, logHashOf } from '@commons/event-store';

const CLI = resolve(__dirname, '../../../../bin/commons.js');

/**
 * Every edit someone with the file can make, each named by `commons audit verify` with the
 * right word, position, stream and revision, and exit code 1. The history: two hubs' streams,
 * interleaved, positions 1 to 8.
 */
describe('commons audit verify on a tampered events file', () => {
  let pristine: string;
  let dir: string;
  let fingerprint: string;

  beforeAll(async () => {
    pristine = mkdtempSync(join(tmpdir(), 'commons-tamper-'));
    const store = new SqliteEventStore({ file: join(pristine, 'events.sqlite') });
    const event = (type: string, data: object) => ({
      id: `${type}-${JSON.stringify(data)}`, type, data, metadata: { actor: 'admin', correlationId: 'c', recordedAt: '2026-03-01T00:00:00.000Z', schemaVersion: 1 },
    });
    for (let i = 0; i < 4; i += 1) {
      await store.append('timebank-h', [event('HoursPaid', { hours: `${i + 1}.00` })], { expectedRevision: 'any' });
      await store.append('hub-g', [event('MemberEnrolled', { memberId: `m${i}` })], { expectedRevision: 'any' });
    }
    await store.close();
    fingerprint = /fingerprint:\s+(\S+)/.exec(verify(pristine).stdout)![1];
  });
  afterAll(() => rmSync(pristine, { recursive: true, force: true }));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'commons-tamper-'));
    copyFileSync(join(pristine, 'events.sqlite'), join(dir, 'events.sqlite'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function verify(dataDir: string, ...args: string[]) {
    return spawnSync(process.execPath, [CLI, 'audit', 'verify', '--data-dir', dataDir, ...args], { encoding: 'utf8' });
  }
  function edit(apply: (db: Database.Database) => void): void {
    const db = new Database(join(dir, 'events.sqlite'));
    apply(db);
    db.close();
  }
  const failed = (line: string) => {
    const run = verify(dir);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').find((l) => l.startsWith('FAILED'))).toBe(`FAILED: first bad event ${line}`);
  };
  /** What a careful forger writes: the stream hash (and, when asked, the log hash) recomputed. */
  function forge(db: Database.Database, row: { position: number; stream_id: string; revision: number; event_id: string; type: string; data: string; metadata: string }, options: { log: boolean }) {
    const previous = db.prepare<[string, number], { hash: string }>('SELECT hash FROM events WHERE stream_id = ? AND revision = ?').get(row.stream_id, row.revision - 1)?.hash ?? GENESIS_HASH;
    const hash = eventHashOfCanonical(previous, { id: row.event_id, streamId: row.stream_id, revision: row.revision, type: row.type }, row.data, row.metadata);
    const previousLog = db.prepare<[number], { log_hash: string }>('SELECT log_hash FROM events WHERE position = ?').get(row.position - 1)!.log_hash;
    db.prepare('INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, hash, log_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      row.position, row.stream_id, row.revision, row.event_id, row.type, row.data, row.metadata, hash, options.log ? logHashOf(previousLog, row.position, hash) : null,
    );
    db.prepare('UPDATE streams SET revision = ?, hash = ? WHERE stream_id = ?').run(row.revision, hash, row.stream_id);
  }

  it('passes the untouched file', () => {
    const run = verify(dir);
    expect([run.status, run.stdout.trim().split('\n').pop()]).toEqual([0, 'ok: every hash chain holds']);
  });

  it('names a changed amount: changed', () => {
    edit((db) => db.prepare(`UPDATE events SET data = replace(data, '2.00', '9.00') WHERE position = 3`).run());
    failed('at position 3 (stream timebank-h, revision 1): changed: its hash does not match its content and the previous hash in its stream');
  });

  it('names an edited stored hash: changed', () => {
    edit((db) => db.prepare(`UPDATE events SET hash = '${'a'.repeat(64)}' WHERE position = 6`).run());
    failed('at position 6 (stream hub-g, revision 2): changed: its log hash does not chain onto the event before it; it or its stored hashes were rewritten');
  });

  it('names an event removed from the middle of a stream: removed', () => {
    edit((db) => db.prepare('DELETE FROM events WHERE position = 5').run());
    failed('at position 6 (stream hub-g, revision 2): removed: the event at position 5 is missing from the log');
  });

  it('names two events of different streams swapped: reordered', () => {
    edit((db) => {
      const rows = db.prepare('SELECT * FROM events WHERE position IN (3, 4) ORDER BY position').all() as Array<Record<string, unknown>>;
      db.prepare('DELETE FROM events WHERE position IN (3, 4)').run();
      const insert = db.prepare('INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, hash, log_hash) VALUES (@position, @stream_id, @revision, @event_id, @type, @data, @metadata, @hash, @log_hash)');
      insert.run({ ...rows[1], position: 3 });
      insert.run({ ...rows[0], position: 4 });
    });
    failed('at position 3 (stream hub-g, revision 1): reordered: it is out of its place in the log; another event was recorded here');
  });

  it('names a whole stream deleted with its head: removed', () => {
    edit((db) => {
      db.prepare("DELETE FROM events WHERE stream_id = 'hub-g'").run();
      db.prepare("DELETE FROM streams WHERE stream_id = 'hub-g'").run();
    });
    failed('at position 3 (stream timebank-h, revision 1): removed: the event at position 2 is missing from the log');
  });

  it('names a forged event appended without a log hash: inserted', () => {
    edit((db) => forge(db, { position: 9, stream_id: 'timebank-h', revision: 4, event_id: 'forged', type: 'HoursPaid', data: '{"hours":"500.00"}', metadata: '{}' }, { log: false }));
    failed('at position 9 (stream timebank-h, revision 4): inserted: it carries no log hash, so the ledger did not write it');
  });

  it('names an event slipped into the middle of the log, positions renumbered, every hash forged for it: inserted', () => {
    edit((db) => {
      db.prepare('UPDATE events SET position = position + 100 WHERE position >= 5').run();
      db.prepare('UPDATE events SET position = position - 99 WHERE position >= 105').run();
      db.prepare("INSERT INTO streams (stream_id, revision, hash) VALUES ('pool-h', 0, '')").run();
      forge(db, { position: 5, stream_id: 'pool-h', revision: 0, event_id: 'slipped', type: 'SavingsDeposited', data: '{"amount":"900.00"}', metadata: '{}' }, { log: true });
    });
    failed('at position 6 (stream timebank-h, revision 2): inserted: it was recorded at position 5; an event was slipped in before it');
  });

  it('catches a deleted tail with rewritten heads only with the fingerprint: removed', () => {
    edit((db) => {
      db.prepare('DELETE FROM events WHERE position = 8').run();
      db.prepare("UPDATE streams SET revision = 2, hash = (SELECT hash FROM events WHERE position = 6) WHERE stream_id = 'hub-g'").run();
    });
    expect(verify(dir).status).toBe(0); // what a chain cannot see: the file agrees with itself
    const run = verify(dir, '--fingerprint', fingerprint);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("FAILED: first bad event at position 7: removed: history ends at position 7, before the fingerprint's position 8");
  });

  it('shows the auditor what was recorded after their fingerprint, a perfect forgery included', () => {
    edit((db) => forge(db, { position: 9, stream_id: 'timebank-h', revision: 4, event_id: 'forged', type: 'HoursPaid', data: '{"hours":"500.00"}', metadata: '{}' }, { log: true }));
    const run = verify(dir, '--fingerprint', fingerprint);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('ok: every hash chain holds, and so does the fingerprint');
    expect(run.stdout).toContain('recorded since position 8: 1 event(s)\n  by type: HoursPaid 1\n  by hub:  h 1\n');
  });
});
