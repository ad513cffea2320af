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
