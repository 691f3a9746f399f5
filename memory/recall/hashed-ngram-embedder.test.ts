import { describe, expect, it } from 'vitest'
import { HashedNgramEmbedder, recallWords, stemWord } from './hashed-ngram-embedder.js'

const embedder = new HashedNgramEmbedder()
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0)
const similarity = (a: string, b: string) => cosine(embedder.embed(a), embedder.embed(b))

describe('HashedNgramEmbedder', () => {
  it('Should make the same unit-length vector for the same text, every time', async () => {
    const [a] = await embedder.embedDocuments(['Dr Rao said cut salt to 5 g a day'])
    const b = await embedder.embedQuery('Dr Rao said cut salt to 5 g a day')
    expect(a).toEqual(b)
    expect(a).toHaveLength(2048)
    expect(cosine(a!, a!)).toBeCloseTo(1, 5)
    expect(embedder.id).toBe('hashed-ngram-v1-2048')
  })

  it('Should drop stopwords and the framing of questions, and strip suffixes', () => {
    expect(recallWords('When did my knee start hurting?').map((w) => w.stem)).toEqual(['knee', 'start', 'hurt'].map(stemWord))
    expect(recallWords('What did the doctor say about salt').map((w) => w.word)).toEqual(['doctor', 'salt'])
    expect(recallWords('mujhe kal se sir dard hai').map((w) => w.word)).toEqual(['kal', 'sir', 'dard'])
    expect(recallWords('Dr Rao checked my BP').map((w) => w.word)).toEqual(['doctor', 'rao', 'checked', 'blood', 'pressure'])
    for (const [a, b] of [['hurting', 'hurts'], ['knees', 'knee'], ['started', 'start'], ['dizziness', 'dizzy'], ['aching', 'aches']]) {
      expect(stemWord(a!)).toBe(stemWord(b!))
    }
  })

  it('Should give a zero vector to text without searchable words', () => {
    expect(embedder.embed('what did I?').every((x) => x === 0)).toBe(true)
    expect(embedder.embed('').every((x) => x === 0)).toBe(true)
  })

  it('Should score shared words high and unrelated text below its floor', () => {
    expect(similarity('what did the doctor say about salt', 'Dr Rao said cut salt to 5 g a day')).toBeGreaterThan(0.3)
    expect(similarity('when did my knee start hurting', 'my knees have been hurting since Sunday')).toBeGreaterThan(0.3)
    expect(similarity('when did my knee start hurting', 'ate rice and dal for lunch')).toBeLessThan(embedder.minScore)
    expect(similarity('diabetic diet', 'diabetes clinic visit')).toBeGreaterThan(embedder.minScore)
  })

  it('Should match words, not meanings: a synonym without a shared word is not found', () => {
    // Documented behaviour of the offline embedder; an embeddings model finds these.
    expect(similarity('how much sodium am I allowed', 'cut salt to 5 g a day')).toBeLessThan(embedder.minScore)
    expect(similarity('when did I feel dizzy', 'uthte waqt chakkar aata hai')).toBeLessThan(embedder.minScore)
  })

  it('Should tell blood sugar from blood pressure by word pairs', () => {
    const sugar = similarity('blood sugar high', 'my blood sugar was high after lunch')
    const pressure = similarity('blood sugar high', 'my blood pressure was high after lunch')
    expect(sugar).toBeGreaterThan(pressure)
  })

  it('Should refuse dimensions that are not a power of two', () => {
    expect(() => new HashedNgramEmbedder({ dimensions: 1000 })).toThrow(/power of two/)
    expect(new HashedNgramEmbedder({ dimensions: 512 }).embed('knee')).toHaveLength(512)
  })
})
