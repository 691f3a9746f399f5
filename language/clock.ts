import type { ReplyLanguage } from './patient-language.js'

/**
 * A clock time as Podd says it ("8:00 pm") in the reply language: Hindi says the part of the
 * day and "baje" ("रात 8:00 बजे", "raat 8:00 baje"). Other text is returned as it is.
 */
export function sayClock(time: string, language: ReplyLanguage): string {
  if (language === 'en') return time
  const m = /^(\d{1,2})(:\d{2})?\s*(am|pm)$/i.exec(time.trim())
  if (!m) return time
  const hour12 = Number(m[1])
  const pm = m[3]!.toLowerCase() === 'pm'
  const hour = (hour12 % 12) + (pm ? 12 : 0)
  const part =
    hour < 4 ? ['रात', 'raat'] : hour < 12 ? ['सुबह', 'subah'] : hour < 16 ? ['दोपहर', 'dopahar'] : hour < 19 ? ['शाम', 'shaam'] : ['रात', 'raat']
  const clock = `${hour12}${m[2] ?? ''}`
  return language === 'hi' ? `${part[0]} ${clock} बजे` : `${part[1]} ${clock} baje`
}

/** Periods and day words as tools/periods.ts says them, in Hindi (Devanagari, romanised). */
const PERIODS: [RegExp, string, string][] = [
  [/\bover the last (\d+) days\b/g, 'पिछले $1 दिनों में', 'pichhle $1 dinon mein'],
  [/\bover the last (\d+) weeks\b/g, 'पिछले $1 हफ़्तों में', 'pichhle $1 hafton mein'],
  [/\bthis week\b/g, 'इस हफ़्ते', 'is hafte'],
  [/\blast week\b/g, 'पिछले हफ़्ते', 'pichhle hafte'],
  [/\bthe (\d+) days before\b/g, 'उससे पहले के $1 दिनों में', 'usse pehle ke $1 dinon mein'],
  [/\bthis month\b/g, 'इस महीने', 'is mahine'],
  [/\bthe day before yesterday\b/g, 'परसों', 'parson'],
  [/\byesterday\b/g, 'कल', 'kal'],
  [/\btomorrow\b/g, 'कल', 'kal'],
  [/\btoday\b/g, 'आज', 'aaj'],
]

/**
 * A period or a moment as the tools say it in English ("over the last 7 days", "yesterday at
 * 8:00 pm", "Mon, 9 Jun at 7:30 am") in the reply language: "पिछले 7 दिनों में", "kal raat 8:00 baje".
 */
export function sayWhen(text: string, language: ReplyLanguage): string {
  if (language === 'en') return text
  let out = text
  for (const [re, hi, latn] of PERIODS) out = out.replace(re, language === 'hi' ? hi : latn)
  return out.replace(/(^|\s)(?:at\s)?(\d{1,2}(?::\d{2})?\s?[ap]m)\b/g, (_m, space: string, time: string) => `${space}${sayClock(time.replace(/\s?([ap]m)$/, ' $1'), language)}`)
}
