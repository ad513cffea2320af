import { ValidationFailed } from '../errors';
import { checkText } from '../text';
import { actingFor, requireHub } from './acting';
import { ChangeProfile } from './hub.commands';
import { HubEvent, MemberProfileChanged } from './hub.events';
import { HubState } from './hub.state';

/** A member's name, wherever it is given: enrolment, import, profile. */
export const DISPLAY_NAME_LENGTH_MAX = 200;
const ABOUT_LENGTH_MAX = 500;
export const CONTACT_LENGTH_MAX = 200;

/**
 * A member's own profile; a coordinator's for a member marked assisted. Nothing that is not
 * given changes, and a change to nothing records nothing.
 * Refusals: forbidden (anyone else), invalid_state (a suspended member), validation_failed, not_found.
 */
export function changeProfile(command: ChangeProfile, state: HubState): HubEvent[] {
  requireHub(state);
  const actor = actingFor(state, command.actorId, command.memberId, 'change the profile');
  const member = state.members.get(command.memberId)!;
  const data: MemberProfileChanged['data'] = { memberId: member.memberId, actedBy: actor.memberId, at: command.at };
  if (command.displayName !== undefined) {
    const displayName = checkText(command.displayName, 'displayName', DISPLAY_NAME_LENGTH_MAX);
    if (displayName !== member.displayName) data.displayName = displayName;
  }
  if (command.about !== undefined) {
    const about = optionalText(command.about, 'about', ABOUT_LENGTH_MAX);
    if (about !== member.about) data.about = about;
  }
  if (command.contact !== undefined) {
    const contact = optionalText(command.contact, 'contact', CONTACT_LENGTH_MAX);
    if (contact !== member.contact) data.contact = contact;
  }
  if (command.showBalance !== undefined) {
    if (typeof command.showBalance !== 'boolean') throw new ValidationFailed('showBalance must be true or false');
    if (command.showBalance !== member.showBalance) data.showBalance = command.showBalance;
  }
  const changed = ['displayName', 'about', 'contact', 'showBalance'].some((field) => field in data);
  return changed ? [{ type: 'MemberProfileChanged', data }] : [];
}

/** Text that may be cleared: null or an empty string clears it. */
function optionalText(value: string | null, field: string, max: number): string | null {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
  return checkText(value, field, max);
}
