import { useEffect, useState } from 'preact/hooks'
import { api } from '../api/client'
import type { EventPage, HealthEvent, Insights, LinkedPerson } from '../api/types'
import { errorText } from '../components/notices'
import { ReportDownload } from '../components/your-data'
import { langAttr, t, type MessageKey } from '../i18n'
import { localDate } from '../lib/format'
import { useLoad } from '../lib/use-load'
import { useTitle } from '../lib/use-title'
import { AlertCard, lastSeen, linkedPatients, loadAlerts, mergeAlerts, PatientStatus } from './care-common'
import { liveAlerts, summaryArrived } from './care-live'
import { HistoryView } from './history'
import { TrendsView } from './trends'

type Tab = 'overview' | 'trends' | 'history'
const TABS: { tab: Tab; label: MessageKey; suffix: string }[] = [
  { tab: 'overview', label: 'care.tab_overview', suffix: '' },
  { tab: 'trends', label: 'nav.trends', suffix: '/trends' },
  { tab: 'history', label: 'nav.history', suffix: '/history' },
]

const HEADLINE: Record<string, MessageKey> = { ok: 'summary.ok', attention: 'summary.attention', urgent: 'summary.urgent' }

/** The daily summary of a chosen date: read it, or have it made now if there is none yet. */
function DailySummary({ patientId }: { patientId: string }) {
  const [date, setDate] = useState(localDate())
  const [summary, setSummary] = useState<HealthEvent | null | undefined>(undefined)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const load = async (d = date) => {
    setError('')
    try {
      const page = await api<EventPage>(`/patients/${patientId}/summaries?date=${d}&limit=1`)
      setSummary(page.events[0] ?? null)
    } catch (err) {
      setError(errorText(err))
    }
  }
  useEffect(() => void load(), [patientId, summaryArrived.value])

  const generate = async () => {
    setBusy(true)
    setError('')
    try {
      const res = await api<{ summary: HealthEvent }>(`/patients/${patientId}/summaries`, { json: { date } })
      setSummary(res.summary)
    } catch (err) {
      setError(errorText(err))
    } finally {
      setBusy(false)
    }
  }

  const p = summary?.payload
  return (
    <section class="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('summary.title')}</h2>
      <form
        class="form inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          void load()
        }}
      >
        <label class="field">
          <span>{t('summary.date')}</span>
          <input type="date" value={date} max={localDate()} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
        <button class="button secondary" type="submit">
          {t('summary.show')}
        </button>
      </form>
      {error && <p class="form-error">{error}</p>}
      {summary === null && (
        <div class="summary-empty">
          <p>{t('summary.none')}</p>
          <button type="button" class="button primary" disabled={busy} onClick={() => void generate()}>
            {t('summary.make_now')}
          </button>
        </div>
      )}
      {p && (
        <article class="summary" aria-label={t('summary.for_date', { date: p.date })}>
          <p class={`headline ${p.headline}`}>{t(HEADLINE[p.headline] ?? 'summary.ok')}</p>
          <p class="narrative" lang={langAttr(p.narrative)}>
            {p.narrative}
          </p>
          <p class="muted small">{t(p.generated_by === 'llm' ? 'summary.by_llm' : 'summary.by_template')}</p>
          {p.date === localDate() && (
            <button type="button" class="button ghost" disabled={busy} onClick={() => void generate()}>
              {t('summary.update')}
            </button>
          )}
        </article>
      )}
    </section>
  )
}

function Overview({ patient }: { patient: LinkedPerson }) {
  const data = useLoad(async () => {
    const [insights, alerts, seenAt] = await Promise.all([api<Insights>(`/patients/${patient.id}/insights`), loadAlerts(patient, 50), lastSeen(patient.id)])
    return { insights, alerts, seenAt }
  }, [patient.id])
  const arrived = liveAlerts.value.filter((a) => a.patient.id === patient.id).length
  useEffect(() => void (arrived && data.reload()), [arrived])
  const alerts = mergeAlerts(data.data?.alerts ?? [], patient.id)
  const open = alerts.filter((a) => !a.alert.acknowledged_at)
  return (
    <>
      <section class="card" aria-labelledby="status-heading">
        <h2 id="status-heading">{t('care.status_title')}</h2>
        {data.error && <p class="form-error">{data.error}</p>}
        {data.data && <PatientStatus insights={data.data.insights} openAlerts={open.length} seenAt={data.data.seenAt} />}
      </section>
      <section class="card" aria-labelledby="palerts-heading">
        <h2 id="palerts-heading">{t('care.alerts_title')}</h2>
        {alerts.length === 0 && <p class="muted">{t('care.no_alerts')}</p>}
        <ul class="alerts stack">
          {alerts.map((a) => (
            <AlertCard key={a.alert.id} item={a} showPatient={false} />
          ))}
        </ul>
      </section>
      <DailySummary patientId={patient.id} />
      {patient.sharing?.includes('doctor_report') && (
        <section class="card">
          <ReportDownload path={`/patients/${patient.id}/report`} headingLevel={2} />
        </section>
      )}
    </>
  )
}

/** One patient, read-only: status, alerts and summary; their charts; their history. */
export function CarePatient({ patientId, tab }: { patientId: string; tab: Tab }) {
  const people = useLoad(linkedPatients)
  const patient = people.data?.find((p) => p.id === patientId)
  useTitle(patient ? `${patient.name} — ${t(TABS.find((x) => x.tab === tab)!.label)}` : t('nav.people'))
  if (people.error) return <p class="form-error">{people.error}</p>
  if (!people.data) return <p class="loading">{t('state.loading')}</p>
  if (!patient) {
    return (
      <div class="screen">
        <h1>{t('care.not_linked_title')}</h1>
        <p>{t('care.not_linked')}</p>
        <a href="/care">{t('care.back_home')}</a>
      </div>
    )
  }
  return (
    <div class="screen care-patient">
      <header class="screen-head">
        <p class="breadcrumb">
          <a href="/care">← {t('care.home_title')}</a>
        </p>
        <h1>{patient.name}</h1>
        <p class="muted">{t('care.read_only')}</p>
      </header>
      <nav class="tabs" aria-label={t('care.sections', { name: patient.name })}>
        {TABS.map((x) => (
          <a key={x.tab} class="tab" href={`/care/patients/${patient.id}${x.suffix}`} aria-current={x.tab === tab ? 'page' : undefined}>
            {t(x.label)}
          </a>
        ))}
      </nav>
      {tab === 'overview' && <Overview patient={patient} />}
      {tab === 'trends' && <TrendsView patientId={patient.id} />}
      {tab === 'history' && <HistoryView patientId={patient.id} readOnly />}
    </div>
  )
}
