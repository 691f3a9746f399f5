import { describe, expect, it } from 'vitest'
import { chunkText, sentencesFrom, splitSentences } from './sentences.js'

describe('sentence splitting', () => {
  it('splits at . ? ! and newlines, keeping punctuation', () => {
    expect(splitSentences('Your BP is 140/90. Is that high? Yes!\nTake rest')).toEqual([
      'Your BP is 140/90.',
      'Is that high?',
      'Yes!',
      'Take rest',
    ])
  })

  it('splits Devanagari at the danda', () => {
    expect(splitSentences('आपका बीपी 140/90 है। दवा समय पर लें॥ ठीक है?')).toEqual([
      'आपका बीपी 140/90 है।',
      'दवा समय पर लें॥',
      'ठीक है?',
    ])
  })

  it('does not split decimals, titles or ellipses inside a sentence', () => {
    expect(splitSentences('Your temperature is 98.6 F. Dr. Rao said rest... then walk.')).toEqual([
      'Your temperature is 98.6 F.',
      'Dr. Rao said rest...',
      'then walk.',
    ])
  })

  it('drops pieces with nothing to say', () => {
    expect(splitSentences('  ...  \n\n !')).toEqual([])
  })

  it('packs sentences into chunks under the limit and breaks an overlong sentence at a comma or space', () => {
    const text = 'One two three. Four five six. ' + 'word, '.repeat(30) + 'end.'
    const chunks = chunkText(text, 40)
    expect(chunks.every((c) => c.length <= 40)).toBe(true)
    expect(chunks[0]).toBe('One two three. Four five six.')
    expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(text.trim().replace(/\s+/g, ' '))
  })

  it('yields sentences from a token stream as soon as each is complete', async () => {
    const seen: string[] = []
    const tokens = ['Your ', 'temperature is 98', '.6 F', '. Drink', ' water', '. ', 'Rest now', '.']
    async function* stream() {
      for (const t of tokens) {
        yield t
        seen.push(`after:${t}`)
      }
    }
    const out: string[] = []
    for await (const s of sentencesFrom(stream())) {
      out.push(s)
      seen.push(`sentence:${s}`)
    }
    expect(out).toEqual(['Your temperature is 98.6 F.', 'Drink water.', 'Rest now.'])
    // The first sentence is out before the stream has finished.
    expect(seen.indexOf('sentence:Your temperature is 98.6 F.')).toBeLessThan(seen.indexOf('after:Rest now'))
  })
})
