import { useState } from 'preact/hooks'
import { api } from '../api/client'
import { AccountCard } from '../components/account'
import type { Preferences } from '../api/types'
import { FormError, formErrorText, notify } from '../components/notices'
import { t, type MessageKey } from '../i18n'
import { useLoad } from '../lib/use-load'
import { useTitle } from '../lib/use-title'
import { notificationPermission, requestNotifications } from './patient-live'

const THRESHOLDS: { value: Preferences['alert_threshold']; label: MessageKey }[] = [
  { value: 'emergency', label: 'prefs.threshold_emergency' },
  { value: 'urgent', label: 'prefs.threshold_urgent' },
  { value: 'attention', label: 'prefs.threshold_attention' },
  { value: 'info', label: 'prefs.threshold_info' },
]

/** A caregiver's preferences: how alerts reach them, which ones, quiet hours and the summary time. */
export function CareSettings() {
  useTitle(t('nav.settings'))
  const loaded = useLoad(() => api<{ preferences: Preferences }>('/auth/me/preferences').then((r) => r.preferences))
  const [draft, setDraft] = useState<Preferences | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [permission, setPermission] = useState(notificationPermission())
  const prefs = draft ?? loaded.data
  if (!prefs) return loaded.error ? <p class="form-error">{loaded.error}</p> : <p class="loading">{t('state.loading')}</p>

  const change = (next: Partial<Preferences>) => setDraft({ ...prefs, ...next })
  const channel = (name: keyof Preferences['notifications']) => (e: Event) =>
    change({ notifications: { ...prefs.notifications, [name]: (e.currentTarget as HTMLInputElement).checked } })

  const save = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setError('')
    try {
      const { preferences } = await api<{ preferences: Preferences }>('/auth/me/preferences', {
        method: 'PATCH',
        json: {
          notifications: prefs.notifications,
          alert_threshold: prefs.alert_threshold,
          quiet_hours: prefs.quiet_hours,
          daily_summary_time: prefs.daily_summary_time,
          timezone: prefs.timezone,
          email: prefs.email || null,
          phone: prefs.phone || null,
          webhook_url: prefs.webhook_url || null,
        },
      })
      setDraft(preferences)
      notify(t('prefs.saved'))
    } catch (err) {
      setError(formErrorText(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="screen care-settings">
      <header class="screen-head">
        <h1>{t('prefs.title')}</h1>
        <p class="muted">{t('prefs.intro')}</p>
      </header>
      <form class="form" onSubmit={save}>
        <section class="card">
          <fieldset>
            <legend>{t('prefs.channels')}</legend>
            <p class="hint">{t('prefs.in_app_always')}</p>
            <label class="check">
              <input type="checkbox" checked={prefs.notifications.email} onChange={channel('email')} />
              <span>{t('prefs.email')}</span>
            </label>
            {prefs.notifications.email && (
              <label class="field">
                <span>{t('prefs.email_address')}</span>
                <input type="email" value={prefs.email ?? ''} onInput={(e) => change({ email: e.currentTarget.value })} autocomplete="email" />
              </label>
            )}
            <label class="check">
              <input type="checkbox" checked={prefs.notifications.sms} onChange={channel('sms')} />
              <span>{t('prefs.sms')}</span>
            </label>
            {prefs.notifications.sms && (
              <label class="field">
                <span>{t('prefs.phone')}</span>
                <input type="tel" value={prefs.phone ?? ''} placeholder="+919876543210" onInput={(e) => change({ phone: e.currentTarget.value })} autocomplete="tel" />
              </label>
            )}
            <label class="check">
              <input type="checkbox" checked={prefs.notifications.webhook} onChange={channel('webhook')} />
              <span>{t('prefs.webhook')}</span>
            </label>
            {prefs.notifications.webhook && (
              <label class="field">
                <span>{t('prefs.webhook_url')}</span>
                <input type="url" value={prefs.webhook_url ?? ''} onInput={(e) => change({ webhook_url: e.currentTarget.value })} />
              </label>
            )}
          </fieldset>
          {permission === 'default' && (
            <button type="button" class="button secondary" onClick={() => void requestNotifications().then(setPermission)}>
              {t('notify.turn_on')}
            </button>
          )}
          {permission === 'granted' && <p class="hint">{t('notify.on')}</p>}
        </section>

        <section class="card">
          <label class="field">
            <span>{t('prefs.threshold')}</span>
            <select value={prefs.alert_threshold} onChange={(e) => change({ alert_threshold: e.currentTarget.value as Preferences['alert_threshold'] })} aria-describedby="threshold-hint">
              {THRESHOLDS.map((x) => (
                <option key={x.value} value={x.value}>
                  {t(x.label)}
                </option>
              ))}
            </select>
          </label>
          <p id="threshold-hint" class="hint">
            {t('prefs.threshold_hint')}
          </p>
        </section>

        <section class="card">
          <fieldset>
            <legend>{t('prefs.quiet_hours')}</legend>
            <label class="check">
              <input type="checkbox" checked={prefs.quiet_hours.enabled} onChange={(e) => change({ quiet_hours: { ...prefs.quiet_hours, enabled: e.currentTarget.checked } })} />
              <span>{t('prefs.quiet_enabled')}</span>
            </label>
            {prefs.quiet_hours.enabled && (
              <div class="row">
                <label class="field">
                  <span>{t('prefs.quiet_from')}</span>
                  <input type="time" value={prefs.quiet_hours.start} onInput={(e) => change({ quiet_hours: { ...prefs.quiet_hours, start: e.currentTarget.value } })} />
                </label>
                <label class="field">
                  <span>{t('prefs.quiet_to')}</span>
                  <input type="time" value={prefs.quiet_hours.end} onInput={(e) => change({ quiet_hours: { ...prefs.quiet_hours, end: e.currentTarget.value } })} />
                </label>
              </div>
            )}
            <p class="hint">{t('prefs.quiet_hint')}</p>
          </fieldset>
        </section>

        <section class="card">
          <div class="row">
            <label class="field">
              <span>{t('prefs.summary_time')}</span>
              <input type="time" value={prefs.daily_summary_time} onInput={(e) => change({ daily_summary_time: e.currentTarget.value })} />
            </label>
            <label class="field">
              <span>{t('profile.timezone')}</span>
              <input value={prefs.timezone} onInput={(e) => change({ timezone: e.currentTarget.value })} />
            </label>
          </div>
        </section>

        <FormError text={error} />
        <button class="button primary" type="submit" disabled={busy}>
          {t('prefs.save')}
        </button>
      </form>
      <AccountCard />
    </div>
  )
}
