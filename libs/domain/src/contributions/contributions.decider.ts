import Decimal from 'decimal.js';
import { moveFundMoney, payAid, requestAid, withdrawAidRequest } from '../aid/aid.rules';
import { Decider } from '../decider';
import { AlreadyExists, InsufficientLiquidity, InvalidState, ValidationFailed } from '../errors';
import { actingAs, notForThemselves, requireHub, requireMember } from '../hub/acting';
import { RecordedEntry } from '../reversals/reversal.events';
import { confirmReversal, proposeReversal, rejectReversal } from '../reversals/reversal.rules';
import { foldReversal } from '../reversals/reversal.state';
import { fundStream } from '../streams';
import { HubState } from '../hub/hub.state';
import { Amount, scaleOf } from '../money';
import { checkPhase } from '../projects/project';
import { checkText } from '../text';
import { recordExternalFinancing, recordProjectSpending, repayExternalFinancing, requireProject } from '../projects/project-finance.rules';
import { FUNDS } from '../aid/aid.events';
import { FundCommand, RecordContribution } from './contributions.commands';
import { FundEvent } from './contributions.events';
import { FundState, copyFundState, initialFundState, monthOf } from './fund.state';

const DESCRIPTION_LENGTH_MAX = 500;
// goods are counted in whatever unit the description names: whole boxes, 2.5 kg, 0.125 cords
const QUANTITY = /^(0|[1-9]\d{0,11})(\.\d{1,3})?$/;

/** The hub's fund stream: contributions, the aid fund and its requests, project financing and spending. */
export const fundDecider: Decider<FundCommand, FundEvent, FundState, HubState> = {
  initialState: initialFundState,
  evolve: evolveFund,
  decide: decideFund,
  copy: copyFundState,
};

/** Refusals: as each rule lists them. */
export function decideFund(command: FundCommand, state: FundState, hubState: HubState): FundEvent[] {
  switch (command.type) {
    case 'RecordContribution':
      return recordContribution(command, state, hubState);
    case 'MoveFundMoney':
      return moveFundMoney(command, state, hubState);
    case 'RequestAid':
      return requestAid(command, state, hubState);
    case 'PayAid':
      return payAid(command, state, hubState);
    case 'WithdrawAidRequest':
      return withdrawAidRequest(command, state);
    case 'RecordExternalFinancing':
      return recordExternalFinancing(command, state, hubState);
    case 'RepayExternalFinancing':
      return repayExternalFinancing(command, state, hubState);
    case 'RecordProjectSpending':
      return recordProjectSpending(command, state, hubState);
    case 'ProposeReversal':
      return proposeReversal(command, state.reversals, hubState, fundStream(requireHub(hubState).hubId), (entry) => undoable(state, entry, hubState));
    case 'ConfirmReversal':
      return confirmReversal(command, state.reversals, hubState, (entry) => undoable(state, entry, hubState));
    case 'RejectReversal':
      return rejectReversal(command, state.reversals, hubState);
    default: {
      const unhandled: never = command;
      throw new ValidationFailed(`unknown command ${(unhandled as { type: string }).type}`);
    }
  }
}

/**
 * Refusals: forbidden (not a coordinator or treasurer), separation_of_duties (one's own
 * contribution), not_found (hub, member or project), invalid_state (a suspended member),
 * already_exists (contribution id), validation_failed.
 */
function recordContribution(command: RecordContribution, state: FundState, hubState: HubState): FundEvent[] {
  const hub = requireHub(hubState);
  const recorder = actingAs(hubState, command.actorId, ['coordinator', 'treasurer'], 'record contributions');
  notForThemselves(recorder, command.memberId, 'no-own-contribution', 'records a contribution');
  if (state.contributionIds.has(command.contributionId)) throw new AlreadyExists(`contribution ${command.contributionId} exists`);
  const member = requireMember(hubState, command.memberId);
  if (member.status !== 'active') throw new InvalidState(`member ${member.memberId} is suspended`);
  const description = checkText(command.description, 'description', DESCRIPTION_LENGTH_MAX);
  const common = { contributionId: command.contributionId, memberId: member.memberId, description, recordedBy: recorder.memberId, at: command.at };
  if (command.kind === 'money') {
    if (command.estimatedValue !== undefined) throw new ValidationFailed('estimatedValue is for in-kind contributions');
    const amount = Amount.parsePositive(command.amount, hub.currency);
    const fund = command.fund ?? 'general';
    if (!FUNDS.includes(fund)) throw new ValidationFailed(`fund must be one of ${FUNDS.join(', ')}`);
    if (command.phase !== undefined && command.projectId === undefined) throw new ValidationFailed('a phase needs its projectId');
    if (command.projectId !== undefined && fund !== 'general') throw new ValidationFailed('money for the aid fund is not earmarked for a project');
    const project = command.projectId === undefined ? null : requireProject(hubState, command.projectId);
    const phase = project ? checkPhase(project, command.phase) : null;
    return [{ type: 'MoneyContributed', data: { ...common, amount: amount.toString(), fund, projectId: project?.projectId ?? null, phase } }];
  }
  if (command.fund !== undefined || command.projectId !== undefined || command.phase !== undefined) {
    throw new ValidationFailed('fund, projectId and phase are for money contributions');
  }
  if (typeof command.amount !== 'string' || !QUANTITY.test(command.amount) || new Decimal(command.amount).isZero()) {
    throw new ValidationFailed('amount of an in-kind contribution is a positive quantity, at most 3 decimal places');
  }
  const estimatedValue =
    command.estimatedValue === undefined ? null : Amount.parse(command.estimatedValue, hub.currency, 'estimatedValue').toString();
  return [{ type: 'InKindContributed', data: { ...common, quantity: command.amount, estimatedValue } }];
}

