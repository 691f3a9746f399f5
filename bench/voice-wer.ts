/**
 * npx tsx bench/voice-wer.ts [--voice <espeak voice>] [--wpm <n>] — the offline speech round trip:
 * espeak-ng speaks each health sentence below, PocketSphinx transcribes it, and the word error
 * rate is printed per sentence and overall. Synthetic speech is not a patient's voice: this
 * measures the pipeline (formats, resampling, tools), not how well real speakers will be heard.
 */
import { hasBinary, hasPocketsphinx } from '../src/voice/binaries.js'
import { createLogger } from '../src/logger.js'
import { OfflineSpeechProvider } from '../src/voice/offline-speech.js'
import { corpusWordErrorRate, wordErrorRate } from '../src/voice/wer.js'

export const HEALTH_SENTENCES = [
  'my blood pressure is one forty over ninety',
  'i took my metformin tablet after breakfast',
  'my sugar level was one hundred and twenty this morning',
  'i had two chapatis and dal for lunch',
  'i feel dizzy and have a headache',
  'remind me to take my medicine at nine pm',
  'my weight today is seventy two kilos',
  'i walked for thirty minutes in the evening',
  'i slept for six hours last night',
  'my temperature is ninety nine point five',
]

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : undefined
}

async function main() {
  if (!hasBinary('espeak-ng') || !hasPocketsphinx()) {
    console.error('needs the offline speech tools: apt-get install espeak-ng pocketsphinx pocketsphinx-en-us')
    process.exit(2)
  }
  const voice = arg('voice')
  const wpm = arg('wpm')
  const speech = new OfflineSpeechProvider(createLogger({ level: 'warn' }), {
    ...(voice ? { englishVoice: voice } : {}),
    ...(wpm ? { wordsPerMinute: Number(wpm) } : {}),
  })
  console.log(`espeak-ng voice ${voice ?? 'en-us+klatt (default)'}, ${wpm ?? 150} wpm -> pocketsphinx_continuous\n`)
  const pairs: { reference: string; hypothesis: string }[] = []
  for (const reference of HEALTH_SENTENCES) {
    const spoken = await speech.synthesize(reference, { language: 'en-IN' })
    const heard = await speech.transcribe({ wav: spoken.audio }, { language: 'en-IN' })
    const r = wordErrorRate(reference, heard.text)
    pairs.push({ reference, hypothesis: heard.text })
    console.log(`WER ${(r.wer * 100).toFixed(0).padStart(3)}%  said:  ${reference}`)
    console.log(`             heard: ${heard.text || '(nothing)'}`)
  }
  const total = corpusWordErrorRate(pairs)
  console.log(
    `\noverall WER ${(total.wer * 100).toFixed(1)}% over ${total.referenceWords} words ` +
      `(${total.substitutions} substituted, ${total.deletions} deleted, ${total.insertions} inserted)`,
  )
}

await main()
