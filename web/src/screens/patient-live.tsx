import { signal } from '@preact/signals'
import { useEffect, useState } from 'preact/hooks'
import { api, ApiError } from '../api/client'
import { subscribePush } from '../api/push'
import { liveSocket } from '../api/live'
import type { User } from '../api/session'
import type { AppNotification } from '../api/types'
import { Icon } from '../components/icons'
import { errorText, notify } from '../components/notices'
import { langAttr, t } from '../i18n'
import { formatTime } from '../lib/format'

/**
 * Reminders and alerts for the patient while the page is open: pushed on `/api/v1/ws` as
 * `{type:"notification", notification}`, answered with POST /notifications/{id}/respond, and
 * shown by the browser too when the person allowed it. A heartbeat tells the server the app is
 * open. Where the server does not offer these yet (404), the page simply goes without.
 */
const APP_VERSION = '1'
const HEARTBEAT_MS = 4 * 60_000
export const pending = signal<AppNotification[]>([])

export type PermissionState = NotificationPermission | 'unsupported'
export const notificationPermission = (): PermissionState => ('Notification' in window ? Notification.permission : 'unsupported')
/** Asks the browser, and once allowed, subscribes it to Web Push where the server offers it. */
export async function requestNotifications(): Promise<PermissionState> {
  if (!('Notification' in window)) return 'unsupported'
  const permission = await Notification.requestPermission()
  if (permission === 'granted') void subscribePush()
  return permission
}

/** A browser notification, when allowed and the page is not in front (the card shows it otherwise). */
export function showBrowserNotification(title: string, body: string, tag: string): void {
  if (notificationPermission() !== 'granted' || document.visibilityState === 'visible') return
  try {
    new Notification(title, { body, tag, icon: '/icons/icon-192.png' })
  } catch {
    // Some browsers only allow notifications from a service worker; the card is still shown.
  }
}

function add(n: AppNotification) {
  if (pending.value.some((p) => p.id === n.id)) return
  pending.value = [...pending.value, n]
  showBrowserNotification(n.title, n.body, n.id)
}

type Answer = 'taken' | 'skip' | 'snooze'

/** Answers a reminder (from its card, or from a button on the system notification). */
async function answer(id: string, action: Answer, minutes?: number): Promise<boolean> {
  try {
    await api(`/notifications/${id}/respond`, { json: { action, ...(minutes ? { minutes } : {}) } })
    pending.value = pending.value.filter((p) => p.id !== id)
    notify(t(`live.responded_${action}`))
    return true
  } catch (err) {
    notify(errorText(err), 'error')
    return false
  }
}

const isAnswer = (a: unknown): a is Answer => a === 'taken' || a === 'skip' || a === 'snooze'

function NotificationCard({ n }: { n: AppNotification }) {
  const [busy, setBusy] = useState(false)
  const respond = async (action: Answer, minutes?: number) => {
    setBusy(true)
    if (!(await answer(n.id, action, minutes))) setBusy(false)
  }
  const actions = n.actions ?? []
  return (
    <li class={`live-card ${n.kind === 'alert' ? 'alert' : ''}`}>
      <div class="live-head">
        <Icon name={n.kind === 'dose_reminder' ? 'pill' : 'bell'} />
        <strong lang={langAttr(n.title)}>{n.title}</strong>
      </div>
      <p>
        <span class="muted small">{formatTime(n.created_at)}</span> <span lang={langAttr(n.body)}>{n.body}</span>
      </p>
      <div class="live-actions">
        {actions.includes('taken') && (
          <button type="button" class="button primary" disabled={busy} onClick={() => void respond('taken')}>
            <Icon name="check" /> {t('action.taken')}
          </button>
        )}
        {actions.includes('skip') && (
          <button type="button" class="button secondary" disabled={busy} onClick={() => void respond('skip')}>
            {t('action.skip')}
          </button>
        )}
        {actions.includes('snooze') && (
          <>
            <button type="button" class="button secondary" disabled={busy} onClick={() => void respond('snooze', 10)}>
              {t('live.snooze', { n: 10 })}
            </button>
            <button type="button" class="button secondary" disabled={busy} onClick={() => void respond('snooze', 30)}>
              {t('live.snooze', { n: 30 })}
            </button>
          </>
        )}
        <button type="button" class="button ghost" onClick={() => (pending.value = pending.value.filter((p) => p.id !== n.id))}>
          {t('action.dismiss')}
        </button>
      </div>
    </li>
  )
}

export function PatientLive({ user }: { user: User }) {
  useEffect(() => {
    const stop = liveSocket('/ws', (frame) => {
      if (frame.type === 'notification' && frame.notification) add(frame.notification as AppNotification)
    })
    // Reminders that arrived while the page was closed and are still unanswered.
    api<{ notifications?: (AppNotification & { status?: string })[] }>('/notifications?status=open&limit=20')
      .then((r) => {
        for (const n of r.notifications ?? []) if ((n.status ?? 'open') === 'open' && n.actions?.length) add(n)
      })
      .catch(() => undefined)
    let heartbeat: ReturnType<typeof setInterval> | undefined
    const beat = () =>
      api(`/patients/${user.id}/heartbeat`, { json: { app_version: APP_VERSION, device: 'web' } }).catch((err) => {
        // Not offered by this server: stop asking.
        if (err instanceof ApiError && (err.status === 404 || err.status === 405)) clearInterval(heartbeat)
      })
    void beat()
    heartbeat = setInterval(beat, HEARTBEAT_MS)

    // A button tapped on a push notification: the service worker hands the answer over, or opens
    // the app with it in the address.
    const url = new URL(location.href)
    const id = url.searchParams.get('respond')
    const action = url.searchParams.get('action')
    if (id && isAnswer(action)) {
      history.replaceState(null, '', url.pathname)
      void answer(id, action)
    }
    const fromWorker = (e: MessageEvent) => {
      if (e.data?.type === 'notification-action' && isAnswer(e.data.action)) void answer(String(e.data.id), e.data.action)
    }
    navigator.serviceWorker?.addEventListener('message', fromWorker)
    void subscribePush()
    return () => {
      stop()
      clearInterval(heartbeat)
      navigator.serviceWorker?.removeEventListener('message', fromWorker)
      pending.value = []
    }
  }, [user.id])

  if (pending.value.length === 0) return null
  return (
    <section class="live-panel" aria-label={t('live.reminders')} aria-live="polite">
      <ul>
        {pending.value.map((n) => (
          <NotificationCard key={n.id} n={n} />
        ))}
      </ul>
    </section>
  )
}
