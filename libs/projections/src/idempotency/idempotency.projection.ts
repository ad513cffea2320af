import Database from 'better-sqlite3';
import { hubOfStream } from '@commons/domain';
import { RecordedEvent } from '@commons/event-store';
import { Projection, eventByEvent } from '../projection';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS idempotency_keys (
  scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, response TEXT NOT NULL, position INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
) WITHOUT ROWID;
`;

/** Whose key it is: the admin's keys are global, a member's belong to their hub. */
export function idempotencyScope(actor: string, hubId: string | null): string {
  return actor === 'admin' ? 'admin' : `${hubId}/${actor}`;
}

/** Remembers each keyed command's response (kept on its last event), so a retry gets it back. */
export function idempotencyProjection(db: Database.Database): Projection {
  db.exec(SCHEMA);
  const insert = db.prepare(
    'INSERT OR IGNORE INTO idempotency_keys (scope, key, request_hash, response, position) VALUES (?, ?, ?, ?, ?)',
  );
  return eventByEvent('idempotency', (event: RecordedEvent) => {
    const { idempotencyKey, requestHash, response, actor } = event.metadata;
    if (idempotencyKey === undefined || response === undefined) return;
    const scope = idempotencyScope(actor, hubOfStream(event.streamId));
    insert.run(scope, idempotencyKey, requestHash ?? '', JSON.stringify(response), event.position);
  });
}

export interface StoredResponse {
  requestHash: string;
  /** events before issue 14 also kept an HTTP status here; only the body is answered */
  response: { status?: number; body: Record<string, unknown> };
  position: number;
}

export function findIdempotentResponse(db: Database.Database, scope: string, key: string): StoredResponse | null {
  const row = db
    .prepare<[string, string], { request_hash: string; response: string; position: number }>(
      'SELECT request_hash, response, position FROM idempotency_keys WHERE scope = ? AND key = ?',
    )
    .get(scope, key);
  return row ? { requestHash: row.request_hash, response: JSON.parse(row.response), position: row.position } : null;
}
