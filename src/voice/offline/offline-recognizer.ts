import fs from 'node:fs/promises'
import path from 'node:path'
import { detectRedFlags } from '../../graph/safety/red-flags.js'
import { withTempDir } from '../binaries.js'
import { durationSeconds, encodeWav, type Pcm16Audio } from '../wav.js'
import type { GrammarVocabulary } from './health-grammar.js'
import type { SearchFileCache } from './search-files.js'
import { decodeBatch, spotKeyphrases, type Decoding, type Spotted } from './sphinx.js'

/**
 * Offline recognition of one utterance, as three searches of the same audio run side by side:
 * the patient's grammar, a free phone loop (the best any words could fit the sound), and red-flag
 * keyphrases. The grammar's transcript is trusted in proportion to how close its acoustic score
 * comes to the phone loop's; below the threshold the general language model is tried, gated the
 * same way, and beside it the emergency pass: the grammar's emergencies (and their look-alikes)
 * alone, whose red flags count when its words fit the sound well enough. A spotted red flag is
 * passed on even when nothing else was understood.
 */

/** 'red-flag': only the red flags of a guess too unsure to act on (spotted, said in the grammar's guess, or heard by the emergency pass). */
export type Decoder = 'grammar' | 'general' | 'red-flag'

export interface Recognition {
  /** What to act on: the accepted transcript, with any red flag it missed in front; '' when rejected. */
  text: string
  /** 0-1, from the decoder's scores: how well the words chosen explain the sound. */
  confidence: number
  /** False when nothing was understood well enough to act on. */
  accepted: boolean
  /** Which search the text came from; undefined when rejected. */
  decoder?: Decoder
  /** The best guess, accepted or not (for logs at debug level and for evals, never acted on). */
  bestGuess: string
  /** Red-flag phrases spotted in the audio. */
  redFlags: string[]
  /** Milliseconds spent in each search (wall clock; they overlap). */
  ms: { grammar: number; phones: number; keyphrases: number; general?: number; emergency?: number }
}

export interface RecognizerSettings {
  batch: string
  continuous: string
  files: SearchFileCache
  /** Confidence at and above which a transcript is acted on. */
  threshold: number
  /** Time limit per search, on top of twice the audio's length. */
  timeoutMs: number
}

/**
 * Acoustic log-likelihood ratio per frame (log base 1.0001, as PocketSphinx scores) at which
 * confidence is one half, and how quickly it moves around that point. Calibrated on the spoken
 * eval's development set at 20 dB SNR with the weighted grammar (word penalties taken out of
 * both searches' scores): of the transcripts it got exactly right, 82 in 88 scored above -15 a
 * frame against the phone loop; of the wrong ones (speech it does not cover, forced into its
 * words), 80 in 86 scored below.
 */
const LLR_MIDPOINT = -15
const LLR_SCALE = 1

/**
 * -wip of the patient's grammar: each word costs more than the default 0.65, so that with the
 * grammar's weights fewer fillers and stray words are put in pauses and noise (WER 62 → 59 % on
 * half the spoken development set at 20 dB). The phone loop keeps the default.
 */
export const GRAMMAR_WORD_PENALTY = 0.05

const FILLER = /^(?:<s>|<\/s>|<sil>|\[[A-Z_]+\]|\(NULL\))$/

/**
 * Confidence from a search's acoustic score and the phone loop's over the frames of its words
 * (silence is left out: every search fits it equally well, and it would dilute the difference).
 */
export function confidenceOf(words: Decoding, phones: Decoding): number {
  const ratio = likelihoodRatio(words, phones)
  return ratio === undefined ? 0 : 1 / (1 + Math.exp(-(ratio - LLR_MIDPOINT) / LLR_SCALE))
}

