import { signal } from '@preact/signals'

/**
 * The browser session. The access token lives in this module's memory only (never in storage);
 * the refresh token is an HttpOnly cookie the page cannot read, sent only to
 * /api/v1/auth/session/*. Refresh and sign-out prove they come from this page with the CSRF token
 * the server put in the readable `podd_csrf` cookie.
 */
export interface User {
  id: string
  email: string
  name: string
  role: 'patient' | 'caregiver' | 'admin'
}

interface SessionResponse {
  user: User
  access_token: string
  expires_in: number
}

export type SessionState = 'loading' | 'signed-out' | 'signed-in'
export const sessionState = signal<SessionState>('loading')
export const currentUser = signal<User | null>(null)

const SESSION = '/api/v1/auth/session'
let accessToken: string | null = null
let expiresAt = 0
let refreshTimer: ReturnType<typeof setTimeout> | undefined
let refreshing: Promise<boolean> | undefined

function csrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)podd_csrf=([^;]+)/)
  return match ? decodeURIComponent(match[1]!) : ''
}

function adopt(session: SessionResponse): void {
  accessToken = session.access_token
  expiresAt = Date.now() + session.expires_in * 1000
  currentUser.value = session.user
  sessionState.value = 'signed-in'
  clearTimeout(refreshTimer)
  // A minute early, so a request never leaves with a token about to expire.
  refreshTimer = setTimeout(() => void refresh(), Math.max(10_000, (session.expires_in - 60) * 1000))
}

function forget(): void {
  accessToken = null
  expiresAt = 0
  clearTimeout(refreshTimer)
  currentUser.value = null
  sessionState.value = 'signed-out'
}

/** A failed sign-in or registration: the server's error envelope. */
export class SessionError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { issues?: { path: string; message: string }[] },
  ) {
    super(message)
  }
}

async function post(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${SESSION}${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

async function expectSession(res: Response): Promise<void> {
  const body = (await res.json().catch(() => ({}))) as SessionResponse & { error?: { code: string; message: string; details?: never } }
  if (!res.ok) throw new SessionError(res.status, body.error?.code ?? 'ERROR', body.error?.message ?? res.statusText, body.error?.details)
  adopt(body)
}

export async function signIn(email: string, password: string): Promise<void> {
  await expectSession(await post('', { email, password }))
}

export async function register(input: { email: string; password: string; name: string; role: 'patient' | 'caregiver' }): Promise<void> {
  await expectSession(await post('/register', input))
}

/**
 * Trades the session cookie for a new access token. Tabs take turns (Web Locks): the cookie
 * rotates on every use, and two tabs sending the same one at once would end the session.
 */
export function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const run = async () => {
      try {
        const res = await post('/refresh', undefined, { 'X-CSRF-Token': csrfToken() })
        if (!res.ok) {
          forget()
          return false
        }
        adopt((await res.json()) as SessionResponse)
        return true
      } catch {
        // Offline: keep what we have; the next call tries again.
        if (sessionState.value === 'loading') sessionState.value = 'signed-out'
        return false
      }
    }
    return navigator.locks ? navigator.locks.request('podd-session-refresh', run) : run()
  })().finally(() => (refreshing = undefined))
  return refreshing
}

/** A valid access token, refreshed first when it is about to expire; null when signed out. */
export async function token(): Promise<string | null> {
  if (accessToken && Date.now() < expiresAt - 30_000) return accessToken
  if (sessionState.value === 'signed-out') return null
  return (await refresh()) ? accessToken : null
}

/** Work that needs the session one last time (forgetting this browser's push subscription). */
const beforeSignOut: (() => Promise<void>)[] = []
export const onSignOut = (task: () => Promise<void>) => void beforeSignOut.push(task)

export async function signOut(): Promise<void> {
  await Promise.all(beforeSignOut.map((task) => task().catch(() => undefined)))
  try {
    await post('/logout', undefined, { 'X-CSRF-Token': csrfToken() })
  } finally {
    forget()
  }
}

/** On start: a session cookie from an earlier visit signs the person straight in. */
export async function restoreSession(): Promise<void> {
  if (!csrfToken()) {
    sessionState.value = 'signed-out'
    return
  }
  await refresh()
}
