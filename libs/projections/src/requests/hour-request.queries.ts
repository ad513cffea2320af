import Database from 'better-sqlite3';

export type HourRequestStatus = 'pending' | 'paid' | 'declined' | 'cancelled';

export interface HourRequestView {
  requestId: string;
  fromMemberId: string;
  fromName: string;
  toMemberId: string;
  toName: string;
  hours: string;
  memo: string;
  categoryId: string | null;
  listingId: string | null;
  status: HourRequestStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  transferId: string | null;
  reason: string | null;
  position: number;
}

export interface HourRequestFilter {
  hubId: string;
  /** only requests this member pays or provides (null: every one, for coordinators) */
  memberId: string | null;
  role?: 'payer' | 'provider';
  status?: HourRequestStatus;
  after?: number;
  limit: number;
}

type Row = Record<string, string | number | null>;

/** Hour requests with both people's names, newest first; and those the ledger now accepts itself. */
export class HourRequestQueries {
  private readonly list;
  private readonly due;

  constructor(db: Database.Database) {
    this.list = db.prepare<Record<string, unknown>, Row>(
      `SELECT r.*, f.display_name AS from_name, t.display_name AS to_name FROM hour_requests r
         LEFT JOIN members f ON f.hub_id = r.hub_id AND f.member_id = r.from_member_id
         LEFT JOIN members t ON t.hub_id = r.hub_id AND t.member_id = r.to_member_id
       WHERE r.hub_id = @hubId
         AND (@memberId IS NULL OR (@role IS NULL AND (r.from_member_id = @memberId OR r.to_member_id = @memberId))
              OR (@role = 'payer' AND r.from_member_id = @memberId) OR (@role = 'provider' AND r.to_member_id = @memberId))
         AND (@status IS NULL OR r.status = @status)
         AND (@after IS NULL OR r.position < @after)
       ORDER BY r.position DESC LIMIT @limit`,
    );
    this.due = db.prepare<[string, string, number], { request_id: string }>(
      "SELECT request_id FROM hour_requests WHERE hub_id = ? AND status = 'pending' AND requested_at <= ? ORDER BY position LIMIT ?",
    );
  }

  requests(filter: HourRequestFilter): HourRequestView[] {
    return this.list
      .all({ hubId: filter.hubId, memberId: filter.memberId, role: filter.role ?? null, status: filter.status ?? null, after: filter.after ?? null, limit: filter.limit })
      .map((row) => ({
        requestId: row.request_id as string,
        fromMemberId: row.from_member_id as string,
        fromName: (row.from_name ?? row.from_member_id) as string,
        toMemberId: row.to_member_id as string,
        toName: (row.to_name ?? row.to_member_id) as string,
        hours: row.hours as string,
        memo: row.memo as string,
        categoryId: row.category_id as string | null,
        listingId: row.listing_id as string | null,
        status: row.status as HourRequestStatus,
        requestedBy: row.requested_by as string,
        requestedAt: row.requested_at as string,
        decidedBy: row.decided_by as string | null,
        decidedAt: row.decided_at as string | null,
        transferId: row.transfer_id as string | null,
        reason: row.reason as string | null,
        position: row.position as number,
      }));
  }

  /** Pending requests made at or before `requestedBy` (oldest first): the ledger's candidates to accept. */
  pendingSince(hubId: string, requestedBy: string, limit: number): string[] {
    return this.due.all(hubId, requestedBy, limit).map((row) => row.request_id);
  }
}
