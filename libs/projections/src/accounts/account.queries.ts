import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import { HOUR, scaleOf } from '@commons/domain';
import { AccountKind } from './accounts.projection';

export interface BalanceView {
  memberId: string;
  asOf?: string;
  hours: { balance: string; creditLimit: string; available: string };
  savings: { balance: string };
  loans: { outstanding: string };
}

export interface StatementEntry {
  position: number;
  at: string;
  type: string;
  counterparty: string | null;
  memo: string | null;
  reference: string | null;
  amount: string;
  balance: string;
}

export interface StatementQuery {
  hubId: string;
  memberId: string;
  account: AccountKind;
  /** inclusive, ISO-8601 */
  from?: string;
  /** exclusive, ISO-8601 */
  to?: string;
  /** inclusive, ISO-8601: the statement as history stood at that moment */
  asOf?: string;
  /** position cursor: entries after it */
  after?: number;
  limit: number;
}

interface HubRow {
  currency: string;
  default_credit_limit: string;
}

interface CurrentRow extends HubRow {
  credit_limit: string | null;
  hours: string | null;
  savings: string | null;
  loans: string | null;
}

/** Read-side questions about one member's accounts, answered from the projection's tables. */
export class AccountQueries {
  private readonly hub;
  private readonly balance;
  private readonly balanceAsOf;
  private readonly limitNow;
  private readonly limitAsOf;
  private readonly entries;
  private readonly current;

  constructor(db: Database.Database) {
    // today's balance is the busiest read there is: one statement, not five
    const account = (name: AccountKind) =>
      `(SELECT balance FROM account_balances b WHERE b.hub_id = m.hub_id AND b.member_id = m.member_id AND b.account = '${name}') AS ${name}`;
    this.current = db.prepare<[string, string], CurrentRow>(
      `SELECT h.currency, h.default_credit_limit, m.credit_limit, ${account('hours')}, ${account('savings')}, ${account('loans')}
       FROM members m JOIN hubs h ON h.hub_id = m.hub_id WHERE m.hub_id = ? AND m.member_id = ?`,
    );
    this.hub = db.prepare<[string], HubRow>('SELECT currency, default_credit_limit FROM hubs WHERE hub_id = ?');
    this.balance = db.prepare<[string, string, string], { balance: string }>(
      'SELECT balance FROM account_balances WHERE hub_id = ? AND member_id = ? AND account = ?',
    );
    this.balanceAsOf = db.prepare<[string, string, string, string], { balance_after: string }>(
      `SELECT balance_after FROM statement_entries WHERE hub_id = ? AND member_id = ? AND account = ? AND at <= ?
       ORDER BY position DESC LIMIT 1`,
    );
    this.limitNow = db.prepare<[string, string], { credit_limit: string | null }>(
      'SELECT credit_limit FROM members WHERE hub_id = ? AND member_id = ?',
    );
    this.limitAsOf = db.prepare<[string, string, string], { credit_limit: string | null }>(
      `SELECT credit_limit FROM credit_limit_history WHERE hub_id = ? AND member_id = ? AND at <= ?
       ORDER BY position DESC LIMIT 1`,
    );
    this.entries = db.prepare<[string, string, string, number, string, string, string, number], StatementEntry>(
      `SELECT position, at, type, counterparty, memo, reference, amount, balance_after AS balance FROM statement_entries
       WHERE hub_id = ? AND member_id = ? AND account = ? AND position > ? AND at >= ? AND at < ? AND at <= ?
       ORDER BY position LIMIT ?`,
    );
  }

  /** Whether the read models know this member of this hub. */
  knows(hubId: string, memberId: string): boolean {
    return this.limitNow.get(hubId, memberId) !== undefined;
  }

  /** Null when the hub or member is unknown to the read models. */
  balanceOf(hubId: string, memberId: string, asOf?: string): BalanceView | null {
    if (asOf === undefined) return this.balanceNow(memberId, this.current.get(hubId, memberId));
    const hub = this.hub.get(hubId);
    const member = this.limitNow.get(hubId, memberId);
    if (!hub || !member) return null;
    const money = scaleOf(hub.currency);
    const read = (account: AccountKind, scale: number) => {
      const value = asOf
        ? this.balanceAsOf.get(hubId, memberId, account, asOf)?.balance_after
        : this.balance.get(hubId, memberId, account)?.balance;
      return new Decimal(value ?? 0).toFixed(scale);
    };
    const hourScale = scaleOf(HOUR);
    let creditLimit: string;
    if (asOf) {
      const history = this.limitAsOf.get(hubId, memberId, asOf);
      // before enrolment there was no account and so no credit
      creditLimit = history ? history.credit_limit ?? hub.default_credit_limit : '0';
    } else {
      creditLimit = member.credit_limit ?? hub.default_credit_limit;
    }
    const hours = read('hours', hourScale);
    return {
      memberId,
      ...(asOf ? { asOf } : {}),
      hours: {
        balance: hours,
        creditLimit: new Decimal(creditLimit).toFixed(hourScale),
        available: new Decimal(hours).plus(creditLimit).toFixed(hourScale),
      },
      savings: { balance: read('savings', money) },
      loans: { outstanding: read('loans', money) },
    };
  }

  private balanceNow(memberId: string, row: CurrentRow | undefined): BalanceView | null {
    if (!row) return null;
    const hourScale = scaleOf(HOUR);
    const money = scaleOf(row.currency);
    const hours = new Decimal(row.hours ?? 0);
    const creditLimit = new Decimal(row.credit_limit ?? row.default_credit_limit);
    return {
      memberId,
      hours: { balance: hours.toFixed(hourScale), creditLimit: creditLimit.toFixed(hourScale), available: hours.plus(creditLimit).toFixed(hourScale) },
      savings: { balance: new Decimal(row.savings ?? 0).toFixed(money) },
      loans: { outstanding: new Decimal(row.loans ?? 0).toFixed(money) },
    };
  }

  statement(query: StatementQuery): StatementEntry[] {
    return this.entries.all(
      query.hubId,
      query.memberId,
      query.account,
      query.after ?? 0,
      query.from ?? '',
      query.to ?? '\uffff',
      query.asOf ?? '\uffff',
      query.limit,
    );
  }
}

