import { describe, expect, it } from 'vitest'
import known from './known-failures.json' with { type: 'json' }
import { HELD_OUT, TUNED_SETS, readProbes, scoreProbes } from './probe-score.js'

/**
 * The tuned probe sets as a regression gate: every emergency in them alarms and no look-alike
 * does, except the known failures listed (with why) in known-failures.json — this gate passes
 * with those known failures. The held-out set is only checked to be readable here; its score
 * is printed by `npm run eval:red-flags` and reported apart.
 */
describe('red-flag probes written blind', () => {
  it.each(TUNED_SETS)('Should alarm on every emergency and no look-alike of %s, but the known failures', (set) => {
    const score = scoreProbes(readProbes(set))
    const knownMisses = new Set(known.misses.map((k) => k.text))
    const knownFalse = new Set(known.false_alarms.map((k) => k.text))
    expect(score.misses.map((m) => m.text).filter((t) => !knownMisses.has(t))).toEqual([])
    expect(score.falseAlarmTexts.map((f) => f.text).filter((t) => !knownFalse.has(t))).toEqual([])
  })

  it('Should read the held-out set (its figures are printed by npm run eval:red-flags, never its texts)', () => {
    const probes = readProbes(HELD_OUT)
    expect(probes.length).toBeGreaterThan(100)
  })
})
