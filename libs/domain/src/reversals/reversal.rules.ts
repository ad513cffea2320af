import { AlreadyExists, Forbidden, InvalidState, NotFound, SeparationOfDuties } from '../errors';
import { activeMember, requireHub } from '../hub/acting';
import { Role } from '../hub/hub.events';
import { HubState, MemberRecord } from '../hub/hub.state';
import { checkId } from '../ids';
import { checkText } from '../text';
import { ConfirmReversal, ProposeReversal, RejectReversal } from './reversal.commands';
import { EntryReversed, REVERSIBLE_TYPES, RecordedEntry, ReversalProposed, ReversalRejected } from './reversal.events';
import { ReversalBook, ReversalRecord, reversalOf } from './reversal.state';

const TEXT_LENGTH_MAX = 500;

/** Who an entry concerns, and whom undoing it lowers or raises. */
export interface ReversalTerms {
  /** hours are corrected with a coordinator, money with a treasurer */
  officer: Extract<Role, 'coordinator' | 'treasurer'>;
  /** the members whose accounts the entry touched */
  parties: string[];
  /** the member whose balance the reversal lowers: their word is enough to confirm it */
  lowers: string | null;
  /** the members the reversal gives back to: never the one who confirms it */
  raises: string[];
}

export function reversalTerms(entry: RecordedEntry): ReversalTerms {
  const hours = (parties: string[], lowers: string | null, raises: string[]): ReversalTerms => ({ officer: 'coordinator', parties, lowers, raises });
  const money = (memberId: string, way: 'lowers' | 'raises'): ReversalTerms =>
    ({ officer: 'treasurer', parties: [memberId], lowers: way === 'lowers' ? memberId : null, raises: way === 'raises' ? [memberId] : [] });
  switch (entry.type) {
    case 'HoursPaid':
      return hours([entry.data.fromMemberId, entry.data.toMemberId], entry.data.toMemberId, [entry.data.fromMemberId]);
    case 'GroupHoursPaid': {
      // it takes from several people: no one of them can agree for the others, so a coordinator confirms
      const payers = new Set(entry.data.payments.map((payment) => payment.fromMemberId));
      const parties = new Set(entry.data.payments.flatMap((payment) => [payment.fromMemberId, payment.toMemberId]));
      return hours([...parties], null, [...payers]);
    }
    case 'VolunteerHoursPaid':
      return hours([entry.data.memberId], entry.data.memberId, []);
    case 'MoneyContributed':
    case 'InKindContributed':
      return money(entry.data.memberId, 'raises');
    case 'SavingsDeposited':
      return money(entry.data.memberId, 'lowers');
    case 'SavingsWithdrawn':
      return money(entry.data.memberId, 'raises');
    case 'LoanRepaymentReceived':
      return money(entry.data.borrowerId, 'lowers');
    case 'AidPaid':
      return money(entry.data.memberId, 'lowers');
    default: {
      const unhandled: never = entry;
      throw new InvalidState(`an entry of type ${(unhandled as { type: string }).type} cannot be reversed`);
    }
  }
}

/** Refuses an entry whose reversal the stream cannot take now (money that is no longer there). */
export type UndoCheck = (entry: RecordedEntry) => void;

/**
 * A party to the entry, or an officer of its ledger, proposes to reverse it.
 * Refusals: forbidden, not_found (hub), validation_failed, already_exists (reversal id),
 * invalid_state (not reversible, already reversed, or a reversal already proposed),
 * insufficient_funds / insufficient_liquidity (as the stream's undo check says).
 */
