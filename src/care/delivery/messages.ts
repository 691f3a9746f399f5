import { anyEvent, type HealthEvent } from '../../../memory/event-store.js'
import { localTime } from '../../../memory/local-time.js'
import type { SummaryFacts } from '../summaries/summary-facts.js'
import { vitalWords } from '../summaries/summary-facts.js'
import { ADVICE } from '../alerts/alert-rules.js'
import type { DeliveryMessage } from './channel.js'

/**
 * Renders alerts and summaries for each channel: a subject, plain text, HTML (the summary's
 * facts section in full), a short SMS and the JSON for webhooks and sockets.
 */

export interface PatientRef {
  id: string
  name: string
}

const TIER_WORD = { emergency: 'EMERGENCY', urgent: 'Urgent', attention: 'Attention', info: 'Info' } as const
const HEADLINE_WORD = { ok: 'OK', attention: 'Needs attention', urgent: 'Urgent' } as const
const FOOTER = 'In an emergency call 112 or 108. Podd does not change medicines; talk to their doctor about doses.'

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** Keeps an SMS to two segments, cutting at a word. */
export const clip = (s: string, max = 300) => (s.length <= max ? s : `${s.slice(0, s.lastIndexOf(' ', max - 1))}…`)

/** The event as the API shows it, for webhooks and sockets. */
const asData = (patient: PatientRef, key: 'alert' | 'summary', event: HealthEvent) => ({
  patient,
  [key]: { id: event.id, occurred_at: event.occurred_at, recorded_at: event.recorded_at, ...event.payload },
})

/** What a phone call says about an emergency, in English or Hindi (the alert's title stays as written). */
function spokenAlert(a: HealthEvent<'alert'>['payload'], patient: PatientRef, language: string): { text: string; language: string } {
  if (language.startsWith('hi')) {
    return {
      language: 'hi-IN',
      text:
        `यह Podd है, ${patient.name} के बारे में आपातकालीन सूचना। ${a.title}। कृपया उन्हें अभी फ़ोन करें। ` +
        'जवाब न मिले या तबीयत ठीक न हो तो 112 या 108 पर कॉल करें। ये कॉल रोकने के लिए Podd में सूचना स्वीकार करें।',
    }
  }
  return {
    language: 'en-IN',
    text:
      `This is Podd, with an emergency alert about ${patient.name}. ${a.title}. ${ADVICE.emergency} ` +
      'To stop these calls, acknowledge the alert in Podd.',
  }
}

/**
 * An alert for one recipient. `round` > 0 is a repeat of an emergency nobody has acknowledged
 * yet (every few minutes); it says how long it has been waiting.
 */
export function alertMessage(
  alert: HealthEvent<'alert'>,
  patient: PatientRef,
  timezone: string,
  opts: { round?: number; minutesWaiting?: number; language?: string } = {},
): DeliveryMessage {
  const a = alert.payload
  const when = localTime(alert.occurred_at, timezone)
  const again = opts.round ? `Not acknowledged after ${opts.minutesWaiting ?? 0} min — ` : ''
  const subject = `${again}${TIER_WORD[a.tier]}: ${patient.name} — ${a.title}`
  // Held deliveries go out after quiet hours; by then someone may already be on it.
  const status = a.acknowledged_at
    ? `Raised at ${when}; already acknowledged at ${localTime(a.acknowledged_at, timezone)}.`
    : `Raised at ${when}. Acknowledge it in Podd so others know you are on it.`
  const text = `${subject}\n\n${a.message}\n\n${status}\n\n${FOOTER}\n`
  const html =
    `<p>${escapeHtml(again)}<strong>${escapeHtml(TIER_WORD[a.tier])}</strong>: ${escapeHtml(patient.name)} — ${escapeHtml(a.title)}</p>` +
    `<p>${escapeHtml(a.message)}</p><p>${escapeHtml(status)}</p>` +
    `<p><small>${escapeHtml(FOOTER)}</small></p>`
  const entity = alert.context_id.slice('alert:'.length)
  return {
    kind: 'alert',
    tier: a.tier,
    subject,
    text,
    html,
    sms: clip(`${opts.round ? `Still not acknowledged (${opts.minutesWaiting} min). ` : ''}Podd ${TIER_WORD[a.tier]}: ${patient.name} — ${a.title}, ${when}. ${ADVICE[a.tier]}`),
    data: { ...asData(patient, 'alert', anyEvent(alert)), ...(opts.round ? { round: opts.round } : {}) },
    push: {
      title: clip(subject, 120),
      body: clip(a.message, 400),
      // One notification per alert on the device: a repeat replaces the last one.
      tag: `alert-${entity}`,
      data: { type: 'alert', alert_id: entity, patient_id: patient.id, tier: a.tier },
      urgency: a.tier === 'emergency' || a.tier === 'urgent' ? 'high' : 'normal',
      ttl_seconds: 24 * 3600,
    },
    ...(a.tier === 'emergency' ? { voice: spokenAlert(a, patient, opts.language ?? 'en-IN') } : {}),
  }
}

/** ` (x)` when x is there; the optional parts of a fact line. */
const paren = (x: string | null | undefined) => (x ? ` (${x})` : '')
const quoted = (x: string | null | undefined) => (x ? ` “${x}”` : '')
const words = (category: string | null) => paren(category?.replace(/_/g, ' '))
const part = (label: string, items: string[]) => (items.length ? `; ${label}: ${items.join(', ')}` : '')

