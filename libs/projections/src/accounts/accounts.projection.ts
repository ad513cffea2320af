import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import {
  EntryReversed,
  HOUR,
  HUB_ACCOUNT,
  PoolEntry,
  TimeBankEntry,
  fixedAt,
  hubOfStream,
  isPoolEntry,
  isTimeBankEntry,
  scaleOf,
  toDomainEvent,
} from '@commons/domain';
import { RecordedEvent } from '@commons/event-store';
import { Projection } from '../projection';

export type AccountKind = 'hours' | 'savings' | 'loans';

// One row per event that moves value, naming the account it leaves and the one it reaches, each
// with its balance after: a payment is one row, not a line per member (replay writes half as much).
// A group exchange is one event of many payments: a row for each, numbered by `line` from 0.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  account_key INTEGER PRIMARY KEY,
  hub_id TEXT NOT NULL, member_id TEXT NOT NULL, account TEXT NOT NULL, balance TEXT NOT NULL,
  UNIQUE (hub_id, member_id, account)
);
CREATE TABLE IF NOT EXISTS movements (
  position INTEGER NOT NULL, line INTEGER NOT NULL,
  at TEXT NOT NULL, type TEXT NOT NULL, memo TEXT, reference TEXT, amount TEXT NOT NULL,
  from_account INTEGER, from_balance TEXT,
  to_account INTEGER, to_balance TEXT,
  category_id TEXT, listing_id TEXT,
  PRIMARY KEY (position, line)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS reversal_links (
  original_position INTEGER PRIMARY KEY, reversal_position INTEGER NOT NULL UNIQUE, reversal_id TEXT NOT NULL, at TEXT NOT NULL
);
`;
// a member's statement reads both indexes in position order; a rebuild creates them after loading
const MOVEMENT_INDEXES = [
  { name: 'movements_from', sql: 'CREATE INDEX IF NOT EXISTS movements_from ON movements (from_account, position, line)' },
  { name: 'movements_to', sql: 'CREATE INDEX IF NOT EXISTS movements_to ON movements (to_account, position, line)' },
];

const AMOUNT_CACHE_SIZE = 1_000; // distinct hour amounts remembered at once

interface Account {
  key: number;
  scale: number;
  balance: Decimal;
}

/** Each member's balances, and every movement of hours or money with the balances after it. */
export function accountsProjection(db: Database.Database): Projection {
  db.exec(SCHEMA);
  for (const index of MOVEMENT_INDEXES) db.exec(index.sql);
  const find = db.prepare<[string, string, string], { account_key: number; balance: string }>(
    'SELECT account_key, balance FROM accounts WHERE hub_id = ? AND member_id = ? AND account = ?',
  );
  const openAccount = db.prepare<[string, string, string, string]>('INSERT INTO accounts (hub_id, member_id, account, balance) VALUES (?, ?, ?, ?)');
  const setBalance = db.prepare<[string, number]>('UPDATE accounts SET balance = ? WHERE account_key = ?');
  const addMovement = db.prepare(
    `INSERT INTO movements (position, line, at, type, memo, reference, amount, from_account, from_balance, to_account, to_balance, category_id, listing_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const link = db.prepare('INSERT INTO reversal_links (original_position, reversal_position, reversal_id, at) VALUES (?, ?, ?, ?)');
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
  // payments repeat a few amounts ("1.00", "2.50"): each is parsed and written at its scale once
  const amounts = new Map<string, { value: Decimal; text: string }>();
  const amountOf = (recorded: string, scale: number) => {
    let amount = amounts.get(recorded);
    if (amount === undefined) {
      if (amounts.size >= AMOUNT_CACHE_SIZE) amounts.clear();
      const value = new Decimal(recorded);
      amount = { value, text: fixedAt(value, scale) };
      amounts.set(recorded, amount);
    }
    return amount;
  };

  // the accounts a transaction touches, read once and written once at its end; keyed by hub,
  // kind and member in nested maps, not a joined string per lookup (two lookups a payment)
  let touched = new Map<string, Map<AccountKind, Map<string, Account>>>();
  const accountOf = (hubId: string, memberId: string, account: AccountKind, scale: number): Account => {
    let ofHub = touched.get(hubId);
    if (ofHub === undefined) touched.set(hubId, (ofHub = new Map()));
    let ofKind = ofHub.get(account);
    if (ofKind === undefined) ofHub.set(account, (ofKind = new Map()));
    let found = ofKind.get(memberId);
    if (found === undefined) {
      const row = find.get(hubId, memberId, account);
      found = row
        ? { key: row.account_key, scale, balance: new Decimal(row.balance) }
        : { key: Number(openAccount.run(hubId, memberId, account, fixedAt(new Decimal(0), scale)).lastInsertRowid), scale, balance: new Decimal(0) };
      ofKind.set(memberId, found);
    }
    return found;
  };

  /** What a movement says beside its amount: its memo, its reference, and for hours the kind of help and the listing. */
  interface Note {
    at: string;
    memo: string | null;
    reference: string | null;
    categoryId?: string;
    listingId?: string;
    /** the payment's place within its event: 0 but for a group exchange's */
    line?: number;
  }

  /** `amount` (positive, at its scale) leaves `from` and reaches `to`; either may be outside the ledger (null). */
  function move(recorded: RecordedEvent, note: Note, amount: Decimal, amountText: string, from: Account | null, to: Account | null) {
    let fromBalance: string | null = null;
    let toBalance: string | null = null;
    if (from) {
      from.balance = from.balance.minus(amount);
      fromBalance = fixedAt(from.balance, from.scale);
    }
    if (to) {
      to.balance = to.balance.plus(amount);
      toBalance = fixedAt(to.balance, to.scale);
    }
    addMovement.run(
      recorded.position, note.line ?? 0, note.at, recorded.type, note.memo, note.reference, amountText,
      from?.key ?? null, fromBalance, to?.key ?? null, toBalance, note.categoryId ?? null, note.listingId ?? null,
    );
  }

  function payHours(recorded: RecordedEvent, hubId: string, from: string, to: string, hoursText: string, note: Note) {
    const hours = amountOf(hoursText, hourScale);
    move(recorded, note, hours.value, hours.text, accountOf(hubId, from, 'hours', hourScale), accountOf(hubId, to, 'hours', hourScale));
  }

  return {
    name: 'accounts',
    deferredIndexes: MOVEMENT_INDEXES,
    begin() {
      touched = new Map(); // a transaction that rolled back may have left its accounts behind
    },
    apply(page) {
      for (const recorded of page) {
        const event = toDomainEvent(recorded);
        if (isTimeBankEntry(event)) postHours(recorded, event);
        else if (isPoolEntry(event)) postMoney(recorded, event);
        else if (event.type === 'EntryReversed') postReversal(recorded, event);
      }
    },
    finish() {
      for (const ofHub of touched.values()) {
        for (const ofKind of ofHub.values()) {
          for (const account of ofKind.values()) setBalance.run(fixedAt(account.balance, account.scale), account.key);
        }
      }
    },
  };

  function postHours(recorded: RecordedEvent, event: TimeBankEntry): void {
    const hubId = hubOfStream(recorded.streamId)!;
    switch (event.type) {
      case 'HoursPaid': {
        const { fromMemberId, toMemberId, hours, at, memo, transferId, categoryId, listingId } = event.data;
        return payHours(recorded, hubId, fromMemberId, toMemberId, hours, { at, memo, reference: transferId, categoryId, listingId });
      }
      case 'GroupHoursPaid': {
        const { payments, at, memo, groupId, categoryId } = event.data;
        payments.forEach((payment, line) =>
          payHours(recorded, hubId, payment.fromMemberId, payment.toMemberId, payment.hours, { at, memo, reference: groupId, categoryId, line }),
        );
        return;
      }
      case 'VolunteerHoursPaid': {
        const d = event.data;
        return payHours(recorded, hubId, HUB_ACCOUNT, d.memberId, d.hours, { at: d.at, memo: d.description, reference: d.contributionId });
      }
      default: {
        const unhandled: never = event;
        throw new TypeError(`unhandled time-bank event ${(unhandled as { type: string }).type}`);
      }
    }
  }

  // savings: what the member has in the pool; loans: the principal they still owe it
  // one member account on one side; the other side is outside the ledger
  function line(
    recorded: RecordedEvent, way: 'into' | 'outOf', memberId: string, account: AccountKind, amountText: string,
    memo: string | null, reference: string | null, at: string,
  ): void {
    const hubId = hubOfStream(recorded.streamId)!;
    const scale = moneyScale(hubId);
    const amount = new Decimal(amountText);
    const member = accountOf(hubId, memberId, account, scale);
    move(recorded, { at, memo, reference }, amount, fixedAt(amount, scale), way === 'outOf' ? member : null, way === 'into' ? member : null);
  }

  /** The compensating line: the original's amounts the other way, linked to the original line. */
  function postReversal(recorded: RecordedEvent, event: EntryReversed): void {
    const { reversalId, entry, reason, at } = event.data;
    const hubId = hubOfStream(recorded.streamId)!;
    const memo = `reversal: ${reason}`;
    switch (entry.type) {
      case 'HoursPaid': {
        const { categoryId, listingId } = entry.data;
        payHours(recorded, hubId, entry.data.toMemberId, entry.data.fromMemberId, entry.data.hours, { at, memo, reference: reversalId, categoryId, listingId });
        break;
      }
      case 'GroupHoursPaid': {
        const { categoryId } = entry.data;
        entry.data.payments.forEach((payment, line) =>
          payHours(recorded, hubId, payment.toMemberId, payment.fromMemberId, payment.hours, { at, memo, reference: reversalId, categoryId, line }),
        );
        break;
      }
      case 'VolunteerHoursPaid':
        payHours(recorded, hubId, entry.data.memberId, HUB_ACCOUNT, entry.data.hours, { at, memo, reference: reversalId });
        break;
      case 'SavingsDeposited':
        line(recorded, 'outOf', entry.data.memberId, 'savings', entry.data.amount, memo, reversalId, at);
        break;
      case 'SavingsWithdrawn':
        line(recorded, 'into', entry.data.memberId, 'savings', entry.data.amount, memo, reversalId, at);
        break;
      case 'LoanRepaymentReceived':
        line(recorded, 'into', entry.data.borrowerId, 'loans', entry.data.principal, memo, entry.data.loanId, at);
        break;
      default:
        return; // contributions and aid post no statement line: nothing to link
    }
    link.run(entry.position, recorded.position, reversalId, at);
  }

  function postMoney(recorded: RecordedEvent, event: PoolEntry): void {
    const into = (memberId: string, account: AccountKind, amount: string, memo: string | null, reference: string | null, at: string) =>
      line(recorded, 'into', memberId, account, amount, memo, reference, at);
    const outOf = (memberId: string, account: AccountKind, amount: string, memo: string | null, reference: string | null, at: string) =>
      line(recorded, 'outOf', memberId, account, amount, memo, reference, at);
    switch (event.type) {
      case 'SavingsDeposited':
        return into(event.data.memberId, 'savings', event.data.amount, 'deposit', null, event.data.at);
      case 'SavingsWithdrawn':
        return outOf(event.data.memberId, 'savings', event.data.amount, 'withdrawal', null, event.data.at);
      case 'LoanDisbursed':
        return into(event.data.borrowerId, 'loans', event.data.amount, 'disbursed', event.data.loanId, event.data.at);
      case 'LoanRepaymentReceived': {
        const d = event.data;
        return outOf(d.borrowerId, 'loans', d.principal, `repaid ${d.amount}: interest ${d.interest}`, d.loanId, d.at);
      }
      case 'LoanWrittenOff':
        return outOf(event.data.borrowerId, 'loans', event.data.principal, 'written off', event.data.loanId, event.data.at);
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
