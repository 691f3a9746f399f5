/**
 * npm run eval:red-flags [-- --show] — scores the red-flag detector on the blind-written probes:
 * the tuned sets (their misses and false alarms listed with --show) and the held-out set, whose
 * texts are never printed (README.md beside this file).
 */
import { HELD_OUT, TUNED_SETS, describeScore, readProbes, scoreProbes } from './probe-score.js'

const show = process.argv.includes('--show')
for (const set of TUNED_SETS) {
  const score = scoreProbes(readProbes(set))
  console.log(describeScore(set, score))
  if (show) {
    for (const m of score.misses) console.log(`  MISS ${m.expect}: ${m.text}`)
    for (const f of score.falseAlarmTexts) console.log(`  FALSE ALARM ${f.got.join('+')}: ${f.text}`)
  }
}
// Held out: figures only, never its texts, so nobody tunes on it by accident.
console.log(describeScore(`${HELD_OUT} (held out: figures only)`, scoreProbes(readProbes(HELD_OUT))))
