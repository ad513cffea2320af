import Database from 'better-sqlite3';
import { ReversalStatus } from '@commons/domain';

export interface ReversalView {
  reversalId: string;
  status: ReversalStatus;
  /** the entry it reverses */
  original: { position: number; type: string };
  amount: string;
  unit: 'hours' | 'money' | 'goods';
  parties: string[];
  /** who may confirm or turn it down: that member, or someone holding that role, never the ones in `never` */
  mayDecide: { member: string | null; role: 'coordinator' | 'treasurer'; never: string[] };
  proposedBy: string;
  reason: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  /** the confirmation's note or the rejection's reason */
  decisionNote: string | null;
  /** the compensating entry's position, once applied */
  appliedPosition: number | null;
  position: number;
}

interface Row {
  reversal_id: string;
  status: ReversalStatus;
  original_position: number;
  original_type: string;
  amount: string;
  unit: ReversalView['unit'];
  parties: string;
  lowers: string | null;
  /** JSON: the members the reversal gives back to */
  raises: string;
  officer: 'coordinator' | 'treasurer';
  proposed_by: string;
  reason: string;
  proposed_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  applied_position: number | null;
  position: number;
}

export interface ReversalListQuery {
  hubId: string;
  /** null: every reversal of the hub; else only those touching this member's accounts */
  memberId: string | null;
  status?: ReversalStatus;
  /** whether reversals of aid payments are listed: who received aid is not for every officer */
  includeAid: boolean;
  after?: number;
  limit: number;
}

export class ReversalQueries {
  private readonly all;
  private readonly touching;

  constructor(db: Database.Database) {
    this.all = db.prepare<[string, string | null, string | null, number, number, number], Row>(
      `SELECT * FROM reversals WHERE hub_id = ? AND (? IS NULL OR status = ?) AND (? = 1 OR original_type != 'AidPaid')
       AND position > ? ORDER BY position LIMIT ?`,
    );
    this.touching = db.prepare<[string, string, string | null, string | null, number, number], Row>(
      `SELECT r.* FROM reversal_parties p JOIN reversals r ON r.hub_id = p.hub_id AND r.reversal_id = p.reversal_id
       WHERE p.hub_id = ? AND p.member_id = ? AND (? IS NULL OR r.status = ?) AND p.position > ? ORDER BY p.position LIMIT ?`,
    );
  }

  reversals(query: ReversalListQuery): ReversalView[] {
    const status = query.status ?? null;
    const after = query.after ?? 0;
    const rows =
      query.memberId === null
        ? this.all.all(query.hubId, status, status, query.includeAid ? 1 : 0, after, query.limit)
        : this.touching.all(query.hubId, query.memberId, status, status, after, query.limit);
    return rows.map(toView);
  }
}

function toView(row: Row): ReversalView {
  return {
    reversalId: row.reversal_id,
    status: row.status,
    original: { position: row.original_position, type: row.original_type },
    amount: row.amount,
    unit: row.unit,
    parties: JSON.parse(row.parties),
    mayDecide: { member: row.lowers, role: row.officer, never: [row.proposed_by, ...(JSON.parse(row.raises) as string[])] },
    proposedBy: row.proposed_by,
    reason: row.reason,
    proposedAt: row.proposed_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    appliedPosition: row.applied_position,
    position: row.position,
  };
}
