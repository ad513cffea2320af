import { Injectable, Logger } from '@nestjs/common';
import { HistoryBroken } from '@commons/event-store';

/**
 * The streams this instance found with a broken hash chain, as the write side loaded them. Their
 * commands answer 503 history_broken; every other stream keeps working. Said once in the log.
 */
@Injectable()
export class HistoryHealth {
  private readonly broken = new Map<string, HistoryBroken>();
  private readonly logger = new Logger('History');

  report(broken: HistoryBroken): void {
    if (!this.broken.has(broken.streamId)) this.logger.error(broken.message);
    this.broken.set(broken.streamId, broken);
  }

  /** Each broken stream, with the first event that breaks it. */
  streams(): HistoryBroken[] {
    return [...this.broken.values()];
  }
}
