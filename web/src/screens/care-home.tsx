import { useEffect, useState } from 'preact/hooks'
import { api, ApiError } from '../api/client'
import type { Insights, LinkedPerson } from '../api/types'
import { Icon } from '../components/icons'
import { errorText, FormError, notify } from '../components/notices'
import { t } from '../i18n'
import { useLoad } from '../lib/use-load'
import { useTitle } from '../lib/use-title'
import { AlertCard, lastSeen, linkedPatients, loadAlerts, mergeAlerts, PatientStatus, type AlertItem } from './care-common'
import { careSocketOpen, liveAlerts } from './care-live'

interface PatientOverview {
  person: LinkedPerson
  insights: Insights | null
  alerts: AlertItem[]
  seenAt: string | null | undefined
}

async function overview(): Promise<PatientOverview[]> {
  const people = await linkedPatients()
  return Promise.all(
    people.map(async (person) => {
      const [insights, alerts, seenAt] = await Promise.all([
        api<Insights>(`/patients/${person.id}/insights`).catch(() => null),
        loadAlerts(person).catch(() => []),
        lastSeen(person.id),
      ])
      return { person, insights, alerts, seenAt }
    }),
  )
}

function LinkForm({ onLinked }: { onLinked: () => void }) {
  const [code, setCode] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setError('')
    try {
      const res = await api<{ link: { patient: { name: string } } }>('/caregivers/links', { json: { code: code.trim() } })
      notify(t('care.linked', { name: res.link.patient.name }))
      setCode('')
      onLinked()
    } catch (err) {
      const reason = err instanceof ApiError ? (err.details?.reason as string | undefined) : undefined
      setError(err instanceof ApiError && err.status === 404 ? t(reason === 'expired' ? 'care.code_expired' : reason === 'used' ? 'care.code_used' : 'care.code_unknown') : errorText(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="form link-form" onSubmit={submit}>
      <label class="field">
        <span>{t('care.code_label')}</span>
        <input value={code} onInput={(e) => setCode(e.currentTarget.value)} autocomplete="off" autocapitalize="characters" spellcheck={false} aria-describedby="code-hint" />
      </label>
      <p id="code-hint" class="hint">
        {t('care.code_hint')}
      </p>
      <FormError text={error} />
      <button class="button primary" type="submit" disabled={busy || !code.trim()}>
        {t('care.link')}
      </button>
    </form>
  )
}

/** A caregiver's home: the people they look after, at a glance, and their alerts as they come. */
export function CareHome() {
  useTitle(t('nav.people'))
  const data = useLoad(overview)
  // A new alert means new readings: the cards below catch up.
  const arrived = liveAlerts.value.length
  useEffect(() => void (arrived && data.reload()), [arrived])
  const people = data.data ?? []
  const alerts = mergeAlerts(people.flatMap((p) => p.alerts))
  const open = alerts.filter((a) => !a.alert.acknowledged_at)
  const openFor = (id: string) => open.filter((a) => a.patient.id === id).length
  // Open alerts first, then what was acknowledged in the last day, so everyone sees who is on it.
  const dayAgo = new Date(Date.now() - 86_400_000).toISOString()
  const shown = [...open, ...alerts.filter((a) => a.alert.acknowledged_at && a.alert.acknowledged_at > dayAgo)]

  return (
    <div class="screen care-home">
      <header class="screen-head">
        <h1>{t('care.home_title')}</h1>
        <p class={`live-state ${careSocketOpen.value ? 'on' : 'off'}`} role="status">
          <span class="dot" aria-hidden="true" /> {careSocketOpen.value ? t('care.live_on') : t('care.live_off')}
        </p>
      </header>

      <section class="card" aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">
          <Icon name="bell" /> {t('care.alerts_title')}
        </h2>
        {open.length === 0 && <p class="muted">{t('care.no_open_alerts')}</p>}
        <ul class="alerts stack">
          {shown.map((a) => (
            <AlertCard key={a.alert.id} item={a} />
          ))}
        </ul>
      </section>

      {data.error && <p class="form-error">{data.error}</p>}
      {data.data && people.length === 0 && (
        <section class="card">
          <h2>{t('care.no_patients_title')}</h2>
          <p>{t('care.no_patients')}</p>
        </section>
      )}
      <ul class="patient-cards">
        {people.map(({ person, insights, seenAt }) => (
          <li key={person.id} class="card patient-card">
            <h2>{person.name}</h2>
            {insights ? <PatientStatus insights={insights} openAlerts={openFor(person.id)} seenAt={seenAt} /> : <p class="muted">{t('care.status_unavailable')}</p>}
            <a class="button secondary" href={`/care/patients/${person.id}`}>
              {t('care.open_patient', { name: person.name })}
            </a>
          </li>
        ))}
      </ul>

      <section class="card" aria-labelledby="link-heading">
        <h2 id="link-heading">{t('care.link_title')}</h2>
        <LinkForm onLinked={() => void data.reload()} />
      </section>
    </div>
  )
}
