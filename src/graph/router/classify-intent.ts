import { FOOD_NAMES } from '../../../tools/nutrition-table.js'
import { COMMON_DRUGS } from '../offline-model/drug-names.js'
import { escapeRegExp, normaliseText, splitClauses } from '../offline-model/text.js'
import type { AgentName } from '../turn-types.js'

/**
 * The fast deterministic router: weighted lexicons per agent, applied clause by clause so a turn
 * with several intents ("bp 130/85 and I took my metformin") reaches every agent it needs.
 * Scores are 0–1; below CONFIDENT the router may ask an LLM when one is configured.
 */

export const CONFIDENT = 0.6

type Lexicon = [RegExp, number][]

const alternation = (words: string[]) => words.map(escapeRegExp).join('|')
const FOOD_WORDS = new RegExp(`\\b(?:${alternation(FOOD_NAMES.filter((n) => !['aloo', 'chicken', 'fish', 'mutton', 'sugar', 'fruit'].includes(n)))})\\b`)

const LEXICONS: Record<AgentName, Lexicon> = {
  vitals: [
    [/\b\d{2,3}\s*(?:\/|over|by)\s*\d{2,3}\b/, 1],
    [/\b(?:bp|blood pressure|b\.p\.|pressure)\b/, 0.9],
    [/\b(?:sugar|glucose|bsl|rbs|fbs|ppbs)\b[^.,]{0,20}\d/, 1],
    [/\b(?:sugar level|blood sugar|glucose level|sugar reading|sugar readings)\b/, 0.9],
    [/\b(?:my sugar|sugar (?:was|is|tha|hai)|fasting sugar|sugar (?:kitna|kya))\b/, 0.8],
    [/\b(?:pulse|heart ?rate|bpm)\b/, 0.9],
    [/\b(?:temperature|temp|fever|bukhar|bukhaar)\b[^.,]{0,15}\d{2,3}/, 1],
    [/\b\d{2,3}(?:\.\d)?\s*(?:°\s*[fc]|degrees?|f\b)/, 0.9],
    [/\b(?:spo2|sp02|oxygen|saturation|o2 level)\b/, 0.9],
    [/\b(?:weight|weigh|wazan|vajan)\b/, 0.8],
    [/\b\d{2,3}(?:\.\d)?\s*(?:kg|kgs|kilos?|lbs?|pounds)\b/, 0.9],
    [/\b(?:mmhg|mg\/dl|mmol)\b/, 1],
    [/\b(?:readings?|vitals)\b/, 0.7],
    [/\b(?:what|how)\b.{0,20}\b(?:temperature|temp|fever|bp|blood pressure|sugar|pulse|weight|oxygen|spo2)\b/, 0.9],
    [/\b(?:thermometer)\b[^.,]{0,15}\d/, 1],
  ],
  food: [
    [/\b(?:breakfast|lunch|dinner|supper|snack|snacks|nashta|naashta|khana|khaana|meal|meals|tiffin)\b/, 0.9],
    [FOOD_WORDS, 0.85],
    [/\b(?:ate|eaten|eat|eating|khaya|khaaya|khayi|khaayi|khaye|kha liya|kha li)\b/, 0.7],
    [/\b(?:water|pani|paani)\b/, 0.85],
    [/\b(?:glass|glasses|litres?|liters?|bottle)\b/, 0.6],
    [/\b(?:drank|drink|drinking|piya|pi liya)\b/, 0.6],
    [/\b(?:calories|kcal|calorie|protein|carbs|diet)\b/, 0.85],
  ],
  medication: [
    [/\b(?:medicine|medicines|medication|medications|meds|tablet|tablets|pill|pills|capsule|capsules|dose|doses|dosage)\b/, 0.9],
    [/\b(?:dawai|dawaai|dawa|dava|goli|goliyan|insulin|injection|inhaler)\b/, 0.9],
    [new RegExp(`\\b(?:${alternation(COMMON_DRUGS)})\\b`), 1],
    [/\b(?:remind me|reminder|reminders)\b/, 0.7],
    [/\b(?:prescribed|prescription)\b/, 0.8],
  ],
  general: [
    [/^(?:hi|hello|hey|namaste|namaskar|good (?:morning|afternoon|evening|night)|thanks|thank you|thank u|ok|okay|bye)\b/, 0.9],
    [/\b(?:help|what can you do|how do i|how to use)\b/, 0.8],
    [/\b(?:headache|sir dard|sar dard|pain|ache|aching|dard|cough|khansi|cold|sneez\w*|dizzy|dizziness|chakkar|nausea|vomit\w*|tired|thakan|weak|weakness|itch\w*|rash|swelling|sore|cramps?|constipation|diarrh\w*|loose motion|acidity|gas|fever|bukhar)\b/, 0.8],
    [/\b(?:mood|happy|sad|upset|anxious|anxiety|worried|stress|stressed|lonely|depressed|low|down|udaas|udas|khush|feeling (?:good|great|better|fine|bad|low))\b/, 0.75],
    [/\b(?:sleep|slept|neend|nind|insomnia|woke up|nap)\b/, 0.85],
    [/\b(?:walk|walked|walking|yoga|exercise|exercised|gym|cycling|cycled|swim|swam|jog|jogged|run|ran|steps|workout)\b/, 0.85],
    [/\b(?:my name|allergic|allergy|allergies|born|birthday|date of birth|height|vegetarian|vegan|language|time ?zone|profile|reply in|speak in)\b/, 0.85],
    [/\b(?:appointment|check-?up|doctor visit|visit the doctor|emergency contact)\b/, 0.85],
    [/\b(?:doctor said|doctor told|remember|did i (?:say|mention|tell)|when did|last time|history|summary|how was my|how am i doing|report)\b/, 0.75],
    [/\bwhat did\b.{0,30}\b(?:say|said|tell|told|mention|advise)\b|\bdoctor (?:say|said|tell|told|advised|mentioned)\b/, 0.8],
    [/\b(?:doctor|dr)\b/, 0.55],
  ],
}

