import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { HUB_ACCOUNT, hubStream, thingsStream, timeBankDecider, timeBankStream } from '@commons/domain';
import { EventStore, PostgresEventStore, RecordedEvent, SqliteEventStore } from '@commons/event-store';
import { ThrowawayDatabase, throwawayDatabase } from '../../../../tests/support/postgres';
import { CommandContext } from '../command-context';
import { Ledger } from '../ledger';
import { RunThingCommand, ThingCommandInput } from './thing.command';
import { RunThingCommandHandler } from './thing.handler';

const at = '2026-03-01T10:00:00.000Z';
const as = (actor: string): CommandContext => ({ actor, correlationId: `c-${actor}`, at });
const THINGS = 12;

async function seed(ledger: Ledger): Promise<void> {
  await ledger.hubs.execute(hubStream('h'), {
    context: as('admin'),
    respond: () => undefined,
    decide: () => [
      { type: 'HubCreated', data: { hubId: 'h', name: 'H', currency: 'USD', timeBank: { defaultCreditLimit: '10.00', maxBalance: null, hubAccountLimit: '1000.00' }, pool: { approvalQuorum: 2, reserveRatio: '0' }, at } },
      ...[
        ['ann', ['member']],
        ['ben', ['member']],
        ['coco', ['member', 'coordinator']],
      ].map(([memberId, roles]) => ({ type: 'MemberEnrolled', data: { memberId, displayName: memberId, roles, creditLimit: null, tokenHash: `t-${memberId}`, at } })),
    ],
  });
}

const thing = (ledger: Ledger, input: ThingCommandInput, actor = 'coco') => new RunThingCommandHandler(ledger).execute(new RunThingCommand('h', input, as(actor)));
const pay = (ledger: Ledger, i: number) =>
  ledger.timeBanks.execute(timeBankStream('h'), {
    context: as('ann'),
    respond: () => undefined,
    decide: (state, hub) => timeBankDecider.decide({ type: 'PayHours', transferId: `p${i}`, fromMemberId: 'ann', toMemberId: 'ben', hours: '1', memo: '', actorId: 'ann', at }, state, hub),
  });

async function events(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
  const found: RecordedEvent[] = [];
  for await (const event of store.readStream(streamId)) found.push(event);
  return found;
}

/** Recomputed from the raw events, sharing nothing with the deciders: every costed loan has its hours, and the limit held. */
async function audit(store: EventStore) {
  const loans = (await events(store, thingsStream('h'))).filter((e) => e.type === 'ThingLent').map((e) => e.data as { loanId: string; transferId: string | null; hours: string | null });
  const paid = (await events(store, timeBankStream('h'))).filter((e) => e.type === 'HoursPaid').map((e) => e.data as { fromMemberId: string; toMemberId: string; hours: string; loanId?: string; transferId: string });
  const balances = new Map<string, Decimal>();
  for (const p of paid) {
    balances.set(p.fromMemberId, (balances.get(p.fromMemberId) ?? new Decimal(0)).minus(p.hours));
    balances.set(p.toMemberId, (balances.get(p.toMemberId) ?? new Decimal(0)).plus(p.hours));
  }
  const loanHours = paid.filter((p) => p.loanId !== undefined);
  return { loans, loanHours, balances, sum: [...balances.values()].reduce((a, b) => a.plus(b), new Decimal(0)) };
}

function describeLoanHours(name: string, open: () => Promise<EventStore>) {
  describe(`a loan and its hours, one append (${name})`, () => {
    const stores: EventStore[] = [];
    const ledger = async () => {
      const store = await open();
      stores.push(store);
      return new Ledger(store);
    };
    afterEach(async () => {
      for (const store of stores.splice(0)) await store.close();
    });

    it('lets the time bank decide at once on the hours a loan took, in the same process', async () => {
      const one = await ledger();
      await seed(one);
      await thing(one, { type: 'AddThing', thingId: 'generator', name: 'Generator', description: '', owner: 'hub', loanDays: 7, hoursPerLoan: '9' });
      await thing(one, { type: 'LendThing', thingId: 'generator', memberId: 'ann' });
      // ann owes 9 of her 10 hours: the time bank's cached state must know it
      await expect(pay(one, 1)).resolves.toBeDefined();
      await expect(pay(one, 2)).rejects.toMatchObject({ code: 'credit_limit_exceeded' });
      const { balances } = await audit(stores[0]);
      expect(balances.get('ann')!.toString()).toBe('-10');
      expect(balances.get(HUB_ACCOUNT)!.toString()).toBe('9');
    });

    it('never lets racing loans and payments on two handles take a member past their limit, nor a loan go without its hours', async () => {
      const [first, second] = [await ledger(), await ledger()];
      await seed(first);
      for (let i = 0; i < THINGS; i += 1) await thing(first, { type: 'AddThing', thingId: `t${i}`, name: `Thing ${i}`, description: '', owner: 'hub', loanDays: 7, hoursPerLoan: '1.5' });
      const attempts = [
        ...Array.from({ length: THINGS }, (_, i) => thing(i % 2 === 0 ? first : second, { type: 'LendThing', thingId: `t${i}`, memberId: 'ann' })),
        ...Array.from({ length: 8 }, (_, i) => pay(i % 2 === 0 ? second : first, i)),
      ];
      const outcomes = await Promise.allSettled(attempts);
      for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'credit_limit_exceeded' });
      const { loans, loanHours, balances, sum } = await audit(stores[0]);
      expect(sum.isZero()).toBe(true);
      expect(balances.get('ann')!.greaterThanOrEqualTo(-10)).toBe(true);
      expect(loans.length).toBeGreaterThan(0);
      expect(loanHours.map((p) => p.transferId).sort()).toEqual(loans.map((l) => l.transferId).sort());
      expect(loans.length + outcomes.filter((o) => o.status === 'rejected').length).toBeGreaterThanOrEqual(THINGS - 6);
      // what was accepted is exactly what was recorded
      const lent = outcomes.slice(0, THINGS).filter((o) => o.status === 'fulfilled').length;
      expect(loans).toHaveLength(lent);
    });
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'commons-loan-hours-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
let sqliteFile = '';
describeLoanHours('SQLite', async () => {
  // both handles of one test share a file; each test its own
  if (expect.getState().currentTestName !== sqliteFile) {
    sqliteFile = expect.getState().currentTestName ?? '';
    files += 1;
  }
  return new SqliteEventStore({ file: join(dir, `events-${files}.sqlite`) });
});

let database: ThrowawayDatabase | null = null;
let pgTest = '';
describeLoanHours('PostgreSQL', async () => {
  if (expect.getState().currentTestName !== pgTest || database === null) {
    await database?.drop();
    pgTest = expect.getState().currentTestName ?? '';
    database = await throwawayDatabase('loanhours');
  }
  return PostgresEventStore.open({ connectionString: database.url });
});
afterAll(async () => database?.drop());
