import Decimal from 'decimal.js';
import { FinancingReport } from './financing-report';

export type ReportTotals = Omit<FinancingReport, 'hubId' | 'name' | 'loansByProject' | 'projects' | 'corrections' | 'timeBank'> & {
  hubs: number;
  corrections: number;
  timeBank: Omit<FinancingReport['timeBank'], 'hoursByCategory'>;
};

export interface NetworkReport {
  asOf: string;
  hubs: FinancingReport[];
  /** one sum per currency: money of different currencies is never added together */
  totals: ReportTotals[];
}

/** Adds up every figure of the reports given, field by field, keeping each figure's decimal places. */
function sum(reports: FinancingReport[]): ReportTotals {
  const [first] = reports;
  const add = <T extends Record<string, string | number>>(pick: (r: FinancingReport) => T): T => {
    const out: Record<string, string | number> = {};
    for (const key of Object.keys(pick(first))) {
      const values = reports.map((r) => pick(r)[key]);
      out[key] =
        typeof values[0] === 'number'
          ? (values as number[]).reduce((a, b) => a + b, 0)
          : values.reduce((a, b) => a.plus(b as string), new Decimal(0)).toFixed(String(values[0]).split('.')[1]?.length ?? 0);
    }
    return out as T;
  };
  return {
    hubs: reports.length,
    currency: first.currency,
    asOf: first.asOf,
    period: first.period,
    contributions: {
      money: add((r) => r.contributions.money),
      inKind: add((r) => r.contributions.inKind),
      volunteerHours: add((r) => r.contributions.volunteerHours),
    },
    pool: add((r) => r.pool),
    things: add((r) => r.things),
    funds: add((r) => r.funds),
    corrections: reports.reduce((count, r) => count + r.corrections.count, 0),
    aid: {
      contributed: add((r) => ({ contributed: r.aid.contributed })).contributed,
      requested: add((r) => r.aid.requested),
      paid: add((r) => r.aid.paid),
      open: add((r) => r.aid.open),
    },
    // categories are each hub's own: only the hours add up across hubs
    timeBank: add((r) => {
      const { hoursByCategory: _byCategory, ...figures } = r.timeBank;
      return figures;
    }),
  };
}

export function networkReport(reports: FinancingReport[], asOf: string): NetworkReport {
  const byCurrency = new Map<string, FinancingReport[]>();
  for (const report of reports) byCurrency.set(report.currency, [...(byCurrency.get(report.currency) ?? []), report]);
  return { asOf, hubs: reports, totals: [...byCurrency.keys()].sort().map((currency) => sum(byCurrency.get(currency)!)) };
}
