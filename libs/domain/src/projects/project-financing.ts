import Decimal from 'decimal.js';
import { FundState } from '../contributions/fund.state';
import { PoolState } from '../pool/pool.state';
import { ProjectRecord } from './project';

/** Where a project's money came from, by source. */
export interface FinancedBy {
  poolLoans: string;
  contributions: string;
  creditUnion: string;
  grant: string;
  other: string;
  total: string;
}

export interface PhaseFinancing {
  name: string;
  budget: string;
  financed: FinancedBy;
  spent: string;
  /** budget less spent: negative when a phase ran over */
  remaining: string;
}

export interface ProjectFinancing {
  projectId: string;
  name: string;
  budget: string;
  financed: FinancedBy;
  spent: string;
  remaining: string;
  /** budget less everything financed: what is still to be found (negative: more than the budget) */
  unfinanced: string;
  /** principal still owed, lender by lender: the savings pool and each outside lender */
  owed: Array<{ lender: string; source: 'pool-loan' | 'credit-union' | 'other'; owed: string }>;
  /** money not tied to one phase is in the project's figures only */
  phases: PhaseFinancing[];
}

type Source = keyof Omit<FinancedBy, 'total'>;
const SOURCE_OF = { 'credit-union': 'creditUnion', grant: 'grant', other: 'other' } as const;
export const POOL_LENDER = 'savings pool';

/**
 * A project's financing from the fund stream and the pool as folded up to one moment: pool loans
 * count once disbursed (their principal), earmarked contributions and outside financing once
 * recorded, and what is owed is principal not yet repaid (a written-off loan owes nothing).
 */
export function projectFinancing(project: ProjectRecord, fund: FundState, pool: PoolState, scale: number): ProjectFinancing {
  const money = (value: Decimal) => value.toFixed(scale);
  const tally = () => ({ poolLoans: new Decimal(0), contributions: new Decimal(0), creditUnion: new Decimal(0), grant: new Decimal(0), other: new Decimal(0) });
  const whole = tally();
  const byPhase = new Map(project.phases.map((phase) => [phase.name, { financed: tally(), spent: new Decimal(0) }]));
  const finance = (source: Source, phase: string | null, amount: Decimal) => {
    whole[source] = whole[source].plus(amount);
    const entry = phase === null ? undefined : byPhase.get(phase);
    if (entry) entry.financed[source] = entry.financed[source].plus(amount);
  };
  const owed = new Map<string, { lender: string; source: 'pool-loan' | 'credit-union' | 'other'; owed: Decimal }>();
  const owe = (lender: string, source: 'pool-loan' | 'credit-union' | 'other', amount: Decimal) => {
    const key = `${source}\u0000${lender}`;
    const entry = owed.get(key) ?? { lender, source, owed: new Decimal(0) };
    entry.owed = entry.owed.plus(amount);
    owed.set(key, entry);
  };

  for (const loan of pool.loans.values()) {
    if (loan.projectId !== project.projectId || !['active', 'repaid', 'written_off'].includes(loan.status)) continue;
    finance('poolLoans', loan.phase, loan.principal);
    owe(POOL_LENDER, 'pool-loan', loan.status === 'active' ? loan.principal.minus(loan.principalPaid) : new Decimal(0));
  }
  for (const earmark of fund.earmarked) {
    if (earmark.projectId === project.projectId) finance('contributions', earmark.phase, earmark.amount);
  }
  for (const financing of fund.financing.values()) {
    if (financing.projectId !== project.projectId) continue;
    finance(SOURCE_OF[financing.source], financing.phase, financing.amount);
    if (financing.source !== 'grant') owe(financing.lender, financing.source, financing.amount.minus(financing.repaid));
  }
  let spent = new Decimal(0);
  for (const spending of fund.spending.values()) {
    if (spending.projectId !== project.projectId) continue;
    spent = spent.plus(spending.amount);
    const entry = byPhase.get(spending.phase!);
    if (entry) entry.spent = entry.spent.plus(spending.amount);
  }

  const financedBy = (t: ReturnType<typeof tally>): FinancedBy => ({
    poolLoans: money(t.poolLoans),
    contributions: money(t.contributions),
    creditUnion: money(t.creditUnion),
    grant: money(t.grant),
    other: money(t.other),
    total: money(t.poolLoans.plus(t.contributions).plus(t.creditUnion).plus(t.grant).plus(t.other)),
  });
  const budget = new Decimal(project.budget);
  const financed = financedBy(whole);
  return {
    projectId: project.projectId,
    name: project.name,
    budget: money(budget),
    financed,
    spent: money(spent),
    remaining: money(budget.minus(spent)),
    unfinanced: money(budget.minus(financed.total)),
    owed: [...owed.values()]
      .sort((a, b) => a.source.localeCompare(b.source) || a.lender.localeCompare(b.lender))
      .map((entry) => ({ lender: entry.lender, source: entry.source, owed: money(entry.owed) })),
    phases: project.phases.map((phase) => {
      const entry = byPhase.get(phase.name)!;
      return {
        name: phase.name,
        budget: money(new Decimal(phase.budget)),
        financed: financedBy(entry.financed),
        spent: money(entry.spent),
        remaining: money(new Decimal(phase.budget).minus(entry.spent)),
      };
    }),
  };
}
