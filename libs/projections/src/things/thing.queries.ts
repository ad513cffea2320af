import Database from 'better-sqlite3';
import { HUB_OWNER, ThingRecord, ThingStatus, settled, thingStandingAt } from '@commons/domain';

/** A person as a read names them. */
export interface Named {
  memberId: string;
  displayName: string;
}

export interface ThingView {
  thingId: string;
  name: string;
  description: string;
  category: { categoryId: string; name: string } | null;
  /** `memberId: "hub"` for the hub's own things */
  owner: Named;
  loanDays: number;
  deposit: string | null;
  hoursPerLoan: string | null;
  status: ThingStatus;
  /** while on loan */
  dueAt: string | null;
  /** while on hold: whose turn it is, and until when */
  turn: (Named & { until: string }) | null;
  queue: Array<Named & { holdId: string; place: number; at: string }>;
  lastCondition: string | null;
  position: number;
}

export interface ThingFilter {
  hubId: string;
  at: string;
  q?: string;
  categoryId?: string;
  /** only those anyone may borrow now */
  available?: boolean;
  after?: number;
  limit: number;
}

export interface ThingHistoryLine {
  position: number;
  kind: 'added' | 'lent' | 'returned' | 'sent_to_repair' | 'repaired' | 'retired';
  at: string;
  member: Named | null;
  by: Named;
  dueAt: string | null;
  condition: string | null;
  note: string | null;
  deposit: string | null;
  depositReturned: boolean | null;
  hours: string | null;
}

export interface OverdueLoan {
  thingId: string;
  name: string;
  loanId: string;
  borrower: Named;
  lentAt: string;
  dueAt: string;
  daysOverdue: number;
}

export interface MemberThings {
  loans: Array<{ thingId: string; name: string; loanId: string; lentAt: string; dueAt: string; overdue: boolean; owner: Named }>;
  holds: Array<{ thingId: string; name: string; holdId: string; place: number; status: ThingStatus; turnUntil: string | null }>;
}

type ThingRow = { record: string; position: number; category_name: string | null };
const DAY_MS = 24 * 60 * 60 * 1000;

/** The hub's things with the names of the people around them, read at a moment. */
export class ThingQueries {
  private readonly search;
  private readonly one;
  private readonly names;
  private readonly historyOf;
  private readonly due;
  private readonly borrowed;
  private readonly heldBy;

  constructor(db: Database.Database) {
    const columns = 't.record, t.position, c.name AS category_name FROM things t LEFT JOIN categories c ON c.hub_id = t.hub_id AND c.category_id = t.category_id';
    this.search = db.prepare<Record<string, unknown>, ThingRow>(
      `SELECT ${columns}
       WHERE t.hub_id = @hubId AND t.state <> 'retired'
         AND (@categoryId IS NULL OR t.category_id = @categoryId)
         AND (@q IS NULL OR instr(lower(t.name), lower(@q)) > 0 OR instr(lower(t.description), lower(@q)) > 0)
         AND (@available = 0 OR (t.state = 'ready' AND (t.free_from IS NULL OR t.free_from <= @at)))
         AND (@after IS NULL OR t.position > @after)
       ORDER BY t.position LIMIT @limit`,
    );
    this.one = db.prepare<[string, string], ThingRow>(`SELECT ${columns} WHERE t.hub_id = ? AND t.thing_id = ?`);
    this.names = db.prepare<[string, string], { member_id: string; display_name: string }>(
      'SELECT member_id, display_name FROM members WHERE hub_id = ? AND member_id IN (SELECT value FROM json_each(?))',
    );
    this.historyOf = db.prepare<[string, string, number, number], Record<string, string | number | null>>(
      'SELECT * FROM thing_history WHERE hub_id = ? AND thing_id = ? AND position > ? ORDER BY position LIMIT ?',
    );
    this.due = db.prepare<[string, string, number], ThingRow>(
      `SELECT ${columns} WHERE t.hub_id = ? AND t.due_at IS NOT NULL AND t.due_at < ? ORDER BY t.due_at, t.thing_id LIMIT ?`,
    );
    this.borrowed = db.prepare<[string, string], ThingRow>(`SELECT ${columns} WHERE t.hub_id = ? AND t.borrower_id = ? ORDER BY t.due_at`);
    this.heldBy = db.prepare<[string, string], ThingRow>(
      `SELECT ${columns} JOIN thing_holds h ON h.hub_id = t.hub_id AND h.thing_id = t.thing_id WHERE t.hub_id = ? AND h.member_id = ? ORDER BY h.placed_at`,
    );
  }

  things(filter: ThingFilter): ThingView[] {
    const rows = this.search.all({
      hubId: filter.hubId,
      at: filter.at,
      q: filter.q ?? null,
      categoryId: filter.categoryId ?? null,
      available: filter.available ? 1 : 0,
      after: filter.after ?? null,
      limit: filter.limit,
    });
    return this.views(filter.hubId, rows, filter.at);
  }

