import Database from 'better-sqlite3';
import { RecordedEntry, groupHours, hubOfStream, isReversalEvent, reversalTerms, toDomainEvent } from '@commons/domain';
import { RecordedEvent } from '@commons/event-store';
import { Projection, eventByEvent } from '../projection';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS reversals (
  hub_id TEXT NOT NULL, reversal_id TEXT NOT NULL, position INTEGER NOT NULL, stream_id TEXT NOT NULL,
  original_position INTEGER NOT NULL, original_type TEXT NOT NULL, amount TEXT NOT NULL, unit TEXT NOT NULL,
  parties TEXT NOT NULL, lowers TEXT, raises TEXT NOT NULL, officer TEXT NOT NULL, proposed_by TEXT NOT NULL, reason TEXT NOT NULL, proposed_at TEXT NOT NULL,
  status TEXT NOT NULL, decided_by TEXT, decided_at TEXT, decision_note TEXT, applied_position INTEGER,
  PRIMARY KEY (hub_id, reversal_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS reversals_by_position ON reversals (hub_id, position);
CREATE TABLE IF NOT EXISTS reversal_parties (
  hub_id TEXT NOT NULL, member_id TEXT NOT NULL, position INTEGER NOT NULL, reversal_id TEXT NOT NULL,
  PRIMARY KEY (hub_id, member_id, position)
) WITHOUT ROWID;
`;

/** What a reversal moves back, and in which unit: the original's own amount. */
export function reversedAmount(entry: RecordedEntry): { amount: string; unit: 'hours' | 'money' | 'goods' } {
  switch (entry.type) {
    case 'HoursPaid':
    case 'VolunteerHoursPaid':
      return { amount: entry.data.hours, unit: 'hours' };
    case 'GroupHoursPaid':
      return { amount: groupHours(entry.data.payments).toString(), unit: 'hours' };
    case 'InKindContributed':
      return { amount: entry.data.quantity, unit: 'goods' };
    default:
      return { amount: entry.data.amount, unit: 'money' };
  }
}

/** Every proposed reversal with what became of it: the queue officers and parties read. */
export function reversalsProjection(db: Database.Database): Projection {
  db.exec(SCHEMA);
  const insert = db.prepare(
    `INSERT INTO reversals (hub_id, reversal_id, position, stream_id, original_position, original_type, amount, unit, parties,
       lowers, raises, officer, proposed_by, reason, proposed_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed')`,
  );
  const party = db.prepare('INSERT OR IGNORE INTO reversal_parties (hub_id, member_id, position, reversal_id) VALUES (?, ?, ?, ?)');
  const decide = db.prepare(
    `UPDATE reversals SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, applied_position = ?
     WHERE hub_id = ? AND reversal_id = ?`,
  );
  return eventByEvent('reversals', (recorded: RecordedEvent) => {
    const event = toDomainEvent(recorded);
    if (!isReversalEvent(event)) return;
    const hubId = hubOfStream(recorded.streamId)!;
    switch (event.type) {
      case 'ReversalProposed': {
        const { reversalId, entry, proposedBy, reason, at } = event.data;
        const { amount, unit } = reversedAmount(entry);
        const { parties, lowers, raises, officer } = reversalTerms(entry);
        insert.run(hubId, reversalId, recorded.position, entry.streamId, entry.position, entry.type, amount, unit,
          JSON.stringify(parties), lowers, JSON.stringify(raises), officer, proposedBy, reason, at);
        for (const memberId of parties) party.run(hubId, memberId, recorded.position, reversalId);
        return;
      }
      case 'ReversalRejected': {
        const d = event.data;
        decide.run('rejected', d.rejectedBy, d.at, d.reason, null, hubId, d.reversalId);
        return;
      }
      case 'EntryReversed': {
        const d = event.data;
        decide.run('applied', d.confirmedBy, d.at, d.note, recorded.position, hubId, d.reversalId);
        return;
      }
      default: {
        const unhandled: never = event;
        throw new TypeError(`unhandled reversal event ${(unhandled as { type: string }).type}`);
      }
    }
  });
}
