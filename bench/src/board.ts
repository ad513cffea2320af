import { join } from 'node:path';
import { hubStream, listingsStream } from '@commons/domain';
import { SqliteEventStore } from '@commons/event-store';
import { DirectoryQueries, ListingQueries, openReadModelDb, rebuildReadModels } from '@commons/projections';
import { APPEND_CHUNK, benchEvent, latencyOf, tempDir } from './measure';

const AT = '2026-01-01T00:00:00.000Z';
const WORDS = ['mower', 'rides', 'canning', 'quilting', 'firewood', 'childcare', 'tutoring', 'fence', 'eggs', 'sewing'];

const event = (type: string, data: unknown) => benchEvent(type, data, AT);

export interface BoardFigures {
  members: number;
  listings: number;
  /** each: the median and the 99th percentile of many answers, in milliseconds */
  directoryPageMs: { p50: number; p99: number };
  directorySearchMs: { p50: number; p99: number };
  boardPageMs: { p50: number; p99: number };
  boardSearchMs: { p50: number; p99: number };
}

/**
 * A hub of `members` members and `listings` open listings, written straight into a store and
 * projected; then the directory and the board are asked, as the API asks them, many times.
 */
export async function boardQueries(members: number, listings: number, rounds = 300): Promise<BoardFigures> {
  const dir = tempDir('board');
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const ids = Array.from({ length: members }, (_, i) => `member-${String(i).padStart(5, '0')}`);
  const categories = WORDS.map((word) => ({ categoryId: word, name: word, retired: false }));
  await store.append(
    hubStream('bench'),
    [
      event('HubCreated', { hubId: 'bench', name: 'Bench', currency: 'USD', timeBank: { defaultCreditLimit: '10.00', maxBalance: null, hubAccountLimit: '1000.00' }, pool: { approvalQuorum: 2, reserveRatio: '0' }, at: AT }),
      ...ids.map((memberId, i) => event('MemberEnrolled', { memberId, displayName: `${WORDS[i % WORDS.length]} neighbour ${i}`, roles: ['member'], creditLimit: null, tokenHash: `h-${memberId}`, at: AT })),
      event('CategoriesSet', { categories, setBy: 'admin', at: AT }),
    ],
    { expectedRevision: 'no_stream' },
  );
  for (let written = 0; written < listings; written += APPEND_CHUNK) {
    const chunk = Array.from({ length: Math.min(APPEND_CHUNK, listings - written) }, (_, k) => {
      const i = written + k;
      const word = WORDS[i % WORDS.length];
      return event('ListingPosted', {
        listingId: `l-${i}`, memberId: ids[(i * 7919) % members], kind: i % 3 ? 'offer' : 'need', title: `${word} help ${i}`,
        description: `Can do ${word} on weekends`, categoryId: word, hours: null, expiresAt: '2099-01-01T00:00:00.000Z', postedBy: ids[(i * 7919) % members], at: AT,
      });
    });
    await store.append(listingsStream('bench'), chunk, { expectedRevision: 'any' });
  }
  const db = openReadModelDb(join(dir, 'read-models.sqlite'));
  await rebuildReadModels(store, db, await store.headPosition());
  const directory = new DirectoryQueries(db);
  const board = new ListingQueries(db);
  const now = '2026-06-01T00:00:00.000Z';
  const time = (ask: (i: number) => unknown) => {
    const samples: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      const started = process.hrtime.bigint();
      ask(i);
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const { p50, p99 } = latencyOf(samples, 2);
    return { p50, p99 };
  };
  const directoryPage = (i: number) => {
    const page = directory.directory({ hubId: 'bench', limit: 50, withContact: true, after: i % 2 ? { displayName: 'fence neighbour 7', memberId: 'member-00007' } : undefined });
    board.openListingsOf('bench', page.map((entry) => entry.memberId), now);
  };
  const figures: BoardFigures = {
    members,
    listings,
    directoryPageMs: time(directoryPage),
    directorySearchMs: time((i) => directory.directory({ hubId: 'bench', q: `neighbour ${i * 37 % members}`, limit: 50, withContact: true })),
    boardPageMs: time((i) => board.listings({ hubId: 'bench', at: now, limit: 50, after: i % 2 ? listings - 1000 : undefined })),
    boardSearchMs: time((i) => board.listings({ hubId: 'bench', at: now, q: WORDS[i % WORDS.length], kind: 'offer', limit: 50 })),
  };
  db.close();
  await store.close();
  return figures;
}
