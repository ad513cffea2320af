import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import { HOUR, fixedAt, owesNearLimit, scaleOf } from '@commons/domain';
import { AccountKind } from './accounts.projection';

export interface BalanceView {
  memberId: string;
  asOf?: string;
  /** nearLimit: the member owes at least the hub's warning share of their credit limit */
  hours: { balance: string; creditLimit: string; available: string; nearLimit: boolean };
  savings: { balance: string };
  loans: { outstanding: string };
}

export interface StatementEntry {
  position: number;
  at: string;
  type: string;
  counterparty: string | null;
  /** the counterparty's display name; "the hub" for the hub's own accounts */
  counterpartyName: string | null;
  memo: string | null;
  reference: string | null;
  amount: string;
  balance: string;
  /** the reversal that moved this entry back, once it was applied (as of the statement's moment) */
  reversedBy: { reversalId: string; position: number } | null;
  /** on a reversal's line: the entry it moved back */
  reverses: { reversalId: string; position: number } | null;
  /** hours: the kind of help, by the hub's name for it today */
  category: { categoryId: string; name: string } | null;
  /** hours: the offer or need it paid for */
  listing: { listingId: string; title: string } | null;
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
  /** position cursor: entries after it (a group exchange's lines are never split across pages) */
  after?: number;
  limit: number;
}

/** A statement line as stored: the amount unsigned, which way it went, and its links to a reversal. */
interface MovementRow extends Omit<StatementEntry, 'reversedBy' | 'reverses' | 'category' | 'listing'> {
  line: number;
  outgoing: 0 | 1;
  category_id: string | null;
  category_name: string | null;
  listing_id: string | null;
  listing_title: string | null;
  reversed_by_id: string | null;
  reversed_by_position: number | null;
  reverses_id: string | null;
  reverses_position: number | null;
}

interface HubRow {
  currency: string;
  default_credit_limit: string;
  warn_at: string | null;
}

interface CurrentRow extends HubRow {
  credit_limit: string | null;
  hours: string | null;
  savings: string | null;
  loans: string | null;
}

// a movement's amount is stored positive; leaving an account it reads negative, unless it is zero
const ZERO = /^0(\.0+)?$/;

/** Read-side questions about one member's accounts, answered from the projection's tables. */
export class AccountQueries {
  private readonly hub;
  private readonly limitNow;
  private readonly limitAsOf;
  private readonly accountKey;
  private readonly lastOut;
  private readonly lastIn;
  private readonly entries;
  private readonly restOfPosition;
  private readonly current;

  constructor(db: Database.Database) {
    // today's balance is the busiest read there is: one statement, not five
    const account = (name: AccountKind) =>
      `(SELECT balance FROM accounts b WHERE b.hub_id = m.hub_id AND b.member_id = m.member_id AND b.account = '${name}') AS ${name}`;
    this.current = db.prepare<[string, string], CurrentRow>(
      `SELECT h.currency, h.default_credit_limit, h.warn_at, m.credit_limit, ${account('hours')}, ${account('savings')}, ${account('loans')}
       FROM members m JOIN hubs h ON h.hub_id = m.hub_id WHERE m.hub_id = ? AND m.member_id = ?`,
    );
    this.hub = db.prepare<[string], HubRow>('SELECT currency, default_credit_limit, warn_at FROM hubs WHERE hub_id = ?');
    this.accountKey = db.prepare<[string, string, string], { account_key: number }>(
      'SELECT account_key FROM accounts WHERE hub_id = ? AND member_id = ? AND account = ?',
    );
    // the balance as of a moment: the later of the last movement out of the account and the last one into it
    this.lastOut = db.prepare<[number, string], Last>(
      'SELECT position, line, from_balance AS balance FROM movements WHERE from_account = ? AND at <= ? ORDER BY position DESC, line DESC LIMIT 1',
    );
    this.lastIn = db.prepare<[number, string], Last>(
      'SELECT position, line, to_balance AS balance FROM movements WHERE to_account = ? AND at <= ? ORDER BY position DESC, line DESC LIMIT 1',
    );
    this.limitNow = db.prepare<[string, string], { credit_limit: string | null }>(
      'SELECT credit_limit FROM members WHERE hub_id = ? AND member_id = ?',
    );
    this.limitAsOf = db.prepare<[string, string, string], { credit_limit: string | null }>(
      `SELECT credit_limit FROM credit_limit_history WHERE hub_id = ? AND member_id = ? AND at <= ?
       ORDER BY position DESC LIMIT 1`,
    );
    // movements out of the account and into it, merged in position order (each side has its index)
    const side = (outgoing: boolean, where: string) => {
      const [mine, theirs] = outgoing ? ['from', 'to'] : ['to', 'from'];
      return `SELECT m.position AS position, m.line AS line, m.at, m.type, c.member_id AS counterparty,
          CASE WHEN c.member_id LIKE '@hub%' THEN 'the hub' ELSE cm.display_name END AS counterpartyName, m.memo, m.reference, m.amount,
          ${outgoing ? 1 : 0} AS outgoing, m.${mine}_balance AS balance,
          rb.reversal_id AS reversed_by_id, rb.reversal_position AS reversed_by_position,
          rv.reversal_id AS reverses_id, rv.original_position AS reverses_position,
          m.category_id, k.name AS category_name, m.listing_id, l.title AS listing_title
        FROM movements m LEFT JOIN accounts c ON c.account_key = m.${theirs}_account
          LEFT JOIN members cm ON cm.hub_id = c.hub_id AND cm.member_id = c.member_id
          LEFT JOIN reversal_links rb ON rb.original_position = m.position AND rb.at <= @asOf
          LEFT JOIN reversal_links rv ON rv.reversal_position = m.position
          LEFT JOIN categories k ON m.category_id IS NOT NULL AND k.hub_id = @hubId AND k.category_id = m.category_id
          LEFT JOIN listings l ON m.listing_id IS NOT NULL AND l.hub_id = @hubId AND l.listing_id = m.listing_id
        WHERE m.${mine}_account = @account AND ${where} AND m.at >= @from AND m.at < @to AND m.at <= @asOf`;
    };
    const both = (where: string) => `${side(true, where)} UNION ALL ${side(false, where)} ORDER BY position, line`;
    this.entries = db.prepare<[Window & { after: number; limit: number }], MovementRow>(`${both('m.position > @after')} LIMIT @limit`);
    // a page that ends inside a group exchange takes the rest of its lines, so `after` stays a position
    this.restOfPosition = db.prepare<[Window & { position: number; line: number }], MovementRow>(both('m.position = @position AND m.line > @line'));
  }

