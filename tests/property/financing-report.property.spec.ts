/**
 * For random histories across a hub's streams (payments by kind of help, volunteer hours, reversals,
 * savings and loans, contributions and aid, the tool library), the financing report the read model
 * answers, for random moments and periods, equals the fold of the whole history (the oracle); so
 * does the report of a second process that rebuilt its fold from the snapshots and the tail.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfirmReversalCommand, ConfirmReversalHandler, Ledger, ProposeReversalCommand, ProposeReversalHandler, RunThingCommand, RunThingCommandHandler, ThingCommandInput } from '@commons/application';
import { DomainError, FundCommand, HubCommand, PoolCommand, TimeBankCommand, hubStreams, fundDecider, fundStream, hubDecider, hubStream, poolDecider, poolStream, timeBankDecider, timeBankStream } from '@commons/domain';
import { SqliteEventStore } from '@commons/event-store';
import { ALL_PROJECTIONS, Correction, ProjectionRunner, ReportBook, ReportWindow, assembleReport, emptyFold, financingReport, foldEvent, hubHistory, openReadModelDb, periodBetween, projectedReport, reportsProjection } from '@commons/projections';

const MEMBERS = ['ann', 'ben', 'cal', 'dee'];
const START = Date.UTC(2026, 0, 1);
const SNAPSHOT_EVERY = 7; // many snapshots and segments in a short history
const KINDS = ['pay', 'volunteer', 'reverse', 'deposit', 'loan', 'repay', 'give', 'aid', 'lend', 'return'] as const;

const steps = {
  kind: fc.constantFrom(...KINDS),
  a: fc.nat(MEMBERS.length - 1),
  b: fc.nat(MEMBERS.length - 1),
  cents: fc.integer({ min: 1, max: 900 }),
  minutesLater: fc.integer({ min: 0, max: 4000 }),
};
const step = fc.record(steps);
type Step = { kind: (typeof KINDS)[number]; a: number; b: number; cents: number; minutesLater: number };
/** A command as a writer is given it: who and when come with the context. */
type Input<C> = C extends unknown ? Omit<C, 'actorId' | 'at'> : never;

const moment = fc.integer({ min: -2, max: 102 }); // per cent of the history's span, a little before and after

/** Writes the history, projects it with snapshots every few events, and asks `check` of the live book and of one rebuilt from the database. */
async function withBooks(steps: Step[], check: (store: SqliteEventStore, books: ReportBook[], at: (percent: number) => string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'commons-report-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const db = openReadModelDb(join(dir, 'read-models.sqlite'));
  try {
    const end = await writeHistory(store, steps);
    // the book the projection folds into, with snapshots every few events
    const live = new ReportBook(db, SNAPSHOT_EVERY);
    const runner = new ProjectionRunner(store, db, [...ALL_PROJECTIONS.filter((factory) => factory !== reportsProjection), () => live.projection()]);
    runner.start();
    expect(await runner.catchUp(10_000)).toBe(true);
    await runner.stop();
    const rebuilt = new ReportBook(db, SNAPSHOT_EVERY); // another process: its fold comes from the snapshot and the tail
    await check(store, [live, rebuilt], (percent) => new Date(START + Math.round(((end - START) * percent) / 100)).toISOString());
  } finally {
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const windowOf = (at: (percent: number) => string, [asOf, from, to]: [number, number | null, number | null]): ReportWindow => ({
  asOf: at(asOf),
  ...(from === null ? {} : { from: at(from) }),
  ...(to === null ? {} : { to: at(to) }),
});

describe('the financing report read model against the fold of all history', () => {
  it('agrees for random histories, moments and periods, in the process that folded it and in one that rebuilt it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 70 }), fc.array(fc.tuple(moment, fc.option(moment), fc.option(moment)), { minLength: 1, maxLength: 6 }), (steps, probes) =>
        withBooks(steps, async (store, books, at) => {
          for (const probe of probes) {
            const window = windowOf(at, probe);
            const oracle = await financingReport(hubHistory(store, 'h'), window);
            for (const book of books) expect([window, await projectedReport(book, store, 'h', window)]).toEqual([window, oracle]);
          }
        }),
      ),
      { numRuns: 60, seed: 20261202 },
    );
  });
});

