import { join } from 'node:path';
import { Ledger, PayHoursHandler, PayHoursCommand } from '@commons/application';
import { EventStore, SqliteEventStore } from '@commons/event-store';
import { hubStream } from '@commons/domain';
import { perSecond, tempDir } from './measure';

const IN_FLIGHT = 64;

export async function seedHub(ledger: Ledger, members: number): Promise<string[]> {
  const ids = Array.from({ length: members }, (_, i) => `member-${String(i).padStart(4, '0')}`);
  const at = new Date().toISOString();
  await ledger.hubs.execute(hubStream('bench'), {
    context: { actor: 'admin', correlationId: 'seed', at },
    decide: () => [
      {
        type: 'HubCreated',
        data: { hubId: 'bench', name: 'Bench', currency: 'USD', timeBank: { defaultCreditLimit: '100000.00', maxBalance: null, hubAccountLimit: '1000.00' }, pool: { approvalQuorum: 2, reserveRatio: '0' }, at },
      },
      ...ids.map((memberId) => ({
        type: 'MemberEnrolled',
        data: { memberId, displayName: memberId, roles: ['member'], creditLimit: null, tokenHash: `bench-${memberId}`, at },
      })),
    ],
    respond: () => undefined,
  });
  return ids;
}

/**
 * Durable time-bank payments through the real handler and store (decide, group commit, fsync),
 * `IN_FLIGHT` at a time. `pick` chooses each payment's payer and payee.
 */
export async function inProcessTransfers(
  total: number,
  members: number,
  pick: (i: number, ids: string[]) => [string, string],
  openStore: () => Promise<EventStore> = async () => new SqliteEventStore({ file: join(tempDir('transfers'), 'events.sqlite') }),
): Promise<number> {
  const store = await openStore();
  const ledger = new Ledger(store);
  const ids = await seedHub(ledger, members);
  const handler = new PayHoursHandler(ledger);
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < total) {
        const i = next++;
        const [fromMemberId, toMemberId] = pick(i, ids);
        await handler.execute(
          new PayHoursCommand('bench', `t-${i}`, { fromMemberId, toMemberId, hours: '0.25', memo: 'bench' }, {
            actor: fromMemberId,
            correlationId: `c-${i}`,
            at: new Date().toISOString(),
          }),
        );
      }
    }),
  );
  const rate = perSecond(total, started);
  await store.close();
  return rate;
}

export const randomPair = (i: number, ids: string[]): [string, string] => {
  const from = (i * 7919) % ids.length;
  const to = (from + 1 + ((i * 104729) % (ids.length - 1))) % ids.length;
  return [ids[from], ids[to]];
};

export const hotPair = (i: number, ids: string[]): [string, string] => (i % 2 ? [ids[0], ids[1]] : [ids[1], ids[0]]);
