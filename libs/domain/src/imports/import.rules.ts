import { Forbidden, LinesRefused, NotFound, ValidationFailed } from '../errors';
import { checkId } from '../ids';
import { ADMIN, SYSTEM, isAdmin } from '../hub/acting';
import { HubEvent, Role } from '../hub/hub.events';
import { HubState } from '../hub/hub.state';
import { checkRoles } from '../hub/member.rules';
import { CONTACT_LENGTH_MAX, DISPLAY_NAME_LENGTH_MAX } from '../hub/profile.rules';
import { Amount, HOUR } from '../money';
import { checkText } from '../text';
import { HUB_OWNER } from '../things/thing.events';
import { TimeBankState, balanceOf } from '../timebank/timebank.decider';
import { HUB_ACCOUNT, HoursPaid } from '../timebank/timebank.events';
import { ImportTimeBank, ImportedMemberLine, OpeningBalanceLine } from './import.commands';

const IMPORT_MEMBERS_MAX = 10_000;
export const OPENING_BALANCE_MEMO = 'Opening balance, brought from the earlier time bank';
const SIGNED_HOURS = /^-?(0|[1-9]\d{0,17})(\.\d+)?$/;

/** What an import writes: the hub's new members, and their opening balances on the time bank. */
export interface ImportDecision {
  hubEvents: HubEvent[];
  timeBankEvents: HoursPaid[];
}

/**
 * The admin brings an existing time bank's members and opening balances in one decision: every
 * line is checked and every bad one named, and one bad line refuses the whole import. An opening
 * balance is a payment between the member and the hub's time account, so hours still sum to
 * zero; it stays within the member's credit limit, the hub's maximum and the hub account's limit
 * as any payment does. The same files (the same `importId`) are imported once: again, nothing.
 * Refusals: forbidden (anyone but the admin), not_found (hub), validation_failed (LinesRefused).
 */
export function decideImport(command: ImportTimeBank, hubState: HubState, timeBank: TimeBankState): ImportDecision {
  const hub = hubState.hub;
  if (!hub) throw new NotFound('hub not found');
  if (!isAdmin(command.actorId)) throw new Forbidden('only the admin imports a time bank');
  if (hubState.imports.has(command.importId)) return { hubEvents: [], timeBankEvents: [] };

  const refused: string[] = [];
  const members = checkMembers(command.members, hubState, refused);
  const balances = checkBalances(command.balances, members, new Set(command.members.map((line) => line.memberId)), hubState, refused);
  // what the hub's time account pays out, net, to open every balance
  const paidOut = balances.reduce((sum, { hours }) => sum.plus(hours), Amount.zero(HOUR));
  const hubAfter = balanceOf(timeBank, HUB_ACCOUNT).minus(paidOut);
  if (hubAfter.lessThan(hub.timeBank.hubAccountLimit.negated())) {
    refused.push(
      `balances.csv line 1: hours: the opening balances come to ${paidOut} hours paid from the hub's time account, past its limit of ${hub.timeBank.hubAccountLimit} (timeBank.hubAccountLimit)`,
    );
  }
  if (refused.length > 0) throw new LinesRefused(refused);

  const { importId, at } = command;
  const hubEvents: HubEvent[] = [{ type: 'TimeBankImported', data: { importId, members: members.size, balances: balances.length, importedBy: ADMIN, at } }];
  for (const member of members.values()) {
    hubEvents.push({
      type: 'MemberEnrolled',
      data: { memberId: member.memberId, displayName: member.displayName, roles: member.roles, creditLimit: null, tokenHash: member.tokenHash, importId, at },
    });
    if (member.contact !== null) hubEvents.push({ type: 'MemberProfileChanged', data: { memberId: member.memberId, contact: member.contact, actedBy: ADMIN, at } });
  }
  const timeBankEvents: HoursPaid[] = balances.map(({ memberId, hours, transferId }) => ({
    type: 'HoursPaid',
    data: {
      transferId,
      fromMemberId: hours.isNegative() ? memberId : HUB_ACCOUNT,
      toMemberId: hours.isNegative() ? HUB_ACCOUNT : memberId,
      hours: (hours.isNegative() ? hours.negated() : hours).toString(),
      memo: OPENING_BALANCE_MEMO,
      importId,
      at,
    },
  }));
  return { hubEvents, timeBankEvents };
}

interface CheckedMember {
  memberId: string;
  displayName: string;
  roles: Role[];
  contact: string | null;
  tokenHash: string;
}