describe('the financing report read model when moments go back', () => {
  // another process with a clock behind: moments in a stream may go back. The states as of a moment
  // are the fold of history's (each stream up to its first event after it); a period is the
  // difference of two such folds, which may differ from the fold of history's filter by moment
  it('agrees with folds of each stream up to its first event after each end, for random histories, moments and periods', async () => {
    const skewed = fc.record({ ...steps, minutesLater: fc.integer({ min: -3000, max: 3000 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(skewed, { minLength: 1, maxLength: 70 }), fc.array(fc.tuple(moment, fc.option(moment), fc.option(moment)), { minLength: 1, maxLength: 6 }), (steps, probes) =>
        withBooks(steps, async (store, books, at) => {
          for (const probe of probes) {
            const window = windowOf(at, probe);
            const expected = await everyEventDecidedBy(store, window);
            for (const book of books) expect([window, await projectedReport(book, store, 'h', window)]).toEqual([window, expected]);
            // with no period to subtract, the fold of history's answer is the same
            if (probe[1] === null && probe[2] === null) expect(expected).toEqual(await financingReport(hubHistory(store, 'h'), window));
          }
        }),
      ),
      { numRuns: 60, seed: 20261203 },
    );
  });
});

/** The report from plain folds of the whole history at each end, each stream stopped at its first event after it: no snapshots, no segments. */
async function everyEventDecidedBy(store: SqliteEventStore, window: ReportWindow) {
  const foldUntil = async (moment: string, inclusive: boolean) => {
    const fold = emptyFold();
    const corrections: Correction[] = [];
    const stopped = new Set<string>();
    for await (const event of store.readAll({ streams: hubStreams('h') })) {
      const decided = (event.data as { at: string }).at;
      if (stopped.has(event.streamId) || !(inclusive ? decided <= moment : decided < moment)) {
        stopped.add(event.streamId);
        continue;
      }
      foldEvent(fold, event, (_seq, correction) => corrections.push(correction));
    }
    return { fold, corrections };
  };
  const asOf = await foldUntil(window.asOf, true);
  const endsAtTo = window.to !== undefined && window.to <= window.asOf;
  const end = endsAtTo ? await foldUntil(window.to!, false) : asOf;
  const empty = window.from !== undefined && (endsAtTo ? window.from >= window.to! : window.from > window.asOf);
  const start = empty ? end : window.from === undefined ? null : await foldUntil(window.from, false);
  const corrections = end.corrections.slice(start?.corrections.length ?? 0);
  return assembleReport(window, asOf.fold, periodBetween(start?.fold ?? null, end.fold, corrections));
}

/** A random history through the real deciders and handlers; refusals (limits, states) are part of it. Returns the last moment. */
async function writeHistory(store: SqliteEventStore, steps: Step[]): Promise<number> {
  const ledger = new Ledger(store);
  let clock = START;
  const context = (actor = 'coco') => ({ actor, correlationId: 'p', at: new Date(clock).toISOString() });
  const refused = (error: unknown) => {
    if (!(error instanceof DomainError)) throw error;
    return undefined;
  };
  const hubCommands: HubCommand[] = [
    { type: 'CreateHub', actorId: 'admin', hubId: 'h', name: 'H', currency: 'USD', defaultCreditLimit: '5', approvalQuorum: 1, at: context().at },
    { type: 'SetCategories', categories: [{ categoryId: 'rides', name: 'Rides' }, { categoryId: 'repairs', name: 'Repairs' }], actorId: 'admin', at: context().at },
    ...[...MEMBERS, 'coco', 'tia'].map((memberId): HubCommand => ({
      type: 'EnrolMember', changeId: 'c', actorId: 'admin', memberId, displayName: memberId,
      roles: memberId === 'coco' ? ['member', 'coordinator'] : memberId === 'tia' ? ['treasurer'] : ['member'], tokenHash: memberId, at: context().at,
    })),
  ];
  for (const command of hubCommands) await ledger.hubs.execute(hubStream('h'), { context: context('admin'), respond: () => undefined, decide: (state) => hubDecider.decide(command, state) });
  const things = new RunThingCommandHandler(ledger);
  const thing = (input: ThingCommandInput) => things.execute(new RunThingCommand('h', input, context())).catch(refused);
  for (const [thingId, hoursPerLoan] of [['saw', '0.5'], ['drill', undefined]] as const) {
    await thing({ type: 'AddThing', thingId, name: thingId, description: '', owner: 'hub', loanDays: 2, ...(hoursPerLoan ? { hoursPerLoan } : {}) });
  }
  const timeBank = (command: TimeBankCommand, actor = 'coco') =>
    ledger.timeBanks.execute(timeBankStream('h'), { context: context(actor), respond: () => undefined, decide: (state, hub) => timeBankDecider.decide(command, state, hub) }).catch(refused);
  const pool = (command: Input<PoolCommand>, actor = 'tia') =>
    ledger.pools.execute(poolStream('h'), { context: context(actor), respond: () => undefined, decide: (state, hub) => poolDecider.decide({ ...command, actorId: actor, at: context().at } as PoolCommand, state, hub) }).catch(refused);
  const fund = (command: Input<FundCommand>, actor = 'tia') =>
    ledger.funds.execute(fundStream('h'), { context: context(actor), respond: () => undefined, decide: (state, hub) => fundDecider.decide({ ...command, actorId: actor, at: context().at } as FundCommand, state, hub) }).catch(refused);
  const paid: number[] = [];
  for (const [i, s] of steps.entries()) {
    clock += s.minutesLater * 60_000;
    const at = new Date(clock).toISOString();
    const amount = new Decimal(s.cents).dividedBy(100).toFixed(2);
    const [a, b] = [MEMBERS[s.a], MEMBERS[s.b]];
    switch (s.kind) {
      case 'pay': {
        if (a === b) break;
        const done = await timeBank({ type: 'PayHours', transferId: `t${i}`, fromMemberId: a, toMemberId: b, hours: amount, memo: '', ...(s.cents % 3 === 0 ? {} : { categoryId: s.cents % 3 === 1 ? 'rides' : 'repairs' }), actorId: a, at }, a);
        if (done) paid.push(done.position);
        break;
      }
      case 'volunteer':
        await timeBank({ type: 'PayVolunteerHours', contributionId: `v${i}`, memberId: a, hours: amount, description: 'shift', actorId: 'coco', at });
        break;
      case 'reverse': {
        const position = paid.splice(s.b % Math.max(paid.length, 1), 1)[0];
        if (position === undefined) break;
        const proposed = await new ProposeReversalHandler(ledger, store).execute(new ProposeReversalCommand('h', position, 'a mistake', context())).catch(refused);
        if (proposed) await new ConfirmReversalHandler(ledger).execute(new ConfirmReversalCommand('h', proposed.body.reversalId, undefined, context('coco'))).catch(refused);
        break;
      }
      case 'deposit':
        await pool({ type: 'DepositSavings', memberId: a, amount: `${s.cents}` });
        break;
      case 'loan':
        await pool({ type: 'ApplyForLoan', loanId: `l${i}`, borrowerId: a, principal: amount, termMonths: 1 + (s.b % 3), annualInterestRate: '0.05', purpose: 'tools' }, a);
        await pool({ type: 'ApproveLoan', loanId: `l${i}`, note: 'ok' });
        await pool({ type: 'DisburseLoan', loanId: `l${i}` });
        break;
      case 'repay':
        await pool({ type: 'RepayLoan', loanId: `l${i - 1 - s.b}`, amount: '1.00' });
        break;
      case 'give':
        await fund({ type: 'RecordContribution', contributionId: `g${i}`, memberId: a, kind: s.cents % 2 === 0 ? 'money' : 'in-kind', amount, description: 'gift', ...(s.cents % 2 === 0 ? { fund: s.cents % 4 === 0 ? 'aid' : 'general' } : { estimatedValue: amount }) }, 'coco');
        break;
      case 'aid':
        await fund({ type: 'RequestAid', requestId: `a${i}`, memberId: a, amount: new Decimal(s.cents).dividedBy(1000).toFixed(2) }, a);
        await fund({ type: 'PayAid', requestId: `a${i}` });
        break;
      case 'lend':
        await thing({ type: 'LendThing', thingId: s.cents % 2 === 0 ? 'saw' : 'drill', memberId: a });
        break;
      case 'return':
        await thing({ type: 'ReturnThing', thingId: s.cents % 2 === 0 ? 'saw' : 'drill', condition: s.cents % 5 === 0 ? 'needs_repair' : 'good' });
        break;
    }
  }
  return clock;
}
