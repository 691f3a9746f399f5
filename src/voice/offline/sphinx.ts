import fs from 'node:fs/promises'
import path from 'node:path'
import { runTool } from '../binaries.js'

/**
 * Runs Debian's PocketSphinx 5prealpha command-line decoders on one WAV file and reads back what
 * they found with the decoder's own scores. `pocketsphinx_batch` decodes the whole clip as one
 * utterance (the caller's VAD already cut it) and writes a segmentation with acoustic and
 * language scores; `pocketsphinx_continuous` is the one whose keyphrase search reports spotted
 * phrases with their posterior probability.
 */

export const POCKETSPHINX_HMM = '/usr/share/pocketsphinx/model/en-us/en-us'
export const POCKETSPHINX_LM = '/usr/share/pocketsphinx/model/en-us/en-us.lm.bin'

/** A word of the best path: frames are 10 ms; scores are log (base 1.0001) values, ≤ 0. */
export interface SegmentWord {
  word: string
  startFrame: number
  endFrame: number
  /** Acoustic score, normalised by the best senone in each frame: 0 is a perfect fit (the word insertion penalty taken out). */
  ascr: number
  lscr: number
}

export interface Decoding {
  /** The words recognised, fillers and silences left out. */
  text: string
  /** Every segment of the best path, silences and fillers included. */
  segments: SegmentWord[]
  frames: number
}

export type Search =
  | {
      kind: 'grammar'
      jsgf: string
      dict: string
      /** -wip, when not the default 0.65. */
      wordPenalty?: number
      /** -beam, -wbeam and -pbeam, when not the defaults (1e-48, 7e-29, 1e-48). */
      beams?: { beam: number; wbeam: number; pbeam: number }
    }
  | { kind: 'language-model'; lm?: string; dict?: string }

export interface DecodeOptions {
  /** CPU time a search may use (the clock allows a few times more: see runTool's cpuBudget). */
  timeoutMs: number
  signal?: AbortSignal
}

const FILLER = /^(?:<s>|<\/s>|<sil>|\[[A-Z_]+\]|\(NULL\))$/

/** Decodes `wavFile` (16 kHz mono) with a grammar or the general model, whole, as one utterance. */
export async function decodeBatch(binary: string, wavFile: string, search: Search, opts: DecodeOptions): Promise<Decoding> {
  const dir = path.dirname(wavFile)
  const id = path.basename(wavFile, '.wav')
  const ctl = path.join(dir, `${id}.ctl`)
  const seg = path.join(dir, `${id}.seg`)
  await fs.writeFile(ctl, `${id}\n`)
  const args = ['-adcin', 'yes', '-cepdir', dir, '-cepext', '.wav', '-ctl', ctl, '-hypseg', seg, '-logfn', '/dev/null', '-dither', 'yes', '-seed', '1']
  // The default beams: tighter ones pruned the right path of in-grammar sentences (a dithered
  // "she is having a seizure" became "tea with half big papita").
  if (search.kind === 'grammar') {
    args.push('-jsgf', search.jsgf, '-dict', search.dict)
    if (search.wordPenalty !== undefined) args.push('-wip', String(search.wordPenalty))
    if (search.beams) args.push('-beam', String(search.beams.beam), '-wbeam', String(search.beams.wbeam), '-pbeam', String(search.beams.pbeam))
  }
  else {
    if (search.lm) args.push('-lm', search.lm)
    if (search.dict) args.push('-dict', search.dict)
  }
  await runTool(binary, args, { timeoutMs: opts.timeoutMs, cpuBudget: true, signal: opts.signal })
  return parseHypseg(await fs.readFile(seg, 'utf8'), search.kind === 'grammar' ? search.wordPenalty : undefined)
}

/** PocketSphinx's default -wip and -lw. */
const DEFAULT_WORD_PENALTY = 0.65
const LANGUAGE_WEIGHT = 6.5

/**
 * What a word insertion penalty adds to each segment's acoustic score in a `-hypseg` line (it is
 * folded into `ascr`, silences included): log base 1.0001, scaled by the language weight, in the
 * decoder's 10-bit-shifted units.
 */
export function wordPenaltyScore(wip = DEFAULT_WORD_PENALTY): number {
  return Math.round((Math.log(wip) / Math.log(1.0001)) * LANGUAGE_WEIGHT / 1024)
}

/**
 * One `-hypseg` line: `id S scale T total A ascr L lscr` then `startFrame ascr lscr word` for
 * each segment and the end frame last.
 */
export function parseHypseg(text: string, wordPenalty?: number): Decoding {
  // The acoustic score alone: the penalty is the same for any sound, so it says nothing of the fit.
  const penalty = wordPenaltyScore(wordPenalty)
  const line = text.split('\n').find((l) => l.trim()) ?? ''
  const parts = line.trim().split(/\s+/)
  const at = parts.indexOf('L')
  const segments: SegmentWord[] = []
  let i = at >= 0 ? at + 2 : parts.length
  while (i + 3 < parts.length) {
    const startFrame = Number(parts[i])
    const ascr = Number(parts[i + 1])
    const lscr = Number(parts[i + 2])
    const word = parts[i + 3]!
    i += 4
    segments.push({ word, startFrame, endFrame: startFrame, ascr: word === '(NULL)' ? ascr : ascr - penalty, lscr })
  }
  const frames = i < parts.length ? Number(parts[i]) : (segments.at(-1)?.startFrame ?? 0)
  segments.forEach((s, k) => {
    s.endFrame = (segments[k + 1]?.startFrame ?? frames) - 1
  })
  const words = segments.filter((s) => !FILLER.test(s.word)).map((s) => s.word.replace(/\(\d+\)$/, ''))
  return { text: words.join(' '), segments, frames: Number.isFinite(frames) ? frames : 0 }
}

export interface Spotted {
  phrase: string
  startSeconds: number
  endSeconds: number
  /** The decoder's posterior for the detection, 0-1. */
  probability: number
}

/** Spots keyphrases (a `-kws` file: `phrase /threshold/` a line) anywhere in `wavFile`. */
export async function spotKeyphrases(
  binary: string,
  wavFile: string,
  kwsFile: string,
  dict: string | undefined,
  opts: DecodeOptions,
): Promise<Spotted[]> {
  const args = ['-infile', wavFile, '-kws', kwsFile, '-time', 'yes', '-logfn', '/dev/null']
  if (dict) args.push('-dict', dict)
  const { stdout } = await runTool(binary, args, { timeoutMs: opts.timeoutMs, cpuBudget: true, signal: opts.signal })
  return parseSpotted(stdout.toString('utf8'))
}

/**
 * `-time yes` output: a line of everything heard in an utterance, then a line per detection,
 * `phrase start end probability` (the phrase may hold spaces).
 */
export function parseSpotted(stdout: string): Spotted[] {
  const found: Spotted[] = []
  for (const line of stdout.split('\n')) {
    const m = /^(.+?)\s+(\d+\.\d+)\s+(\d+\.\d+)\s+(\d+(?:\.\d+)?)\s*$/.exec(line.trim())
    if (!m) continue
    found.push({ phrase: m[1]!.trim(), startSeconds: Number(m[2]), endSeconds: Number(m[3]), probability: Number(m[4]) })
  }
  return found
}
