import { Inject, Injectable, Logger } from '@nestjs/common';
import Database from 'better-sqlite3';
import { EVENT_STORE, EventStore } from '@commons/event-store';
import { ALL_PROJECTIONS, AccountQueries, AidRequestQueries, DirectoryQueries, HourRequestQueries, ListingQueries, LoanQueries, ProjectionRunner, ReversalQueries, ThingQueries, ReportBook, reportBookOf } from '@commons/projections';

export const READ_MODEL_DB = Symbol('ReadModelDb');

const MIN_POSITION_WAIT_MS = 5_000; // a read that asks for its own write waits this long, then 503

/** The read models have not reached the position a client asked for within the wait. */
export class ReadModelBehind extends Error {
  readonly code = 'unavailable';
  constructor(wanted: number, reached: number) {
    super(`read models reached position ${reached}, not yet ${wanted}; try again`);
    this.name = 'ReadModelBehind';
  }
}

/** The projections' database, the runner that feeds it, and the questions it answers. */
@Injectable()
export class ReadModels {
  readonly runner: ProjectionRunner;
  readonly accounts: AccountQueries;
  readonly loans: LoanQueries;
  readonly aid: AidRequestQueries;
  readonly reversals: ReversalQueries;
  readonly directory: DirectoryQueries;
  readonly listings: ListingQueries;
  readonly hourRequests: HourRequestQueries;
  readonly things: ThingQueries;
  readonly reports: ReportBook;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) readonly db: Database.Database,
  ) {
    const logger = new Logger('ReadModels');
    this.runner = new ProjectionRunner(store, db, ALL_PROJECTIONS, (broken) => logger.error(`read models stopped before a broken chain: ${broken.message}`));
    this.accounts = new AccountQueries(db);
    this.loans = new LoanQueries(db);
    this.aid = new AidRequestQueries(db);
    this.reversals = new ReversalQueries(db);
    this.directory = new DirectoryQueries(db);
    this.listings = new ListingQueries(db);
    this.hourRequests = new HourRequestQueries(db);
    this.things = new ThingQueries(db);
    this.reports = reportBookOf(db);
  }

  /** Waits until the read models include `position`; a client reads its own writes this way. */
  async reach(position: number | undefined): Promise<void> {
    if (position === undefined) return;
    if (!(await this.runner.waitFor(position, MIN_POSITION_WAIT_MS))) {
      // stopped before a broken chain: the position will not be reached until history is restored
      if (this.runner.broken) throw this.runner.broken;
      throw new ReadModelBehind(position, this.runner.position);
    }
  }

  /** the store's head: what the read models must reach to be complete */
  headPosition(): Promise<number> {
    return this.store.headPosition();
  }

  hubIds(): string[] {
    return this.db
      .prepare<[], { hub_id: string }>('SELECT hub_id FROM hubs ORDER BY hub_id')
      .all()
      .map((row) => row.hub_id);
  }
}
