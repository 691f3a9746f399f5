import { useState } from 'preact/hooks'
import { api, newKey } from '../api/client'
import type { EventKind, HealthEvent } from '../api/types'
import { t, type MessageKey } from '../i18n'
import { describeEvent } from '../lib/describe'
import { toLocalInput } from '../lib/format'
import { Dialog } from './dialog'
import { errorText, FormError, formErrorText, notify } from './notices'

interface Field {
  key: string
  label: MessageKey
  type: 'number' | 'text' | 'select'
  step?: string
  options?: { value: string; label: MessageKey }[]
}

const num = (key: string, label: MessageKey, step = '1'): Field => ({ key, label, type: 'number', step })
const select = (key: string, label: MessageKey, values: string[], prefix: string): Field => ({
  key,
  label,
  type: 'select',
  options: values.map((value) => ({ value, label: `${prefix}.${value}` as MessageKey })),
})

const VITALS: Field[] = [
  num('blood_pressure_systolic', 'field.systolic'),
  num('blood_pressure_diastolic', 'field.diastolic'),
  num('heart_rate', 'field.pulse'),
  num('blood_sugar', 'field.sugar'),
  num('weight_kg', 'field.weight', '0.1'),
  num('temperature', 'field.temperature', '0.1'),
  num('spo2', 'field.spo2'),
]

/** The fields a person may correct, per kind; other kinds can be moved in time or removed. */
const FIELDS: Partial<Record<EventKind, Field[]>> = {
  water: [num('amount_ml', 'field.water_ml')],
  food: [{ key: 'description', label: 'field.food', type: 'text' }, num('calories', 'field.calories')],
  med_dose: [select('status', 'field.dose_status', ['taken', 'skipped', 'missed'], 'dose')],
  sleep: [num('duration_hours', 'field.sleep_hours', '0.5'), select('quality', 'field.sleep_quality', ['poor', 'fair', 'good', 'excellent'], 'quality')],
  symptom: [{ key: 'name', label: 'field.symptom', type: 'text' }, select('severity', 'field.severity', ['mild', 'moderate', 'severe'], 'severity')],
  mood: [select('mood', 'field.mood', ['very_bad', 'bad', 'neutral', 'good', 'very_good'], 'mood')],
  exercise: [{ key: 'activity', label: 'field.activity', type: 'text' }, num('duration_minutes', 'field.minutes')],
}

const BP = ['blood_pressure_systolic', 'blood_pressure_diastolic']

function fieldsOf(e: HealthEvent): Field[] {
  if (e.kind !== 'vitals') return FIELDS[e.kind] ?? []
  // Only what this reading has; the two halves of a blood pressure go together.
  return VITALS.filter((f) => e.payload[f.key] !== undefined || (BP.includes(f.key) && BP.some((k) => e.payload[k] !== undefined)))
}

/** The corrected payload: changed fields replaced, and what the patient said about them forgotten. */
function corrected(e: HealthEvent, fields: Field[], values: Record<string, string>): Record<string, unknown> {
  const payload: Record<string, any> = { ...e.payload }
  const reported = payload.reported ? { ...payload.reported } : undefined
  for (const f of fields) {
    const raw = values[f.key]?.trim() ?? ''
    const value = f.type === 'number' ? (raw === '' ? undefined : Number(raw)) : raw || undefined
    if (value === payload[f.key]) continue
    if (value === undefined) delete payload[f.key]
    else payload[f.key] = value
    if (reported) delete reported[f.key]
  }
  if (reported) {
    if (Object.keys(reported).length) payload.reported = reported
    else delete payload.reported
  }
  return payload
}

/** Correct (a new version) or remove (a tombstone) one of the patient's events. */
export function EditEventDialog({ event, onClose, onChanged }: { event: HealthEvent; onClose: () => void; onChanged: (next: HealthEvent | null) => void }) {
  const fields = fieldsOf(event)
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.key, event.payload[f.key] === undefined ? '' : String(event.payload[f.key])])),
  )
  const [when, setWhen] = useState(toLocalInput(event.occurred_at))
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [key] = useState(newKey)

  const save = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setError('')
    try {
      const occurred = new Date(when)
      const json: Record<string, unknown> = { payload: corrected(event, fields, values) }
      if (!Number.isNaN(occurred.getTime()) && when !== toLocalInput(event.occurred_at)) json.occurred_at = occurred.toISOString()
      const res = await api<{ event: HealthEvent }>(`/events/${event.id}`, { method: 'PATCH', json, idempotencyKey: key })
      notify(t('edit.saved', { what: describeEvent(res.event) }))
      onChanged(res.event)
      onClose()
    } catch (err) {
      setError(formErrorText(err))
    } finally {
      setBusy(false)
    }
  }

  const remove = async () => {
    setBusy(true)
    try {
      await api(`/events/${event.id}`, { method: 'DELETE' })
      notify(t('edit.deleted', { what: describeEvent(event) }))
      onChanged(null)
      onClose()
    } catch (err) {
      setError(errorText(err))
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('edit.title', { what: describeEvent(event) })} onClose={onClose}>
      <form class="form" onSubmit={save}>
        {fields.map((f) => (
          <label key={f.key} class="field">
            <span>{t(f.label)}</span>
            {f.type === 'select' ? (
              <select value={values[f.key]} onChange={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })}>
                <option value="">—</option>
                {f.options!.map((o) => (
                  <option key={o.value} value={o.value}>
                    {t(o.label)}
                  </option>
                ))}
              </select>
            ) : f.type === 'number' ? (
              <input type="number" inputMode="decimal" step={f.step} value={values[f.key]} onInput={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })} />
            ) : (
              <input type="text" value={values[f.key]} onInput={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })} />
            )}
          </label>
        ))}
        <label class="field">
          <span>{t('field.when')}</span>
          <input type="datetime-local" value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
        </label>
        <FormError text={error} />
        <div class="actions">
          <button class="button primary" type="submit" disabled={busy}>
            {t('action.save')}
          </button>
          {!confirmDelete ? (
            <button class="button danger-outline" type="button" onClick={() => setConfirmDelete(true)}>
              {t('action.delete')}
            </button>
          ) : (
            <button class="button danger" type="button" onClick={remove} disabled={busy}>
              {t('edit.confirm_delete')}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  )
}
