import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import { Instalment, LoanStatus, scaleOf, standingAt } from '@commons/domain';

export interface LoanView {
  loanId: string;
  borrowerId: string;
  borrowerName: string;
  status: LoanStatus;
  principal: string;
  termMonths: number;
  annualInterestRate: string;
  purpose: string;
  projectId: string | null;
  appliedBy: string;
  appliedAt: string;
  decidedAt: string | null;
  disbursedAt: string | null;
  closedAt: string | null;
  approvals: Array<{ treasurerId: string; role: string; note: string; at: string }>;
  rejection: { treasurerId: string; role: string; reason: string; at: string } | null;
  cancelledBy: string | null;
  writeOffVotes: Array<{ treasurerId: string; role: string; reason: string; at: string }>;
  schedule: Instalment[];
  paid: { principal: string; interest: string; total: string };
  outstanding: string;
  writtenOff: string;
  /** the moment arrears and days past due are computed for */
  asOf: string;
  arrears: string;
  daysPastDue: number;
  /** the cursor to list from after this loan */
  position: number;
}

interface LoanRow {
  position: number;
  loan_id: string;
  borrower_id: string;
  borrower_name: string | null;
  status: LoanStatus;
  principal: string;
  term_months: number;
  annual_interest_rate: string;
  purpose: string;
  project_id: string | null;
  applied_by: string;
  applied_at: string;
  decided_at: string | null;
  disbursed_at: string | null;
  closed_at: string | null;
  approvals: string;
  rejection: string | null;
  cancelled_by: string | null;
  write_off_votes: string;
  schedule: string;
  principal_paid: string;
  interest_paid: string;
  written_off: string;
  currency: string;
}

const COLUMNS = `l.position, l.loan_id, l.borrower_id, l.status, l.principal, l.term_months, l.annual_interest_rate, l.purpose,
  l.project_id, l.applied_by, l.applied_at, l.decided_at, l.disbursed_at, l.closed_at, l.approvals, l.rejection, l.cancelled_by,
  l.write_off_votes, l.schedule, l.principal_paid, l.interest_paid, l.written_off, h.currency, b.display_name AS borrower_name`;
// the borrower's name beside the id: statements and loans name people
const BORROWER = 'LEFT JOIN members b ON b.hub_id = l.hub_id AND b.member_id = l.borrower_id';

export interface LoanListQuery {
  hubId: string;
  /** only this borrower's loans (a member sees their own) */
  borrowerId?: string;
  status?: LoanStatus;
  after?: number;
  limit: number;
  asOf: string;
}

/** Loans as the read side shows them, with arrears and days past due worked out at `asOf`. */
export class LoanQueries {
  private readonly one;
  private readonly list;

  constructor(db: Database.Database) {
    this.one = db.prepare<[string, string], LoanRow>(
      `SELECT ${COLUMNS} FROM loans l JOIN hubs h ON h.hub_id = l.hub_id ${BORROWER} WHERE l.hub_id = ? AND l.loan_id = ?`,
    );
    this.list = db.prepare<[string, string | null, string | null, string | null, string | null, number, number], LoanRow>(
      `SELECT ${COLUMNS} FROM loans l JOIN hubs h ON h.hub_id = l.hub_id ${BORROWER}
       WHERE l.hub_id = ? AND (? IS NULL OR l.borrower_id = ?) AND (? IS NULL OR l.status = ?) AND l.position > ?
       ORDER BY l.position LIMIT ?`,
    );
  }

  loan(hubId: string, loanId: string, asOf: string): LoanView | null {
    const row = this.one.get(hubId, loanId);
    return row ? view(row, asOf) : null;
  }

  loans(query: LoanListQuery): LoanView[] {
    const borrower = query.borrowerId ?? null;
    const status = query.status ?? null;
    return this.list
      .all(query.hubId, borrower, borrower, status, status, query.after ?? 0, query.limit)
      .map((row) => view(row, query.asOf));
  }
}

function view(row: LoanRow, asOf: string): LoanView {
  const scale = scaleOf(row.currency);
  const schedule = JSON.parse(row.schedule) as Instalment[];
  const principalPaid = new Decimal(row.principal_paid);
  const interestPaid = new Decimal(row.interest_paid);
  const paid = principalPaid.plus(interestPaid);
  const standing = row.status === 'active' ? standingAt(schedule, paid, asOf) : { arrears: new Decimal(0), daysPastDue: 0 };
  const outstanding = row.status === 'active' ? new Decimal(row.principal).minus(principalPaid) : new Decimal(0);
  return {
    loanId: row.loan_id,
    borrowerId: row.borrower_id,
    borrowerName: row.borrower_name ?? row.borrower_id,
    status: row.status,
    principal: row.principal,
    termMonths: row.term_months,
    annualInterestRate: row.annual_interest_rate,
    purpose: row.purpose,
    projectId: row.project_id,
    appliedBy: row.applied_by,
    appliedAt: row.applied_at,
    decidedAt: row.decided_at,
    disbursedAt: row.disbursed_at,
    closedAt: row.closed_at,
    approvals: JSON.parse(row.approvals),
    rejection: row.rejection ? JSON.parse(row.rejection) : null,
    cancelledBy: row.cancelled_by,
    writeOffVotes: JSON.parse(row.write_off_votes),
    schedule,
    paid: { principal: principalPaid.toFixed(scale), interest: interestPaid.toFixed(scale), total: paid.toFixed(scale) },
    outstanding: outstanding.toFixed(scale),
    writtenOff: new Decimal(row.written_off).toFixed(scale),
    asOf,
    arrears: standing.arrears.toFixed(scale),
    daysPastDue: standing.daysPastDue,
    position: row.position,
  };
}