/** The acoustic log-likelihood ratio per frame of a search's words against the phone loop; undefined when no words. */
export function likelihoodRatio(words: Decoding, phones: Decoding): number | undefined {
  if (!words.text) return undefined
  let frames = 0
  let ratio = 0
  for (const w of words.segments) {
    if (FILLER.test(w.word)) continue
    frames += w.endFrame - w.startFrame + 1
    ratio += w.ascr
    for (const p of phones.segments) {
      const overlap = Math.min(w.endFrame, p.endFrame) - Math.max(w.startFrame, p.startFrame) + 1
      if (overlap > 0) ratio -= (p.ascr * overlap) / (p.endFrame - p.startFrame + 1)
    }
  }
  return frames === 0 ? undefined : ratio / frames
}

export class OfflineRecognizer {
  constructor(private readonly settings: RecognizerSettings) {}

  async recognize(audio: Pcm16Audio, vocabulary: GrammarVocabulary, signal?: AbortSignal): Promise<Recognition> {
    const { batch, continuous, threshold } = this.settings
    const files = await this.settings.files.forVocabulary(vocabulary)
    const timeoutMs = this.settings.timeoutMs + Math.ceil(durationSeconds(audio) * 2000)
    const opts = { timeoutMs, signal }
    return withTempDir(async (dir) => {
      const wav = path.join(dir, 'utt.wav')
      await fs.writeFile(wav, encodeWav(audio))
      const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
        const started = performance.now()
        const value = await run()
        return [value, Math.round(performance.now() - started)]
      }
      // Each search reads the same file; batch writes its results beside it under its own name.
      const copy = async (name: string) => {
        const file = path.join(dir, `${name}.wav`)
        await fs.link(wav, file)
        return file
      }
      const [grammarWav, phonesWav] = await Promise.all([copy('grammar'), copy('phones')])
      const [grammarRun, phonesRun, spottedRun] = await Promise.allSettled([
        timed(() => decodeBatch(batch, grammarWav, { kind: 'grammar', ...files.grammar, wordPenalty: GRAMMAR_WORD_PENALTY }, opts)),
        timed(() => decodeBatch(batch, phonesWav, { kind: 'grammar', ...files.phoneLoop }, opts)),
        timed(() => spotKeyphrases(continuous, wav, files.keyphrases.kws, files.keyphrases.dict, opts)),
      ])
      if (signal?.aborted) throw signal.reason
      // The searches stand apart: a spotted emergency is never lost because another search was
      // slow or failed (an overloaded machine times the grammar out first), and a failed spotting
      // still leaves the transcript to the safety node.
      const [spotted, keyphraseMs] = spottedRun.status === 'fulfilled' ? spottedRun.value : [[], timeoutMs]
      if (grammarRun.status === 'rejected' || phonesRun.status === 'rejected') {
        const failure = grammarRun.status === 'rejected' ? grammarRun.reason : (phonesRun as PromiseRejectedResult).reason
        if (spotted.length === 0) throw failure
        const ms = { grammar: timeoutMs, phones: timeoutMs, keyphrases: keyphraseMs }
        return decide({ text: '', confidence: 0, decoder: 'grammar' }, spotted, threshold, ms)
      }
      const [grammar, grammarMs] = grammarRun.value
      const [phones, phonesMs] = phonesRun.value
      const ms: Recognition['ms'] = { grammar: grammarMs, phones: phonesMs, keyphrases: keyphraseMs }
      let best = { text: grammar.text, confidence: confidenceOf(grammar, phones), decoder: 'grammar' as Decoder }
      let emergencyFlags: string[] = []
      if (best.confidence < threshold) {
        // Free speech the grammar does not cover: the general model, held to the same standard.
        // Beside it, the emergency pass: the grammar's emergencies alone. A search that fails or
        // runs out of time leaves the grammar's answer (and what was spotted).
        const settled = <T>(run: Promise<T>) =>
          run.catch((err: unknown) => {
            if (signal?.aborted) throw err
            return undefined
          })
        const emergencySearch = { kind: 'grammar' as const, ...files.emergency, wordPenalty: GRAMMAR_WORD_PENALTY }
        const emergencyPass = async () => {
          const heard = await decodeBatch(batch, await copy('emergency'), emergencySearch, opts)
          // No end of the grammar reached within the default beams: once more with wider ones.
          return heard.text ? heard : decodeBatch(batch, await copy('emergency-wide'), { ...emergencySearch, beams: EMERGENCY_PASS_BEAMS }, opts)
        }
        const [generalRun, emergencyRun] = await Promise.all([
          settled(timed(async () => decodeBatch(batch, await copy('general'), { kind: 'language-model' }, opts))),
          settled(timed(emergencyPass)),
        ])
        if (generalRun) {
          const [general, generalMs] = generalRun
          ms.general = generalMs
          const confidence = confidenceOf(general, phones)
          if (confidence > best.confidence) best = { text: general.text, confidence, decoder: 'general' }
        }
        if (emergencyRun) {
          const [emergency, emergencyMs] = emergencyRun
          ms.emergency = emergencyMs
          emergencyFlags = emergencyPassFlags(emergency, phones)
        }
      }
      return decide(best, spotted, threshold, ms, emergencyFlags)
    })
  }
}

