import { beforeAll, describe, expect, it } from 'vitest'
import { requires } from '../../../test/fakes/audio-fixtures.js'
import { findBinary } from '../binaries.js'
import { compileHealthGrammar } from './health-grammar.js'
import { jsgfMatcher } from '../../../test/jsgf-match.js'

/**
 * Ways of saying things the offline grammar must cover: the decoder can only answer with a
 * sentence its grammar says. Phrasings here are our own, not the spoken eval's.
 */
const espeak = requires('espeak-ng')

const SAID: Record<string, string[]> = {
  'hundreds of any digit (doses in mg, water in ml)': [
    'i took my metformin eight hundred fifty',
    'i drank three hundred millilitres of water',
    'i took telma four hundred',
  ],
  'a hesitation before the number': [
    'my pulse is uh eighty two',
    'b p is um one thirty over eighty',
    'my sugar is er one forty',
  ],
  'when before the name': ['after dinner my sugar was one sixty', 'fasting my glucose is ninety two'],
  'a medicine with its form': ['i took my telma tablet', 'i missed my insulin injection', 'i took my metformin medicine'],
  'when and why a dose was taken or missed': [
    'i missed my telma because i was travelling',
    'i took my metformin on time after breakfast',
    'i skipped my insulin yesterday because i ran out',
  ],
  'a filler first': ['uh i took my telma', 'hmm my weight is seventy kilos'],
  'where and when an emergency happened, what one was doing, how one feels now': [
    'my father collapsed in the kitchen just now',
    'i was climbing the stairs and suddenly i got chest pain',
    'i have chest pain and now i am feeling very dizzy',
    'my brother is bleeding a lot',
  ],
  'red-flag words that are not an emergency': [
    'my mother had a stroke two years ago',
    'my chest pain from yesterday is much better',
    'there is no chest pain now',
    'i am not having any breathlessness',
    'what are the symptoms of a heart attack',
    'how can i prevent a stroke',
    'the doctor said my b p is normal',
    'this traffic is killing me',
  ],
}

describe('the offline grammar covers how people say things', () => {
  let says: (sentence: string) => boolean
  beforeAll(async () => {
    const g = await compileHealthGrammar({ medicines: ['Telma 40', 'Metformin 500', 'Insulin'] }, findBinary('espeak-ng'))
    says = jsgfMatcher(g.jsgf)
  }, 60_000)

  for (const [what, sentences] of Object.entries(SAID)) {
    it.skipIf(espeak.missing)(`${what}${espeak.note}`, () => {
      for (const s of sentences) expect(says(s), s).toBe(true)
    })
  }

  it.skipIf(espeak.missing)(`does not say what nobody says to Podd${espeak.note}`, () => {
    for (const s of ['what is the cricket score', 'play some music', 'my blood pressure is one forty']) expect(says(s), s).toBe(false)
  })
})
