/**
 * The auditor's replay and export over a long random history (100,000+ events) written through
 * the real deciders and store, with live read models built as the server builds them.
 */
import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CommandContext, Ledger, PoolCommandInput, RunThingCommand, RunThingCommandHandler, ThingCommandInput } from '@commons/application';
import { DomainError, HubCommand, PoolCommand, hubDecider, hubStream, poolDecider, poolStream, timeBankDecider, timeBankStream } from '@commons/domain';
import { SqliteEventStore } from '@commons/event-store';
import { ALL_PROJECTIONS, AccountQueries, ProjectionRunner, openReadModelDb } from '@commons/projections';

const CLI = resolve(__dirname, '../../../../bin/commons.js');
const EVENTS_MIN = 100_000;
const MEMBERS = Array.from({ length: 50 }, (_, i) => `m${i}`);
const THINGS = 10;

describe('commons audit replay and export on a long random history', () => {
  let dataDir: string;
  let events = 0;
  const commons = (args: string[]) =>
    promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'commons-audit-'));
    const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
    const ledger = new Ledger(store);
    let clock = Date.UTC(2026, 0, 1);
    const context = (): CommandContext => ({ actor: 'tia', correlationId: 'audit', at: new Date(clock).toISOString() });
    const refused = (error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
    };
    const hubCommands: HubCommand[] = [
      { type: 'CreateHub', actorId: 'admin', hubId: 'h', name: 'H', currency: 'USD', defaultCreditLimit: '20', approvalQuorum: 2, at: context().at },
      ...['tia', 'tom'].map((memberId): HubCommand => ({ type: 'EnrolMember', changeId: 'c', actorId: 'admin', memberId, displayName: memberId, roles: ['treasurer', 'coordinator'], tokenHash: memberId, at: context().at })),
      ...MEMBERS.map((memberId): HubCommand => ({ type: 'EnrolMember', changeId: 'c', actorId: 'admin', memberId, displayName: memberId, roles: ['member'], tokenHash: memberId, at: context().at })),
    ];
    for (const command of hubCommands) await ledger.hubs.execute(hubStream('h'), { context: context(), respond: () => undefined, decide: (s) => hubDecider.decide(command, s) });
    const things = new RunThingCommandHandler(ledger);
    const thing = (input: ThingCommandInput, actor = 'tia') => things.execute(new RunThingCommand('h', input, { ...context(), actor })).catch(refused);
    for (let k = 0; k < THINGS; k += 1) await thing({ type: 'AddThing', thingId: `thing${k}`, name: `Thing ${k}`, description: '', owner: 'hub', loanDays: 7, ...(k % 2 === 0 ? { hoursPerLoan: '0.5' } : {}) });

    // a seeded random history: mostly payments, some volunteer hours, savings and loans
    const random = fc.sample(fc.tuple(fc.nat(999), fc.nat(MEMBERS.length - 1), fc.nat(MEMBERS.length - 1), fc.integer({ min: 1, max: 500 })), { numRuns: EVENTS_MIN + 2_000, seed: 42 });
    const pool = (command: PoolCommandInput, actorId = 'tia') =>
      ledger.pools.execute(poolStream('h'), { context: context(), respond: () => undefined, decide: (s, hub) => poolDecider.decide({ ...command, actorId, at: context().at } as PoolCommand, s, hub) }).catch(refused);
    const pending: Promise<unknown>[] = [];
    for (const [i, [dice, a, b, cents]] of random.entries()) {
      clock += 60_000;
      const amount = new Decimal(cents).dividedBy(100).toFixed(2);
      if (dice < 5) {
        // a work day: five members paid by one, recorded by a coordinator as one entry
        const payments = [1, 2, 3, 4, 5].map((k) => ({ fromMemberId: MEMBERS[a], toMemberId: MEMBERS[(a + k * (b + 1)) % MEMBERS.length], hours: amount }))
          .filter((payment, k, all) => payment.toMemberId !== payment.fromMemberId && all.findIndex((other) => other.toMemberId === payment.toMemberId) === k);
        pending.push(ledger.timeBanks.execute(timeBankStream('h'), {
          context: context(),
          respond: () => undefined,
          decide: (s, hub) => timeBankDecider.decide({ type: 'PayGroupHours', groupId: `g${i}`, payments, memo: 'work day', actorId: 'tia', at: context().at }, s, hub),
        }).catch(refused));
      } else if (dice < 900 && a !== b) {
        pending.push(ledger.timeBanks.execute(timeBankStream('h'), {
          context: context(),
          respond: () => undefined,
          decide: (s, hub) => timeBankDecider.decide({ type: 'PayHours', transferId: `t${i}`, fromMemberId: MEMBERS[a], actorId: MEMBERS[a], toMemberId: MEMBERS[b], hours: amount, memo: 'work', at: context().at }, s, hub),
        }).catch(refused));
      } else if (dice < 920) {
        // the tool library: a thing lent (half of them for hours), taken back, or held
        const thingId = `thing${a % THINGS}`;
        // a hold now and then: its holder alone may borrow the thing for the next three days
        if (cents % 20 === 0) pending.push(thing({ type: 'HoldThing', thingId, memberId: MEMBERS[b] }, MEMBERS[b]));
        else if (b % 2 === 0) pending.push(thing({ type: 'LendThing', thingId, memberId: MEMBERS[b] }));
        else pending.push(thing({ type: 'ReturnThing', thingId, condition: cents % 7 === 0 ? 'needs_repair' : 'good' }));
        if (cents % 50 === 0) pending.push(thing({ type: 'ChangeThing', thingId, status: 'available', note: 'mended' }));
      } else if (dice < 950) {
        pending.push(ledger.timeBanks.execute(timeBankStream('h'), {
          context: context(),
          respond: () => undefined,
          decide: (s, hub) => timeBankDecider.decide({ type: 'PayVolunteerHours', contributionId: `v${i}`, memberId: MEMBERS[a], hours: amount, description: 'shift', actorId: 'tia', at: context().at }, s, hub),
        }).catch(refused));
      } else if (dice < 990) {
        pending.push(pool({ type: 'DepositSavings', memberId: MEMBERS[a], amount: `${cents}` }));
      } else {
        const loanId = `l${i}`;
        pending.push(pool({ type: 'ApplyForLoan', loanId, borrowerId: MEMBERS[b], principal: amount, termMonths: 3, annualInterestRate: '0.05', purpose: 'tools' }, MEMBERS[b]));
        pending.push(pool({ type: 'ApproveLoan', loanId, note: 'ok' }, 'tia'));
        pending.push(pool({ type: 'ApproveLoan', loanId, note: 'ok' }, 'tom'));
        pending.push(pool({ type: 'DisburseLoan', loanId }, 'tom'));
        pending.push(pool({ type: 'RepayLoan', loanId, amount: '1.00' }, 'tom'));
      }
      if (pending.length >= 256) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    events = await store.headPosition();
    const db = openReadModelDb(join(dataDir, 'read-models.sqlite'));
    const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS);
    runner.start();
    expect(await runner.catchUp(120_000)).toBe(true);
    await runner.stop();
    db.close();
    await store.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('wrote a history of at least 100,000 events, group exchanges and the tool library among them', async () => {
    expect(events).toBeGreaterThanOrEqual(EVENTS_MIN);
    const db = openReadModelDb(join(dataDir, 'read-models.sqlite'), { readonly: true });
    const groups = db.prepare("SELECT count(DISTINCT position) AS n FROM movements WHERE type = 'GroupHoursPaid'").get() as { n: number };
    const loans = db.prepare("SELECT count(*) AS n FROM thing_history WHERE kind = 'lent' AND hours IS NOT NULL").get() as { n: number };
    const repairs = db.prepare("SELECT count(*) AS n FROM thing_history WHERE kind = 'repaired'").get() as { n: number };
    db.close();
    expect(groups.n).toBeGreaterThan(50);
    expect(loans.n).toBeGreaterThan(50);
    expect(repairs.n).toBeGreaterThan(5);
  });

  it('rebuilds every read model from position 0 and proves them equal to the live ones', async () => {
    const { stdout, stderr } = await commons(['audit', 'replay', '--compare']);
    expect(stdout).toContain(`rebuilt read models from ${events} events`);
    expect(stdout).toMatch(/equal: \d+ tables, \d+ rows match the live read models/);
    expect(stderr).toMatch(/done: \d+ events/);
  });

  it('exports a journal whose postings add up to every member balance', async () => {
    const out = join(dataDir, 'journal.csv');
    await commons(['audit', 'export', '--format', 'csv', '--out', out]);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('position,time,hub,stream,revision,type,actor,accounts,amounts,hash,reverses,actor_name');
    expect(lines).toHaveLength(events + 1);
    const totals = new Map<string, Decimal>();
    // a cell a spreadsheet could take for a formula is quoted behind an apostrophe: a script strips both
    const text = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell).replace(/^'/, '');
    for (const line of lines.slice(1)) {
      const [accounts, amounts] = line.split(',').slice(7, 9).map(text);
      if (!accounts) continue;
      const amountList = amounts.split(';');
      accounts.split(';').forEach((account, i) => {
        const [amount, unit] = amountList[i].split(' ');
        expect(['HOUR', 'USD']).toContain(unit); // amounts carry their currency's code
        totals.set(account, (totals.get(account) ?? new Decimal(0)).plus(amount));
      });
    }
    const db = openReadModelDb(join(dataDir, 'read-models.sqlite'), { readonly: true });
    const queries = new AccountQueries(db);
    let hours = new Decimal(0);
    for (const memberId of MEMBERS) {
      const balance = queries.balanceOf('h', memberId)!;
      expect((totals.get(`${memberId}:hours`) ?? new Decimal(0)).toFixed(2)).toBe(balance.hours.balance);
      expect((totals.get(`${memberId}:savings`) ?? new Decimal(0)).toFixed(2)).toBe(balance.savings.balance);
      expect((totals.get(`${memberId}:loans`) ?? new Decimal(0)).toFixed(2)).toBe(balance.loans.outstanding);
      hours = hours.plus(balance.hours.balance);
    }
    db.close();
    expect(hours.plus(totals.get('@hub:hours') ?? 0).isZero()).toBe(true); // hours sum to zero
  });

  it('exports one hub as JSON lines', async () => {
    const { stdout } = await commons(['audit', 'export', '--format', 'jsonl', '--hub', 'h']);
    const first = JSON.parse(stdout.slice(0, stdout.indexOf('\n')));
    expect(first).toMatchObject({ position: 1, hub: 'h', stream: 'hub-h', type: 'HubCreated', actor: 'tia', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // each line names who did it as their name stood then: tia, once enrolled
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(first.actorName).toBeNull(); // not yet enrolled when the hub was created in this history
    expect(lines.find((line) => line.type === 'VolunteerHoursPaid')).toMatchObject({ actor: 'tia', actorName: 'tia' });
  });

  it('names the first difference when one live read-model row was altered', async () => {
    const db = new Database(join(dataDir, 'read-models.sqlite'));
    db.prepare("UPDATE accounts SET balance = '999.00' WHERE member_id = 'm7' AND account = 'hours'").run();
    db.close();
    await expect(commons(['audit', 'replay', '--compare'])).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/DIFFERENT: table accounts[\s\S]*"balance":"999.00"/),
    });
  });
});
