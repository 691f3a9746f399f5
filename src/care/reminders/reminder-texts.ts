/**
 * What a patient's reminders say, in English or Hindi (the patient's preference). The words
 * are fixed templates filled with the patient's own data; nothing here is generated.
 */

export type Lang = 'en' | 'hi'
export const langOf = (tag: string | undefined): Lang => (tag?.toLowerCase().startsWith('hi') ? 'hi' : 'en')

export interface Text {
  title: string
  body: string
}

export interface DoseWords {
  name: string
  dosage: string | null
  instructions: string | null
  /** HH:MM local: the slot's time. */
  time: string
  /** first: at the time; repeat: 30 min on, unanswered; snoozed: after a snooze. */
  round: 'first' | 'repeat' | 'snoozed'
  late: boolean
}

const what = (d: DoseWords) => `${d.name}${d.dosage ? ` ${d.dosage}` : ''}`

export function doseText(d: DoseWords, lang: Lang): Text {
  if (lang === 'hi') {
    const title = {
      first: `${what(d)} लेने का समय`,
      repeat: `याद दिलाना: ${what(d)}`,
      snoozed: `फिर से याद दिलाना: ${what(d)}`,
    }[d.round]
    const late = d.late ? ' (देर से)' : ''
    const how = d.instructions ? ` ${d.instructions}।` : ''
    const lead = d.round === 'repeat' ? `आपकी ${d.time} की खुराक अभी दर्ज नहीं हुई।` : `आपकी ${d.time} की खुराक।`
    return { title: `${title}${late}`, body: `${lead}${how} ले ली, छोड़ें या बाद में याद दिलाएँ चुनें।` }
  }
  const title = {
    first: `Time for ${what(d)}`,
    repeat: `Reminder: ${what(d)}`,
    snoozed: `Snoozed reminder: ${what(d)}`,
  }[d.round]
  const late = d.late ? ' (late)' : ''
  const how = d.instructions ? ` ${d.instructions}.` : ''
  const lead = d.round === 'repeat' ? `Your ${d.time} dose is not marked yet.` : `Your ${d.time} dose.`
  const why = d.late ? ' This reminder is late: Podd could not send it on time.' : ''
  return { title: `${title}${late}`, body: `${lead}${how}${why} Answer Taken, Skip or Snooze.` }
}

export interface AppointmentWords {
  title: string
  doctor: string | null
  location: string | null
  /** HH:MM local. */
  time: string
  which: '24h' | '2h'
  late: boolean
}

export function appointmentText(a: AppointmentWords, lang: Lang): Text {
  const withWhom = a.doctor ? (lang === 'hi' ? ` (${a.doctor})` : ` with ${a.doctor}`) : ''
  const where = a.location ? (lang === 'hi' ? `, ${a.location}` : ` at ${a.location}`) : ''
  if (lang === 'hi') {
    const when = a.which === '24h' ? `कल ${a.time} बजे` : `2 घंटे में, ${a.time} बजे`
    return { title: `अपॉइंटमेंट ${when}: ${a.title}${a.late ? ' (देर से)' : ''}`, body: `${a.title}${withWhom}${where}, ${a.time} बजे।` }
  }
  const when = a.which === '24h' ? `tomorrow at ${a.time}` : `in 2 hours, at ${a.time}`
  return { title: `Appointment ${when}: ${a.title}${a.late ? ' (late)' : ''}`, body: `${a.title}${withWhom}${where}, ${a.time}.` }
}

export interface RefillWords {
  name: string
  pills_left: number
  runs_out_on: string
}

export function refillText(r: RefillWords, lang: Lang): Text {
  if (lang === 'hi') {
    return {
      title: `${r.name} जल्द ख़त्म होगी`,
      body: `लगभग ${r.pills_left} गोलियाँ बची हैं; ${r.runs_out_on} के आसपास ख़त्म होंगी। दवा समय पर मँगवा लें।`,
    }
  }
  return {
    title: `Refill soon: ${r.name}`,
    body: `About ${r.pills_left} left; they run out around ${r.runs_out_on}. Order a refill in time.`,
  }
}

/** The answers a dose reminder offers, in the order the app shows them. */
export const DOSE_ACTIONS = ['taken', 'skip', 'snooze'] as const
export type DoseAction = (typeof DOSE_ACTIONS)[number]

export function actionTitles(lang: Lang): { action: DoseAction; title: string }[] {
  const t = lang === 'hi' ? { taken: 'ले ली', skip: 'छोड़ें', snooze: '10 मिनट बाद' } : { taken: 'Taken', skip: 'Skip', snooze: 'Snooze 10 min' }
  return DOSE_ACTIONS.map((action) => ({ action, title: t[action] }))
}
