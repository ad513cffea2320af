// Changes to officers (roles, token resets) that a coordinator proposed: a second officer confirms
// or turns them down here. The proposer and the member concerned never can.
import { $, api, button, hubPath, newKey, session } from './api.js';
import { say } from './corrections.js';

const after = (position) => (position ? `?minPosition=${position}` : '');

function describe(change) {
  if (change.change.kind === 'token') return `${change.proposedBy} asks to give ${change.displayName} a new token`;
  const roles = change.change.officerRoles;
  return `${change.proposedBy} asks that ${change.displayName} ${roles.length ? `hold the officer roles: ${roles.join(', ')}` : 'hold no officer role'}`;
}

export async function loadChanges(minPosition) {
  const { memberId } = session.get();
  const { changes } = await api('GET', `${hubPath()}/member-changes${after(minPosition)}`);
  const mine = changes.filter((change) => change.proposedBy !== memberId && change.memberId !== memberId);
  $('changes-empty').hidden = mine.length > 0;
  $('changes').replaceChildren(
    ...mine.map((change) => {
      const item = document.createElement('li');
      const text = document.createElement('p');
      text.textContent = describe(change);
      const error = document.createElement('p');
      error.className = 'error';
      error.setAttribute('role', 'alert');
      const decide = async (path, body, done) => {
        try {
          const result = await api('POST', `${hubPath()}/member-changes/${change.changeId}/${path}`, body, { 'idempotency-key': newKey() });
          await loadChanges(result.position);
          // a reset's new token is shown this once: the ledger keeps only its hash
          $('changes-done').textContent = result.token ? `${done} New token for ${change.displayName}, shown this once: ${result.token}` : done;
        } catch (failure) {
          error.textContent = say(failure);
        }
      };
      item.append(
        text,
        button(`Confirm the change for ${change.displayName}`, () => decide('confirmation', {}, `Done for ${change.displayName}.`)),
        button(`Turn down the change for ${change.displayName}`, () => decide('rejection', { reason: 'turned down on the members’ page' }, `Turned down for ${change.displayName}: nothing changed.`)),
        error,
      );
      return item;
    }),
  );
}