export function evolveFund(state: FundState, event: FundEvent): FundState {
  switch (event.type) {
    case 'MoneyContributed': {
      const d = event.data;
      state.contributionIds.add(d.contributionId);
      if (d.projectId) state.earmarked.push({ sourceId: d.contributionId, projectId: d.projectId, phase: d.phase, amount: new Decimal(d.amount) });
      else if (d.fund === 'aid') state.aid = state.aid.plus(d.amount);
      else state.general = state.general.plus(d.amount);
      return state;
    }
    case 'InKindContributed':
      state.contributionIds.add(event.data.contributionId);
      return state;
    case 'FundMoneyMoved': {
      const amount = new Decimal(event.data.amount);
      const delta = event.data.to === 'aid' ? amount : amount.negated();
      state.aid = state.aid.plus(delta);
      state.general = state.general.minus(delta);
      return state;
    }
    case 'AidRequested': {
      const d = event.data;
      state.aidRequests.set(d.requestId, { requestId: d.requestId, memberId: d.memberId, amount: new Decimal(d.amount), status: 'requested', month: monthOf(d.at) });
      return state;
    }
    case 'AidPaid': {
      const request = state.aidRequests.get(event.data.requestId)!;
      state.aidRequests.set(request.requestId, { ...request, status: 'paid' });
      state.aid = state.aid.minus(event.data.amount);
      return state;
    }
    case 'AidRequestWithdrawn': {
      const request = state.aidRequests.get(event.data.requestId)!;
      state.aidRequests.set(request.requestId, { ...request, status: 'withdrawn' });
      return state;
    }
    case 'ExternalFinancingRecorded': {
      const d = event.data;
      state.financing.set(d.financingId, {
        financingId: d.financingId, projectId: d.projectId, phase: d.phase, source: d.source, lender: d.lender, amount: new Decimal(d.amount), repaid: new Decimal(0),
      });
      return state;
    }
    case 'ExternalFinancingRepaid': {
      const financing = state.financing.get(event.data.financingId)!;
      state.financing.set(financing.financingId, { ...financing, repaid: financing.repaid.plus(event.data.amount) });
      return state;
    }
    case 'ProjectSpendingRecorded': {
      const d = event.data;
      state.spending.set(d.spendingId, { sourceId: d.spendingId, projectId: d.projectId, phase: d.phase, amount: new Decimal(d.amount) });
      return state;
    }
    case 'ReversalProposed':
    case 'ReversalRejected':
    case 'EntryReversed':
      return foldReversal(state, event, undoFundEntry);
    default: {
      const unhandled: never = event;
      throw new TypeError(`unknown fund event ${(unhandled as { type: string }).type}`);
    }
  }
}

/** Money a reversal takes back must still be in its fund: a fund never goes below zero. */
function undoable(state: FundState, entry: RecordedEntry, hubState: HubState): void {
  const hub = requireHub(hubState);
  switch (entry.type) {
    case 'MoneyContributed': {
      const { fund, projectId, amount } = entry.data;
      if (projectId) return; // earmarked money is counted in its project's figures, not held in a fund
      const held = fund === 'aid' ? state.aid : state.general;
      if (held.lessThan(amount)) {
        throw new InsufficientLiquidity(`the ${fund} fund holds ${held.toFixed(scaleOf(hub.currency))} ${hub.currency}, less than the ${amount} to give back`);
      }
      return;
    }
    case 'InKindContributed':
    case 'AidPaid':
      return;
    default:
      throw new InvalidState(`a ${entry.type} is not a fund entry`);
  }
}

function undoFundEntry(state: FundState, entry: RecordedEntry): FundState {
  switch (entry.type) {
    case 'MoneyContributed': {
      const d = entry.data;
      if (d.projectId) state.earmarked = state.earmarked.filter((earmark) => earmark.sourceId !== d.contributionId);
      else if (d.fund === 'aid') state.aid = state.aid.minus(d.amount);
      else state.general = state.general.minus(d.amount);
      return state;
    }
    case 'InKindContributed':
      return state; // goods have no balance here: the report counts the reversal
    case 'AidPaid': {
      const request = state.aidRequests.get(entry.data.requestId)!;
      state.aidRequests.set(request.requestId, { ...request, status: 'reversed' });
      state.aid = state.aid.plus(entry.data.amount);
      return state;
    }
    default:
      throw new TypeError(`a fund reversal names a ${entry.type}`);
  }
}
