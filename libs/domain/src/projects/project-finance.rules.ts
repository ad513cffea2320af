import { FundState } from '../contributions/fund.state';
import { AlreadyExists, InvalidState, NotFound, Overpayment, ValidationFailed } from '../errors';
import { actingAs, requireHub } from '../hub/acting';
import { HubState } from '../hub/hub.state';
import { Amount, scaleOf } from '../money';
import { checkText } from '../text';
import { RecordExternalFinancing, RecordProjectSpending, RepayExternalFinancing } from './project-finance.commands';
import { ExternalFinancingRecorded, ExternalFinancingRepaid, FINANCING_SOURCES, ProjectSpendingRecorded } from './project-finance.events';
import { ProjectRecord, checkPhase } from './project';

const TEXT_LENGTH_MAX = 500;

/** A treasurer records a credit-union loan, a grant or other outside money for a project. Refusals: forbidden, not_found, validation_failed. */
export function recordExternalFinancing(command: RecordExternalFinancing, state: FundState, hubState: HubState): ExternalFinancingRecorded[] {
  const hub = requireHub(hubState);
  const treasurer = actingAs(hubState, command.actorId, ['treasurer'], 'record project financing');
  const project = requireProject(hubState, command.projectId);
  if (state.financing.has(command.financingId)) throw new AlreadyExists(`financing ${command.financingId} exists`);
  if (!FINANCING_SOURCES.includes(command.source)) throw new ValidationFailed(`source must be one of ${FINANCING_SOURCES.join(', ')}`);
  const lender = checkText(command.lender, 'lender', TEXT_LENGTH_MAX);
  const terms = checkText(command.terms ?? '', 'terms', TEXT_LENGTH_MAX, 0);
  const amount = Amount.parsePositive(command.amount, hub.currency);
  const phase = checkPhase(project, command.phase);
  const { financingId, source, at } = command;
  return [
    {
      type: 'ExternalFinancingRecorded',
      data: { financingId, projectId: project.projectId, phase, source, lender, amount: amount.toString(), terms, recordedBy: treasurer.memberId, at },
    },
  ];
}

/** A repayment to the lender; a grant owes nothing. Refusals: forbidden, not_found, invalid_state, validation_failed, overpayment. */
export function repayExternalFinancing(command: RepayExternalFinancing, state: FundState, hubState: HubState): ExternalFinancingRepaid[] {
  const hub = requireHub(hubState);
  const treasurer = actingAs(hubState, command.actorId, ['treasurer'], 'record repayments to lenders');
  const financing = state.financing.get(command.financingId);
  if (!financing || financing.projectId !== command.projectId) throw new NotFound(`financing ${command.financingId} not found`);
  if (financing.source === 'grant') throw new InvalidState(`financing ${command.financingId} is a grant: nothing is owed`);
  const amount = Amount.parsePositive(command.amount, hub.currency);
  const owed = financing.amount.minus(financing.repaid);
  if (amount.value.greaterThan(owed)) {
    throw new Overpayment(`${financing.lender} is owed ${owed.toFixed(scaleOf(hub.currency))}, less than ${amount.toString()}`);
  }
  const { financingId, projectId, lender } = financing;
  return [{ type: 'ExternalFinancingRepaid', data: { financingId, projectId, lender, amount: amount.toString(), recordedBy: treasurer.memberId, at: command.at } }];
}

/** A treasurer records money spent on one phase. Refusals: forbidden, not_found, validation_failed. */
export function recordProjectSpending(command: RecordProjectSpending, state: FundState, hubState: HubState): ProjectSpendingRecorded[] {
  const hub = requireHub(hubState);
  const treasurer = actingAs(hubState, command.actorId, ['treasurer'], 'record project spending');
  const project = requireProject(hubState, command.projectId);
  if (state.spending.has(command.spendingId)) throw new AlreadyExists(`spending ${command.spendingId} exists`);
  if (command.phase === undefined) throw new ValidationFailed('phase is required: spending is recorded against a phase');
  const phase = checkPhase(project, command.phase)!;
  const amount = Amount.parsePositive(command.amount, hub.currency);
  const description = checkText(command.description, 'description', TEXT_LENGTH_MAX);
  return [
    {
      type: 'ProjectSpendingRecorded',
      data: { spendingId: command.spendingId, projectId: project.projectId, phase, amount: amount.toString(), description, recordedBy: treasurer.memberId, at: command.at },
    },
  ];
}

export function requireProject(hubState: HubState, projectId: string): ProjectRecord {
  const project = hubState.projects.get(projectId);
  if (!project) throw new NotFound(`project ${projectId} not found`);
  return project;
}
