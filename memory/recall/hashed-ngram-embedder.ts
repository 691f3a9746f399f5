import { normalizeInPlace, type Embedder } from './embedder.js'

/**
 * The offline embedder: a deterministic bag of hashed word and character n-grams. It needs no
 * network and no model, and it **matches words, not meanings**: "what did the doctor say about
 * salt" finds "Dr Rao said cut salt to 5 g a day" because both say *salt*, but "BP medicine"
 * does not find "amlodipine" and "my joints ache" does not find "knee pain". Configure
 * EMBEDDINGS_MODEL for recall by meaning.
 *
 * Features, each hashed into one of `dimensions` buckets with a random sign (the hashing
 * trick), then L2-normalised:
 * - word unigrams after lower-casing, expanding a few abbreviations (dr, bp), dropping stopwords
 *   (English, Hinglish and the framing words of questions: "when", "did", "remember") and light
 *   suffix stripping (hurting → hurt);
 * - word bigrams of neighbouring kept words (weight 0.5), so "blood sugar" differs from
 *   "blood pressure";
 * - the first five letters of longer words (weight 0.5), so "diabetic" meets "diabetes";
 * - character 3–5-grams of each word with its boundaries (a block of total weight 0.6 per
 *   word), so "diabetic" meets "diabetes" and spelling varies (dawai, dawaai) still overlap.
 *
 * Weights are fixed, not learned IDF: an IDF fitted to a patient's history changes with every
 * memory written, which would silently make every stored vector stale (or, applied at query
 * time, needs per-feature statistics the Pinecone backend cannot give). A fixed prior does the
 * part of IDF that matters for short notes: stopwords weigh nothing and everyday filler
 * ("today", "feeling", "little") weighs half.
 *
 * @example
 * const embedder = new HashedNgramEmbedder()
 * const [doc] = await embedder.embedDocuments(['Dr Rao said cut salt to 5 g a day'])
 * const query = await embedder.embedQuery('what did the doctor say about salt')
 */
export class HashedNgramEmbedder implements Embedder {
  readonly id: string
  readonly dimensions: number
  // Unrelated notes still share a few character n-grams ("ing", "the"); measured on the
  // labelled set, they score below 0.1 while a shared content word scores well above it.
  readonly minScore = 0.1

  constructor(opts: { dimensions?: number } = {}) {
    this.dimensions = opts.dimensions ?? 2048
    if (!Number.isInteger(this.dimensions) || this.dimensions < 64 || (this.dimensions & (this.dimensions - 1)) !== 0) {
      throw new Error('HashedNgramEmbedder dimensions must be a power of two ≥ 64')
    }
    this.id = `hashed-ngram-v1-${this.dimensions}`
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embed(t))
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.embed(text)
  }

  /** The vector of a text, synchronously. */
  embed(text: string): Float32Array {
    const v = new Float32Array(this.dimensions)
    const add = (feature: string, weight: number) => {
      const h = hash32(feature)
      v[h & (this.dimensions - 1)]! += h & 0x80000000 ? -weight : weight
    }
    const words = recallWords(text)
    for (let i = 0; i < words.length; i++) {
      const { word, stem, weight } = words[i]!
      add(`w:${stem}`, weight)
      const next = words[i + 1]
      if (next) add(`b:${stem} ${next.stem}`, 0.5 * Math.min(weight, next.weight))
      // Five-letter truncation: diabetic and diabetes, pregnant and pregnancy share a feature.
      if (word.length >= 6 && /^[a-z]+$/.test(word)) add(`p:${word.slice(0, 5)}`, PREFIX_WEIGHT * weight)
      const grams = charGrams(word)
      const gramWeight = (CHAR_BLOCK_WEIGHT * weight) / Math.sqrt(grams.length || 1)
      for (const g of grams) add(`c:${g}`, gramWeight)
    }
    return normalizeInPlace(v)
  }
}

const CHAR_BLOCK_WEIGHT = 0.6
const PREFIX_WEIGHT = 0.5
const FILLER_WEIGHT = 0.5

