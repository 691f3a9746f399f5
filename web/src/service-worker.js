/*
 * Podd's service worker: it keeps the app shell (the page, its scripts, styles and icons) so the
 * app opens quickly and installs as an app. It never stores health data: API calls, sockets
 * and anything not in the shell list go straight to the network, untouched.
 * The build fills in the shell's file list and its version (web/vite.config.ts).
 */
const SHELL = __SHELL__
const CACHE = 'podd-shell-__VERSION__'

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('podd-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return
  if (request.mode === 'navigate') {
    // The newest page when online; the kept shell when not. Pages carry no health data.
    event.respondWith(fetch(request).catch(() => caches.match('/', { cacheName: CACHE })))
    return
  }
  if (SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)))
  }
})
