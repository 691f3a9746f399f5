import { describe, expect, it } from 'vitest'
import { findDoseChangeSuggestion } from './dose-change.js'

describe('findDoseChangeSuggestion', () => {
  it.each([
    'You can stop the amlodipine if your ankles swell.',
    'Try reducing your metformin to once a day.',
    'I suggest you skip tonight’s insulin dose since your sugar is low.',
    "It's fine to take an extra tablet of telmisartan when BP is high.",
    'Your BP is high. Take an extra dose of amlodipine now.',
    'Stop taking the Ecosprin for a few days.',
    'You should increase your insulin by 2 units.',
    'Sugar kam hai to dawa band kar dijiye.',
    'Aaj raat insulin ki dose kam kar do.',
    'शुगर ज़्यादा है तो दवा बढ़ा दीजिए।',
    'अम्लोडिपिन की गोली बंद कर दें।',
  ])('counts %j', (reply) => {
    expect(findDoseChangeSuggestion(reply)).not.toBeNull()
  })

  it.each([
    "Please don't stop or change your amlodipine without talking to your doctor.",
    'Do not skip or double a dose; ask your doctor first.',
    'Your doctor may reduce the dose if your ankles keep swelling.',
    'Ask your doctor whether to stop the amlodipine.',
    'Time to take your 8 pm metformin.',
    'Your sugar is 62: take 15 g of fast sugar (3 teaspoons of glucose) and re-check in 15 minutes.',
    'Logged: metformin 500 mg taken at 8:05 am.',
    'I can’t change your medicine. Please speak to your doctor before you stop anything.',
    'Dawa apne aap band na karein, doctor se baat karein.',
    'डॉक्टर से पूछे बिना दवा बंद न करें।',
    'Stop and rest for a few minutes, then measure again.',
    'I have moved your atorvastatin reminder to 9:00 pm.',
    'Stopping some medicines suddenly can be risky.',
    'Changing the dose is a decision for your doctor.',
  ])('does not count %j', (reply) => {
    expect(findDoseChangeSuggestion(reply)).toBeNull()
  })
})
