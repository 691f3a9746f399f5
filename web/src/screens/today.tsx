import { useState } from 'preact/hooks'
import { api, newKey } from '../api/client'
import { currentUser } from '../api/session'
import type { Dose, HealthEvent, Insights } from '../api/types'
import { Icon, type IconName } from '../components/icons'
import { errorText, FormError, formErrorText, notify } from '../components/notices'
import { langAttr, locale, t, type MessageKey } from '../i18n'
import { categoriesOf, categoryText, describeEvent } from '../lib/describe'
import { formatNumber, formatTime, localDate, timeZone } from '../lib/format'
import { useLoad } from '../lib/use-load'
import { useTitle } from '../lib/use-title'

const GLASS_ML = 250

function greeting(): MessageKey {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: timeZone.value }).format(new Date()))
  return hour < 12 ? 'today.good_morning' : hour < 17 ? 'today.good_afternoon' : 'today.good_evening'
}

/** "08:00" on the patient's clock, as the person reads times. */
const slotTime = (scheduledFor: string) => formatTime(scheduledFor)

function DoseRow({ dose, onLogged }: { dose: Dose; onLogged: () => void }) {
  const [busy, setBusy] = useState(false)
  const log = async (status: 'taken' | 'skipped') => {
    setBusy(true)
    try {
      await api('/events', {
        json: {
          kind: 'med_dose',
          payload: {
            medication_id: dose.medication_id,
            medication_name: dose.medication_name,
            status,
            ...(dose.dosage ? { dosage: dose.dosage } : {}),
            scheduled_for: dose.scheduled_for,
          },
        },
        idempotencyKey: newKey(),
      })
      notify(t(status === 'taken' ? 'today.dose_taken_saved' : 'today.dose_skipped_saved', { name: dose.medication_name }))
      onLogged()
    } catch (err) {
      notify(errorText(err), 'error')
    } finally {
      setBusy(false)
    }
  }
  const open = dose.status === 'due' || dose.status === 'missed'
  return (
    <li class={`dose ${dose.status}`}>
      <div class="dose-head">
        <span class="dose-time">{slotTime(dose.scheduled_for)}</span>
        <span class={`status-badge ${dose.status}`}>
          {dose.status === 'taken' && dose.taken_at ? t('today.taken_at', { time: formatTime(dose.taken_at) }) : t(`dose.${dose.status}`)}
        </span>
      </div>
      <div class="dose-what">
        <strong lang={langAttr(dose.medication_name)}>{dose.medication_name}</strong>
        {dose.dosage && <span class="muted"> {dose.dosage}</span>}
      </div>
      {open && (
        <div class="dose-actions">
          <button type="button" class="button primary" disabled={busy} onClick={() => log('taken')} aria-label={t('today.mark_taken', { name: dose.medication_name, time: slotTime(dose.scheduled_for) })}>
            <Icon name="check" /> {t('action.taken')}
          </button>
          <button type="button" class="button secondary" disabled={busy} onClick={() => log('skipped')} aria-label={t('today.mark_skipped', { name: dose.medication_name, time: slotTime(dose.scheduled_for) })}>
            {t('action.skip')}
          </button>
        </div>
      )}
    </li>
  )
}

type QuickKind = 'bp' | 'sugar' | 'weight' | 'water'
const QUICK: { kind: QuickKind; icon: IconName; label: MessageKey }[] = [
  { kind: 'bp', icon: 'heart', label: 'quick.bp' },
  { kind: 'sugar', icon: 'sugar', label: 'quick.sugar' },
  { kind: 'weight', icon: 'scale', label: 'quick.weight' },
  { kind: 'water', icon: 'drop', label: 'quick.water' },
]

