import Database from 'better-sqlite3';
import { ThingEvent, ThingRecord, evolveThing, hubOfStream, isThingEvent, thingStandingAt, toDomainEvent } from '@commons/domain';
import { RecordedEvent } from '@commons/event-store';
import { Projection, eventByEvent } from '../projection';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS things (
  hub_id TEXT NOT NULL, thing_id TEXT NOT NULL, position INTEGER NOT NULL,
  name TEXT NOT NULL, description TEXT NOT NULL, category_id TEXT, owner TEXT NOT NULL,
  -- the thing as the decider folds it (evolveThing), read at a moment by thingStandingAt
  record TEXT NOT NULL,
  -- ready: neither out, in repair nor retired; free_from: when the last queued turn ends
  state TEXT NOT NULL, free_from TEXT, borrower_id TEXT, due_at TEXT,
  PRIMARY KEY (hub_id, thing_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS things_by_position ON things (hub_id, position);
CREATE INDEX IF NOT EXISTS things_due ON things (hub_id, due_at) WHERE due_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS things_by_borrower ON things (hub_id, borrower_id) WHERE borrower_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS thing_holds (
  hub_id TEXT NOT NULL, member_id TEXT NOT NULL, thing_id TEXT NOT NULL, hold_id TEXT NOT NULL, placed_at TEXT NOT NULL,
  PRIMARY KEY (hub_id, member_id, thing_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS thing_history (
  hub_id TEXT NOT NULL, thing_id TEXT NOT NULL, position INTEGER NOT NULL, kind TEXT NOT NULL,
  member_id TEXT, by_id TEXT NOT NULL, at TEXT NOT NULL, due_at TEXT, condition TEXT, note TEXT,
  deposit TEXT, deposit_returned INTEGER, hours TEXT,
  PRIMARY KEY (hub_id, thing_id, position)
) WITHOUT ROWID;
`;

/** The hub's things, their queues and their histories: the catalogue, a member's loans and holds, the overdue list. */
export function thingsProjection(db: Database.Database): Projection {
  db.exec(SCHEMA);
  const load = db.prepare<[string, string], string>('SELECT record FROM things WHERE hub_id = ? AND thing_id = ?').pluck();
  const save = db.prepare(
    `INSERT INTO things (hub_id, thing_id, position, name, description, category_id, owner, record, state, free_from, borrower_id, due_at)
     VALUES (@hubId, @thingId, @position, @name, @description, @categoryId, @owner, @record, @state, @freeFrom, @borrowerId, @dueAt)
     ON CONFLICT (hub_id, thing_id) DO UPDATE SET name = excluded.name, description = excluded.description, category_id = excluded.category_id,
       record = excluded.record, state = excluded.state, free_from = excluded.free_from, borrower_id = excluded.borrower_id, due_at = excluded.due_at`,
  );
  const dropHolds = db.prepare('DELETE FROM thing_holds WHERE hub_id = ? AND thing_id = ?');
  const addHold = db.prepare('INSERT INTO thing_holds (hub_id, member_id, thing_id, hold_id, placed_at) VALUES (?, ?, ?, ?, ?)');
  const history = db.prepare(
    `INSERT INTO thing_history (hub_id, thing_id, position, kind, member_id, by_id, at, due_at, condition, note, deposit, deposit_returned, hours)
     VALUES (@hubId, @thingId, @position, @kind, @memberId, @by, @at, @dueAt, @condition, @note, @deposit, @depositReturned, @hours)`,
  );
  return eventByEvent('things', (recorded: RecordedEvent) => {
    const event = toDomainEvent(recorded);
    if (!isThingEvent(event)) return;
    const hubId = hubOfStream(recorded.streamId)!;
    const stored = event.type === 'ThingAdded' ? undefined : load.get(hubId, event.data.thingId);
    const thing = evolveThing(stored === undefined ? undefined : (JSON.parse(stored) as ThingRecord), event);
    const standing = thingStandingAt(thing, event.data.at);
    save.run({
      hubId,
      thingId: thing.thingId,
      position: recorded.position,
      name: thing.name,
      description: thing.description,
      categoryId: thing.categoryId,
      owner: thing.owner,
      record: JSON.stringify(thing),
      state: thing.retired ? 'retired' : thing.loan ? 'on_loan' : thing.inRepair ? 'in_repair' : 'ready',
      freeFrom: standing.freeFrom,
      borrowerId: thing.loan?.memberId ?? null,
      dueAt: thing.loan?.dueAt ?? null,
    });
    dropHolds.run(hubId, thing.thingId);
    for (const hold of thing.holds) addHold.run(hubId, hold.memberId, thing.thingId, hold.holdId, hold.at);
    const line = historyLine(event);
    if (line) history.run({ hubId, thingId: thing.thingId, position: recorded.position, memberId: null, dueAt: null, condition: null, note: null, deposit: null, depositReturned: null, hours: null, at: event.data.at, ...line });
  });
}

/** What a thing's history shows of an event: loans, returns with their condition, repairs, retirement. */
function historyLine(event: ThingEvent): Record<string, unknown> | null {
  switch (event.type) {
    case 'ThingLent':
      return { kind: 'lent', memberId: event.data.memberId, by: event.data.lentBy, dueAt: event.data.dueAt, deposit: event.data.deposit, hours: event.data.hours };
    case 'ThingReturned': {
      const returned = event.data.depositReturned;
      return { kind: 'returned', memberId: event.data.memberId, by: event.data.takenBackBy, condition: event.data.condition, note: event.data.note, depositReturned: returned === null ? null : returned ? 1 : 0 };
    }
    case 'ThingSentToRepair':
      return { kind: 'sent_to_repair', by: event.data.sentBy, note: event.data.note };
    case 'ThingRepaired':
      return { kind: 'repaired', by: event.data.repairedBy, note: event.data.note };
    case 'ThingRetired':
      return { kind: 'retired', by: event.data.retiredBy, note: event.data.note };
    case 'ThingAdded':
      return { kind: 'added', by: event.data.addedBy, memberId: null };
    case 'ThingChanged':
    case 'ThingHeld':
    case 'ThingHoldCancelled':
      return null;
    default: {
      const unhandled: never = event;
      throw new TypeError(`unknown thing event ${(unhandled as { type: string }).type}`);
    }
  }
}
