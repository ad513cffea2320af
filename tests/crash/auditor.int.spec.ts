import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@commons/event-store';
import { auditLedger, compareBalances, readSqliteLedger } from './auditor';

// the auditor must be able to fail: each check, shown failing on a file edited behind the store's back
describe('the crash test’s independent auditor', () => {
  let dir: string;
  let file: string;
  const paid = (from: string, to: string, hours: string, key: string) => ({
    id: `e-${key}`,
    type: 'HoursPaid',
    data: { fromMemberId: from, toMemberId: to, hours },
    metadata: { actor: from, correlationId: `c-${key}`, idempotencyKey: key, recordedAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 },
  });
  const options = { upTo: Number.MAX_SAFE_INTEGER, creditLimit: new Decimal(5) };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'commons-auditor-'));
    file = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ file });
    await store.append('timebank-h', [paid('a', 'b', '2.00', 'k1')], { expectedRevision: 'no_stream' });
    await store.append('timebank-h', [paid('b', 'c', '1.50', 'k2')], { expectedRevision: 0 });
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const edit = (sql: string) => {
    const db = new Database(file);
    db.exec(sql);
    db.close();
  };

  it('passes an untouched ledger and computes its balances itself', () => {
    const { balances, commands } = auditLedger(readSqliteLedger(file), options);
    expect(Object.fromEntries([...balances].map(([key, value]) => [key, value.toFixed(2)]))).toEqual({ 'a hours': '-2.00', 'b hours': '0.50', 'c hours': '1.50' });
    expect([...commands]).toEqual([['k1', 1], ['k2', 1]]);
  });

  it('names a changed amount, and refuses a file that is not there', () => {
    edit(`UPDATE events SET data = replace(data, '2.00', '0.20') WHERE position = 1`);
    expect(() => auditLedger(readSqliteLedger(file), options)).toThrow('the hash of the event at 1 does not hold');
    rmSync(file);
    expect(() => readSqliteLedger(file)).toThrow();
  });

  it('names a command recorded twice under one key', async () => {
    const store = new SqliteEventStore({ file });
    await store.append('timebank-h', [{ ...paid('c', 'a', '1.00', 'k1'), id: 'e-again', metadata: { ...paid('c', 'a', '1.00', 'k1').metadata, correlationId: 'c-again' } }], { expectedRevision: 1 });
    await store.close();
    expect(auditLedger(readSqliteLedger(file), options).commands.get('k1')).toBe(2);
  });

  it('names a log chain cut, and a balance the read models got wrong', () => {
    edit(`UPDATE events SET log_hash = '${'1'.repeat(64)}' WHERE position = 2`);
    expect(() => auditLedger(readSqliteLedger(file), options)).toThrow('the log chain breaks at 2');
    expect(() => compareBalances(new Map([['a hours', new Decimal(-2)]]), new Map([['a hours', new Decimal(-1)]]))).toThrow('a hours: the events say -2, the read models -1');
  });
});
