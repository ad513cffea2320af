import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  FundState,
  HubState,
  PoolState,
  TimeBankState,
  fundDecider,
  hubDecider,
  hubOfStream,
  hubStream,
  poolDecider,
  timeBankDecider,
  ListingState,
  listingDecider,
  ThingsState,
  thingsDecider,
  timeBankStream,
} from '@commons/domain';
import { EVENT_STORE, EventStore } from '@commons/event-store';
import { HistoryHealth } from './history-health';
import { StreamWriter } from './stream-writer';
import { ThingsDecisionContext } from './things/things-context';
import { ImportDecisionContext } from './imports/import-context';

/** The write side: one writer per kind of stream, each caching its streams' latest state. */
@Injectable()
export class Ledger {
  readonly hubs: StreamWriter<HubState>;
  readonly timeBanks: StreamWriter<TimeBankState, HubState>;
  readonly pools: StreamWriter<PoolState, HubState>;
  readonly funds: StreamWriter<FundState, HubState>;
  readonly listings: StreamWriter<ListingState, HubState>;
  readonly things: StreamWriter<ThingsState, ThingsDecisionContext>;
  /** imports of an existing time bank: members on the hub stream, their opening balances on the time bank, in one append */
  readonly imports: StreamWriter<HubState, ImportDecisionContext>;

  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Optional() readonly history: HistoryHealth = new HistoryHealth(),
  ) {
    const broken = history.report.bind(history);
    this.hubs = new StreamWriter(store, hubDecider, undefined, broken);
    // time-bank and pool decisions read the hub's members fresh from the store: another process may have changed them
    const hubOf = (streamId: string) => this.hubs.read(hubStream(hubOfStream(streamId)!));
    this.timeBanks = new StreamWriter(store, timeBankDecider, hubOf, broken);
    this.pools = new StreamWriter(store, poolDecider, hubOf, broken);
    this.funds = new StreamWriter(store, fundDecider, hubOf, broken);
    this.listings = new StreamWriter(store, listingDecider, hubOf, broken);
    // a loan reads the time bank as it stands, and pays its hours there in the same append
    const thingsContext = async (streamId: string): Promise<ThingsDecisionContext> => {
      const hours = timeBankStream(hubOfStream(streamId)!);
      const [hub, timeBank] = await Promise.all([hubOf(streamId), this.timeBanks.snapshot(hours)]);
      return { hub, timeBank: timeBank.state, hours: { streamId: hours, revision: timeBank.revision, events: [] } };
    };
    this.things = new StreamWriter(store, thingsDecider, thingsContext, broken, {
      of: (context) => context.hours,
      appended: (streamId) => this.timeBanks.invalidate(streamId),
    });
    const importContext = async (streamId: string): Promise<ImportDecisionContext> => {
      const hours = timeBankStream(hubOfStream(streamId)!);
      const timeBank = await this.timeBanks.snapshot(hours);
      return { timeBank: timeBank.state, hours: { streamId: hours, revision: timeBank.revision, events: [] } };
    };
    // it shares the hub stream with the hubs' own writer: importTimeBank marks each one's cache stale around an import
    this.imports = new StreamWriter(store, hubDecider, importContext, broken, {
      of: (context) => context.hours,
      appended: (streamId) => this.timeBanks.invalidate(streamId),
    });
  }

  /**
   * The hub, caught up with the store: on SQLite a check of the file's version when nobody else
   * wrote, on PostgreSQL one read of the stream after the cached revision.
   */
  hub(hubId: string): Promise<HubState> {
    return this.hubs.read(hubStream(hubId));
  }
}
