// What a coordinator does: enrol members, change their limits and roles, record contributions.
import { $, api, hubPath, newKey } from './api.js';

$('enrol-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('enrol-error').textContent = '';
  const roles = $('enrol-treasurer').checked ? ['member', 'treasurer'] : ['member'];
  try {
    const { memberId, token, status } = await api('POST', `${hubPath()}/members`, { memberId: $('enrol-id').value.trim(), displayName: $('enrol-name').value.trim(), roles });
    const waiting = status === 'awaiting_confirmation' ? 'They are a member now; the treasurer role waits for a second officer to confirm it. ' : '';
    // shown once: the ledger keeps only its hash
    $('enrol-token').textContent = `${waiting}Token for ${memberId}, shown this once: ${token}`;
    $('enrol-form').reset();
  } catch (error) {
    $('enrol-error').textContent = error.message;
  }
});

$('change-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('change-error').textContent = '';
  const body = {};
  const limit = $('change-limit').value.trim();
  if (limit) body.creditLimit = limit;
  const roles = ['member', 'treasurer', 'coordinator', 'auditor'].filter((role) => $(`role-${role}`).checked);
  if (roles.length > 0) body.roles = roles;
  try {
    const answer = await api('PATCH', `${hubPath()}/members/${encodeURIComponent($('change-id').value.trim())}`, body);
    const member = answer.member ?? answer;
    const waiting = answer.status === 'awaiting_confirmation' ? ' The change to officer roles waits for a second officer to confirm it.' : '';
    $('change-done').textContent = `${member.memberId}: credit limit ${member.creditLimit ?? 'the hub default'}, roles ${member.roles.join(', ') || 'none yet'}.${waiting}`;
    $('change-form').reset();
  } catch (error) {
    $('change-error').textContent = error.problem?.code === 'separation_of_duties' ? 'Nobody changes their own roles, limit or status: ask another coordinator or the admin.' : error.message;
  }
});

$('contribution-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('contribution-error').textContent = '';
  try {
    const body = {
      memberId: $('contribution-member').value.trim(),
      kind: $('contribution-kind').value,
      amount: $('contribution-amount').value.trim(),
      description: $('contribution-description').value.trim(),
      ...($('contribution-aid').checked ? { fund: 'aid' } : {}),
    };
    await api('POST', `${hubPath()}/contributions`, body, { 'idempotency-key': newKey() });
    $('contribution-done').textContent = `Recorded: ${body.kind} from ${body.memberId}${body.fund ? ', for the aid fund' : ''}.`;
    $('contribution-form').reset();
  } catch (error) {
    $('contribution-error').textContent = error.problem?.code === 'balance_limit_exceeded' ? "That is more hours than the hub's own time account may owe." : error.message;
  }
});