export interface RecallWord {
  /** The word as written, lower-cased. */
  word: string
  /** Its suffix-stripped form, what unigrams and bigrams are made of. */
  stem: string
  weight: number
}

/**
 * The searchable words of a text: lower-cased, split on anything but letters, marks and
 * digits, stopwords dropped, each with its stem and weight.
 *
 * @example recallWords('When did my knee start hurting?').map((w) => w.stem) // ['knee', 'start', 'hurt']
 */
export function recallWords(text: string): RecallWord[] {
  const out: RecallWord[] = []
  const tokens = text.normalize('NFKC').toLowerCase().replace(/['’`]/g, '').split(/[^\p{L}\p{M}\p{N}]+/u)
  for (const word of tokens.flatMap((t) => ABBREVIATIONS[t] ?? [t])) {
    if (!word || STOPWORDS.has(word)) continue
    const stem = stemWord(word)
    if (STOPWORDS.has(stem)) continue
    out.push({ word, stem, weight: FILLER.has(stem) || /^\d+$/.test(word) ? FILLER_WEIGHT : 1 })
  }
  return out
}

/**
 * Light English suffix stripping (a small part of Porter's step 1), enough that hurts,
 * hurting and hurt, or knees and knee, meet. Non-Latin words and numbers are kept as written.
 */
export function stemWord(word: string): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word
  let s = word
  if (s.endsWith('ness') && s.length >= 7) s = s.slice(0, -4)
  if (s.endsWith('ies') && s.length >= 5) s = `${s.slice(0, -3)}i`
  else if (s.endsWith('ing') && s.length >= 6) s = undouble(s.slice(0, -3))
  else if (s.endsWith('ed') && s.length >= 5 && !s.endsWith('eed')) s = undouble(s.slice(0, -2))
  else if (s.endsWith('s') && s.length >= 4 && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1)
  if (s.length > 3 && s.endsWith('e')) s = s.slice(0, -1)
  if (s.length > 3 && s.endsWith('y')) s = `${s.slice(0, -1)}i`
  return s
}

const undouble = (s: string) => (/([bdgmnprt])\1$/.test(s) ? s.slice(0, -1) : s)

function charGrams(word: string): string[] {
  // Short words and numbers are fully said by their unigram; their n-grams would only add noise.
  if (word.length < 4 || /^\d+$/.test(word)) return []
  const padded = `<${word}>`
  const grams: string[] = []
  for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n))
  return grams
}

/** FNV-1a over UTF-16 code units with murmur3's finaliser, so every bit of the result mixes. */
function hash32(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

// Function words and the framing of questions to Podd: they say how something is asked, not
// what it is about. Hinglish function words are here too (mera, kya, hai).
const STOPWORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both
  but by can could did do does doing done down during each few for from further had has have having he her here hers
  him his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
  our ours out over own same she should so some such than that the their them then there these they this those
  through to too under until up very was we were what when where which while who whom why will with would you your
  yours yourself ever remember recall tell told say said says ask asked mention mentioned know last time times
  please podd hi hello ok okay yes also still
  hai hain tha thi the ka ki ke ko se mein mera meri mere mujhe maine main hum humne aap kya kab kaise kyun aur bhi
  nahi nahin toh to wala wali yeh woh ne kaha baare`.split(/\s+/),
)

// Abbreviations patients and their notes use for the same word; expanding them is still
// matching words (a synonym like sugar/glucose is meaning, and is left to a real model).
const ABBREVIATIONS: Record<string, string[]> = {
  dr: ['doctor'],
  doc: ['doctor'],
  bp: ['blood', 'pressure'],
  appt: ['appointment'],
  meds: ['medicine'],
  med: ['medicine'],
  hr: ['heart', 'rate'],
}

// Everyday words that say little about which memory is meant: half weight, a fixed prior in
// place of learned IDF.
const FILLER = new Set(
  `today yesterday morning evening night day week feel feeling felt little bit lot much really got get went go came
  come since now bad good better worse thing things`
    .split(/\s+/)
    .map(stemWord),
)
