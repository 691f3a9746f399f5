import fs from 'node:fs'
import { DEFAULT_FLOORS_FILE, floorsFromReport } from './audio-floors.js'

/**
 * Writes the spoken eval's CI floors from a run of the development set; CI then runs the same
 * cases (the report's --sample, or the whole set):
 *   npm run eval -- --dataset voice-audio --sample 80 --out r.json && npx tsx evals/voice-audio/measure-floors.ts r.json "note"
 * The note says where and when it was measured (commit, load average).
 */
const [reportFile, note] = process.argv.slice(2)
if (!reportFile || !note) {
  process.stderr.write('usage: tsx evals/voice-audio/measure-floors.ts report.json "measured on <commit>, <date>, load <n>"\n')
  process.exit(2)
}
const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'))
if (report.format !== 'podd-voice-audio-report/1' || !Array.isArray(report.red_flag_misses)) throw new Error(`${reportFile} is not a spoken eval report`)
const floors = floorsFromReport(report, note)
fs.writeFileSync(DEFAULT_FLOORS_FILE, `${JSON.stringify(floors, null, 2)}\n`)
process.stdout.write(`${JSON.stringify(floors.by_snr)}\n${floors.known_red_flag_misses.length} known red-flag misses\n`)