/** Logs a reading without typing a sentence: numbers in labelled boxes, one button. */
function QuickLog({ onLogged }: { onLogged: () => void }) {
  const [open, setOpen] = useState<QuickKind | null>(null)
  const [values, setValues] = useState<Record<string, string>>({ context: 'random' })
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [key, setKey] = useState(newKey)
  const set = (name: string) => (e: Event) => setValues({ ...values, [name]: (e.currentTarget as HTMLInputElement).value })
  const n = (name: string) => Number(values[name])

  const save = async (body: { kind: string; payload: Record<string, unknown> }) => {
    setBusy(true)
    setError('')
    try {
      const { event } = await api<{ event: HealthEvent }>('/events', { json: body, idempotencyKey: key })
      const categories = categoriesOf(event).map((c) => c.text)
      notify([t('quick.saved', { what: describeEvent(event) }), ...categories].join(' — '))
      setValues({ context: values.context ?? 'random' })
      setKey(newKey())
      onLogged()
    } catch (err) {
      setError(formErrorText(err))
    } finally {
      setBusy(false)
    }
  }

  const submit = (e: Event) => {
    e.preventDefault()
    if (open === 'bp') {
      if (!n('sys') || !n('dia')) return setError(t('quick.bp_needs_both'))
      void save({
        kind: 'vitals',
        payload: { blood_pressure_systolic: Math.round(n('sys')), blood_pressure_diastolic: Math.round(n('dia')), ...(n('pulse') ? { heart_rate: Math.round(n('pulse')) } : {}) },
      })
    } else if (open === 'sugar') {
      if (!n('sugar')) return setError(t('quick.needs_number'))
      void save({ kind: 'vitals', payload: { blood_sugar: n('sugar'), blood_sugar_context: values.context } })
    } else if (open === 'weight') {
      if (!n('weight')) return setError(t('quick.needs_number'))
      void save({ kind: 'vitals', payload: { weight_kg: n('weight') } })
    } else if (open === 'water') {
      if (!n('water')) return setError(t('quick.needs_number'))
      void save({ kind: 'water', payload: { amount_ml: n('water') } })
    }
  }

  const numberField = (name: string, label: MessageKey, step = '1') => (
    <label class="field">
      <span>{t(label)}</span>
      <input type="number" inputMode="decimal" step={step} min="0" value={values[name] ?? ''} onInput={set(name)} />
    </label>
  )

  return (
    <div class="quick-log">
      <div class="tiles">
        {QUICK.map((q) => (
          <button
            key={q.kind}
            type="button"
            class="tile"
            aria-expanded={open === q.kind}
            aria-controls="quick-form"
            onClick={() => {
              setOpen(open === q.kind ? null : q.kind)
              setError('')
            }}
          >
            <Icon name={q.icon} size={28} />
            <span>{t(q.label)}</span>
          </button>
        ))}
      </div>
      {open && (
        <form id="quick-form" class="form quick-form" onSubmit={submit} aria-label={t(QUICK.find((q) => q.kind === open)!.label)}>
          {open === 'bp' && (
            <div class="row">
              {numberField('sys', 'field.systolic')}
              {numberField('dia', 'field.diastolic')}
              {numberField('pulse', 'field.pulse_optional')}
            </div>
          )}
          {open === 'sugar' && (
            <div class="row">
              {numberField('sugar', 'field.sugar')}
              <label class="field">
                <span>{t('field.sugar_context')}</span>
                <select value={values.context} onChange={set('context')}>
                  {(['fasting', 'before_meal', 'after_meal', 'random', 'bedtime'] as const).map((c) => (
                    <option key={c} value={c}>
                      {t(`context.${c}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          )}
          {open === 'weight' && numberField('weight', 'field.weight', '0.1')}
          {open === 'water' && (
            <>
              <div class="water-quick" role="group" aria-label={t('quick.water_amounts')}>
                {[GLASS_ML, 2 * GLASS_ML, 1000].map((ml) => (
                  <button key={ml} type="button" class="button secondary" disabled={busy} onClick={() => void save({ kind: 'water', payload: { amount_ml: ml } })}>
                    <Icon name="plus" /> {ml === GLASS_ML ? t('quick.one_glass') : ml === 1000 ? t('quick.one_litre') : t('quick.two_glasses')}
                  </button>
                ))}
              </div>
              {numberField('water', 'field.water_ml')}
            </>
          )}
          <FormError text={error} />
          <button class="button primary" type="submit" disabled={busy}>
            {t('quick.save')}
          </button>
        </form>
      )}
    </div>
  )
}

function Reading({ value, at, category }: { value: string; at: string; category?: string }) {
  return (
    <>
      <span class="value">{value}</span> <span class="muted small">{formatTime(at)}</span>
      {category && <span class="category block">{categoryText(category)}</span>}
    </>
  )
}

function Totals({ insights }: { insights: Insights }) {
  const day = insights.days.at(-1)
  const bp = insights.vitals.blood_pressure.latest
  const sugar = insights.vitals.blood_sugar.latest
  const weight = insights.vitals.weight_kg.latest
  const water = day?.water_ml ?? 0
  return (
    <dl class="totals">
      <div class="total">
        <dt>{t('totals.water')}</dt>
        <dd>{t('totals.water_value', { ml: formatNumber(water), glasses: formatNumber(water / GLASS_ML, 1) })}</dd>
      </div>
      <div class="total">
        <dt>{t('totals.food')}</dt>
        <dd>{day?.meals ? t('totals.food_value', { meals: day.meals, kcal: formatNumber(day.calories) }) : t('totals.nothing_yet')}</dd>
      </div>
      <div class="total">
        <dt>{t('totals.medicines')}</dt>
        <dd>{day?.doses.scheduled ? t('totals.doses_value', { taken: day.doses.taken, scheduled: day.doses.scheduled }) : t('totals.none_scheduled')}</dd>
      </div>
      <div class="total">
        <dt>{t('totals.bp')}</dt>
        <dd>{bp ? <Reading value={t('value.bp', { sys: bp.systolic, dia: bp.diastolic })} at={bp.at} category={bp.category} /> : t('totals.nothing_yet')}</dd>
      </div>
      <div class="total">
        <dt>{t('totals.sugar')}</dt>
        <dd>{sugar ? <Reading value={t('value.sugar', { n: formatNumber(sugar.value) })} at={sugar.at} category={sugar.category} /> : t('totals.nothing_yet')}</dd>
      </div>
      {weight && (
        <div class="total">
          <dt>{t('totals.weight')}</dt>
          <dd>
            <Reading value={t('value.weight', { n: formatNumber(weight.value, 1) })} at={weight.at} />
          </dd>
        </div>
      )}
    </dl>
  )
}

/** The patient's day: medicines due, quick logging, and today's totals. */
export function TodayScreen() {
  useTitle(t('nav.today'))
  const user = currentUser.value!
  const doses = useLoad(async () => {
    const res = await api<{ date: string; timezone: string; doses: Dose[] }>('/medications/today')
    timeZone.value = res.timezone
    return res
  })
  const date = doses.data?.date ?? localDate()
  const insights = useLoad(() => api<Insights>(`/insights?from=${date}&to=${date}`), [date])
  const refresh = () => void Promise.all([doses.reload(), insights.reload()])
  const firstName = user.name.split(' ')[0]

  return (
    <div class="screen today">
      <header class="screen-head">
        <h1>{t(greeting(), { name: firstName ?? '' })}</h1>
        <p class="muted">{new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: timeZone.value }).format(new Date())}</p>
      </header>

      <section class="card" aria-labelledby="meds-heading">
        <h2 id="meds-heading">
          <Icon name="pill" /> {t('today.medicines')}
        </h2>
        {doses.error && <p class="form-error">{doses.error}</p>}
        {doses.data && doses.data.doses.length === 0 && <p class="muted">{t('today.no_medicines')}</p>}
        {doses.data && doses.data.doses.length > 0 && (
          <ul class="doses stack">
            {doses.data.doses.map((d) => (
              <DoseRow key={`${d.medication_id}-${d.scheduled_for}`} dose={d} onLogged={refresh} />
            ))}
          </ul>
        )}
      </section>

      <section class="card" aria-labelledby="log-heading">
        <h2 id="log-heading">{t('today.log_heading')}</h2>
        <p class="muted">{t('today.log_hint')}</p>
        <QuickLog onLogged={() => void insights.reload()} />
      </section>

      <section class="card" aria-labelledby="totals-heading">
        <h2 id="totals-heading">{t('today.so_far')}</h2>
        {insights.error && <p class="form-error">{insights.error}</p>}
        {insights.data && <Totals insights={insights.data} />}
      </section>
    </div>
  )
}
