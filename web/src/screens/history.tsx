import { useEffect, useState } from 'preact/hooks'
import { api } from '../api/client'
import type { AccessLogEntry, EventKind, EventPage, HealthEvent } from '../api/types'
import { EditEventDialog } from '../components/edit-event'
import { Icon } from '../components/icons'
import { errorText } from '../components/notices'
import { langAttr, t, type MessageKey } from '../i18n'
import { categoriesOf, describeEvent, kindName } from '../lib/describe'
import { dayHeading, formatDateTime, formatTime, localDate } from '../lib/format'
import { useTitle } from '../lib/use-title'

const FILTERS: { value: string; label: MessageKey; kinds: EventKind[] }[] = [
  {
    value: 'all',
    label: 'history.filter_all',
    kinds: ['vitals', 'food', 'water', 'med_dose', 'medication', 'med_schedule', 'sleep', 'exercise', 'mood', 'symptom', 'appointment', 'emergency_contact', 'alarm', 'alert', 'profile'],
  },
  { value: 'vitals', label: 'history.filter_vitals', kinds: ['vitals'] },
  { value: 'medicines', label: 'history.filter_medicines', kinds: ['med_dose', 'medication', 'med_schedule'] },
  { value: 'food', label: 'history.filter_food', kinds: ['food', 'water'] },
  { value: 'wellbeing', label: 'history.filter_wellbeing', kinds: ['sleep', 'exercise', 'mood', 'symptom'] },
  { value: 'alerts', label: 'history.filter_alerts', kinds: ['alert'] },
]

/** Kinds a patient corrects here; the profile has its own form and the system's own kinds are not theirs to edit. */
const NOT_EDITABLE = new Set<EventKind>(['alert', 'summary', 'notification', 'chat', 'profile'])

function groupByDay(events: HealthEvent[]): [string, HealthEvent[]][] {
  const days = new Map<string, HealthEvent[]>()
  for (const e of events) {
    const day = localDate(e.occurred_at)
    days.set(day, [...(days.get(day) ?? []), e])
  }
  return [...days.entries()]
}

function EventRow({ e, readOnly, onChanged }: { e: HealthEvent; readOnly: boolean; onChanged: (next: HealthEvent | null) => void }) {
  const [editing, setEditing] = useState(false)
  const text = describeEvent(e)
  return (
    <li class={`event-row kind-${e.kind}`}>
      <span class="event-time">{formatTime(e.occurred_at)}</span>
      <div class="event-what">
        <span class="event-kind">{kindName(e.kind)}</span>
        <span class="event-text" lang={langAttr(text)}>
          {text}
        </span>
        {categoriesOf(e).map((c) => (
          <span key={c.text} class={`badge ${c.tone}`}>
            {c.text}
          </span>
        ))}
        <span class="event-source muted small">{e.supersedes ? t('history.corrected') : t(`source.${e.source}` as MessageKey)}</span>
      </div>
      {!readOnly && !NOT_EDITABLE.has(e.kind) && (
        <button type="button" class="button secondary small" onClick={() => setEditing(true)} aria-label={t('history.edit_item', { what: text })}>
          <Icon name="edit" size={20} /> {t('action.edit')}
        </button>
      )}
      {editing && <EditEventDialog event={e} onClose={() => setEditing(false)} onChanged={onChanged} />}
    </li>
  )
}

/** Every event by day, newest first; the patient corrects and removes, a caregiver only reads. */
export function HistoryView({ patientId, readOnly = false }: { patientId?: string; readOnly?: boolean }) {
  const [filter, setFilter] = useState('all')
  const [events, setEvents] = useState<HealthEvent[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  const base = patientId ? `/patients/${patientId}` : ''

  const load = async (after: string | null) => {
    setLoading(true)
    try {
      const kinds = FILTERS.find((f) => f.value === filter)!.kinds.join(',')
      const q = new URLSearchParams({ kind: kinds, limit: '50' })
      if (after) q.set('cursor', after)
      const page = await api<EventPage>(`${base}/events?${q}`)
      setEvents((list) => (after ? [...list, ...page.events] : page.events))
      setCursor(page.next_cursor)
      setError('')
    } catch (err) {
      setError(errorText(err))
    } finally {
      setLoading(false)
    }
  }
  useEffect(() => void load(null), [filter, base])

  const changed = (id: string) => (next: HealthEvent | null) =>
    setEvents((list) => (next ? list.map((e) => (e.id === id ? next : e)) : list.filter((e) => e.id !== id)))

  return (
    <>
      <label class="field inline">
        <span>{t('history.show')}</span>
        <select value={filter} onChange={(e) => setFilter(e.currentTarget.value)}>
          {FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {t(f.label)}
            </option>
          ))}
        </select>
      </label>
      {error && <p class="form-error">{error}</p>}
      {!loading && events.length === 0 && !error && <p class="muted">{t('history.empty')}</p>}
      {groupByDay(events).map(([day, list]) => (
        <section key={day} class="card day" aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>{dayHeading(day)}</h2>
          <ul class="events">
            {list.map((e) => (
              <EventRow key={e.id} e={e} readOnly={readOnly} onChanged={changed(e.id)} />
            ))}
          </ul>
        </section>
      ))}
      {cursor && (
        <button type="button" class="button secondary wide" disabled={loading} onClick={() => void load(cursor)}>
          {t('action.show_more')}
        </button>
      )}
      {loading && (
        <p class="loading" role="status">
          {t('state.loading')}
        </p>
      )}
    </>
  )
}

/** Who of the patient's caregivers read what, and when. */
function AccessLog() {
  const [entries, setEntries] = useState<AccessLogEntry[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState('')
  const load = async (after: string | null) => {
    try {
      const page = await api<{ entries: AccessLogEntry[]; next_cursor: string | null }>(`/caregivers/access-log?limit=20${after ? `&cursor=${encodeURIComponent(after)}` : ''}`)
      setEntries((list) => (after ? [...list, ...page.entries] : page.entries))
      setCursor(page.next_cursor)
    } catch (err) {
      setError(errorText(err))
    }
  }
  useEffect(() => void load(null), [])
  return (
    <section class="card" aria-labelledby="access-heading">
      <h2 id="access-heading">{t('history.access_title')}</h2>
      <p class="muted">{t('history.access_intro')}</p>
      {error && <p class="form-error">{error}</p>}
      {entries.length === 0 && !error && <p class="muted">{t('history.access_empty')}</p>}
      {entries.length > 0 && (
        <ul class="access-log">
          {entries.map((e) => (
            <li key={e.id}>
              <strong>{e.caregiver.name ?? t('history.former_caregiver')}</strong> {t(e.outcome === 'refused' ? 'history.access_refused' : 'history.access_read', { what: t(`resource.${e.resource}` as MessageKey) })}{' '}
              <span class="muted">{formatDateTime(e.accessed_at)}</span>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" class="button secondary" onClick={() => void load(cursor)}>
          {t('action.show_more')}
        </button>
      )}
    </section>
  )
}

export function HistoryScreen() {
  useTitle(t('nav.history'))
  return (
    <div class="screen history">
      <header class="screen-head">
        <h1>{t('nav.history')}</h1>
        <p class="muted">{t('history.intro')}</p>
      </header>
      <HistoryView />
      <AccessLog />
    </div>
  )
}
