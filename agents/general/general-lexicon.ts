import type { Lexicon } from '../agent-definition.js'
import { isGeneralHealthQuestion } from './health-answers.js'
import { asksReadingNow, OWN_READINGS_TREND } from '../vitals/vitals-lexicon.js'
import { CALORIES_SO_FAR } from '../food/food-lexicon.js'

/** Small talk, symptoms, mood, sleep, exercise, profile, appointments and the patient's history. */
export const generalLexicon: Lexicon = {
  entryWords: /\b(?:sleep|neend|walk|exercise|yoga|symptoms?|mood|ap+oint(?:a)?ments?|check-?up)\b/,
  patterns: [
    [/^(?:hi|hello|hey|namaste|namaskar|good (?:morning|afternoon|evening|night)|thanks|thank you|thank u|ok|okay|bye)\b/, 0.9],
    [/\b(?:help|what can you do|how do i|how to use)\b/, 0.8],
    [/\b(?:headache|sir dard|sar dard|pain|ache|aching|dard|cough|khansi|cold|sneez\w*|dizzy|dizziness|chakkar|nausea|vomit\w*|tired|thakan|weak|weakness|itch\w*|rash|swell|swells|swelling|swollen|pet kharab|upset stomach|sore|cramps?|constipation|diarrh\w*|loose motion|acidity|gas|fever|bukhar|soojan|sujan|sooj\w*|suj|suji|suja|dast|zukam|jukam|khujli)\b/, 0.8],
    [/\b(?:mood|happy|sad|upset|anxious|anxiety|worried|stress|stressed|lonely|depressed|low|down|udaas|udas|khush|feeling (?:good|great|better|fine|bad|low))\b/, 0.75],
    [/\b(?:sleep|slept|neend|nind|insomnia|woke up|nap)\b/, 0.85],
    [/\b(?:walk|walked|walking|yoga|exercise|exercised|gym|cycling|cycled|swim|swam|jog|jogged|run|ran|steps|workout|sair|tehel\w*|tahal\w*|tehl[aie]|kasrat|vyayam)\b/, 0.85],
    [/\b(?:my name|allergic|allergy|allergies|born|birthday|date of birth|height|vegetarian|vegan|language|time ?zone|profile|reply in|speak in)\b/, 0.85],
    // "Apointament" is how अपॉइंटमेंट reads in Latin letters.
    [/\b(?:ap+oint(?:a)?ments?|check-?up|doctor visit|visit the doctor|emergency contact)\b/, 0.85],
    [/\b(?:doctor said|doctor told|remember|did i (?:say|mention|tell)|when did|last time|history|summary|how was my|how am i doing|report)\b/, 0.75],
    [/\bwhat did\b.{0,30}\b(?:say|said|tell|told|mention|advise)\b|\bdoctor (?:say|said|tell|told|advised|mentioned)\b/, 0.8],
    [/\b(?:doctor|dr)\b/, 0.55],
  ],
  // "Aadha ghanta walk ke baad pulse 96", "after a 20 min walk sugar 150": an activity with its own duration.
  alongside: (clause) =>
    /\b(?:\d+(?:\.\d+)?|half an?|an?|one)\s*(?:minutes?|mins?|min|hours?|hrs?|ghante|ghanta|minat)\s+(?:ki |ka |of |long |brisk |tez )?(?:walk|walking|yoga|jog|jogging|cycling|swim|swimming|exercise|workout|sair|kasrat)\b|\b(?:walk|walked|yoga|jogged|cycled|swam|exercised)\s+(?:for\s+)?\d+(?:\.\d+)?\s*(?:minutes?|mins?|min|hours?|hrs?|ghante|ghanta)\b/.test(clause),
  answers: couldAnswerGeneralQuestion,
  adjust(clause, scores, ctx) {
    // "how much water should I drink?", "is salt bad for my BP?": a general question for the
    // curated answers, not water or a reading to log or look up.
    // Questions about the patient's own record stay with the agent that keeps it.
    if (isGeneralHealthQuestion(clause) && !asksReadingNow(clause, ctx.message) && !OWN_READINGS_TREND.test(clause) && !CALORIES_SO_FAR.test(clause)) {
      for (const name of Object.keys(scores)) scores[name] = Math.min(scores[name]!, 0.4)
      scores.general = 1
    }
  },
}

/**
 * Whether words could answer the general agent's questions (how long did you sleep, which day is
 * the appointment, how are you feeling): a yes or no, hours, a day or a time, how it went, or
 * words of its own. "Lunch was rajma rice" or "BP 130/80" could not: they start a new subject.
 */
export function couldAnswerGeneralQuestion(text: string): boolean {
  if (generalLexicon.patterns.some(([re]) => re.test(text))) return true
  return (
    /^(?:yes|yeah|no|nope|haan|han|ji|nahi|nahin|ok|okay)\b/.test(text) ||
    /\b\d+(?:\.\d+)?\s*(?:hours?|hrs?|ghante|ghanta|minutes?|mins?)\b/.test(text) ||
    /\b(?:well|badly|good|bad|fine|ok|okay|poor|great|achhi|acchi|achha|theek|thik|kharab|bura|buri|better|worse)\b/.test(text) ||
    /\b(?:today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|aaj|kal|parso|tarikh|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b/.test(text) ||
    /\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|baje)\b/.test(text)
  )
}
