import Database from 'better-sqlite3';
import { hubOfStream, isHourRequestEvent, toDomainEvent } from '@commons/domain';
import { RecordedEvent } from '@commons/event-store';
import { Projection, eventByEvent } from '../projection';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS hour_requests (
  hub_id TEXT NOT NULL, request_id TEXT NOT NULL, position INTEGER NOT NULL,
  from_member_id TEXT NOT NULL, to_member_id TEXT NOT NULL, hours TEXT NOT NULL, memo TEXT NOT NULL,
  category_id TEXT, listing_id TEXT, status TEXT NOT NULL, requested_by TEXT NOT NULL, requested_at TEXT NOT NULL,
  decided_by TEXT, decided_at TEXT, transfer_id TEXT, reason TEXT,
  PRIMARY KEY (hub_id, request_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS hour_requests_pending ON hour_requests (status, requested_at);
CREATE INDEX IF NOT EXISTS hour_requests_by_position ON hour_requests (hub_id, position);
`;

/** Hour requests with their outcome: what each side sees, and what the ledger accepts once due. */
export function hourRequestsProjection(db: Database.Database): Projection {
  db.exec(SCHEMA);
  const insert = db.prepare(
    `INSERT INTO hour_requests (hub_id, request_id, position, from_member_id, to_member_id, hours, memo, category_id, listing_id, status, requested_by, requested_at)
     VALUES (@hubId, @requestId, @position, @fromMemberId, @toMemberId, @hours, @memo, @categoryId, @listingId, 'pending', @requestedBy, @at)`,
  );
  const decide = db.prepare(
    'UPDATE hour_requests SET status = @status, decided_by = @by, decided_at = @at, transfer_id = @transferId, reason = @reason WHERE hub_id = @hubId AND request_id = @requestId',
  );
  return eventByEvent('hour-requests', (recorded: RecordedEvent) => {
    const event = toDomainEvent(recorded);
    if (!isHourRequestEvent(event)) return;
    const hubId = hubOfStream(recorded.streamId)!;
    switch (event.type) {
      case 'HoursRequested':
        insert.run({ ...event.data, categoryId: event.data.categoryId ?? null, listingId: event.data.listingId ?? null, hubId, position: recorded.position });
        return;
      case 'HourRequestAccepted':
        decide.run({ hubId, requestId: event.data.requestId, status: 'paid', by: event.data.acceptedBy, at: event.data.at, transferId: event.data.transferId, reason: null });
        return;
      case 'HourRequestDeclined':
        decide.run({ hubId, requestId: event.data.requestId, status: 'declined', by: event.data.declinedBy, at: event.data.at, transferId: null, reason: event.data.reason });
        return;
      case 'HourRequestCancelled':
        decide.run({ hubId, requestId: event.data.requestId, status: 'cancelled', by: event.data.cancelledBy, at: event.data.at, transferId: null, reason: null });
        return;
      default: {
        const unhandled: never = event;
        throw new TypeError(`unknown request event ${(unhandled as { type: string }).type}`);
      }
    }
  });
}
