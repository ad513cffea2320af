import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

// Child processes run the compiled store; `npm test` builds it first.
const CHILD = resolve(__dirname, '../../../../dist/libs/event-store/src/sqlite/testing/append-child.js');

describeEventStoreContract('sqlite', async () => {
  if (!existsSync(CHILD)) throw new Error(`${CHILD} is missing: run npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), 'commons-store-'));
  const file = join(dir, 'events.sqlite');
  return {
    store: new SqliteEventStore({ file }),
    reopen: async () => new SqliteEventStore({ file }),
    spawnAppender: ({ streamId, count, batchSize, tag }) =>
      spawn(process.execPath, [CHILD, `sqlite:${file}`, streamId, String(count), String(batchSize), tag], {
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('the SQLite store’s external version', () => {
  it('stays put through this handle’s own appends and moves when another handle commits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commons-version-'));
    const file = join(dir, 'events.sqlite');
    const mine = new SqliteEventStore({ file });
    const theirs = new SqliteEventStore({ file });
    const event = () => ({ id: `e-${Math.random()}`, type: 'T', data: {}, metadata: { actor: 'admin', correlationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 } });
    try {
      const before = mine.externalVersion();
      await mine.append('s', [event()], { expectedRevision: 'no_stream' });
      expect(mine.externalVersion()).toBe(before);
      await theirs.append('s', [event()], { expectedRevision: 0 });
      expect(mine.externalVersion()).not.toBe(before);
    } finally {
      await mine.close();
      await theirs.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
