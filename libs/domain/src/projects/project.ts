import Decimal from 'decimal.js';
import { ValidationFailed } from '../errors';
import { checkId } from '../ids';
import { Amount } from '../money';
import { checkText } from '../text';

const NAME_LENGTH_MAX = 200;
const PHASES_MAX = 50;

export interface ProjectPhase {
  name: string;
  budget: string;
}

/** A hub project (a greenhouse, a community centre), budgeted phase by phase. */
export interface ProjectRecord {
  projectId: string;
  name: string;
  budget: string;
  phases: ProjectPhase[];
  createdBy: string;
  createdAt: string;
}

export interface ProjectInput {
  projectId: string;
  name: string;
  budget: string;
  phases: Array<{ name: string; budget: string }>;
}

/**
 * A project's definition, checked: every budget in the hub's currency, phase names distinct,
 * and the phases together within the project's budget (a part may be left to plan later).
 */
export function checkProject(input: ProjectInput, currency: string): Omit<ProjectRecord, 'createdBy' | 'createdAt'> {
  const projectId = checkId(input.projectId, 'projectId');
  const name = checkText(input.name, 'name', NAME_LENGTH_MAX);
  const budget = Amount.parsePositive(input.budget, currency, 'budget');
  if (!Array.isArray(input.phases) || input.phases.length === 0 || input.phases.length > PHASES_MAX) {
    throw new ValidationFailed(`phases must list 1-${PHASES_MAX} phases`);
  }
  const seen = new Set<string>();
  let phasesTotal = new Decimal(0);
  const phases = input.phases.map((phase, i) => {
    const phaseName = checkText(phase?.name, `phases[${i}].name`, NAME_LENGTH_MAX);
    if (seen.has(phaseName)) throw new ValidationFailed(`phase ${phaseName} is named twice`);
    seen.add(phaseName);
    const phaseBudget = Amount.parsePositive(phase.budget, currency, `phases[${i}].budget`);
    phasesTotal = phasesTotal.plus(phaseBudget.value);
    return { name: phaseName, budget: phaseBudget.toString() };
  });
  if (phasesTotal.greaterThan(budget.value)) {
    throw new ValidationFailed(`the phases' budgets add up to ${phasesTotal.toFixed()}, more than the project's ${budget.toString()}`);
  }
  return { projectId, name, budget: budget.toString(), phases };
}

/** The phase named, or a refusal: spending and earmarked money must land on a phase that exists. */
export function checkPhase(project: ProjectRecord, phase: string | undefined, field = 'phase'): string | null {
  if (phase === undefined) return null;
  if (!project.phases.some((p) => p.name === phase)) {
    throw new ValidationFailed(`${field} ${phase} is not a phase of project ${project.projectId}`);
  }
  return phase;
}
