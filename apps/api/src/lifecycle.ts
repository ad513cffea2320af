import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Ledger, ReadModels } from '@commons/application';
import { EVENT_STORE, EventStore } from '@commons/event-store';

const STARTUP_CATCH_UP_MS = 10 * 60_000; // a large store replays into fresh read models before serving

/** Starts the read models before the first request and closes the databases last. */
@Injectable()
export class Lifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Lifecycle');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly ledger: Ledger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.readModels.runner.start();
    // served only once caught up: idempotency keys and balances must include everything recorded
    if (!(await this.readModels.runner.catchUp(STARTUP_CATCH_UP_MS))) {
      throw this.readModels.runner.error ?? new Error('read models did not catch up with the event store');
    }
    // every hub's members in memory, so a token of any hub is recognised at once
    for (const hubId of this.readModels.hubIds()) await this.ledger.hub(hubId, { fresh: true });
    this.logger.log(`read models at position ${this.readModels.runner.position}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.readModels.runner.stop();
    await this.store.close();
    this.readModels.db.close();
  }
}