/** The red flags spotted that the accepted words do not already say (the safety node reads those). */
export function missingRedFlags(spotted: Spotted[], text: string): string[] {
  const said = ` ${text} `
  return [...new Set(spotted.map((s) => s.phrase))].filter((p) => !said.includes(` ${p} `))
}

/**
 * The red flags in a transcript too unsure to act on, as the words the safety node matched. The
 * grammar says an emergency only when the sound is close to one, and an emergency asked to be
 * said again may not be said again: the safety node hears these words, nothing else of the guess
 * (no reading or dose is written from it).
 */
export function redFlagsInGuess(guess: string): string[] {
  return guess ? [...new Set(detectRedFlags(guess).map((f) => f.matched))] : []
}

/**
 * The red flags of the emergency pass, when its words fit the sound at least this well against the
 * phone loop (per frame, as confidence is measured). Set on the spoken development set (tuned
 * there, so it flatters): at -20 every emergency the whole grammar had not understood at 20 dB
 * was caught, and the routine sentences it turned into an emergency stayed few; the whole grammar's
 * own midpoint is -15.
 */
export const EMERGENCY_PASS_MIN_LLR = -20

/**
 * The emergency pass's second try when the default beams reached no end of the grammar (no words),
 * as for a fifth of the noisiest emergencies. Not the first try: the paths they add fit the sound
 * worse, and twice the CPU.
 */
export const EMERGENCY_PASS_BEAMS = { beam: 1e-60, wbeam: 1e-50, pbeam: 1e-60 }

/** The red flags the emergency pass heard, as the safety node raises them; none when its words fit the sound too badly. */
export function emergencyPassFlags(emergency: Decoding, phones: Decoding): string[] {
  const ratio = likelihoodRatio(emergency, phones)
  return ratio !== undefined && ratio >= EMERGENCY_PASS_MIN_LLR ? redFlagsInGuess(emergency.text) : []
}

function decide(
  best: { text: string; confidence: number; decoder: Decoder },
  spotted: Spotted[],
  threshold: number,
  ms: Recognition['ms'],
  emergencyFlags: string[] = [],
): Recognition {
  const accepted = best.text !== '' && best.confidence >= threshold
  const heard = accepted ? best.text : ''
  const guessed = [...new Set([...(accepted ? [] : redFlagsInGuess(best.text)), ...emergencyFlags])]
  const redFlags = [...new Set([...spotted.map((s) => s.phrase), ...guessed])]
  const flags = [...new Set([...missingRedFlags(spotted, heard), ...guessed])]
  const base = { confidence: round(best.confidence), bestGuess: best.text, redFlags, ms }
  if (flags.length) {
    // The red flags go first: the safety node reads "heart attack" at the start of a message.
    const text = [flags.join(', '), heard].filter(Boolean).join('. ')
    return { ...base, text, accepted: true, decoder: accepted ? best.decoder : 'red-flag' }
  }
  return accepted ? { ...base, text: heard, accepted, decoder: best.decoder } : { ...base, text: '', accepted: false }
}

const round = (n: number) => Math.round(n * 1000) / 1000
