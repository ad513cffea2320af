import { EventStore } from '@commons/event-store';
import { ProjectFinancing, projectFinancing, scaleOf } from '@commons/domain';
import { FinancingReport, ReportWindow, assembleReport } from './financing-report';
import { periodBetween } from './report-fold';
import { ReportBook } from './reports.projection';

/**
 * The financing report from the report book: the states as of `asOf`, and the period as the
 * difference of the running totals at its two ends. Null when the hub did not exist then.
 */
export async function projectedReport(book: ReportBook, store: EventStore, hubId: string, window: ReportWindow): Promise<FinancingReport | null> {
  const asOf = await book.foldAt(store, hubId, window.asOf, true);
  if (!asOf) return null;
  // the period ends at `to` (not included) or at `asOf` (included), whichever comes first
  const endsAtTo = window.to !== undefined && window.to <= window.asOf;
  const end = endsAtTo ? (await book.foldAt(store, hubId, window.to!, false))! : asOf;
  const empty = window.from !== undefined && (endsAtTo ? window.from >= window.to! : window.from > window.asOf);
  const start = empty ? end : window.from === undefined ? null : await book.foldAt(store, hubId, window.from, false);
  const corrections = book.corrections(hubId, start?.totals.corrections ?? 0, end.totals.corrections);
  return assembleReport(window, asOf, periodBetween(start, end, corrections));
}

export interface ProjectReport extends ProjectFinancing {
  hubId: string;
  currency: string;
  asOf: string;
  createdBy: string;
  createdAt: string;
}

/** One project's financing as of a moment, from the report book. Null when it did not exist then. */
export async function projectedProjectReport(book: ReportBook, store: EventStore, hubId: string, projectId: string, asOf: string): Promise<ProjectReport | null> {
  const fold = await book.foldAt(store, hubId, asOf, true);
  const project = fold?.hub.projects.get(projectId);
  if (!fold?.hub.hub || !project) return null;
  const figures = projectFinancing(project, fold.fund, fold.pool, scaleOf(fold.hub.hub.currency));
  return { hubId, currency: fold.hub.hub.currency, asOf, ...figures, createdBy: project.createdBy, createdAt: project.createdAt };
}
