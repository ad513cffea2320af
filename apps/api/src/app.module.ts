import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { join } from 'node:path';
import {
  CLOCK,
  COMMAND_HANDLERS,
  Clock,
  HistoryHealth,
  Idempotency,
  Ledger,
  QUERY_HANDLERS,
  READ_MODEL_DB,
  ReadModels,
  systemClock,
} from '@commons/application';
import { EVENT_STORE, EventStore, SqliteEventStore } from '@commons/event-store';
import { openReadModelDb } from '@commons/projections';
import { AidController } from './aid/aid.controller';
import { AuditController } from './audit/audit.controller';
import { AuthGuard } from './auth/auth.guard';
import { ServiceConfig } from './config';
import { HealthController } from './health/health.controller';
import { ServiceMetrics } from './health/metrics';
import { DirectoryController } from './hubs/directory.controller';
import { ListingsController } from './listings/listings.controller';
import { ThingsController } from './things/things.controller';
import { HourRequestsController } from './timebank/hour-requests.controller';
import { AutoAcceptanceService } from './timebank/auto-acceptance.service';
import { HubsController } from './hubs/hubs.controller';
import { ImportsController } from './hubs/imports.controller';
import { MemberChangesController } from './hubs/member-changes.controller';
import { ReversalsController } from './reversals/reversals.controller';
import { Lifecycle } from './lifecycle';
import { CommandRunner } from './http/command-runner';
import { ProblemFilter } from './http/problem.filter';
import { ADMIN_TOKEN, SERVICE_CONFIG, THROTTLER_STORAGE } from './http/tokens';
import { WindowedThrottlerStorage, throttlerOptions } from './http/rate-limits';
import { ContributionsController } from './contributions/contributions.controller';
import { PoolController } from './pool/pool.controller';
import { ProjectsController } from './projects/projects.controller';
import { ReportsController } from './reports/reports.controller';
import { TimeBankController } from './timebank/timebank.controller';

export const READ_MODELS_FILE = 'read-models.sqlite';

/** Every controller of the API; the access test walks this list. */
export const CONTROLLERS = [HubsController, ImportsController, DirectoryController, ListingsController, ThingsController, HourRequestsController, MemberChangesController, TimeBankController, PoolController, ContributionsController, AidController, ProjectsController, ReportsController, ReversalsController, AuditController, HealthController];

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, clock: Clock = systemClock, store?: EventStore): DynamicModule {
    const throttlerStorage = new WindowedThrottlerStorage();
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), ThrottlerModule.forRoot(throttlerOptions(config.rateLimits, throttlerStorage))],
      controllers: CONTROLLERS,
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: ADMIN_TOKEN, useValue: config.adminToken },
        { provide: CLOCK, useValue: clock },
        { provide: THROTTLER_STORAGE, useValue: throttlerStorage },
        {
          provide: EVENT_STORE,
          useFactory: () => store ?? new SqliteEventStore({ file: config.eventsFile, busyTimeoutMs: config.storeBusyTimeoutMs }),
        },
        { provide: READ_MODEL_DB, useFactory: () => openReadModelDb(join(config.dataDir, READ_MODELS_FILE)) },
        {
          provide: ServiceMetrics,
          useFactory: (store: EventStore, readModels: ReadModels, history: HistoryHealth) => new ServiceMetrics(store, readModels, history),
          inject: [EVENT_STORE, ReadModels, HistoryHealth],
        },
        HistoryHealth,
        Ledger,
        ReadModels,
        Lifecycle,
        AutoAcceptanceService,
        Idempotency,
        CommandRunner,
        ...COMMAND_HANDLERS,
        ...QUERY_HANDLERS,
        // in this order: the throttler counts commands per token, so it needs the caller the AuthGuard found
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
