import { Controller, Get, Header, HttpException, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadModels } from '@commons/application';
import { EVENT_STORE, EventStore } from '@commons/event-store';
import { Public } from '../auth/access.decorator';
import { ServiceMetrics } from './metrics';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly metrics: ServiceMetrics,
  ) {}

  /** Liveness and store reachability: 503 when the store cannot be read or the read models stopped. */
  @Get('health')
  @Public()
  async health() {
    let position: number;
    try {
      position = await this.store.headPosition();
    } catch {
      throw new HttpException({ code: 'unavailable', message: 'event store unreachable' }, 503);
    }
    const failure = this.readModels.runner.error;
    if (failure) throw new HttpException({ code: 'unavailable', message: 'read models stopped' }, 503);
    return { status: 'ok', store: 'up', position, readModelPosition: this.readModels.runner.position };
  }

  @Get('metrics')
  @Public()
  @Header('content-type', 'text/plain; version=0.0.4')
  metricsText(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