export interface ClauseIntent {
  text: string
  agent: AgentName | null
  score: number
}

export interface Classification {
  routes: AgentName[]
  /** The lowest top score among routed clauses; low means an LLM (if any) should decide. */
  confidence: number
  /** Per agent, the words of the turn meant for it. */
  focus: Partial<Record<AgentName, string>>
  clauses: ClauseIntent[]
}

function scoreClause(clause: string, medicineNames: RegExp | undefined): Record<AgentName, number> {
  const scores: Record<AgentName, number> = { food: 0, vitals: 0, medication: 0, general: 0 }
  for (const agent of Object.keys(LEXICONS) as AgentName[]) {
    for (const [re, weight] of LEXICONS[agent]) if (weight > scores[agent] && re.test(clause)) scores[agent] = weight
  }
  if (medicineNames?.test(clause)) scores.medication = 1
  // "took my …" is a dose unless it is a walk or a reading.
  if (/\b(?:took|taken|le li|le liya|li hai)\b/.test(clause) && scores.general < 0.85 && scores.vitals < 0.9) {
    scores.medication = Math.max(scores.medication, 0.75)
  }
  // Sugar with a meal word is a reading ("sugar after lunch 180"), not food.
  if (scores.vitals >= 0.9 && /\b(?:after|before|fasting|post)\b/.test(clause)) scores.food = Math.min(scores.food, 0.5)
  // "BP ki dawai", "sugar tablets": a medicine for a condition, not a reading.
  if (scores.medication >= 0.9 && scores.vitals < 1 && !/\d/.test(clause)) scores.vitals = Math.min(scores.vitals, 0.5)
  // A fever with a number is a reading; without one it is a symptom.
  if (/\b(?:fever|bukhar)\b/.test(clause) && scores.vitals < 1) scores.vitals = 0.4
  return scores
}

/** Routes a patient's words to the agents that should act on them. */
export function classifyIntent(text: string, opts: { medicineNames?: string[] } = {}): Classification {
  const normalised = normaliseText(text)
  const names = (opts.medicineNames ?? []).map((n) => n.toLowerCase().trim()).filter((n) => n.length >= 3)
  const medicineRe = names.length ? new RegExp(`\\b(?:${alternation(names)})\\b`) : undefined
  const clauses: ClauseIntent[] = splitClauses(normalised).map((c) => {
    const scores = scoreClause(c, medicineRe)
    const [agent, score] = (Object.entries(scores) as [AgentName, number][]).sort((a, b) => b[1] - a[1])[0]!
    return { text: c, agent: score >= 0.5 ? agent : null, score }
  })
  // A clause with no signal of its own belongs with the one before it ("2 roti, dal and sabzi").
  for (let i = 0; i < clauses.length; i++) {
    if (clauses[i]!.agent) continue
    const neighbour = clauses.slice(0, i).reverse().find((c) => c.agent) ?? clauses.slice(i + 1).find((c) => c.agent)
    if (neighbour) clauses[i]!.agent = neighbour.agent
  }
  const routed = clauses.filter((c) => c.agent)
  const routes = [...new Set(routed.map((c) => c.agent!))]
  const focus: Partial<Record<AgentName, string>> = {}
  for (const agent of routes) {
    focus[agent] = routes.length === 1 ? normalised : routed.filter((c) => c.agent === agent).map((c) => c.text).join(', ')
  }
  const scored = routed.filter((c) => c.score >= 0.5)
  const confidence = scored.length ? Math.min(...scored.map((c) => c.score)) : Math.max(0, ...clauses.map((c) => c.score))
  return { routes, confidence, focus, clauses }
}
