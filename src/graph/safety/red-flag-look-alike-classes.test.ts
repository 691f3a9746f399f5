import { describe, expect, it } from 'vitest'
import { detectRedFlags, type RedFlagCategory } from './red-flags.js'

/**
 * Classes of everyday messages from diabetic and hypertensive patients that look like a red
 * flag, each with the real emergencies next to them that must still alarm. Safety recall comes
 * first: each class is narrow enough that the nearby emergency keeps its flag.
 */
const categories = (text: string) => detectRedFlags(text).map((f) => f.category)

function both(name: string, quiet: string[], alarm: [string, RedFlagCategory][]) {
  describe(name, () => {
    it.each(quiet)('Should stay quiet on %j', (text) => {
      expect(detectRedFlags(text)).toEqual([])
    })
    it.each(alarm)('Should still flag %j as %s', (text, category) => {
      expect(categories(text)).toContain(category)
    })
  })
}

both(
  'blood that is measured or tested is not bleeding',
  [
    'vomiting after eating, blood sugar 180',
    'vomiting since morning and my blood pressure is 150/90',
    'threw up after the blood test this morning',
    'vomited twice, sugar in my blood is 210',
    'the blood test will not stop my diet plan',
    'ulti ho rahi hai, khoon mein sugar 160 aaya',
    'ulti ho rahi hai, blood ki report kal aayegi',
    'ulti hui subah, khoon ki jaanch karwani hai',
    'उल्टी हो रही है, खून की जांच कल है',
    'उल्टी हुई, ब्लड शुगर 190',
    'उल्टी के बाद रक्त शर्करा 200',
  ],
  [
    ['vomiting blood', 'bleeding'],
    ['she is vomiting blood since an hour, blood sugar 140', 'bleeding'],
    ['threw up blood after the sugar test', 'bleeding'],
    ['coughing up blood', 'bleeding'],
    ['khoon ki ulti ho rahi hai', 'bleeding'],
    ['ulti mein khoon aa raha hai, sugar test kal', 'bleeding'],
    ['खून की उल्टी हुई', 'bleeding'],
    ['उल्टी में खून आ रहा है', 'bleeding'],
    ['the bleeding won\'t stop', 'bleeding'],
    ['khoon ruk nahi raha', 'bleeding'],
    ['खून बंद नहीं हो रहा', 'bleeding'],
    ['blood coming from his head after the fall', 'head_injury'],
  ],
)
