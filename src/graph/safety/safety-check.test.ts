import { describe, expect, it } from 'vitest'
import { checkSafety, isDismissal } from './safety-check.js'

const now = new Date('2025-06-11T14:00:00Z')
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString()

describe('checkSafety', () => {
  it('Should answer a red flag with the fixed text in the patient language and an emergency alert', () => {
    const out = checkSafety({ text: 'मुझे अब जीने का मन नहीं करता', language: 'hi', now })
    expect(out.kind).toBe('emergency')
    if (out.kind !== 'emergency') return
    expect(out.reply).toContain('14416')
    expect(out.reply).toMatch(/[\u0900-\u097F]/)
    expect(out.alert).toMatchObject({ tier: 'emergency', condition: 'red_flag:self_harm' })
  })

  it("Should name the patient's own readings in the alert, and not someone else's", () => {
    const own = checkSafety({ text: 'BP 196/124 with a severe headache and blurred vision', language: 'en', now })
    expect(own.kind === 'emergency' && own.alert.title).toContain('BP 196/124 mmHg')
    expect(own.kind === 'emergency' && own.alert.condition).toBe('red_flag:hypertensive_emergency')
    const other = checkSafety({ text: 'papa ki sugar 520 hai aur ulti ho rahi hai', language: 'hi-Latn', now })
    expect(other.kind).toBe('emergency')
    if (other.kind !== 'emergency') return
    expect(other.alert.title).not.toContain('520')
    expect(other.alert.message).toContain('someone else (papa)')
    expect(other.reply).toMatch(/^Yeh emergency ho sakti hai\. Abhi 112 ya 108/)
  })

  it('Should never take a duration for a reading', () => {
    expect(checkSafety({ text: 'sugar 45 minutes after lunch was 160, feeling a bit confused about my diet', language: 'en', now }).kind).toBe('clear')
  })

  it('Should still advise a check today when the patient waves off a recent emergency', () => {
    const recent = { categories: ['chest_pain' as const], at: minutesAgo(5) }
    const out = checkSafety({ text: 'it was just acidity, I am fine now', language: 'en', recent, now })
    expect(out.kind).toBe('follow_up')
    expect(out.kind === 'follow_up' && out.reply).toMatch(/today/)
    expect(out.kind === 'follow_up' && out.reply).toMatch(/ECG/)
    const hindi = checkSafety({ text: 'शायद एसिडिटी थी, अब ठीक हूँ', language: 'hi', recent, now })
    expect(hindi.kind === 'follow_up' && hindi.reply).toMatch(/आज ही/)
  })

  it('Should follow up only a recent emergency, and a new red flag always wins', () => {
    const old = { categories: ['chest_pain' as const], at: minutesAgo(3 * 24 * 60) }
    expect(checkSafety({ text: 'it was just acidity', language: 'en', recent: old, now }).kind).toBe('clear')
    const recent = { categories: ['chest_pain' as const], at: minutesAgo(10) }
    expect(checkSafety({ text: 'I thought it was gas but the chest pain is back', language: 'en', recent, now }).kind).toBe('emergency')
    expect(checkSafety({ text: 'had 2 roti for lunch', language: 'en', recent, now }).kind).toBe('clear')
  })

  it.each(['it was just acidity', 'gas thi shayad, ab theek hoon', 'I feel fine now', 'अब ठीक हूँ', 'false alarm, it passed'])(
    'reads %j as waving it off',
    (text) => expect(isDismissal(text)).toBe(true),
  )
})