function doseLine(m: SummaryFacts['medication']): string {
  const missed = m.missed_doses.map((d) => `${d.name}${d.dosage ? ` ${d.dosage}` : ''} at ${d.time}`)
  const skipped = m.skipped_doses.map((d) => `${d.name} at ${d.time}${paren(d.reason)}`)
  const due = m.due_doses.map((d) => `${d.name} at ${d.time}`)
  const week = m.adherence_7d_pct !== null ? `; 7-day adherence ${m.adherence_7d_pct}%` : ''
  const parts = part('missed', missed) + part('skipped', skipped) + part('still due', due)
  return `${m.taken} of ${m.scheduled} taken${parts}${week}`
}

/** The facts section as labelled lines; the e-mail shows it as text and as an HTML table. */
export function factLines(f: SummaryFacts): [string, string][] {
  const lines: [string, string][] = []
  if (f.medication.scheduled) lines.push(['Doses', doseLine(f.medication)])
  const bp = f.vitals.blood_pressure
  if (bp) {
    const readings = bp.readings.map((r) => `${r.systolic}/${r.diastolic} at ${r.time}${words(r.category)}`)
    const mean = bp.previous_7d_mean
    const prev = mean ? `; previous 7 days ${mean.systolic}/${mean.diastolic}` : ''
    lines.push(['Blood pressure', `${readings.join(', ') || 'no reading'}${prev} mmHg`])
  }
  for (const name of ['blood_sugar', 'heart_rate', 'temperature', 'spo2', 'weight_kg'] as const) {
    const v = f.vitals[name]
    if (!v) continue
    const readings = v.readings.map((r) => `${r.value} at ${r.time}${words(r.category)}`)
    const prev = v.previous_7d_mean !== null ? `; previous 7 days ${v.previous_7d_mean}` : ''
    const label = vitalWords(name)
    lines.push([label[0]!.toUpperCase() + label.slice(1), `${readings.join(', ') || 'no reading'}${prev} ${v.unit}`])
  }
  if (f.readings_not_taken.length) {
    const usual = f.readings_not_taken.map((r) => {
      const days = `measured on ${r.days_measured_in_previous_7} of the previous ${f.baseline_days} days`
      return `${vitalWords(r.vital)} (${days})`
    })
    lines.push(['Readings not taken', usual.join(', ')])
  }
  const kcalOf = (calories: number | null) => (calories !== null ? `${calories} kcal` : null)
  const meals = f.meals.items.map((i) => `${i.time} ${i.description}${paren(kcalOf(i.calories))}`)
  const kcal = `${f.meals.calories} kcal${f.meals.calories_estimated ? ' (estimated)' : ''}`
  lines.push(['Meals', f.meals.count ? `${meals.join('; ')} — ${kcal}` : 'none logged'])
  lines.push(['Water', `${f.water_ml} ml`])
  const hours = (h: number | null) => (h !== null ? `${h} h` : '')
  const sleep = f.sleep.map((x) => [hours(x.duration_hours), x.quality ?? '', quoted(x.notes).trim()].filter(Boolean))
  if (f.sleep.length) lines.push(['Sleep', sleep.map((x) => x.join(', ')).join('; ')])
  const mood = f.mood.map((x) => `${x.time} ${x.mood.replace('_', ' ')}${quoted(x.notes)}`)
  if (f.mood.length) lines.push(['Mood', mood.join('; ')])
  const symptoms = f.symptoms.map((x) => `${x.time} “${x.name}”${paren(x.severity)}${quoted(x.notes)}`)
  if (f.symptoms.length) lines.push(['Symptoms', symptoms.join('; ')])
  const alerts = f.alerts.map((a) => `${a.time} ${a.tier}: ${a.title}${a.acknowledged ? ' (acknowledged)' : ''}`)
  if (f.alerts.length) lines.push(['Alerts', alerts.join('; ')])
  lines.push(['Checked in', f.checked_in ? 'yes' : 'no'])
  return lines
}

export function summaryMessage(summary: HealthEvent<'summary'>, patient: PatientRef): DeliveryMessage {
  const s = summary.payload
  const facts = s.facts as unknown as SummaryFacts
  const subject = `Podd daily summary for ${patient.name}, ${s.date}: ${HEADLINE_WORD[s.headline]}`
  const lines = factLines(facts)
  const text = `${subject}\n\n${s.narrative}\n\n${lines.map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${FOOTER}\n`
  const html =
    `<h2>${escapeHtml(patient.name)}, ${escapeHtml(s.date)}: ${escapeHtml(HEADLINE_WORD[s.headline])}</h2>` +
    `<p>${escapeHtml(s.narrative)}</p><table>` +
    lines.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('') +
    `</table><p><small>${escapeHtml(FOOTER)}</small></p>`
  const why = facts.concerns.length ? ` — ${facts.concerns.slice(0, 2).join('; ')}` : ''
  return {
    kind: 'summary',
    subject,
    text,
    html,
    sms: clip(`Podd: ${patient.name}, ${s.date}: ${HEADLINE_WORD[s.headline]}${why}. The full summary is in Podd.`),
    data: asData(patient, 'summary', anyEvent(summary)),
    push: {
      title: clip(subject, 120),
      body: clip(s.narrative, 400),
      tag: `summary-${patient.id}-${s.date}`,
      data: { type: 'summary', summary_id: summary.id, patient_id: patient.id, date: s.date },
      urgency: 'normal',
      ttl_seconds: 24 * 3600,
    },
  }
}
