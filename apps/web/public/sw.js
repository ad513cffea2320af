// Keeps the front desk's own files so it opens with the network down; the ledger's answers are
// never kept or replayed here, and nothing is queued to be sent later.
const CACHE = 'commons-desk-v3';
const FILES = [
  '/', '/desk.css', '/main.js', '/manifest.webmanifest', '/icon.svg', '/favicon.ico',
  '/lib/amounts.js', '/lib/api.js', '/lib/days.js', '/lib/html.js', '/lib/i18n.js', '/lib/load.js', '/lib/member-picker.js', '/lib/offline.js', '/lib/problems.js', '/lib/route.js', '/lib/texts-things.js',
  '/views/aid.js', '/views/audit.js', '/views/changes.js', '/views/coordinator.js', '/views/corrections.js', '/views/home.js', '/views/lending.js', '/views/members.js',
  '/views/offers.js', '/views/offline.js', '/views/pool.js', '/views/record.js', '/views/reports.js', '/views/sign-in.js', '/views/statement.js', '/views/things.js',
  '/vendor/preact.mjs', '/vendor/hooks.mjs', '/vendor/htm.mjs',
];
const OWN = new Set(FILES);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name)))).then(() => self.clients.claim()),
  );
});

// the desk's files: the network first (so an update arrives at once), the kept copy when it is down
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !OWN.has(url.pathname)) return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        const copy = response.clone();
        if (response.ok) caches.open(CACHE).then((cache) => cache.put(event.request, copy));
        return response;
      })
      .catch(() => caches.match(event.request).then((kept) => kept ?? Response.error())),
  );
});