export function proposeReversal(command: ProposeReversal, book: ReversalBook, hubState: HubState, streamId: string, undoable: UndoCheck): ReversalProposed[] {
  requireHub(hubState);
  const { entry } = command;
  if (entry.streamId !== streamId || !REVERSIBLE_TYPES.has(entry.type)) {
    throw new InvalidState(`the entry at position ${entry.position} (${entry.type}) cannot be reversed`);
  }
  const terms = reversalTerms(entry);
  const actor = activeMember(hubState, command.actorId, 'propose reversals');
  if (!terms.parties.includes(actor.memberId) && !actor.roles.includes(terms.officer)) {
    throw new Forbidden(`only a party to the entry or a ${terms.officer} may propose to reverse it`);
  }
  checkId(command.reversalId, 'reversalId');
  if (book.byId.has(command.reversalId)) throw new AlreadyExists(`reversal ${command.reversalId} exists`);
  const existing = reversalOf(book, entry);
  if (existing?.status === 'applied') throw new InvalidState(`the entry at position ${entry.position} was already reversed (reversal ${existing.reversalId})`);
  if (existing) throw new InvalidState(`a reversal of the entry at position ${entry.position} is already proposed (reversal ${existing.reversalId})`);
  const reason = checkText(command.reason, 'reason', TEXT_LENGTH_MAX);
  undoable(entry);
  return [{ type: 'ReversalProposed', data: { reversalId: command.reversalId, entry, reason, proposedBy: actor.memberId, at: command.at } }];
}

/**
 * Someone other than the proposer applies it: the member the reversal lowers, or an officer of
 * that ledger, never the member it gives back to. Refusals: forbidden, separation_of_duties,
 * not_found, invalid_state (already applied or rejected), and the stream's undo check.
 */
export function confirmReversal(command: ConfirmReversal, book: ReversalBook, hubState: HubState, undoable: UndoCheck): EntryReversed[] {
  const reversal = knownReversal(book, command.reversalId);
  const confirmer = secondPerson(hubState, command.actorId, reversal, 'confirm');
  stillProposed(reversal);
  const note = checkText(command.note ?? '', 'note', TEXT_LENGTH_MAX, 0);
  undoable(reversal.entry);
  const { reversalId, entry, reason, proposedBy } = reversal;
  return [{ type: 'EntryReversed', data: { reversalId, entry, reason, proposedBy, confirmedBy: confirmer.memberId, note, at: command.at } }];
}

/** Refusals: as for confirmation (without the undo check), and validation_failed (reason). */
export function rejectReversal(command: RejectReversal, book: ReversalBook, hubState: HubState): ReversalRejected[] {
  const reversal = knownReversal(book, command.reversalId);
  const rejecter = secondPerson(hubState, command.actorId, reversal, 'reject');
  stillProposed(reversal);
  const reason = checkText(command.reason, 'reason', TEXT_LENGTH_MAX);
  const { position, streamId, revision } = reversal.entry;
  return [{ type: 'ReversalRejected', data: { reversalId: reversal.reversalId, original: { position, streamId, revision }, rejectedBy: rejecter.memberId, reason, at: command.at } }];
}

function knownReversal(book: ReversalBook, reversalId: string): ReversalRecord {
  const reversal = book.byId.get(reversalId);
  if (!reversal) throw new NotFound(`reversal ${reversalId} not found`);
  return reversal;
}

// checked after who is asking: someone who may not decide learns nothing of how it stands
function stillProposed(reversal: ReversalRecord): void {
  if (reversal.status !== 'proposed') throw new InvalidState(`reversal ${reversal.reversalId} is already ${reversal.status}`);
}

function secondPerson(hubState: HubState, actorId: string, reversal: ReversalRecord, doing: string): MemberRecord {
  requireHub(hubState);
  const terms = reversalTerms(reversal.entry);
  const actor = activeMember(hubState, actorId, `${doing} reversals`);
  if (actor.memberId === reversal.proposedBy) {
    throw new SeparationOfDuties('no-confirming-own-proposal', `someone other than its proposer must ${doing} this reversal`);
  }
  if (terms.raises.includes(actor.memberId)) {
    throw new SeparationOfDuties('no-confirming-own-gain', `nobody may ${doing} a reversal that gives back to themselves`);
  }
  if (actor.memberId !== terms.lowers && !actor.roles.includes(terms.officer)) {
    throw new Forbidden(`only the member this reversal takes from, or a ${terms.officer}, may ${doing} it`);
  }
  return actor;
}
