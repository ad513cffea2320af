import Database from 'better-sqlite3';
import { AidEvent, AidRequestStatus, hubOfStream, isAidEvent, toDomainEvent } from '@commons/domain';
import { RecordedEvent } from '@commons/event-store';
import { Projection, eventByEvent } from '../projection';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS aid_requests (
  hub_id TEXT NOT NULL, request_id TEXT NOT NULL, position INTEGER NOT NULL, member_id TEXT NOT NULL,
  amount TEXT NOT NULL, need TEXT, status TEXT NOT NULL, requested_by TEXT NOT NULL, requested_at TEXT NOT NULL,
  paid_by TEXT, closed_at TEXT,
  PRIMARY KEY (hub_id, request_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aid_requests_by_position ON aid_requests (hub_id, position);
`;

const AID_REQUEST_EVENTS: ReadonlySet<string> = new Set<AidEvent['type']>(['AidRequested', 'AidPaid', 'AidRequestWithdrawn']);

/** Aid requests, for the member who asked, treasurers and auditors only (the queries enforce who sees what). */
export function aidRequestsProjection(db: Database.Database): Projection {
  db.exec(SCHEMA);
  const insert = db.prepare(
    `INSERT INTO aid_requests (hub_id, request_id, position, member_id, amount, need, status, requested_by, requested_at)
     VALUES (?, ?, ?, ?, ?, ?, 'requested', ?, ?)`,
  );
  const close = db.prepare('UPDATE aid_requests SET status = ?, paid_by = ?, closed_at = ? WHERE hub_id = ? AND request_id = ?');
  const reverse = db.prepare("UPDATE aid_requests SET status = 'reversed', closed_at = ? WHERE hub_id = ? AND request_id = ?");
  return eventByEvent('aid-requests', (recorded: RecordedEvent) => {
    const hubId = hubOfStream(recorded.streamId)!;
    const event = toDomainEvent(recorded);
    if (event.type === 'EntryReversed') {
      const { entry, at } = event.data;
      // the payment was given back to the fund: the request is closed, and no longer counts toward the cap
      if (entry.type === 'AidPaid') reverse.run(at, hubId, entry.data.requestId);
      return;
    }
    if (!isAidEvent(event) || !AID_REQUEST_EVENTS.has(event.type)) return;
    switch (event.type) {
      case 'AidRequested': {
        const d = event.data;
        insert.run(hubId, d.requestId, recorded.position, d.memberId, d.amount, d.need, d.requestedBy, d.at);
        return;
      }
      case 'AidPaid':
        close.run('paid', event.data.paidBy, event.data.at, hubId, event.data.requestId);
        return;
      case 'AidRequestWithdrawn':
        close.run('withdrawn', null, event.data.at, hubId, event.data.requestId);
        return;
      default:
        return;
    }
  });
}

export interface AidRequestView {
  requestId: string;
  memberId: string;
  /** the member's display name, as it is now */
  memberName: string;
  amount: string;
  status: AidRequestStatus;
  requestedBy: string;
  requestedAt: string;
  paidBy: string | null;
  /** the treasurer's display name (the admin: "the admin") */
  paidByName: string | null;
  closedAt: string | null;
  position: number;
  /** only ever shown to the member who asked */
  need?: string | null;
}

interface Row {
  request_id: string;
  member_id: string;
  amount: string;
  need: string | null;
  status: AidRequestView['status'];
  requested_by: string;
  requested_at: string;
  paid_by: string | null;
  closed_at: string | null;
  position: number;
  member_name: string | null;
  paid_by_name: string | null;
}

// every read names the people: the member, and the treasurer who paid
const NAMED = `SELECT a.*, m.display_name AS member_name, p.display_name AS paid_by_name FROM aid_requests a
  LEFT JOIN members m ON m.hub_id = a.hub_id AND m.member_id = a.member_id
  LEFT JOIN members p ON p.hub_id = a.hub_id AND p.member_id = a.paid_by`;

/** Reads aid requests; `viewerId` is the member asking, who alone sees the `need` of their own requests. */
export class AidRequestQueries {
  private readonly one: Database.Statement<[string, string], Row>;
  private readonly page: Database.Statement<unknown[], Row>;

  constructor(db: Database.Database) {
    this.one = db.prepare(`${NAMED} WHERE a.hub_id = ? AND a.request_id = ?`);
    this.page = db.prepare<unknown[], Row>(
      `${NAMED} WHERE a.hub_id = ? AND a.position > ? AND (? IS NULL OR a.member_id = ?) AND (? IS NULL OR a.status = ?)
       ORDER BY a.position LIMIT ?`,
    );
  }

  request(hubId: string, requestId: string, viewerId: string | null): AidRequestView | null {
    const row = this.one.get(hubId, requestId);
    return row ? view(row, viewerId) : null;
  }

  requests(filter: { hubId: string; memberId?: string; status?: string; after?: number; limit: number }, viewerId: string | null): AidRequestView[] {
    const member = filter.memberId ?? null;
    const status = filter.status ?? null;
    const rows = this.page.all(filter.hubId, filter.after ?? 0, member, member, status, status, filter.limit);
    return rows.map((row) => view(row, viewerId));
  }
}

function view(row: Row, viewerId: string | null): AidRequestView {
  return {
    requestId: row.request_id,
    memberId: row.member_id,
    memberName: row.member_name ?? row.member_id,
    amount: row.amount,
    status: row.status,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    paidBy: row.paid_by,
    paidByName: row.paid_by === null ? null : row.paid_by === 'admin' ? 'the admin' : row.paid_by_name ?? row.paid_by,
    closedAt: row.closed_at,
    position: row.position,
    ...(viewerId !== null && viewerId === row.member_id ? { need: row.need } : {}),
  };
}
