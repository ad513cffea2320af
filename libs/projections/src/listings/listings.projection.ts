import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import { hubOfStream, isListingEvent, toDomainEvent } from '@commons/domain';
import { RecordedEvent } from '@commons/event-store';
import { Projection, eventByEvent } from '../projection';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS listings (
  hub_id TEXT NOT NULL, listing_id TEXT NOT NULL, position INTEGER NOT NULL, member_id TEXT NOT NULL,
  kind TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL, category_id TEXT NOT NULL, hours TEXT,
  closed INTEGER NOT NULL DEFAULT 0, posted_at TEXT NOT NULL, expires_at TEXT NOT NULL,
  hours_exchanged TEXT NOT NULL DEFAULT '0',
  PRIMARY KEY (hub_id, listing_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS listings_by_position ON listings (hub_id, position);
CREATE INDEX IF NOT EXISTS listings_by_member ON listings (hub_id, member_id, position);
`;

/** The hub's board of offers and needs, newest first, for browsing and search. */
export function listingsProjection(db: Database.Database): Projection {
  db.exec(SCHEMA);
  const insert = db.prepare(
    `INSERT INTO listings (hub_id, listing_id, position, member_id, kind, title, description, category_id, hours, posted_at, expires_at)
     VALUES (@hubId, @listingId, @position, @memberId, @kind, @title, @description, @categoryId, @hours, @at, @expiresAt)`,
  );
  const change = db.prepare(
    `UPDATE listings SET title = coalesce(@title, title), description = coalesce(@description, description),
       category_id = coalesce(@categoryId, category_id), hours = CASE WHEN @hasHours THEN @hours ELSE hours END
     WHERE hub_id = @hubId AND listing_id = @listingId`,
  );
  const close = db.prepare('UPDATE listings SET closed = 1 WHERE hub_id = ? AND listing_id = ?');
  const exchanged = db.prepare<[string, string]>('SELECT hours_exchanged FROM listings WHERE hub_id = ? AND listing_id = ?').pluck();
  const setExchanged = db.prepare('UPDATE listings SET hours_exchanged = ? WHERE hub_id = ? AND listing_id = ?');
  // hours paid naming a listing, less those reversed: what the listing has brought
  const addHours = (hubId: string, listingId: string | undefined, hours: Decimal) => {
    if (listingId === undefined) return;
    const before = exchanged.get(hubId, listingId) as string | undefined;
    if (before !== undefined) setExchanged.run(new Decimal(before).plus(hours).toString(), hubId, listingId);
  };
  return eventByEvent('listings', (recorded: RecordedEvent) => {
    const event = toDomainEvent(recorded);
    const hubId = hubOfStream(recorded.streamId)!;
    if (event.type === 'HoursPaid') return addHours(hubId, event.data.listingId, new Decimal(event.data.hours));
    if (event.type === 'EntryReversed' && event.data.entry.type === 'HoursPaid') {
      return addHours(hubId, event.data.entry.data.listingId, new Decimal(event.data.entry.data.hours).negated());
    }
    if (!isListingEvent(event)) return;
    switch (event.type) {
      case 'ListingPosted':
        insert.run({ ...event.data, hubId, position: recorded.position });
        return;
      case 'ListingChanged': {
        const d = event.data;
        change.run({
          hubId,
          listingId: d.listingId,
          title: d.title ?? null,
          description: d.description ?? null,
          categoryId: d.categoryId ?? null,
          hasHours: 'hours' in d ? 1 : 0,
          hours: d.hours ?? null,
        });
        return;
      }
      case 'ListingClosed':
        close.run(hubId, event.data.listingId);
        return;
      default: {
        const unhandled: never = event;
        throw new TypeError(`unknown listing event ${(unhandled as { type: string }).type}`);
      }
    }
  });
}
