// The front desk's shell: sign in, who is signed in and where, the sections a person's roles
// give, the language, and signing out (by hand, or after a while unused on a shared computer).
import { api, session } from './lib/api.js';
import { html, render, useCallback, useEffect, useMemo, useState } from './lib/html.js';
import { LANGUAGES, chooseLanguage, chosenLanguage, translate } from './lib/i18n.js';
import { forgetCopy, keepFilesOffline, offlineCopy } from './lib/offline.js';
import { OfflineCopy } from './views/offline.js';
import { SignIn } from './views/sign-in.js';

const IDLE_MINUTES = 15;
const OFFICER_ROLES = ['coordinator', 'treasurer', 'auditor'];

/** Each section, who sees it, and its view: loaded when first opened, so the first load stays small. */
const SECTIONS = [
  { path: 'home', label: 'nav.home', roles: ['member', 'coordinator', 'treasurer', 'auditor'], view: () => import('./views/home.js').then((module) => module.Home) },
  { path: 'offers', label: 'nav.offers', roles: ['member', 'coordinator'], view: () => import('./views/offers.js').then((module) => module.Offers) },
  { path: 'things', label: 'nav.things', roles: ['member', 'coordinator'], view: () => import('./views/things.js').then((module) => module.Things) },
  { path: 'members', label: 'nav.members', roles: ['member', 'coordinator', 'treasurer', 'auditor'], view: () => import('./views/members.js').then((module) => module.Members) },
  { path: 'record', label: 'nav.record', roles: ['member'], view: () => import('./views/record.js').then((module) => module.RecordService) },
  { path: 'statement', label: 'nav.statement', roles: ['member', 'coordinator', 'treasurer', 'auditor'], view: () => import('./views/statement.js').then((module) => module.Statement) },
  { path: 'pool', label: 'nav.pool', roles: ['member', 'treasurer', 'coordinator', 'auditor'], view: () => import('./views/pool.js').then((module) => module.Pool) },
  { path: 'aid', label: 'nav.aid', roles: ['member', 'treasurer'], view: () => import('./views/aid.js').then((module) => module.Aid) },
  { path: 'reports', label: 'nav.reports', roles: ['treasurer', 'coordinator', 'auditor'], view: () => import('./views/reports.js').then((module) => module.Reports) },
  { path: 'audit', label: 'nav.audit', roles: ['auditor'], view: () => import('./views/audit.js').then((module) => module.Audit) },
  { path: 'coordinator', label: 'nav.coordinator', roles: ['coordinator'], view: () => import('./views/coordinator.js').then((module) => module.Coordinator) },
];

const routeOf = () => location.hash.replace(/^#\/?/, '').split('?')[0];

/** Who is signed in, as `/me` and the hub answer it: the token alone says nothing of a name. */
async function whoIs() {
  const { hubId } = session.get();
  const [me, hub] = await Promise.all([api('GET', `/hubs/${encodeURIComponent(hubId)}/me`), api('GET', `/hubs/${encodeURIComponent(hubId)}`)]);
  return { ...me, hubName: hub.name, currency: hub.currency, currencyPlaces: hub.currencyPlaces, hubCreatedAt: hub.createdAt };
}

/** A section's view, once its module has come; "Loading…" meanwhile, a plain sentence if it cannot come. */
function Section({ section, t, person }) {
  const [View, setView] = useState(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    section.view().then((view) => setView(() => view), () => setFailed(true));
  }, [section]);
  if (failed) return html`<p class="problem">${t('problem.offline')}</p>`;
  return View ? html`<${View} t=${t} person=${person} />` : html`<p class="muted">${t('common.loading')}</p>`;
}

function App() {
  const [language, setLanguage] = useState(chosenLanguage);
  const t = useCallback((key, params) => translate(language, key, params), [language]);
  const [person, setPerson] = useState(null);
  const [notice, setNotice] = useState('');
  const [route, setRoute] = useState(routeOf);
  // the server cannot be reached: the last copy this device kept, read only
  const [offline, setOffline] = useState(null);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    const follow = () => setRoute(routeOf());
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  // a tab reloaded while signed in stays signed in; a token that stopped working does not
  const resume = useCallback(() => {
    if (!session.get()) return;
    whoIs().then(
      (who) => {
        setOffline(null);
        setPerson(who);
      },
      (refusal) => {
        if (refusal.problem?.code === 'offline' && offlineCopy()) return setOffline(offlineCopy());
        session.clear();
      },
    );
  }, []);
  useEffect(resume, []);

  const signOut = useCallback((why = '') => {
    session.clear();
    forgetCopy();
    setPerson(null);
    setNotice(why);
    history.replaceState(null, '', '/');
    setRoute('');
  }, []);

  // signed out after a while unused: a shared hub computer left signed in is anyone's
  useEffect(() => {
    if (!person) return undefined;
    let timer;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => signOut(t('signIn.idle', { minutes: IDLE_MINUTES })), IDLE_MINUTES * 60_000);
    };
    const events = ['pointerdown', 'keydown', 'scroll'];
    for (const name of events) addEventListener(name, restart, { passive: true });
    restart();
    return () => {
      clearTimeout(timer);
      for (const name of events) removeEventListener(name, restart);
    };
  }, [person, signOut, t]);

  const wide = Boolean(person?.roles.some((role) => OFFICER_ROLES.includes(role)));
  useEffect(() => {
    document.body.classList.toggle('wide', wide);
  }, [wide]);

  const sections = useMemo(() => (person ? SECTIONS.filter((s) => s.roles.some((role) => person.roles.includes(role))) : []), [person]);
  const choose = (event) => {
    setLanguage(event.target.value);
    chooseLanguage(event.target.value);
  };
  const languages = html`<label class="language">${t('language.label')}
    <select value=${language} onChange=${choose}>${LANGUAGES.map((l) => html`<option value=${l.code}>${l.name}</option>`)}</select></label>`;

  if (offline) {
    return html`<header><h1>${t('app.name')}</h1>${languages}</header>
      <main><${OfflineCopy} t=${t} copy=${offline} onRetry=${() => (session.get() ? resume() : setOffline(null))} /></main>`;
  }
  if (!person) {
    return html`<header><h1>${t('app.name')}</h1>${languages}</header>
      <main><${SignIn} t=${t} notice=${notice} onSignedIn=${async () => setPerson(await whoIs())} /></main>`;
  }
  const current = sections.find((s) => s.path === route) ?? sections[0];
  return html`<header>
      <h1>${t('app.name')}</h1>
      <p class="who" aria-live="polite">${t('header.who', { name: person.displayName, hub: person.hubName })}</p>
      ${languages}
      <button type="button" class="quiet" onClick=${() => signOut()}>${t('header.signOut')}</button>
    </header>
    <div class="desk">
      <nav aria-label=${t('nav.label')}><ul>
        ${sections.map((s) => html`<li><a href=${`#/${s.path}`} aria-current=${s === current ? 'page' : undefined}>${t(s.label)}</a></li>`)}
      </ul></nav>
      <main>${current ? html`<${Section} key=${current.path} section=${current} t=${t} person=${person} />` : null}</main>
    </div>`;
}

keepFilesOffline();
render(html`<${App} />`, document.getElementById('app'));
