// The offline copy: the last balance and statement this tab saw, kept so they stay readable when
// the hub's network is down. Read only: nothing is ever sent from it. It lives in the tab's own
// storage, as the token does: a tab closed on a shared computer takes it along, and signing out
// forgets it.

const COPY = 'commons-offline';

export function keepCopy(person, part) {
  const before = offlineCopy();
  const own = before?.memberId === person.memberId ? before : {}; // another person's: never mixed in
  const copy = { ...own, memberId: person.memberId, displayName: person.displayName, hubName: person.hubName, ...part, at: new Date().toISOString() };
  sessionStorage.setItem(COPY, JSON.stringify(copy));
}

export function offlineCopy() {
  try {
    return JSON.parse(sessionStorage.getItem(COPY) ?? 'null');
  } catch {
    return null;
  }
}

export const forgetCopy = () => sessionStorage.removeItem(COPY);

/** Installs the service worker that keeps the desk's own files for offline use (browsers allow it on HTTPS and on localhost). */
export function keepFilesOffline() {
  if ('serviceWorker' in navigator && isSecureContext) navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
