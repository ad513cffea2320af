import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AutoAcceptance, CLOCK, Clock, Ledger, ReadModels } from '@commons/application';

const SWEEP_EVERY_MS = 60_000; // a request due after days is accepted within a minute of its moment

/** Runs the ledger's own acceptance of due hour requests, on every instance (each request is accepted once). */
@Injectable()
export class AutoAcceptanceService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly acceptance: AutoAcceptance;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(ledger: Ledger, readModels: ReadModels, @Inject(CLOCK) clock: Clock) {
    this.acceptance = new AutoAcceptance(ledger, readModels, clock);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  /** One sweep, never two at once in this instance. */
  sweep(): Promise<number> {
    this.running ??= this.acceptance.sweep().finally(() => (this.running = null));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
