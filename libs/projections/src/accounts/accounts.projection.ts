import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import { HOUR, HUB_ACCOUNT, POOL_EVENT_TYPES, PoolEvent, TimeBankEvent, TIMEBANK_EVENT_TYPES, hubOfStream, scaleOf } from '@commons/domain';
import { RecordedEvent } from '@commons/event-store';
import { Projection } from '../projection';

export type AccountKind = 'hours' | 'savings' | 'loans';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS account_balances (
  hub_id TEXT NOT NULL, member_id TEXT NOT NULL, account TEXT NOT NULL, balance TEXT NOT NULL,
  PRIMARY KEY (hub_id, member_id, account)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS statement_entries (
  hub_id TEXT NOT NULL, member_id TEXT NOT NULL, account TEXT NOT NULL, position INTEGER NOT NULL,
  at TEXT NOT NULL, type TEXT NOT NULL, counterparty TEXT, memo TEXT, reference TEXT,
  amount TEXT NOT NULL, balance_after TEXT NOT NULL
);
`;
// a statement is read by member in position order; a rebuild creates this index after loading
const STATEMENT_INDEX = {
  name: 'statement_entries_by_member',
  sql: 'CREATE UNIQUE INDEX IF NOT EXISTS statement_entries_by_member ON statement_entries (hub_id, member_id, account, position)',
};

// hours written at their scale, as deciders record them ("2.50")
const FIXED_HOURS = new RegExp(`^(0|[1-9]\\d*)\\.\\d{${scaleOf(HOUR)}}$`);

interface Balance {
  hubId: string;
  memberId: string;
  account: AccountKind;
  scale: number;
  value: Decimal;
}

/** Each member's balances and the statement lines behind them, with a running balance. */
export function accountsProjection(db: Database.Database): Projection {
  db.exec(SCHEMA);
  db.exec(STATEMENT_INDEX.sql);
  const balance = db.prepare<[string, string, string], { balance: string }>(
    'SELECT balance FROM account_balances WHERE hub_id = ? AND member_id = ? AND account = ?',
  );
  const setBalance = db.prepare(
    `INSERT INTO account_balances (hub_id, member_id, account, balance) VALUES (?, ?, ?, ?)
     ON CONFLICT (hub_id, member_id, account) DO UPDATE SET balance = excluded.balance`,
  );
  const addEntry = db.prepare(
    `INSERT INTO statement_entries (hub_id, member_id, account, position, at, type, counterparty, memo, reference, amount, balance_after)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const hourScale = scaleOf(HOUR);
  const currencyOf = db.prepare<[string], { currency: string }>('SELECT currency FROM hubs WHERE hub_id = ?');
  const moneyScales = new Map<string, number>(); // a hub's currency never changes
  const moneyScale = (hubId: string) => {
    let scale = moneyScales.get(hubId);
    if (scale === undefined) {
      scale = scaleOf(currencyOf.get(hubId)!.currency);
      moneyScales.set(hubId, scale);
    }
    return scale;
  };

  // the balances a page touches, read once and written once when the page ends
  let balances = new Map<string, Balance>();

  // positional, not an object per line: replay posts two lines for every payment in history
  function post(
    recorded: RecordedEvent, hubId: string, memberId: string, account: AccountKind, scale: number,
    amount: Decimal, amountText: string, at: string, counterparty: string | null, memo: string | null, reference: string | null,
  ) {
    const key = `${hubId}\u0000${memberId}\u0000${account}`;
    let current = balances.get(key);
    if (current === undefined) {
      const stored = balance.get(hubId, memberId, account)?.balance ?? '0';
      current = { hubId, memberId, account, scale, value: new Decimal(stored) };
      balances.set(key, current);
    }
    current.value = current.value.plus(amount);
    addEntry.run(hubId, memberId, account, recorded.position, at, recorded.type, counterparty, memo, reference, amountText, current.value.toFixed(scale));
  }

  /** Hours leave `from` and reach `to`: two lines, one event. */
  function postTransfer(recorded: RecordedEvent, hubId: string, from: string, to: string, hoursText: string, at: string, memo: string | null, reference: string) {
    const hours = new Decimal(hoursText);
    // text already at its scale is the line's amount as it stands: no formatting for most of history
    const asRecorded = !hours.isZero() && FIXED_HOURS.test(hoursText);
    const negated = hours.negated();
    post(recorded, hubId, from, 'hours', hourScale, negated, asRecorded ? `-${hoursText}` : negated.toFixed(hourScale), at, to, memo, reference);
    post(recorded, hubId, to, 'hours', hourScale, hours, asRecorded ? hoursText : hours.toFixed(hourScale), at, from, memo, reference);
  }

  return {
    name: 'accounts',
    deferredIndexes: [STATEMENT_INDEX],
    apply(page) {
      balances = new Map(); // a page that failed before may have left its balances behind
      for (const recorded of page) {
        if (TIMEBANK_EVENT_TYPES.has(recorded.type)) postHours(recorded, recorded as unknown as TimeBankEvent);
        else if (POOL_EVENT_TYPES.has(recorded.type)) postMoney(recorded, recorded as unknown as PoolEvent);
      }
      for (const b of balances.values()) setBalance.run(b.hubId, b.memberId, b.account, b.value.toFixed(b.scale));
    },
  };

  function postHours(recorded: RecordedEvent, event: TimeBankEvent): void {
    const hubId = hubOfStream(recorded.streamId)!;
    switch (event.type) {
      case 'HoursPaid': {
        const d = event.data;
        return postTransfer(recorded, hubId, d.fromMemberId, d.toMemberId, d.hours, d.at, d.memo, d.transferId);
      }
      case 'VolunteerHoursPaid': {
        const d = event.data;
        return postTransfer(recorded, hubId, HUB_ACCOUNT, d.memberId, d.hours, d.at, d.description, d.contributionId);
      }
      default: {
        const unhandled: never = event;
        throw new TypeError(`unhandled time-bank event ${(unhandled as { type: string }).type}`);
      }
    }
  }

  // savings: what the member has in the pool; loans: the principal they still owe it
  function postMoney(recorded: RecordedEvent, event: PoolEvent): void {
    const hubId = hubOfStream(recorded.streamId)!;
    const scale = moneyScale(hubId);
    const line = (memberId: string, account: AccountKind, amount: Decimal, memo: string | null, reference: string | null, at: string) =>
      post(recorded, hubId, memberId, account, scale, amount, amount.toFixed(scale), at, null, memo, reference);
    switch (event.type) {
      case 'SavingsDeposited':
        return line(event.data.memberId, 'savings', new Decimal(event.data.amount), 'deposit', null, event.data.at);
      case 'SavingsWithdrawn':
        return line(event.data.memberId, 'savings', new Decimal(event.data.amount).negated(), 'withdrawal', null, event.data.at);
      case 'LoanDisbursed':
        return line(event.data.borrowerId, 'loans', new Decimal(event.data.amount), 'disbursed', event.data.loanId, event.data.at);
      case 'LoanRepaymentReceived': {
        const d = event.data;
        return line(d.borrowerId, 'loans', new Decimal(d.principal).negated(), `repaid ${d.amount}: interest ${d.interest}`, d.loanId, d.at);
      }
      case 'LoanWrittenOff':
        return line(event.data.borrowerId, 'loans', new Decimal(event.data.principal).negated(), 'written off', event.data.loanId, event.data.at);
      case 'LoanApplied':
      case 'LoanApprovalGiven':
      case 'LoanApproved':
      case 'LoanRejected':
      case 'LoanCancelled':
      case 'LoanRepaid':
      case 'LoanWriteOffVoted':
        return; // no money moves
      default: {
        const unhandled: never = event;
        throw new TypeError(`unhandled pool event ${(unhandled as { type: string }).type}`);
      }
    }
  }
}
