import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import { hubOfStream, isPoolEntry, toDomainEvent } from '@commons/domain';
import { RecordedEvent } from '@commons/event-store';
import { Projection, eventByEvent } from '../projection';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS loans (
  hub_id TEXT NOT NULL, loan_id TEXT NOT NULL, position INTEGER NOT NULL,
  borrower_id TEXT NOT NULL, status TEXT NOT NULL, principal TEXT NOT NULL, term_months INTEGER NOT NULL,
  annual_interest_rate TEXT NOT NULL, purpose TEXT NOT NULL, project_id TEXT,
  applied_by TEXT NOT NULL, applied_at TEXT NOT NULL, decided_at TEXT, disbursed_at TEXT, closed_at TEXT,
  approvals TEXT NOT NULL DEFAULT '[]', rejection TEXT, cancelled_by TEXT, write_off_votes TEXT NOT NULL DEFAULT '[]',
  schedule TEXT NOT NULL DEFAULT '[]', principal_paid TEXT NOT NULL DEFAULT '0', interest_paid TEXT NOT NULL DEFAULT '0',
  written_off TEXT NOT NULL DEFAULT '0',
  PRIMARY KEY (hub_id, loan_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS loans_by_borrower ON loans (hub_id, borrower_id);
CREATE TABLE IF NOT EXISTS loan_repayments (
  hub_id TEXT NOT NULL, loan_id TEXT NOT NULL, position INTEGER NOT NULL, at TEXT NOT NULL,
  amount TEXT NOT NULL, interest TEXT NOT NULL, principal TEXT NOT NULL, treasurer_id TEXT NOT NULL,
  PRIMARY KEY (hub_id, loan_id, position)
) WITHOUT ROWID;
`;

/** Each loan as treasurers, auditors and its borrower see it: status, who decided, schedule, payments. */
export function loansProjection(db: Database.Database): Projection {
  db.exec(SCHEMA);
  const insert = db.prepare(
    `INSERT INTO loans (hub_id, loan_id, position, borrower_id, status, principal, term_months, annual_interest_rate,
       purpose, project_id, applied_by, applied_at) VALUES (?, ?, ?, ?, 'applied', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const get = db.prepare<[string, string], { approvals: string; write_off_votes: string; principal_paid: string; interest_paid: string }>(
    'SELECT approvals, write_off_votes, principal_paid, interest_paid FROM loans WHERE hub_id = ? AND loan_id = ?',
  );
  const setApprovals = db.prepare('UPDATE loans SET approvals = ? WHERE hub_id = ? AND loan_id = ?');
  const setVotes = db.prepare('UPDATE loans SET write_off_votes = ? WHERE hub_id = ? AND loan_id = ?');
  const decide = db.prepare('UPDATE loans SET status = ?, decided_at = ? WHERE hub_id = ? AND loan_id = ?');
  const reject = db.prepare("UPDATE loans SET status = 'rejected', decided_at = ?, rejection = ? WHERE hub_id = ? AND loan_id = ?");
  const cancel = db.prepare("UPDATE loans SET status = 'cancelled', closed_at = ?, cancelled_by = ? WHERE hub_id = ? AND loan_id = ?");
  const disburse = db.prepare("UPDATE loans SET status = 'active', disbursed_at = ?, schedule = ? WHERE hub_id = ? AND loan_id = ?");
  const paid = db.prepare('UPDATE loans SET principal_paid = ?, interest_paid = ? WHERE hub_id = ? AND loan_id = ?');
  const recordRepayment = db.prepare(
    'INSERT INTO loan_repayments (hub_id, loan_id, position, at, amount, interest, principal, treasurer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const close = db.prepare('UPDATE loans SET status = ?, closed_at = ? WHERE hub_id = ? AND loan_id = ?');
  const writeOff = db.prepare("UPDATE loans SET status = 'written_off', closed_at = ?, written_off = ? WHERE hub_id = ? AND loan_id = ?");

  const append = (column: 'approvals' | 'write_off_votes', hubId: string, loanId: string, entry: unknown) => {
    const row = get.get(hubId, loanId)!;
    const list = [...JSON.parse(row[column]), entry];
    (column === 'approvals' ? setApprovals : setVotes).run(JSON.stringify(list), hubId, loanId);
  };

  const reopen = db.prepare("UPDATE loans SET status = 'active', closed_at = NULL WHERE hub_id = ? AND loan_id = ? AND status = 'repaid'");
  const addPaid = (hubId: string, loanId: string, principal: Decimal.Value, interest: Decimal.Value) => {
    const row = get.get(hubId, loanId)!;
    paid.run(new Decimal(row.principal_paid).plus(principal).toString(), new Decimal(row.interest_paid).plus(interest).toString(), hubId, loanId);
  };

  return eventByEvent('loans', (recorded: RecordedEvent) => {
    const hubId = hubOfStream(recorded.streamId)!;
    const event = toDomainEvent(recorded);
    if (event.type === 'EntryReversed') {
      const { entry, confirmedBy, at } = event.data;
      if (entry.type !== 'LoanRepaymentReceived') return;
      // the repayment given back: paid goes down, and a loan it closed owes again
      const d = entry.data;
      addPaid(hubId, d.loanId, new Decimal(d.principal).negated(), new Decimal(d.interest).negated());
      recordRepayment.run(hubId, d.loanId, recorded.position, at, `-${d.amount}`, `-${d.interest}`, `-${d.principal}`, confirmedBy);
      reopen.run(hubId, d.loanId);
      return;
    }
    if (!isPoolEntry(event)) return;
    switch (event.type) {
      case 'SavingsDeposited':
      case 'SavingsWithdrawn':
        return;
      case 'LoanApplied': {
        const d = event.data;
        insert.run(hubId, d.loanId, recorded.position, d.borrowerId, d.principal, d.termMonths, d.annualInterestRate,
          d.purpose, d.projectId, d.appliedBy, d.at);
        return;
      }
      case 'LoanApprovalGiven': {
        const { treasurerId, role, note, at } = event.data;
        return append('approvals', hubId, event.data.loanId, { treasurerId, role, note, at });
      }
      case 'LoanApproved':
        decide.run('approved', event.data.at, hubId, event.data.loanId);
        return;
      case 'LoanRejected': {
        const { treasurerId, role, reason, at } = event.data;
        reject.run(at, JSON.stringify({ treasurerId, role, reason, at }), hubId, event.data.loanId);
        return;
      }
      case 'LoanCancelled':
        cancel.run(event.data.at, event.data.by, hubId, event.data.loanId);
        return;
      case 'LoanDisbursed':
        disburse.run(event.data.at, JSON.stringify(event.data.schedule), hubId, event.data.loanId);
        return;
      case 'LoanRepaymentReceived': {
        const d = event.data;
        addPaid(hubId, d.loanId, d.principal, d.interest);
        recordRepayment.run(hubId, d.loanId, recorded.position, d.at, d.amount, d.interest, d.principal, d.treasurerId);
        return;
      }
      case 'LoanRepaid':
        close.run('repaid', event.data.at, hubId, event.data.loanId);
        return;
      case 'LoanWriteOffVoted': {
        const { treasurerId, role, reason, at } = event.data;
        return append('write_off_votes', hubId, event.data.loanId, { treasurerId, role, reason, at });
      }
      case 'LoanWrittenOff':
        writeOff.run(event.data.at, event.data.principal, hubId, event.data.loanId);
        return;
      default: {
        const unhandled: never = event;
        throw new TypeError(`unhandled pool event ${(unhandled as { type: string }).type}`);
      }
    }
  });
}
