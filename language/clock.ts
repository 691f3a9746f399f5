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
