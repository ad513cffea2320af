import { EventStore } from '@commons/event-store';
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
