/** The words in a message that say when something happened. */

const WHEN_PHRASES = [
  /\b(?:yesterday|today|tonight|this|last)(?: (?:morning|afternoon|evening|night))?\b/,
  /\b\d+(?:\.\d+)? (?:hours?|hrs?|minutes?|mins?|days?) ago\b/,
  /\b\d+(?:\.\d+)? (?:ghante|ghanta|ghanton|minute|minat|min|din) (?:pehle|pahle|pehele)\b/,
  /\b(?:an|a|half an|one) (?:hour|minute) ago\b/,
  /\bat \d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)?\b(?! ?(?:mg|kg|bpm|%|\/))/,
  /\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)\b/,
  /\b(?:kal|aaj|parso|parson|parsoon)(?: (?:subah|shaam|sham|raat|dopahar))?\b/,
  /\b(?:subah|shaam|raat|dopahar)\b/,
  /\b(?:in the )?(?:morning|afternoon|evening|night)\b/,
  /\bon (?:mon|tues|wednes|thurs|fri|satur|sun)day\b/,
]

/** The words that say when something happened ("this morning at 8 am"), or undefined. */
export function whenPhrase(text: string): string | undefined {
  const found: { index: number; text: string }[] = []
  for (const re of WHEN_PHRASES) {
    const m = re.exec(text)
    if (m) found.push({ index: m.index, text: m[0] })
  }
  if (found.length === 0) return undefined
  return found
    .sort((a, b) => a.index - b.index)
    .map((f) => f.text)
    .filter((t, i, all) => !all.some((o, j) => j !== i && o.includes(t) && o !== t))
    .join(' ')
    // "2 ghante pehle" is "2 hours ago" to the tools that read the time.
    .replace(/\b(\d+(?:\.\d+)?) (ghante|ghanta|ghanton|minute|minat|min|din) (?:pehle|pahle|pehele)\b/, (_m, n: string, unit: string) =>
      `${n} ${/^gh/.test(unit) ? 'hours' : unit === 'din' ? 'days' : 'minutes'} ago`,
    )
}
