import { describe, expect, it } from 'vitest'
import { detectRedFlags, type RedFlagCategory } from '../src/graph/safety/red-flags.js'

const categories = (text: string) => detectRedFlags(text).map((f) => f.category)

/** A class of messages: those that must raise no red flag, and the emergencies beside them that must keep theirs. */
export function flagClass(name: string, quiet: string[], alarm: [string, RedFlagCategory][]) {
  describe(name, () => {
    it.each(quiet)('Should stay quiet on %j', (text) => {
      expect(detectRedFlags(text)).toEqual([])
    })
    it.each(alarm)('Should still flag %j as %s', (text, category) => {
      expect(categories(text)).toContain(category)
    })
  })
}
