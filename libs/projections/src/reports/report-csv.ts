import { FinancingReport } from './financing-report';

const cell = (value: unknown) => {
  const text = value === null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One report as CSV rows `hub,section,metric,value`: a spreadsheet sums them without reshaping. */
export function financingReportCsvRows(report: FinancingReport): string[] {
  const rows: unknown[][] = [];
  const add = (section: string, values: Record<string, unknown>) => {
    for (const [metric, value] of Object.entries(values)) rows.push([report.hubId, section, metric, value]);
  };
  add('report', { currency: report.currency, asOf: report.asOf, from: report.period.from, to: report.period.to });
  add('contributions.money', report.contributions.money);
  add('contributions.inKind', report.contributions.inKind);
  add('contributions.volunteerHours', report.contributions.volunteerHours);
  add('pool', report.pool);
  for (const project of report.loansByProject) {
    add(`loansByProject.${project.projectId ?? '(none)'}`, { loans: project.loans, disbursed: project.disbursed, outstanding: project.outstanding });
  }
  add('timeBank', report.timeBank);
  return rows.map((row) => row.map(cell).join(','));
}

export const FINANCING_CSV_HEADER = 'hub,section,metric,value';

export function financingReportCsv(reports: FinancingReport[]): string {
  return [FINANCING_CSV_HEADER, ...reports.flatMap(financingReportCsvRows)].join('\n') + '\n';
}
