import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '../contract/event-store.contract';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { historyToVerify, verifyHistory } from './verify';

describe('verifying a ledger file that someone edited', () => {
  let dir: string;
  let file: string;
  let fingerprint: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'commons-verify-'));
    file = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ file });
    for (let i = 0; i < 4; i += 1) {
      await store.append('timebank-h', [newEvent('HoursPaid', { hours: `${i + 1}.00` })], { expectedRevision: 'any' });
      await store.append('hub-h', [newEvent('MemberEnrolled', { memberId: `m${i}` })], { expectedRevision: 'any' });
    }
    fingerprint = (await verify()).fingerprint;
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function verify(options: { fingerprint?: string } = {}) {
    const store = new SqliteEventStore({ file, readonly: true });
    try {
      return await verifyHistory(historyToVerify(store), { ...options, recordedHeads: await store.streamHeads() });
    } finally {
      await store.close();
    }
  }
  function tamper(sql: string): void {
    const db = new Database(file);
    db.exec(sql);
    db.close();
  }

  it('passes an untouched ledger and reproduces its fingerprint', async () => {
    const report = await verify({ fingerprint });
    expect(report).toMatchObject({ ok: true, events: 8, position: 8, problems: [] });
    expect(report.fingerprint).toMatch(/^8:[0-9a-f]{64}$/);
  });

  it('reaches the same verdict from the stored text as from parsed events', async () => {
    tamper(`UPDATE events SET data = replace(data, '"3.00"', '"30.00"') WHERE position = 5`);
    const store = new SqliteEventStore({ file, readonly: true });
    try {
      const fromParsed = await verifyHistory(store.readAll(), { recordedHeads: await store.streamHeads() });
      const fromStored = await verifyHistory(historyToVerify(store), { recordedHeads: await store.streamHeads() });
      expect(fromStored).toEqual(fromParsed);
      expect(fromStored.problems[0]).toMatchObject({ position: 5 });
    } finally {
      await store.close();
    }
  });

  it('names the event whose amount was changed', async () => {
    tamper(`UPDATE events SET data = '{"hours":"9.00"}' WHERE position = 3`);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ position: 3, streamId: 'timebank-h', revision: 1 });
  });

  it('names the event after a deleted one', async () => {
    tamper('DELETE FROM events WHERE position = 3');
    expect((await verify()).problems[0]).toMatchObject({ position: 5, streamId: 'timebank-h', revision: 2 });
  });

  it('catches two events swapped in place', async () => {
    tamper(`UPDATE events SET position = -1 WHERE position = 1; UPDATE events SET position = 1 WHERE position = 3;
            UPDATE events SET position = 3 WHERE position = -1;`);
    expect((await verify()).problems[0].position).toBe(1);
  });

  it('catches an edited stored hash', async () => {
    tamper(`UPDATE events SET hash = '${'0'.repeat(64)}' WHERE position = 6`);
    expect((await verify()).problems[0].position).toBe(6);
  });

  it('catches a forged event appended to a stream, and one appended as a new stream', async () => {
    tamper(`INSERT INTO events (stream_id, revision, event_id, type, data, metadata, hash)
            SELECT stream_id, 4, 'forged', type, data, metadata, hash FROM events WHERE position = 8`);
    expect((await verify()).problems[0]).toMatchObject({ position: 9, streamId: 'hub-h', revision: 4 });
    tamper(`DELETE FROM events WHERE position = 9`);
    tamper(`INSERT INTO events (stream_id, revision, event_id, type, data, metadata, hash)
            SELECT 'pool-h', 0, 'forged', type, data, metadata, hash FROM events WHERE position = 1`);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.streamId)).toContain('pool-h');
  });

  it('catches a deleted tail through the recorded stream heads and through the fingerprint', async () => {
    tamper('DELETE FROM events WHERE position = 8');
    expect((await verify()).ok).toBe(false);
    tamper(`UPDATE streams SET revision = 2, hash = (SELECT hash FROM events WHERE position = 6) WHERE stream_id = 'hub-h'`);
    const report = await verify({ fingerprint });
    expect(report.ok).toBe(false);
    expect(report.problems[0].problem).toContain('before the fingerprint');
  });
});
