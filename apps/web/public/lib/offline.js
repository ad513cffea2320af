// The offline copy: the last balance and statement this device saw, kept so they stay readable
// when the hub's network is down. Read only: nothing is ever sent from it. Signing out forgets it.

const COPY = 'commons-offline';

export function keepCopy(person, part) {
  const copy = { ...(offlineCopy() ?? {}), memberId: person.memberId, displayName: person.displayName, hubName: person.hubName, ...part, at: new Date().toISOString() };
  if (copy.memberId !== person.memberId) return; // another person's: never mixed
  localStorage.setItem(COPY, JSON.stringify(copy));
}

export function offlineCopy() {
  try {
    return JSON.parse(localStorage.getItem(COPY) ?? 'null');
  } catch {
    return null;
  }
}

export const forgetCopy = () => localStorage.removeItem(COPY);

/** Installs the service worker that keeps the desk's own files for offline use (browsers allow it on HTTPS and on localhost). */
export function keepFilesOffline() {
  if ('serviceWorker' in navigator && isSecureContext) navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
