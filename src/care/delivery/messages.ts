import { anyEvent, type HealthEvent } from '../../../memory/event-store.js'
import { localTime } from '../../../memory/local-time.js'
import type { SummaryFacts } from '../summaries/summary-facts.js'
import { summaryLang, summaryText, whatToDoLabel } from '../summaries/summary-text.js'
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

const SUBJECT = {
  en: (name: string, date: string, headline: string) => `Podd daily summary for ${name}, ${date}: ${headline}`,
  hi: (name: string, date: string, headline: string) => `Podd दैनिक सारांश, ${name}, ${date}: ${headline}`,
}
const MORE = { en: 'The full summary is in Podd.', hi: 'पूरा सारांश Podd में है।' }

/**
 * A daily summary for one caregiver, in their language: the headline naming the day's reason
 * in the subject, the narrative, a short line per area, and what to do. Renderings of the
 * computed facts (summary-text.ts); webhooks and sockets get the same text beside the facts.
 */
export function summaryMessage(summary: HealthEvent<'summary'>, patient: PatientRef, language = 'en-IN'): DeliveryMessage {
  const s = summary.payload
  const lang = summaryLang(language)
  const t = summaryText(s.facts as unknown as SummaryFacts, lang)
  const subject = SUBJECT[lang](patient.name, s.date, t.headline)
  const todo = whatToDoLabel(lang)
  const lines: [string, string][] = [...t.lines, ...(t.what_to_do.length ? [[todo, t.what_to_do.join(' ')] as [string, string]] : [])]
  const text = `${subject}\n\n${s.narrative}\n\n${lines.map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${FOOTER}\n`
  const html =
    `<h2>${escapeHtml(patient.name)}, ${escapeHtml(s.date)}: ${escapeHtml(t.headline)}</h2>` +
    `<p>${escapeHtml(s.narrative)}</p><table>` +
    lines.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('') +
    `</table><p><small>${escapeHtml(FOOTER)}</small></p>`
  const first = t.what_to_do[0] ? ` ${t.what_to_do[0]}` : ''
  return {
    kind: 'summary',
    subject,
    text,
    html,
    sms: clip(`Podd: ${patient.name}, ${s.date}: ${t.headline}.${first} ${MORE[lang]}`),
    data: { ...asData(patient, 'summary', anyEvent(summary)), rendered: { language: lang, ...t } },
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
