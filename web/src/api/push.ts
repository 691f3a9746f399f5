import { api } from './client'

/**
 * Web Push for the signed-in account, when the server offers it (`/push/public-key` answers 503
 * when no VAPID keys are configured) and the browser allows notifications. Subscribing again
 * from another account moves the subscription to it; signing out removes it, so a shared phone
 * does not keep showing the last person's reminders.
 */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=')
  const raw = atob(base64)
  const bytes = new Uint8Array(new ArrayBuffer(raw.length))
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i)
  return bytes
}

const supported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window

/** Subscribes this browser; false when push is not offered here (the in-app cards still show). */
export async function subscribePush(): Promise<boolean> {
  if (!supported() || Notification.permission !== 'granted') return false
  try {
    const { public_key } = await api<{ public_key: string }>('/push/public-key')
    const registration = await navigator.serviceWorker.ready
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(public_key) }))
    await api('/push/subscriptions', { json: subscription.toJSON() })
    return true
  } catch {
    // No VAPID keys on the server, no push service reachable, or the browser said no.
    return false
  }
}

/** Forgets this browser's subscription for the account about to sign out. */
export async function leavePush(): Promise<void> {
  if (!supported()) return
  try {
    const subscription = await (await navigator.serviceWorker.getRegistration())?.pushManager.getSubscription()
    if (!subscription) return
    await api('/push/subscriptions', { method: 'DELETE', json: { endpoint: subscription.endpoint } }).catch(() => undefined)
    await subscription.unsubscribe()
  } catch {
    // Nothing to forget.
  }
}
