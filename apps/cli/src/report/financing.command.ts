import { FinancingReport, financingReport, financingReportCsv, hubHistory } from '@commons/projections';
import { Options, UsageError, choiceOption, momentOption } from '../args';
import { openEvents } from '../data-dir';

const FORMATS = ['table', 'json', 'csv'];

/** `commons report financing --hub H [--as-of DATE] [--from DATE] [--to DATE] [--format table|json|csv]` */
export async function reportFinancing(options: Options, out: NodeJS.WritableStream): Promise<number> {
  const hubId = options.get('hub');
  if (typeof hubId !== 'string') throw new UsageError('--hub H is required');
  const format = choiceOption(options, 'format', FORMATS, 'table');
  const window = { asOf: momentOption(options, 'as-of') ?? new Date().toISOString(), from: momentOption(options, 'from'), to: momentOption(options, 'to') };
  const store = await openEvents(options);
  try {
    const report = await financingReport(hubHistory(store, hubId), window);
    if (!report) {
      process.stderr.write(`commons: no hub ${hubId} as of ${window.asOf}\n`);
      return 1;
    }
    if (format === 'json') out.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (format === 'csv') out.write(financingReportCsv([report]));
    else out.write(table(report));
    return 0;
  } finally {
    await store.close();
  }
}

/** A plain-text page a treasurer can read aloud at a meeting. */
function table(r: FinancingReport): string {
  const lines: string[] = [];
  const section = (title: string, rows: Array<[string, string | number]>) => {
    lines.push('', title);
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, value] of rows) lines.push(`  ${label.padEnd(width)}  ${String(value).padStart(14)}`);
  };
  lines.push(`Financing report: ${r.name} (${r.hubId}), ${r.currency}`);
  lines.push(`as of ${r.asOf}; period ${r.period.from ?? 'the beginning'} to ${r.period.to}`);
  section('Contributions in the period', [
    [`money (${r.contributions.money.count})`, r.contributions.money.total],
    [`goods, estimated value (${r.contributions.inKind.count})`, r.contributions.inKind.estimatedValue],
    [`volunteer hours (${r.contributions.volunteerHours.count})`, r.contributions.volunteerHours.hours],
  ]);
  section('Savings pool', [
    ['member savings', r.pool.savings],
    ['cash', r.pool.cash],
    ['reserve', r.pool.reserve],
    ['loans outstanding', r.pool.loansOutstanding],
    ['arrears', r.pool.arrears],
    ['portfolio at risk (30 days)', r.pool.portfolioAtRisk30],
    ['disbursed in the period', r.pool.disbursed],
    ['repaid in the period', r.pool.repaid],
    ['interest earned in the period', r.pool.interestEarned],
    ['written off in the period', r.pool.writtenOff],
  ]);
  if (r.loansByProject.length > 0) {
    section(
      'Loans by project (disbursed / outstanding)',
      r.loansByProject.map((p) => [`${p.projectId ?? '(no project)'} (${p.loans})`, `${p.disbursed} / ${p.outstanding}`]),
    );
  }
  section('Funds and mutual aid (totals only)', [
    ['general fund', r.funds.general],
    ['aid fund', r.funds.aid],
    ['given to the aid fund in the period', r.aid.contributed],
    [`aid asked for in the period (${r.aid.requested.count})`, r.aid.requested.total],
    [`aid paid in the period (${r.aid.paid.count})`, r.aid.paid.total],
    [`aid requests open (${r.aid.open.count})`, r.aid.open.total],
  ]);
  for (const p of r.projects) {
    const f = p.financed;
    section(`Project ${p.name} (${p.projectId})`, [
      ['budget', p.budget],
      ['financed: pool loans', f.poolLoans],
      ['financed: contributions', f.contributions],
      ['financed: credit union', f.creditUnion],
      ['financed: grants', f.grant],
      ['financed: other', f.other],
      ['financed in all', f.total],
      ['spent', p.spent],
      ['remaining', p.remaining],
      ['still to finance', p.unfinanced],
      ...p.owed.map((o): [string, string] => [`owed to ${o.lender}`, o.owed]),
      ...p.phases.map((ph): [string, string] => [`phase ${ph.name}: budget / financed / spent`, `${ph.budget} / ${ph.financed.total} / ${ph.spent}`]),
    ]);
  }
  section('Time bank', [
    ['hours exchanged in the period', r.timeBank.hoursExchanged],
    ['members active in the period', r.timeBank.activeMembers],
    ['members at or near their limit', r.timeBank.membersAtOrNearLimit],
    ["hub's own time account", r.timeBank.hubAccountBalance],
  ]);
  return `${lines.join('\n')}\n`;
}
