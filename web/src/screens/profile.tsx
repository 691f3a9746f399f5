import { useState } from 'preact/hooks'
import { api } from '../api/client'
import { currentUser } from '../api/session'
import { AccountCard } from '../components/account'
import { SHARING_CATEGORIES, type LinkedPerson, type SharingCategory } from '../api/types'
import { DataDownloads } from '../components/your-data'
import { Icon } from '../components/icons'
import { errorText, FormError, formErrorText, notify } from '../components/notices'
import { t, type MessageKey } from '../i18n'
import { formatDateTime, timeZone } from '../lib/format'
import { useLoad } from '../lib/use-load'
import { useTitle } from '../lib/use-title'
import { notificationPermission, requestNotifications } from './patient-live'

type Profile = Record<string, unknown> & {
  name?: string
  date_of_birth?: string
  gender?: string
  height_cm?: number
  weight_kg?: number
  allergies?: string[]
  medical_conditions?: string[]
  language?: string
  timezone?: string
  communication_style?: string
}

const ZONES = ['Asia/Kolkata', 'Asia/Dubai', 'Asia/Singapore', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Australia/Sydney']
const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean)

function ProfileForm() {
  const loaded = useLoad(() => api<{ profile: Profile | null }>('/profile').then((r) => r.profile ?? {}))
  const [draft, setDraft] = useState<Record<string, string> | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const profile = loaded.data
  if (!profile) return loaded.error ? <p class="form-error">{loaded.error}</p> : <p class="loading">{t('state.loading')}</p>
  const values = draft ?? {
    name: profile.name ?? currentUser.value?.name ?? '',
    date_of_birth: profile.date_of_birth ?? '',
    gender: profile.gender ?? '',
    height_cm: profile.height_cm?.toString() ?? '',
    weight_kg: profile.weight_kg?.toString() ?? '',
    medical_conditions: (profile.medical_conditions ?? []).join(', '),
    allergies: (profile.allergies ?? []).join(', '),
    language: profile.language ?? 'en-IN',
    timezone: profile.timezone ?? 'Asia/Kolkata',
    communication_style: profile.communication_style ?? '',
  }
  const set = (name: string) => (e: Event) => setDraft({ ...values, [name]: (e.currentTarget as HTMLInputElement).value })

  const save = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setError('')
    // Fields this form does not show are kept as they were.
    const payload: Record<string, unknown> = { ...profile }
    const put = (key: string, value: unknown) => (value === '' || value === undefined ? delete payload[key] : (payload[key] = value))
    put('name', values.name!.trim())
    put('date_of_birth', values.date_of_birth)
    put('gender', values.gender)
    put('height_cm', values.height_cm ? Number(values.height_cm) : '')
    put('weight_kg', values.weight_kg ? Number(values.weight_kg) : '')
    payload.medical_conditions = list(values.medical_conditions!)
    payload.allergies = list(values.allergies!)
    put('language', values.language)
    put('timezone', values.timezone)
    put('communication_style', values.communication_style)
    try {
      await api('/profile', { method: 'PUT', json: payload })
      timeZone.value = values.timezone!
      notify(t('profile.saved'))
      setDraft(null)
      await loaded.reload()
    } catch (err) {
      setError(formErrorText(err))
    } finally {
      setBusy(false)
    }
  }

  const zones = ZONES.includes(values.timezone!) ? ZONES : [values.timezone!, ...ZONES]
  return (
    <form class="form" onSubmit={save}>
      <div class="row">
        <label class="field">
          <span>{t('field.name')}</span>
          <input value={values.name} onInput={set('name')} autocomplete="name" />
        </label>
        <label class="field">
          <span>{t('profile.date_of_birth')}</span>
          <input type="date" value={values.date_of_birth} onInput={set('date_of_birth')} />
        </label>
      </div>
      <div class="row">
        <label class="field">
          <span>{t('profile.gender')}</span>
          <select value={values.gender} onChange={set('gender')}>
            <option value="">—</option>
            {(['female', 'male', 'other', 'prefer_not_to_say'] as const).map((g) => (
              <option key={g} value={g}>
                {t(`gender.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('profile.height')}</span>
          <input type="number" inputMode="decimal" value={values.height_cm} onInput={set('height_cm')} />
        </label>
        <label class="field">
          <span>{t('field.weight')}</span>
          <input type="number" inputMode="decimal" step="0.1" value={values.weight_kg} onInput={set('weight_kg')} />
        </label>
      </div>
      <label class="field">
        <span>{t('profile.conditions')}</span>
        <input value={values.medical_conditions} onInput={set('medical_conditions')} aria-describedby="comma-hint" />
      </label>
      <label class="field">
        <span>{t('profile.allergies')}</span>
        <input value={values.allergies} onInput={set('allergies')} aria-describedby="comma-hint" />
      </label>
      <p id="comma-hint" class="hint">
        {t('profile.comma_hint')}
      </p>
      <div class="row">
        <label class="field">
          <span>{t('profile.language')}</span>
          <select value={values.language} onChange={set('language')}>
            <option value="en-IN">English</option>
            <option value="hi-IN" lang="hi">
              हिन्दी
            </option>
          </select>
        </label>
        <label class="field">
          <span>{t('profile.timezone')}</span>
          <select value={values.timezone} onChange={set('timezone')}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('profile.style')}</span>
          <select value={values.communication_style} onChange={set('communication_style')}>
            <option value="">—</option>
            {(['simple', 'detailed', 'friendly', 'formal'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`style.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FormError text={error} />
      <button class="button primary" type="submit" disabled={busy}>
        {t('profile.save')}
      </button>
    </form>
  )
}

/**
 * What one caregiver sees, a box per category; a change is saved at once (PUT the whole set) and
 * applies to their next read and every alert or summary not yet sent.
 */
function SharingChoices({ person }: { person: LinkedPerson }) {
  const [shared, setShared] = useState<SharingCategory[]>(person.sharing ?? [])
  const [busy, setBusy] = useState(false)
  const toggle = async (category: SharingCategory, on: boolean) => {
    const before = shared
    const next = SHARING_CATEGORIES.filter((c) => (c === category ? on : before.includes(c)))
    // The box shows the choice at once (a controlled box would otherwise snap back while the
    // save is on its way); a failed save puts it back as it was.
    setShared(next)
    setBusy(true)
    try {
      const res = await api<{ categories: SharingCategory[] }>(`/caregivers/links/${person.link_id}/sharing`, { method: 'PUT', json: { categories: next } })
      setShared(res.categories)
      notify(t('sharing.saved', { name: person.name }))
    } catch (err) {
      setShared(before)
      notify(errorText(err), 'error')
    } finally {
      setBusy(false)
    }
  }
  return (
    <details class="sharing">
      <summary>{t('sharing.title', { name: person.name })}</summary>
      <fieldset disabled={busy} aria-label={t('sharing.title', { name: person.name })}>
        {SHARING_CATEGORIES.map((c) => (
          <label key={c} class="check">
            <input type="checkbox" checked={shared.includes(c)} onChange={(e) => void toggle(c, e.currentTarget.checked)} />
            <span>{t(`sharing.${c}` as MessageKey)}</span>
          </label>
        ))}
      </fieldset>
    </details>
  )
}

interface Invitation {
  id: string
  code?: string
  created_at?: string
  expires_at: string
}

function Caregivers() {
  const caregivers = useLoad(() => api<{ caregivers: LinkedPerson[] }>('/caregivers').then((r) => r.caregivers))
  const invitations = useLoad(() => api<{ invitations: Invitation[] }>('/caregivers/invitations').then((r) => r.invitations))
  const [fresh, setFresh] = useState<Invitation | null>(null)
  const [removing, setRemoving] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const invite = async () => {
    setBusy(true)
    try {
      setFresh(await api<Invitation>('/caregivers/invitations', { method: 'POST' }))
      await invitations.reload()
    } catch (err) {
      notify(errorText(err), 'error')
    } finally {
      setBusy(false)
    }
  }
  const cancel = async (id: string) => {
    try {
      await api(`/caregivers/invitations/${id}`, { method: 'DELETE' })
      if (fresh?.id === id) setFresh(null)
      notify(t('care.invitation_cancelled'))
      await invitations.reload()
    } catch (err) {
      notify(errorText(err), 'error')
    }
  }
  const remove = async (person: LinkedPerson) => {
    try {
      await api(`/caregivers/links/${person.link_id}`, { method: 'DELETE' })
      notify(t('care.removed', { name: person.name }))
      setRemoving(null)
      await caregivers.reload()
    } catch (err) {
      notify(errorText(err), 'error')
    }
  }

  return (
    <section class="card" aria-labelledby="caregivers-heading">
      <h2 id="caregivers-heading">{t('care.your_caregivers')}</h2>
      <p class="muted">{t('care.caregivers_intro')}</p>
      {caregivers.data && caregivers.data.length === 0 && <p>{t('care.no_caregivers')}</p>}
      {caregivers.data && caregivers.data.length > 0 && (
        <ul class="people">
          {caregivers.data.map((c) => (
            <li key={c.link_id} class="person">
              <div>
                <strong>{c.name}</strong>
                <div class="muted small">
                  {c.email} · {t('care.linked_since', { when: formatDateTime(c.linked_at) })}
                </div>
                <SharingChoices person={c} />
              </div>
              {removing === c.link_id ? (
                <div class="actions">
                  <button type="button" class="button danger" onClick={() => void remove(c)}>
                    {t('care.confirm_remove', { name: c.name })}
                  </button>
                  <button type="button" class="button ghost" onClick={() => setRemoving(null)}>
                    {t('action.cancel')}
                  </button>
                </div>
              ) : (
                <button type="button" class="button danger-outline" onClick={() => setRemoving(c.link_id)} aria-label={t('care.remove_person', { name: c.name })}>
                  {t('action.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {fresh?.code && (
        <div class="invitation-code" role="status">
          <p>{t('care.give_code')}</p>
          <p class="code" data-testid="invitation-code">
            {fresh.code}
          </p>
          <p class="muted small">{t('care.code_expires', { when: formatDateTime(fresh.expires_at) })}</p>
          <button type="button" class="button secondary" onClick={() => void navigator.clipboard?.writeText(fresh.code!).then(() => notify(t('care.copied')))}>
            {t('care.copy_code')}
          </button>
        </div>
      )}
      <button type="button" class="button primary" disabled={busy} onClick={() => void invite()}>
        <Icon name="plus" /> {t('care.invite')}
      </button>
      {invitations.data && invitations.data.length > 0 && (
        <>
          <h3>{t('care.open_invitations')}</h3>
          <ul class="people">
            {invitations.data.map((i) => (
              <li key={i.id} class="person">
                <span>{t('care.invitation_until', { when: formatDateTime(i.expires_at) })}</span>
                <button type="button" class="button ghost" onClick={() => void cancel(i.id)}>
                  {t('care.cancel_invitation')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

function DeviceNotifications() {
  const [state, setState] = useState(notificationPermission())
  const key: MessageKey = state === 'granted' ? 'notify.on' : state === 'denied' ? 'notify.blocked' : state === 'unsupported' ? 'notify.unsupported' : 'notify.off'
  return (
    <section class="card" aria-labelledby="notify-heading">
      <h2 id="notify-heading">{t('notify.title')}</h2>
      <p>{t(key)}</p>
      {state === 'default' && (
        <button type="button" class="button secondary" onClick={() => void requestNotifications().then(setState)}>
          <Icon name="bell" /> {t('notify.turn_on')}
        </button>
      )}
    </section>
  )
}

export function ProfileScreen() {
  useTitle(t('nav.profile'))
  return (
    <div class="screen profile">
      <header class="screen-head">
        <h1>{t('profile.title')}</h1>
      </header>
      <section class="card" aria-labelledby="about-heading">
        <h2 id="about-heading">{t('profile.about')}</h2>
        <ProfileForm />
      </section>
      <Caregivers />
      <DeviceNotifications />
      <AccountCard>
        <DataDownloads />
      </AccountCard>
    </div>
  )
}
