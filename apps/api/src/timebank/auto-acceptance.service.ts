import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AutoAcceptance, CLOCK, Clock, Ledger, ReadModels } from '@commons/application';
import { ServiceMetrics } from '../health/metrics';

const SWEEP_EVERY_MS = 60_000; // a request due after days is accepted within a minute of its moment
const FIRST_SWEEP_WAIT_MS = 60_000; // at start, the read models catch up on history first

/**
 * Runs the ledger's own acceptance of due hour requests, on every instance (each request is
 * accepted once): at start, once the read models have caught up, so what fell due while the
 * service was down is not left a minute longer; then every minute.
 */
@Injectable()
export class AutoAcceptanceService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly acceptance: AutoAcceptance;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    ledger: Ledger,
    private readonly readModels: ReadModels,
    @Inject(CLOCK) clock: Clock,
    private readonly metrics: ServiceMetrics,
  ) {
    this.acceptance = new AutoAcceptance(ledger, readModels, clock);
  }

  onApplicationBootstrap(): void {
    void this.readModels.runner
      .catchUp(FIRST_SWEEP_WAIT_MS)
      .then(() => (this.stopped ? 0 : this.sweep()))
      .catch(() => undefined);
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  /** One sweep, never two at once in this instance. */
  sweep(): Promise<number> {
    this.running ??= this.acceptance
      .sweep()
      .then((accepted) => {
        this.metrics.autoAcceptance(accepted);
        return accepted;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
