import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@commons/domain';
import { EVENT_STORE, EventStore } from '@commons/event-store';
import { FinancingReport, NetworkReport, ProjectReport, ReportWindow, networkReport, projectedProjectReport, projectedReport } from '@commons/projections';
import { ReadModels } from '../read-models';
import { nextTurn } from '../slices';

export class GetFinancingReportQuery extends Query<FinancingReport> {
  constructor(
    readonly hubId: string,
    readonly window: ReportWindow,
  ) {
    super();
  }
}

/** From the report read model (its cost does not grow with history). Refusals: not_found (no such hub at `asOf`). */
@QueryHandler(GetFinancingReportQuery)
export class GetFinancingReportHandler implements IQueryHandler<GetFinancingReportQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ hubId, window }: GetFinancingReportQuery): Promise<FinancingReport> {
    const report = await projectedReport(this.readModels.reports, this.store, hubId, window);
    if (!report) throw new NotFound(`hub ${hubId} did not exist at ${window.asOf}`);
    return report;
  }
}

export class GetNetworkReportQuery extends Query<NetworkReport> {
  constructor(readonly window: ReportWindow) {
    super();
  }
}

/** Every hub's report, and their sums per currency. */
@QueryHandler(GetNetworkReportQuery)
export class GetNetworkReportHandler implements IQueryHandler<GetNetworkReportQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ window }: GetNetworkReportQuery): Promise<NetworkReport> {
    const reports: FinancingReport[] = [];
    for (const hubId of this.readModels.hubIds()) {
      const report = await projectedReport(this.readModels.reports, this.store, hubId, window);
      if (report) reports.push(report);
      await nextTurn(); // a hub at a time: other requests are served between them
    }
    return networkReport(reports, window.asOf);
  }
}

export class GetProjectQuery extends Query<ProjectReport> {
  constructor(
    readonly hubId: string,
    readonly projectId: string,
    readonly asOf: string,
  ) {
    super();
  }
}

/** From the report read model, as of `asOf`. Refusals: not_found (no such project at `asOf`). */
@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ hubId, projectId, asOf }: GetProjectQuery): Promise<ProjectReport> {
    const report = await projectedProjectReport(this.readModels.reports, this.store, hubId, projectId, asOf);
    if (!report) throw new NotFound(`project ${projectId} did not exist at ${asOf}`);
    return report;
  }
}
