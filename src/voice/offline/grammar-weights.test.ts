import { describe, expect, it } from 'vitest'
import { formatWeight, weighBody, weighGrammar } from './grammar-weights.js'

describe('grammar weights', () => {
  it('gives each of n alternatives 1/n, raised to the language weight', () => {
    expect(weighBody('yes | no', 1)).toBe('/0.5/ yes | /0.5/ no')
    expect(weighBody('a | b | c | d', 2)).toBe('/0.0625/ a | /0.0625/ b | /0.0625/ c | /0.0625/ d')
  })

  it('makes an optional part free to skip and a price to take, nested choices weighed inside', () => {
    expect(weighBody('[please] yes', 1)).toBe('(/1/ <NULL> | /0.5/ (please)) yes')
    expect(weighBody('i (took | had) [my | the] <med>', 1)).toBe(
      'i (/0.5/ took | /0.5/ had) (/1/ <NULL> | /0.5/ (/0.5/ my | /0.5/ the)) <med>',
    )
  })

  it('weighs every rule of a grammar and leaves its header alone', () => {
    const jsgf = '#JSGF V1.0;\ngrammar t;\npublic <s> = <a> | no;\n<a> = yes;\n'
    expect(weighGrammar(jsgf, 1)).toBe('#JSGF V1.0;\ngrammar t;\npublic <s> = /0.5/ <a> | /0.5/ no;\n<a> = yes;\n')
  })

  it('writes tiny weights as plain decimals that stay above zero', () => {
    expect(formatWeight((1 / 300) ** 6.5)).toMatch(/^0\.0{15}\d+$/)
    expect(Number(formatWeight(1e-30))).toBeGreaterThan(0)
    expect(formatWeight(1)).toBe('1')
  })

  it('refuses unbalanced groups and grammars that already have weights', () => {
    expect(() => weighBody('(a | b')).toThrow(/missing/)
    expect(() => weighBody('a ] b')).toThrow(/unbalanced/)
    expect(() => weighBody('/2/ a | /1/ b')).toThrow(/already/)
  })
})
