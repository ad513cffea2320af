import { FinancedBy } from '@commons/domain';
import { csvRow } from '../csv';
import { FinancingReport } from './financing-report';

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
  add('funds', report.funds);
  add('aid', { contributed: report.aid.contributed });
  add('aid.requested', report.aid.requested);
  add('aid.paid', report.aid.paid);
  add('aid.open', report.aid.open);
  for (const project of report.projects) {
    const flat = (section: string, figures: { budget: string; financed: FinancedBy; spent: string; remaining: string }) => {
      add(section, { budget: figures.budget });
      add(`${section}.financed`, { ...figures.financed });
      add(section, { spent: figures.spent, remaining: figures.remaining });
    };
    flat(`projects.${project.projectId}`, project);
    add(`projects.${project.projectId}`, { unfinanced: project.unfinanced });
    for (const lender of project.owed) add(`projects.${project.projectId}.owed`, { [`${lender.source}:${lender.lender}`]: lender.owed });
    for (const phase of project.phases) flat(`projects.${project.projectId}.phases.${phase.name}`, phase);
  }
  const { hoursByCategory, ...timeBank } = report.timeBank;
  add('timeBank', timeBank);
  for (const category of hoursByCategory) add('timeBank.hoursByCategory', { [category.categoryId ?? '(none)']: category.hours });
  add('things', report.things);
  return rows.map(csvRow);
}

export const FINANCING_CSV_HEADER = 'hub,section,metric,value';

export function financingReportCsv(reports: FinancingReport[]): string {
  return [FINANCING_CSV_HEADER, ...reports.flatMap(financingReportCsvRows)].join('\n') + '\n';
}
