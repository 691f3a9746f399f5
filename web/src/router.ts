import { signal } from '@preact/signals'

/** The page's path, kept in step with the address bar (History API; the server serves every app path). */
export const path = signal(location.pathname)

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return
  if (opts.replace) history.replaceState(null, '', to)
  else history.pushState(null, '', to)
  path.value = location.pathname
}

addEventListener('popstate', () => (path.value = location.pathname))

// Same-origin links move within the app instead of reloading it.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
  const a = (e.target as Element | null)?.closest?.('a')
  if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return
  // A link within this page (the skip link) is the browser's to follow.
  if (a.hash && a.pathname === location.pathname) return
  if (a.pathname.startsWith('/api/') || a.pathname.startsWith('/docs')) return
  e.preventDefault()
  navigate(a.pathname + a.search)
})

/** Matches `/care/patients/:id` style patterns; the params, or null. */
export function match(pattern: string, p: string): Record<string, string> | null {
  const a = pattern.split('/')
  const b = p.replace(/\/$/, '').split('/')
  if (a.length !== b.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.startsWith(':')) params[a[i]!.slice(1)] = decodeURIComponent(b[i]!)
    else if (a[i] !== b[i]) return null
  }
  return params
}
