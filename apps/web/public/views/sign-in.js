// Sign in with hub, member id and token: the form posts nothing anywhere (the page's policy
// forbids it too), and a wrong combination gets one plain sentence.
import { api, session } from '../lib/api.js';
import { html, useState } from '../lib/html.js';

export function SignIn({ t, notice, onSignedIn }) {
  const [problem, setProblem] = useState('');
  const submit = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const value = (name) => form.elements[name].value.trim();
    session.set({ hubId: value('hub'), memberId: value('member'), token: value('token') });
    try {
      await api('GET', `/hubs/${encodeURIComponent(value('hub'))}/me`);
      form.reset();
      await onSignedIn();
    } catch (refusal) {
      session.clear();
      setProblem(refusal.problem?.code === 'offline' ? t('problem.offline') : t('signIn.wrong'));
    }
  };
  return html`<section aria-labelledby="sign-in-title">
    <h2 id="sign-in-title">${t('signIn.title')}</h2>
    ${notice ? html`<p class="warn" role="status">${notice}</p>` : null}
    <p>${t('signIn.intro')}</p>
    <form method="post" onSubmit=${submit} novalidate autocomplete="off">
      <label for="hub">${t('signIn.hub')}</label>
      <input id="hub" name="hub" autocomplete="organization" required />
      <label for="member">${t('signIn.member')}</label>
      <input id="member" name="member" autocomplete="username" required />
      <label for="token">${t('signIn.token')}</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required />
      <p class="problem" role="alert">${problem}</p>
      <button type="submit">${t('signIn.submit')}</button>
    </form>
  </section>`;
}