function checkMembers(lines: ImportedMemberLine[], hubState: HubState, refused: string[]): Map<string, CheckedMember> {
  const members = new Map<string, CheckedMember>();
  if (lines.length === 0) refused.push('members.csv line 2: memberId: the file lists no members');
  if (lines.length > IMPORT_MEMBERS_MAX) refused.push(`members.csv line ${IMPORT_MEMBERS_MAX + 2}: memberId: at most ${IMPORT_MEMBERS_MAX} members an import`);
  const firstLine = new Map<string, number>();
  for (const line of lines) {
    const at = checker(refused, 'members.csv', line.line);
    const memberId = at('memberId', () => {
      const id = checkId(line.memberId, 'memberId');
      if (id === ADMIN || id === SYSTEM || id === HUB_OWNER) throw new ValidationFailed(`${id} is reserved for the ledger`);
      if (hubState.members.has(id)) throw new ValidationFailed(`${id} is already a member of this hub`);
      if (firstLine.has(id)) throw new ValidationFailed(`${id} is already on line ${firstLine.get(id)}`);
      firstLine.set(id, line.line);
      return id;
    });
    const displayName = at('displayName', () => checkText(line.displayName, 'displayName', DISPLAY_NAME_LENGTH_MAX));
    const roles = at('roles', () => {
      const named = line.roles.split(';').map((role) => role.trim()).filter((role) => role !== '');
      if (new Set(named).size !== named.length) throw new ValidationFailed(`a role is named twice in "${line.roles}"`);
      return checkRoles(named);
    });
    const contact = at('contact', () => (line.contact.trim() === '' ? null : checkText(line.contact, 'contact', CONTACT_LENGTH_MAX)));
    if (memberId !== undefined && displayName !== undefined && roles !== undefined && contact !== undefined) {
      members.set(memberId, { memberId, displayName, roles, contact, tokenHash: line.tokenHash });
    }
  }
  return members;
}

function checkBalances(
  lines: OpeningBalanceLine[],
  members: Map<string, CheckedMember>,
  named: ReadonlySet<string>,
  hubState: HubState,
  refused: string[],
): Array<{ memberId: string; hours: Amount; transferId: string }> {
  const hub = hubState.hub!;
  const firstLine = new Map<string, number>();
  const balances: Array<{ memberId: string; hours: Amount; transferId: string }> = [];
  for (const line of lines) {
    const at = checker(refused, 'balances.csv', line.line);
    const member = at('memberId', () => {
      const id = checkId(line.memberId, 'memberId');
      if (firstLine.has(id)) throw new ValidationFailed(`${id} already has a balance on line ${firstLine.get(id)}`);
      firstLine.set(id, line.line);
      const found = members.get(id);
      // a member whose own line was refused: that line says why, once
      if (!found && named.has(id)) return undefined;
      if (!found) throw new ValidationFailed(`${id} is not in members.csv${hubState.members.has(id) ? ' (an opening balance is for a member this import brings)' : ''}`);
      if (!found.roles.includes('member')) throw new ValidationFailed(`${id} has no hours account: their roles do not include member`);
      return found;
    });
    const hours = at('hours', () => {
      const text = line.hours.trim();
      if (!SIGNED_HOURS.test(text)) throw new ValidationFailed(`"${line.hours}" is not a number of hours such as 12.5 or -3`);
      const hours = text.startsWith('-') ? Amount.parse(text.slice(1), HOUR, 'hours').negated() : Amount.parse(text, HOUR, 'hours');
      if (hours.isNegative() && hours.negated().greaterThan(hub.timeBank.defaultCreditLimit)) {
        throw new ValidationFailed(`${text} is past the hub's credit limit of ${hub.timeBank.defaultCreditLimit} hours owed (timeBank.defaultCreditLimit)`);
      }
      if (hub.timeBank.maxBalance && hours.greaterThan(hub.timeBank.maxBalance)) {
        throw new ValidationFailed(`${text} is above the hub's maximum balance of ${hub.timeBank.maxBalance} hours`);
      }
      return hours;
    });
    if (member && hours !== undefined && !hours.isZero()) balances.push({ memberId: member.memberId, hours, transferId: line.transferId });
  }
  return balances;
}

/** Runs one field's check; a refusal becomes `<file> line N: field: why`, and the check goes on. */
function checker(refused: string[], file: string, line: number) {
  return <T>(field: string, check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof ValidationFailed)) throw error;
      const why = error.message.startsWith(`${field} `) ? error.message.slice(field.length + 1) : error.message;
      refused.push(`${file} line ${line}: ${field}: ${why}`);
      return undefined;
    }
  };
}