  thing(hubId: string, thingId: string, at: string): ThingView | null {
    const row = this.one.get(hubId, thingId);
    return row ? this.views(hubId, [row], at)[0] : null;
  }

  /** The thing's record as the decider folds it, for who may see what of it. */
  record(hubId: string, thingId: string): ThingRecord | null {
    const row = this.one.get(hubId, thingId);
    return row ? (JSON.parse(row.record) as ThingRecord) : null;
  }

  history(hubId: string, thingId: string, after: number, limit: number): ThingHistoryLine[] {
    const rows = this.historyOf.all(hubId, thingId, after, limit);
    const names = this.nameMap(hubId, rows.flatMap((row) => [row.member_id as string | null, row.by_id as string]));
    return rows.map((row) => ({
      position: row.position as number,
      kind: row.kind as ThingHistoryLine['kind'],
      at: row.at as string,
      member: row.member_id === null ? null : names(row.member_id as string),
      by: names(row.by_id as string),
      dueAt: row.due_at as string | null,
      condition: row.condition as string | null,
      note: row.note as string | null,
      deposit: row.deposit as string | null,
      depositReturned: row.deposit_returned === null ? null : row.deposit_returned === 1,
      hours: row.hours as string | null,
    }));
  }

  /** Loans past their due date at `at`, the longest overdue first. */
  overdue(hubId: string, at: string, limit: number): OverdueLoan[] {
    const things = this.due.all(hubId, at, limit).map((row) => JSON.parse(row.record) as ThingRecord);
    const names = this.nameMap(hubId, things.map((thing) => thing.loan!.memberId));
    return things.map((thing) => ({
      thingId: thing.thingId,
      name: thing.name,
      loanId: thing.loan!.loanId,
      borrower: names(thing.loan!.memberId),
      lentAt: thing.loan!.lentAt,
      dueAt: thing.loan!.dueAt,
      daysOverdue: Math.floor((Date.parse(at) - Date.parse(thing.loan!.dueAt)) / DAY_MS),
    }));
  }

  /** What a member has out, with due dates, and the queues they are in, at `at`. */
  memberThings(hubId: string, memberId: string, at: string): MemberThings {
    const loans = this.borrowed.all(hubId, memberId).map((row) => JSON.parse(row.record) as ThingRecord);
    const owners = this.nameMap(hubId, loans.map((thing) => thing.owner));
    const holds: MemberThings['holds'] = [];
    for (const row of this.heldBy.all(hubId, memberId)) {
      const thing = JSON.parse(row.record) as ThingRecord;
      const standing = thingStandingAt(thing, at);
      const queue = queueAt(thing, at);
      const place = queue.findIndex((hold) => hold.memberId === memberId);
      if (place < 0) continue; // its turn passed
      const hold = queue[place];
      holds.push({ thingId: thing.thingId, name: thing.name, holdId: hold.holdId, place: place + 1, status: standing.status, turnUntil: place === 0 ? (standing.turn?.until ?? null) : null });
    }
    return {
      loans: loans.map((thing) => ({ thingId: thing.thingId, name: thing.name, loanId: thing.loan!.loanId, lentAt: thing.loan!.lentAt, dueAt: thing.loan!.dueAt, overdue: thing.loan!.dueAt < at, owner: owners(thing.owner) })),
      holds,
    };
  }

  private views(hubId: string, rows: ThingRow[], at: string): ThingView[] {
    const things = rows.map((row) => ({ row, thing: JSON.parse(row.record) as ThingRecord }));
    const names = this.nameMap(hubId, things.flatMap(({ thing }) => [thing.owner, ...thing.holds.map((hold) => hold.memberId)]));
    return things.map(({ row, thing }) => {
      const standing = thingStandingAt(thing, at);
      return {
        thingId: thing.thingId,
        name: thing.name,
        description: thing.description,
        category: thing.categoryId === null ? null : { categoryId: thing.categoryId, name: row.category_name ?? thing.categoryId },
        owner: names(thing.owner),
        loanDays: thing.loanDays,
        deposit: thing.deposit,
        hoursPerLoan: thing.hoursPerLoan,
        status: standing.status,
        dueAt: thing.loan?.dueAt ?? null,
        turn: standing.turn ? { ...names(standing.turn.memberId), until: standing.turn.until } : null,
        queue: queueAt(thing, at).map((hold, i) => ({ ...names(hold.memberId), holdId: hold.holdId, place: i + 1, at: hold.at })),
        lastCondition: thing.lastCondition,
        position: row.position,
      };
    });
  }

  private nameMap(hubId: string, ids: Array<string | null>): (memberId: string) => Named {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null && id !== HUB_OWNER))];
    const found = new Map(this.names.all(hubId, JSON.stringify(wanted)).map((row) => [row.member_id, row.display_name]));
    return (memberId) => ({ memberId, displayName: memberId === HUB_OWNER ? 'the hub' : (found.get(memberId) ?? memberId) });
  }
}

// the queue without the holds whose turns have passed
function queueAt(thing: ThingRecord, at: string) {
  return thing.retired ? [] : settled(thing, at).holds;
}
