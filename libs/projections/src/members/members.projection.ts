import Database from 'better-sqlite3';
import { hubOfStream, isHubEvent, toDomainEvent } from '@commons/domain';
import { RecordedEvent } from '@commons/event-store';
import { Projection, eventByEvent } from '../projection';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS hubs (
  hub_id TEXT PRIMARY KEY, name TEXT NOT NULL, currency TEXT NOT NULL,
  default_credit_limit TEXT NOT NULL, max_balance TEXT, hub_account_limit TEXT NOT NULL,
  approval_quorum INTEGER NOT NULL, reserve_ratio TEXT NOT NULL, created_at TEXT NOT NULL, warn_at TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS members (
  hub_id TEXT NOT NULL, member_id TEXT NOT NULL, display_name TEXT NOT NULL, roles TEXT NOT NULL,
  credit_limit TEXT, status TEXT NOT NULL, enrolled_at TEXT NOT NULL,
  about TEXT, contact TEXT, show_balance INTEGER NOT NULL DEFAULT 0, assisted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (hub_id, member_id)
) WITHOUT ROWID;
-- the directory pages by name: this index is its order, so a page is a range read
CREATE INDEX IF NOT EXISTS members_by_name ON members (hub_id, lower(display_name), member_id);
CREATE TABLE IF NOT EXISTS categories (
  hub_id TEXT NOT NULL, category_id TEXT NOT NULL, name TEXT NOT NULL, retired INTEGER NOT NULL, ordinal INTEGER NOT NULL,
  PRIMARY KEY (hub_id, category_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS credit_limit_history (
  hub_id TEXT NOT NULL, member_id TEXT NOT NULL, position INTEGER NOT NULL, at TEXT NOT NULL, credit_limit TEXT,
  PRIMARY KEY (hub_id, member_id, position)
) WITHOUT ROWID;
`;

/** Hubs and their members as the read side shows them, with each member's limit over time. */
export function membersProjection(db: Database.Database): Projection {
  db.exec(SCHEMA);
  const insertHub = db.prepare(
    `INSERT INTO hubs (hub_id, name, currency, default_credit_limit, max_balance, hub_account_limit, approval_quorum, reserve_ratio, created_at, warn_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setWarnAt = db.prepare('UPDATE hubs SET warn_at = ? WHERE hub_id = ?');
  const insertMember = db.prepare(
    `INSERT INTO members (hub_id, member_id, display_name, roles, credit_limit, status, enrolled_at)
     VALUES (?, ?, ?, ?, ?, 'active', ?)`,
  );
  const setRoles = db.prepare('UPDATE members SET roles = ? WHERE hub_id = ? AND member_id = ?');
  const setLimit = db.prepare('UPDATE members SET credit_limit = ? WHERE hub_id = ? AND member_id = ?');
  const setStatus = db.prepare('UPDATE members SET status = ? WHERE hub_id = ? AND member_id = ?');
  const setProfile = db.prepare(
    `UPDATE members SET display_name = coalesce(@displayName, display_name),
       about = CASE WHEN @hasAbout THEN @about ELSE about END,
       contact = CASE WHEN @hasContact THEN @contact ELSE contact END,
       show_balance = coalesce(@showBalance, show_balance)
     WHERE hub_id = @hubId AND member_id = @memberId`,
  );
  const setAssisted = db.prepare('UPDATE members SET assisted = ? WHERE hub_id = ? AND member_id = ?');
  const clearCategories = db.prepare('DELETE FROM categories WHERE hub_id = ?');
  const insertCategory = db.prepare('INSERT INTO categories (hub_id, category_id, name, retired, ordinal) VALUES (?, ?, ?, ?, ?)');
  const recordLimit = db.prepare(
    'INSERT INTO credit_limit_history (hub_id, member_id, position, at, credit_limit) VALUES (?, ?, ?, ?, ?)',
  );

  return eventByEvent('members', (recorded: RecordedEvent) => {
    const event = toDomainEvent(recorded);
    if (!isHubEvent(event)) return;
    const hubId = hubOfStream(recorded.streamId)!;
    switch (event.type) {
      case 'HubCreated': {
        const d = event.data;
        insertHub.run(hubId, d.name, d.currency, d.timeBank.defaultCreditLimit, d.timeBank.maxBalance, d.timeBank.hubAccountLimit,
          d.pool.approvalQuorum, d.pool.reserveRatio, d.at, d.timeBank.warnAt ?? null);
        return;
      }
      case 'MemberEnrolled': {
        const d = event.data;
        insertMember.run(hubId, d.memberId, d.displayName, JSON.stringify(d.roles), d.creditLimit, d.at);
        recordLimit.run(hubId, d.memberId, recorded.position, d.at, d.creditLimit);
        return;
      }
      case 'MemberRolesChanged':
        setRoles.run(JSON.stringify(event.data.roles), hubId, event.data.memberId);
        return;
      case 'MemberCreditLimitChanged':
        setLimit.run(event.data.creditLimit, hubId, event.data.memberId);
        recordLimit.run(hubId, event.data.memberId, recorded.position, event.data.at, event.data.creditLimit);
        return;
      case 'MemberSuspended':
        setStatus.run('suspended', hubId, event.data.memberId);
        return;
      case 'MemberReactivated':
        setStatus.run('active', hubId, event.data.memberId);
        return;
      case 'MemberTokenRotated':
        return; // tokens live only in the hub stream, as hashes
      case 'MemberProfileChanged': {
        const d = event.data;
        setProfile.run({
          hubId,
          memberId: d.memberId,
          displayName: d.displayName ?? null,
          hasAbout: 'about' in d ? 1 : 0,
          about: d.about ?? null,
          hasContact: 'contact' in d ? 1 : 0,
          contact: d.contact ?? null,
          showBalance: d.showBalance === undefined ? null : d.showBalance ? 1 : 0,
        });
        return;
      }
      case 'MemberAssistanceChanged':
        setAssisted.run(event.data.assisted ? 1 : 0, hubId, event.data.memberId);
        return;
      case 'CategoriesSet':
        clearCategories.run(hubId);
        event.data.categories.forEach((category, i) => insertCategory.run(hubId, category.categoryId, category.name, category.retired ? 1 : 0, i));
        return;
      case 'HubSettingsChanged':
        if (event.data.warnAt !== undefined) setWarnAt.run(event.data.warnAt, hubId);
        return;
      case 'ProjectCreated':
      case 'AidPolicyChanged':
      case 'MemberChangeProposed':
      case 'MemberChangeConfirmed':
      case 'MemberChangeRejected':
      case 'TimeBankImported': // its members and balances come as their own events
        return; // read from the hub stream itself (the hub's settings, the project report, changes awaiting a second officer)
      default: {
        const unhandled: never = event;
        throw new TypeError(`unhandled hub event ${(unhandled as { type: string }).type}`);
      }
    }
  });
}
