/*
 * Podd's service worker: it keeps the app shell (the page, its scripts, styles and icons) so the
 * app opens quickly and installs as an app. It never stores health data: API calls, sockets
 * and anything not in the shell list go straight to the network, untouched. It also shows Web
 * Push reminders and alerts; an answer tapped on one (Taken, Skip, Snooze) is handed to the app,
 * which holds the session: this worker has no token and calls no API.
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

self.addEventListener('push', (event) => {
  let message = {}
  try {
    message = event.data ? event.data.json() : {}
  } catch {
    message = { title: 'Podd', body: event.data ? event.data.text() : '' }
  }
  const { title = 'Podd', body = '', tag, data = {}, actions = [] } = message
  event.waitUntil(
    self.registration.showNotification(title, {
      body,
      tag,
      data,
      actions: actions.slice(0, 2),
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      renotify: Boolean(tag),
      requireInteraction: data.type === 'notification' || data.type === 'alert',
    }),
  )
})

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const data = event.notification.data || {}
  const answer = data.notification_id && event.action ? { id: data.notification_id, action: event.action } : null
  const target = answer ? `/today?respond=${encodeURIComponent(answer.id)}&action=${encodeURIComponent(answer.action)}` : data.type === 'alert' ? '/care' : '/today'
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin)
      if (!open) return self.clients.openWindow(target)
      if (answer) open.postMessage({ type: 'notification-action', ...answer })
      return open.focus()
    }),
  )
})
