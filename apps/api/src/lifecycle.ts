import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Ledger, ReadModels } from '@commons/application';
import { EVENT_STORE, EventStore, HistoryBroken } from '@commons/event-store';
import { loadFresh } from '@commons/projections';
import { CommandRunner } from './http/command-runner';

const STARTUP_CATCH_UP_MS = 10 * 60_000; // a large store replays into fresh read models before serving
const COMMANDS_SETTLE_MS = 10_000; // commands still running at shutdown get this long to reach the store

/**
 * Starts the read models before the first request. On SIGTERM: new requests get 503 while those
 * in flight finish (Nest closes the HTTP server between the two hooks below), as do commands
 * whose client hung up, then the read models stop and the databases close, after the last group commit.
 */
@Injectable()
export class Lifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Lifecycle');
  /** true once shutdown began: the HTTP edge refuses new requests */
  draining = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly ledger: Ledger,
    private readonly commands: CommandRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { runner, db } = this.readModels;
    const head = await this.store.headPosition();
    if (runner.position === 0 && head > 0) {
      // new read models (a new file, a new layout) over a long history: the rebuild's fast path
      const started = Date.now();
      this.logger.log(`building read models from ${head} events before serving`);
      try {
        await loadFresh(runner, this.store, db, head);
        this.logger.log(`read models built from ${head} events in ${Date.now() - started} ms`);
      } catch (error) {
        // another process may be feeding the same file: the runner below goes on from the checkpoint
        this.logger.warn(`fast load of the read models stopped at position ${runner.position}: ${(error as Error).message}`);
      }
    }
    runner.start();
    // served only once caught up: idempotency keys and balances must include everything recorded;
    // a broken chain is the exception: the service serves what is intact and says what is not
    if (!(await runner.catchUp(STARTUP_CATCH_UP_MS))) {
      if (!runner.broken) throw runner.error ?? new Error('read models did not catch up with the event store');
      this.logger.error(`read models stopped before a broken chain: ${runner.broken.message}`);
    }
    // every hub's members in memory, so a token of any hub is recognised at once
    for (const hubId of this.readModels.hubIds()) {
      try {
        await this.ledger.hub(hubId);
      } catch (error) {
        if (!(error instanceof HistoryBroken)) throw error; // already reported: its commands answer 503
      }
    }
    this.logger.log(`read models at position ${runner.position}`);
  }

  beforeApplicationShutdown(): void {
    this.draining = true;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.commands.settled(COMMANDS_SETTLE_MS);
    await this.readModels.runner.stop();
    await this.store.close();
    this.readModels.db.close();
  }
}
