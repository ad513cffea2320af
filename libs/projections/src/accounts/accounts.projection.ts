import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import { HOUR, TimeBankEvent, TIMEBANK_EVENT_TYPES, hubOfStream, scaleOf } from '@commons/domain';
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
  amount TEXT NOT NULL, balance_after TEXT NOT NULL,
  PRIMARY KEY (hub_id, member_id, account, position)
) WITHOUT ROWID;
`;

/** Each member's balances and the statement lines behind them, with a running balance. */
export function accountsProjection(db: Database.Database): Projection {
  db.exec(SCHEMA);
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

  function post(
    recorded: RecordedEvent,
    line: { hubId: string; memberId: string; account: AccountKind; amount: Decimal; scale: number; at: string;
      counterparty: string | null; memo: string | null; reference: string | null },
  ) {
    const before = balance.get(line.hubId, line.memberId, line.account)?.balance ?? '0';
    const after = new Decimal(before).plus(line.amount).toFixed(line.scale);
    setBalance.run(line.hubId, line.memberId, line.account, after);
    addEntry.run(line.hubId, line.memberId, line.account, recorded.position, line.at, recorded.type,
      line.counterparty, line.memo, line.reference, line.amount.toFixed(line.scale), after);
  }

  return {
    name: 'accounts',
    apply(recorded: RecordedEvent) {
      if (!TIMEBANK_EVENT_TYPES.has(recorded.type)) return;
      const hubId = hubOfStream(recorded.streamId)!;
      const event = recorded as unknown as TimeBankEvent;
      switch (event.type) {
        case 'HoursPaid': {
          const d = event.data;
          const hours = new Decimal(d.hours);
          const common = { hubId, account: 'hours' as const, scale: hourScale, at: d.at, memo: d.memo, reference: d.transferId };
          post(recorded, { ...common, memberId: d.fromMemberId, amount: hours.negated(), counterparty: d.toMemberId });
          post(recorded, { ...common, memberId: d.toMemberId, amount: hours, counterparty: d.fromMemberId });
          return;
        }
        default: {
          const unhandled: never = event.type;
          throw new TypeError(`unhandled time-bank event ${String(unhandled)}`);
        }
      }
    },
  };
}
