import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { balanceOf, hubStream, sumOfHours, timeBankDecider, timeBankStream } from '@commons/domain';
import { SqliteEventStore } from '@commons/event-store';
import { CommandContext } from './command-context';
import { KeyReplay } from './key-replay';
import { Ledger } from './ledger';

const context: CommandContext = { actor: 'admin', correlationId: 'c', at: '2026-03-01T00:00:00.000Z' };

async function seedHub(ledger: Ledger, members: string[]): Promise<void> {
  await ledger.hubs.execute(hubStream('h'), {
    context,
    respond: () => undefined,
    decide: () => [
      {
        type: 'HubCreated',
        data: { hubId: 'h', name: 'H', currency: 'USD', timeBank: { defaultCreditLimit: '10.00', maxBalance: null, hubAccountLimit: '1000.00' }, pool: { approvalQuorum: 2, reserveRatio: '0' }, at: context.at },
      },
      ...members.map((memberId) => ({
        type: 'MemberEnrolled',
        data: { memberId, displayName: memberId, roles: ['member'], creditLimit: null, tokenHash: `t-${memberId}`, at: context.at },
      })),
    ],
  });
}

function payment(ledger: Ledger, i: number, from = 'payer', to = 'payee') {
  return ledger.timeBanks.execute(timeBankStream('h'), {
    context,
    respond: () => undefined,
    decide: (state, hub) =>
      // the real decider, with the hub state the Ledger loads for each batch
      timeBankDecider.decide(
        { type: 'PayHours', transferId: `t${i}`, fromMemberId: from, actorId: from, toMemberId: to, hours: '1', memo: '', at: context.at },
        state,
        hub,
      ),
  });
}

describe('stream writer on a real SQLite file', () => {
  let dir: string;
  let stores: SqliteEventStore[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'commons-writer-'));
    stores = [];
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const open = () => {
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    stores.push(store);
    return new Ledger(store);
  };

  it('decides commands waiting for one stream into a few appends, in order, each with its own position', async () => {
    const ledger = open();
    await seedHub(ledger, ['payer', 'payee']);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => payment(ledger, i, i % 2 ? 'payer' : 'payee', i % 2 ? 'payee' : 'payer')));
    const positions = results.map((r) => r.position);
    expect(new Set(positions).size).toBe(50);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    let events = 0;
    for await (const _ of stores[0].readStream(timeBankStream('h'))) events += 1;
    expect(events).toBe(50);
  });

  it('refuses one command of a batch without losing the others', async () => {
    const ledger = open();
    await seedHub(ledger, ['payer', 'payee']);
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => payment(ledger, i)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => r.reason.code)).toEqual(['credit_limit_exceeded', 'credit_limit_exceeded']);
  });

  it('keeps limits across two writers on one file: a stale cache reloads and decides again', async () => {
    const first = open();
    await seedHub(first, ['payer', 'payee']);
    const second = open();
    // both caches are warm before the race, so each believes it knows the payer's balance
    await first.timeBanks.read(timeBankStream('h'));
    await second.timeBanks.read(timeBankStream('h'));
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => payment(i % 2 ? first : second, i)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const fresh = await open().timeBanks.read(timeBankStream('h'));
    expect(balanceOf(fresh, 'payer').toString()).toBe('-10.00');
    expect(sumOfHours(fresh).isZero()).toBe(true);
  });

  it('sees a member enrolled through another writer before deciding a payment', async () => {
    const first = open();
    await seedHub(first, ['payer']);
    const second = open();
    await second.hubs.read(hubStream('h'));
    await first.hubs.execute(hubStream('h'), {
      context,
      respond: () => undefined,
      decide: () => [{ type: 'MemberEnrolled', data: { memberId: 'payee', displayName: 'p', roles: ['member'], creditLimit: null, tokenHash: 'x', at: context.at } }],
    });
    await expect(payment(second, 1)).resolves.toMatchObject({ position: expect.any(Number) });
  });

  it('records a key raced through two processes once; the loser answers with the winner’s record, never a decision of its own', async () => {
    const [a, b] = [open(), open()];
    await seedHub(a, ['payer', 'payee']);
    const keyed = (ledger: Ledger, memo: string) =>
      ledger.timeBanks.execute(timeBankStream('h'), {
        context: { ...context, actor: 'payer', idempotencyKey: 'k-1', idempotencyScope: 'h/payer', requestHash: 'r-1' },
        respond: () => ({ memo }),
        decide: (state, hub) =>
          timeBankDecider.decide({ type: 'PayHours', transferId: `t-${memo}`, fromMemberId: 'payer', actorId: 'payer', toMemberId: 'payee', hours: '1', memo, at: context.at }, state, hub),
      });
    const [first, second] = await Promise.allSettled([keyed(a, 'through a'), keyed(b, 'through b')]);
    const won = [first, second].filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ body: { memo: string }; position: number }>[];
    const lost = [first, second].filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(KeyReplay);
    expect((lost[0].reason as KeyReplay).recorded).toEqual({ scope: 'h/payer', key: 'k-1', requestHash: 'r-1', body: won[0].value.body, position: won[0].value.position });
    expect(sumOfHours(await a.timeBanks.read(timeBankStream('h'))).isZero()).toBe(true);
    expect(balanceOf(await b.timeBanks.read(timeBankStream('h')), 'payer').toString()).toBe('-1.00');
  });
});
