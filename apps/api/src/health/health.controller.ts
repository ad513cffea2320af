import { Controller, Get, Header, HttpException, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HistoryHealth, ReadModels } from '@commons/application';
import { EVENT_STORE, EventStore, HistoryBroken } from '@commons/event-store';
import { Public } from '../auth/access.decorator';
import { ServiceMetrics } from './metrics';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly metrics: ServiceMetrics,
    private readonly history: HistoryHealth,
  ) {}

  /**
   * Liveness and store reachability: 503 when the store cannot be read or the read models stopped
   * for any reason but a broken chain. A broken chain is named here and fails readiness only:
   * restarting the service would not mend it.
   */
  @Get('health')
  @Public()
  async health() {
    const state = await this.state();
    const failure = this.readModels.runner.error;
    if (failure && !this.readModels.runner.broken) throw new HttpException({ code: 'unavailable', message: 'read models stopped' }, 503);
    return state;
  }

  /** Readiness: 503 unless the store is up, the read models run and every chain read so far holds. */
  @Get('health/ready')
  @Public()
  async ready() {
    const state = await this.state();
    if (this.readModels.runner.error || state.history.broken.length > 0) {
      const named = state.history.broken.map((b) => `${b.streamId} at position ${b.position}`).join(', ');
      throw new HttpException({ code: state.history.broken.length > 0 ? 'history_broken' : 'unavailable', message: named ? `history broken: ${named}` : 'read models stopped' }, 503);
    }
    return state;
  }

  private async state() {
    let position: number;
    try {
      position = await this.store.headPosition();
    } catch {
      throw new HttpException({ code: 'unavailable', message: 'event store unreachable' }, 503);
    }
    const broken = brokenStreams(this.history.streams(), this.readModels.runner.broken);
    return {
      status: broken.length > 0 ? 'history_broken' : 'ok',
      store: 'up',
      position,
      readModelPosition: this.readModels.runner.position,
      history: { broken },
    };
  }

  @Get('metrics')
  @Public()
  @Header('content-type', 'text/plain; version=0.0.4')
  metricsText(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

/** Each broken stream once, with the first bad event either the write side or the read models met. */
function brokenStreams(fromWriters: HistoryBroken[], fromReadModels: HistoryBroken | null) {
  const all = new Map<string, HistoryBroken>();
  for (const broken of [...fromWriters, ...(fromReadModels ? [fromReadModels] : [])]) {
    const known = all.get(broken.streamId);
    if (!known || broken.position < known.position) all.set(broken.streamId, broken);
  }
  return [...all.values()].map(({ streamId, position, revision, problem }) => ({ streamId, position, revision, problem }));
}
