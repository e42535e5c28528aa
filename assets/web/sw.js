// Lateral's service worker: on install it caches every file of the page (the list and the
// version are filled in by scripts/build-web.sh; the version is a hash of the files), and then
// serves them from the cache first, so after the first visit the page works with no network.
// A new build has a new version: its worker caches the new files and deletes the old cache.
const VERSION = 'lateral-__VERSION__';
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lateral-') && k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  event.respondWith(
    caches.open(VERSION)
      .then((c) => c.match(event.request, { ignoreSearch: true }))
      .then((hit) => hit || fetch(event.request)),
  );
});
