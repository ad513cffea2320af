// The page's entry: sign in, show the sections the person's roles allow, sign out.
import { loadAidQueue, loadMyAid } from './aid.js';
import { $, api, session } from './api.js';
import './audit.js';
import { loadChanges } from './changes.js';
import './coordinator.js';
import { loadCorrections } from './corrections.js';
import { clearErrors, explain, refresh } from './member.js';
import { loadBook, loadQueue } from './treasurer.js';

function show(signedIn, roles = []) {
  $('sign-in').hidden = signedIn;
  $('account').hidden = !signedIn || !roles.includes('member');
  $('treasurer').hidden = !signedIn || !roles.includes('treasurer');
  $('auditor').hidden = !signedIn || !roles.includes('auditor');
  $('coordinator').hidden = !signedIn || !roles.includes('coordinator');
  $('report').hidden = !signedIn || !roles.some((role) => ['treasurer', 'coordinator', 'auditor'].includes(role));
  $('corrections-section').hidden = !signedIn || !roles.some((role) => ['member', 'treasurer', 'coordinator'].includes(role));
  $('changes-section').hidden = !signedIn || !roles.some((role) => ['treasurer', 'coordinator'].includes(role));
  $('sign-out').hidden = !signedIn;
}

/** Signs in: who am I in this hub, then what each of my roles shows. */
async function enter() {
  const { hubId } = session.get();
  const me = await api('GET', `/hubs/${encodeURIComponent(hubId)}/me`);
  const hub = await api('GET', `/hubs/${encodeURIComponent(hubId)}`);
  $('who').textContent = `Signed in as ${me.displayName} at ${hub.name}`;
  if (me.roles.includes('member')) await Promise.all([refresh(), loadMyAid()]);
  if (me.roles.includes('treasurer')) await Promise.all([loadQueue(), loadBook(), loadAidQueue()]);
  if (me.roles.some((role) => ['member', 'treasurer', 'coordinator'].includes(role))) await loadCorrections(me.roles);
  if (me.roles.some((role) => ['treasurer', 'coordinator'].includes(role))) await loadChanges();
  show(true, me.roles);
  return me;
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  session.set({ hubId: $('hub').value.trim(), memberId: $('member').value.trim(), token: $('token').value.trim() });
  try {
    const me = await enter();
    if (me.roles.includes('member')) $('pay-to').focus();
  } catch (error) {
    session.clear();
    explain(error, 'sign-in-error');
  }
});

// a shared hub computer: the next person finds no id, no token and nothing of the last one's accounts
$('sign-out').addEventListener('click', () => {
  session.clear();
  for (const form of document.forms) form.reset();
  location.replace('/');
});

if (session.get()) enter().catch(() => show(false));