  /** Whether the read models know this member of this hub. */
  knows(hubId: string, memberId: string): boolean {
    return this.limitNow.get(hubId, memberId) !== undefined;
  }

  /** Null when the hub or member is unknown to the read models. */
  balanceOf(hubId: string, memberId: string, asOf?: string): BalanceView | null {
    if (!asOf) return this.balanceNow(memberId, this.current.get(hubId, memberId));
    const hub = this.hub.get(hubId);
    const member = this.limitNow.get(hubId, memberId);
    if (!hub || !member) return null;
    const money = scaleOf(hub.currency);
    const read = (account: AccountKind, scale: number) => {
      const key = this.accountKey.get(hubId, memberId, account)?.account_key;
      const out = key === undefined ? undefined : this.lastOut.get(key, asOf);
      const into = key === undefined ? undefined : this.lastIn.get(key, asOf);
      const last = out && into ? (later(out, into) ? out : into) : out ?? into;
      return fixedAt(new Decimal(last?.balance ?? 0), scale);
    };
    const hourScale = scaleOf(HOUR);
    const history = this.limitAsOf.get(hubId, memberId, asOf);
    // before enrolment there was no account and so no credit
    const creditLimit = history ? history.credit_limit ?? hub.default_credit_limit : '0';
    const hours = read('hours', hourScale);
    return {
      memberId,
      asOf,
      hours: {
        balance: hours,
        creditLimit: fixedAt(new Decimal(creditLimit), hourScale),
        available: fixedAt(new Decimal(hours).plus(creditLimit), hourScale),
        nearLimit: owesNearLimit(new Decimal(hours), new Decimal(creditLimit), hub.warn_at),
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
      hours: {
        balance: fixedAt(hours, hourScale),
        creditLimit: fixedAt(creditLimit, hourScale),
        available: fixedAt(hours.plus(creditLimit), hourScale),
        nearLimit: owesNearLimit(hours, creditLimit, row.warn_at),
      },
      savings: { balance: fixedAt(new Decimal(row.savings ?? 0), money) },
      loans: { outstanding: fixedAt(new Decimal(row.loans ?? 0), money) },
    };
  }

  statement(query: StatementQuery): StatementEntry[] {
    const account = this.accountKey.get(query.hubId, query.memberId, query.account)?.account_key;
    if (account === undefined) return [];
    const window: Window = {
      hubId: query.hubId,
      account,
      from: query.from ?? '',
      to: query.to ?? '\uffff',
      asOf: query.asOf ?? '\uffff',
    };
    const rows = this.entries.all({ ...window, after: query.after ?? 0, limit: query.limit });
    const last = rows[rows.length - 1];
    if (rows.length === query.limit && last) rows.push(...this.restOfPosition.all({ ...window, position: last.position, line: last.line }));
    return rows.map(toEntry);
  }
}

interface Window {
  hubId: string;
  account: number;
  from: string;
  to: string;
  asOf: string;
}

interface Last {
  position: number;
  line: number;
  balance: string;
}

function toEntry(row: MovementRow): StatementEntry {
  const { line: _line, outgoing, amount, reversed_by_id, reversed_by_position, reverses_id, reverses_position, category_id, category_name, listing_id, listing_title, ...entry } = row;
  return {
    ...entry,
    amount: outgoing && !ZERO.test(amount) ? `-${amount}` : amount,
    reversedBy: reversed_by_id === null ? null : { reversalId: reversed_by_id, position: reversed_by_position! },
    reverses: reverses_id === null ? null : { reversalId: reverses_id, position: reverses_position! },
    category: category_id === null ? null : { categoryId: category_id, name: category_name ?? category_id },
    listing: listing_id === null ? null : { listingId: listing_id, title: listing_title ?? listing_id },
  };
}

const later = (a: Last, b: Last) => a.position > b.position || (a.position === b.position && a.line > b.line);
