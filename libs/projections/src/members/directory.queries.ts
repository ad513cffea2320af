import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import { HOUR, fixedAt, scaleOf } from '@commons/domain';

export const DIRECTORY_PAGE_MAX = 200;

export interface DirectoryEntry {
  memberId: string;
  displayName: string;
  about?: string;
  roles: string[];
  /** only for a reader who is a member of the hub (or the admin) */
  contact?: string;
  /** only when the member chose to show it */
  hours?: { balance: string };
}

export interface CategoryView {
  categoryId: string;
  name: string;
  retired: boolean;
}

/** The hub's directory of active members and its categories, from the members read model. */
export class DirectoryQueries {
  private readonly page;
  private readonly categoryRows;

  constructor(db: Database.Database) {
    // names matched without regard to case; ordered by name, then id, so a page ends where the next begins
    this.page = db.prepare<
      { hubId: string; q: string | null; afterName: string | null; afterId: string | null; limit: number },
      { member_id: string; display_name: string; about: string | null; roles: string; contact: string | null; show_balance: number; balance: string | null }
    >(
      `SELECT m.member_id, m.display_name, m.about, m.roles, m.contact, m.show_balance, a.balance
       FROM members m LEFT JOIN accounts a ON a.hub_id = m.hub_id AND a.member_id = m.member_id AND a.account = 'hours'
       WHERE m.hub_id = @hubId AND m.status = 'active'
         AND (@q IS NULL OR instr(lower(m.display_name), lower(@q)) > 0 OR instr(lower(m.member_id), lower(@q)) > 0)
         AND (@afterName IS NULL OR (lower(m.display_name), m.member_id) > (lower(@afterName), @afterId))
       ORDER BY lower(m.display_name), m.member_id
       LIMIT @limit`,
    );
    this.categoryRows = db.prepare<[string], { category_id: string; name: string; retired: number }>(
      'SELECT category_id, name, retired FROM categories WHERE hub_id = ? ORDER BY ordinal',
    );
  }

  /**
   * One page of active members whose name (or id) holds `q`. `after` is the last entry of the
   * previous page, as `next` gave it. Balances only where the member chose `showBalance`.
   */
  directory(args: { hubId: string; q?: string; after?: { displayName: string; memberId: string }; limit: number; withContact: boolean }): DirectoryEntry[] {
    const rows = this.page.all({
      hubId: args.hubId,
      q: args.q ?? null,
      afterName: args.after?.displayName ?? null,
      afterId: args.after?.memberId ?? null,
      limit: Math.min(args.limit, DIRECTORY_PAGE_MAX),
    });
    return rows.map((row) => ({
      memberId: row.member_id,
      displayName: row.display_name,
      ...(row.about === null ? {} : { about: row.about }),
      roles: JSON.parse(row.roles) as string[],
      ...(args.withContact && row.contact !== null ? { contact: row.contact } : {}),
      ...(row.show_balance === 1 ? { hours: { balance: fixedAt(new Decimal(row.balance ?? 0), scaleOf(HOUR)) } } : {}),
    }));
  }

  categories(hubId: string): CategoryView[] {
    return this.categoryRows.all(hubId).map((row) => ({ categoryId: row.category_id, name: row.name, retired: row.retired === 1 }));
  }
}
