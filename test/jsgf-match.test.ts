import { describe, expect, it } from 'vitest'
import { weighGrammar } from '../src/voice/offline/grammar-weights.js'
import { jsgfMatcher } from './jsgf-match.js'

const GRAMMAR = `#JSGF V1.0;
grammar t;
public <top> = [<lead>] (<bp> | <yes>) [please];
<lead> = okay | so;
<n> = one | two | ninety | one forty;
<bp> = [my] (blood pressure | b p) [is] <n> (over | by) <n>;
<yes> = yes+ | <NULL> no;
`

describe('matching a sentence against a JSGF grammar', () => {
  const plain = jsgfMatcher(GRAMMAR)
  const weighted = jsgfMatcher(weighGrammar(GRAMMAR))

  it('accepts exactly the sentences the grammar says, weighted or not', () => {
    for (const m of [plain, weighted]) {
      expect(m('my blood pressure is one forty over ninety')).toBe(true)
      expect(m('okay b p two by one please')).toBe(true)
      expect(m('yes yes yes')).toBe(true)
      expect(m('no')).toBe(true)
      expect(m('my blood pressure is one forty')).toBe(false)
      expect(m('okay okay yes')).toBe(false)
      expect(m('')).toBe(false)
    }
  })

  it('names a rule the grammar does not have', () => {
    expect(() => jsgfMatcher('#JSGF V1.0;\npublic <a> = <missing>;\n')('x')).toThrow(/no rule <missing>/)
  })
})
