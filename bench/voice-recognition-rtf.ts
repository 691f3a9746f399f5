/**
 * npm run bench:recognition [-- --cases N] — the real-time factor of offline recognition: the
 * spoken eval's first N development cases (espeak-ng voices taking turns, 20 dB SNR) recognised
 * one at a time by the offline recogniser (grammar, phone loop and keyphrase searches side by
 * side; the general model when the grammar is unsure). Reports wall time and the CPU time of the
 * decoders per second of audio: CPU time holds on a busy machine, wall time is what a patient
 * waits on an idle one.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadAudioDataset } from '../evals/voice-audio/audio-dataset.js'
import { ESPEAK_VOICES, renderCase, renditionFor } from '../evals/voice-audio/spoken-audio.js'
import { createLogger } from '../src/logger.js'
import { findBinary } from '../src/voice/binaries.js'
import { OfflineRecognizer } from '../src/voice/offline/offline-recognizer.js'
import { SearchFileCache } from '../src/voice/offline/search-files.js'
import { durationSeconds } from '../src/voice/wav.js'

/** CPU seconds of this process's finished children (user + system), from /proc. */
function childCpuSeconds(): number {
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')
  // After the command name: state is field 3; cutime and cstime are fields 16 and 17.
  return (Number(fields[13]) + Number(fields[14])) / 100
}

async function main() {
  const i = process.argv.indexOf('--cases')
  const n = i > 0 ? Number(process.argv[i + 1]) : 40
  const batch = findBinary('pocketsphinx_batch')
  const continuous = findBinary('pocketsphinx_continuous')
  if (!batch || !continuous) throw new Error('needs pocketsphinx: apt-get install pocketsphinx pocketsphinx-en-us')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-rtf-'))
  const files = new SearchFileCache(dir, findBinary('espeak-ng'), createLogger({ level: 'silent' }))
  const recognizer = new OfflineRecognizer({ batch, continuous, files, threshold: 0.5, timeoutMs: 120_000 })
  const cases = loadAudioDataset('voice-audio').cases.slice(0, n)
  // Compile the grammar first: that is once per medicine list, not per utterance.
  await files.forVocabulary({ medicines: [] })
  let audio = 0
  let wall = 0
  let cpu = 0
  let general = 0
  for (const [k, c] of cases.entries()) {
    const clip = await renderCase(c.turns[0]!.message, renditionFor(c.id, k, [...ESPEAK_VOICES], 20))
    const cpuBefore = childCpuSeconds()
    const started = performance.now()
    const heard = await recognizer.recognize(clip, { medicines: [] })
    wall += (performance.now() - started) / 1000
    cpu += childCpuSeconds() - cpuBefore
    audio += durationSeconds(clip)
    if (heard.ms.general !== undefined) general++
  }
  fs.rmSync(dir, { recursive: true, force: true })
  const load = os.loadavg()[0]!.toFixed(1)
  console.log(`${cases.length} utterances, ${audio.toFixed(1)} s of audio; ${general} went on to the general model`)
  console.log(`wall: ${wall.toFixed(1)} s, real-time factor ${(wall / audio).toFixed(2)} (load average ${load} on ${os.cpus().length} cores)`)
  console.log(`decoder CPU: ${cpu.toFixed(1)} s, ${(cpu / audio).toFixed(2)} CPU seconds per second of audio`)
}

main().catch((err) => {
  console.error(err)
  process.exit(2)
})
