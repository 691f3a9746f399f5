import { useState } from 'preact/hooks'
import { api } from '../api/client'
import { currentUser } from '../api/session'
import type { EventPage, HealthEvent, Insights, LinkedPerson } from '../api/types'
import { Icon } from '../components/icons'
import { errorText, notify } from '../components/notices'
import { langAttr, t, type MessageKey } from '../i18n'
import { categoryText } from '../lib/describe'
import { formatDateTime, formatNumber } from '../lib/format'
import { acknowledgements, liveAlerts, type LiveAlert } from './care-live'

export type AlertItem = LiveAlert

/** A patient's alerts as the API lists them, in the shape the socket pushes. */
export async function loadAlerts(patient: { id: string; name: string }, limit = 20): Promise<AlertItem[]> {
  const page = await api<EventPage>(`/patients/${patient.id}/alerts?limit=${limit}`)
  return page.events.map((e: HealthEvent) => ({
    patient: { id: patient.id, name: patient.name },
    // A later version (an acknowledgement) keeps the first id in its context id: that is the id delivered.
    alert: { id: e.context_id.replace(/^alert:/, ''), occurred_at: e.occurred_at, ...(e.payload as Omit<AlertItem['alert'], 'id' | 'occurred_at'>) },
  }))
}

/** Loaded alerts with those pushed live since, newest first, each once. */
export function mergeAlerts(loaded: AlertItem[], patientId?: string): AlertItem[] {
  const live = liveAlerts.value.filter((a) => !patientId || a.patient.id === patientId)
  const acks = acknowledgements.value
  const seen = new Set<string>()
  return [...live, ...loaded]
    .filter((a) => (seen.has(a.alert.id) ? false : (seen.add(a.alert.id), true)))
    .map((a) => (acks[a.alert.id] ? { ...a, alert: { ...a.alert, ...acks[a.alert.id] } } : a))
    .sort((a, b) => b.alert.occurred_at.localeCompare(a.alert.occurred_at))
}

export const linkedPatients = () => api<{ patients: LinkedPerson[] }>('/caregivers/patients').then((r) => r.patients)

const TIER_LABEL: Record<AlertItem['alert']['tier'], MessageKey> = {
  emergency: 'tier.emergency',
  urgent: 'tier.urgent',
  attention: 'tier.attention',
  info: 'tier.info',
}

export function AlertCard({ item, showPatient = true }: { item: AlertItem; showPatient?: boolean }) {
  const [busy, setBusy] = useState(false)
  const a = item.alert
  const ack = { by: a.acknowledged_by, at: a.acknowledged_at }
  const acknowledge = async () => {
    setBusy(true)
    try {
      const res = await api<{ alert: HealthEvent }>(`/alerts/${a.id}/ack`, { method: 'POST' })
      const { acknowledged_by, acknowledged_at } = res.alert.payload as { acknowledged_by?: string; acknowledged_at?: string }
      acknowledgements.value = { ...acknowledgements.value, [a.id]: { acknowledged_by, acknowledged_at } }
      notify(t('care.acknowledged_notice'))
    } catch (err) {
      notify(errorText(err), 'error')
    } finally {
      setBusy(false)
    }
  }
  return (
    <li class={`alert-card tier-${a.tier}${ack.at ? ' acknowledged' : ''}`}>
      <div class="alert-head">
        <span class={`tier-badge ${a.tier}`}>{t(TIER_LABEL[a.tier])}</span>
        {showPatient && <strong>{item.patient.name}</strong>}
        <span class="muted small">{formatDateTime(a.occurred_at)}</span>
      </div>
      <h3 lang={langAttr(a.title)}>{a.title}</h3>
      <p lang={langAttr(a.message)}>{a.message}</p>
      {ack.at ? (
        <p class="acknowledged-note">
          <Icon name="check" /> {ack.by === currentUser.value?.id ? t('care.acknowledged_by_you', { when: formatDateTime(ack.at) }) : t('care.acknowledged_by_other', { when: formatDateTime(ack.at) })}
        </p>
      ) : (
        <button type="button" class="button primary" disabled={busy} onClick={() => void acknowledge()}>
          <Icon name="check" /> {t('care.acknowledge')}
        </button>
      )}
    </li>
  )
}

/** When the patient last opened Podd or logged anything; null where the server does not say. */
export const lastSeen = (patientId: string) =>
  api<{ last_seen_at: string | null }>(`/patients/${patientId}/activity`).then(
    (a) => a.last_seen_at,
    () => undefined,
  )

/** Today at a glance: the latest readings of the week, doses today, open alerts, when last active. */
export function PatientStatus({ insights, openAlerts, seenAt }: { insights: Insights; openAlerts: number; seenAt?: string | null }) {
  // Sections the patient does not share with this caregiver come as null (`not_shared`).
  const vitalsShared = !insights.not_shared?.includes('vitals')
  const dosesShared = !insights.not_shared?.includes('medicines_and_doses')
  const bp = vitalsShared ? insights.vitals.blood_pressure.latest : null
  const sugar = vitalsShared ? insights.vitals.blood_sugar.latest : null
  const today = insights.days.at(-1)
  const noReading = vitalsShared ? t('care.no_reading_week') : t('care.not_shared')
  return (
    <dl class="status-grid">
      <div>
        <dt>{t('care.open_alerts')}</dt>
        <dd class={openAlerts ? 'danger-text' : ''}>{openAlerts ? formatNumber(openAlerts) : t('care.none')}</dd>
      </div>
      <div>
        <dt>{t('totals.bp')}</dt>
        <dd>
          {bp ? (
            <>
              {t('ev.bp', { sys: bp.systolic, dia: bp.diastolic })}
              {bp.category && <span class="category"> {categoryText(bp.category)}</span>}
              <span class="muted small block">{formatDateTime(bp.at)}</span>
            </>
          ) : (
            noReading
          )}
        </dd>
      </div>
      <div>
        <dt>{t('totals.sugar')}</dt>
        <dd>
          {sugar ? (
            <>
              {t('ev.sugar', { n: formatNumber(sugar.value) })}
              {sugar.category && <span class="category"> {categoryText(sugar.category)}</span>}
              <span class="muted small block">{formatDateTime(sugar.at)}</span>
            </>
          ) : (
            noReading
          )}
        </dd>
      </div>
      {seenAt !== undefined && (
        <div>
          <dt>{t('care.last_seen')}</dt>
          <dd>{seenAt ? formatDateTime(seenAt) : t('care.never_seen')}</dd>
        </div>
      )}
      <div>
        <dt>{t('care.doses_today')}</dt>
        <dd>
          {!dosesShared
            ? t('care.not_shared')
            : today?.doses.scheduled
            ? t('care.doses_value', { taken: today.doses.taken, scheduled: today.doses.scheduled, missed: today.doses.missed })
            : t('totals.none_scheduled')}
        </dd>
      </div>
    </dl>
  )
}
