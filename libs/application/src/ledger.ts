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
} from '@commons/domain';
import { EVENT_STORE, EventStore } from '@commons/event-store';
import { HistoryHealth } from './history-health';
import { StreamWriter } from './stream-writer';

/** The write side: one writer per kind of stream, each caching its streams' latest state. */
@Injectable()
export class Ledger {
  readonly hubs: StreamWriter<HubState>;
  readonly timeBanks: StreamWriter<TimeBankState, HubState>;
  readonly pools: StreamWriter<PoolState, HubState>;
  readonly funds: StreamWriter<FundState, HubState>;
  readonly listings: StreamWriter<ListingState, HubState>;

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
  }

  /**
   * The hub, caught up with the store: on SQLite a check of the file's version when nobody else
   * wrote, on PostgreSQL one read of the stream after the cached revision.
   */
  hub(hubId: string): Promise<HubState> {
    return this.hubs.read(hubStream(hubId));
  }
}
