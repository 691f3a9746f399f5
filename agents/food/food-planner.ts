import { FOOD_NAMES, sameFood } from './nutrition-table.js'
import { editIntent, type EditIntent } from '../../language/edits.js'
import { whyNotARecord } from '../../language/not-a-record.js'
import { entryDay, planEdit, splitDenial, type EditReading } from '../plan-edits.js'
import { foodReplies } from './food-texts.js'
import { say } from '../../language/localise.js'
import { FOOD_TEXTS, mealName } from './food-texts.js'
import type { Plan, PlanContext, RecentEntry } from '../plan.js'
import { hindiNumber } from '../../language/numbers.js'
import { escapeRegExp } from '../../language/text.js'
import { whenPhrase } from '../../language/when-phrase.js'

const MEALS: [RegExp, string][] = [
  // Hindi inflects the meal: "nashte mein poha", "dopahar ke khane mein", "raat ke khane mein".
  [/\b(?:breakfast|nasht[ae]y?|naasht[ae]y?|nasta|naasta|naste|morning meal|tiffin)\b/, 'breakfast'],
  [/\b(?:lunch|dopahar (?:ka|ke|ko) (?:khana|khane|khaane|khaana)|dopahar mein|afternoon meal)\b/, 'lunch'],
  [/\b(?:dinner|supper|raat (?:ka|ke|ko) (?:khana|khane|khaane|khaana)|raat mein|night meal)\b/, 'dinner'],
  [/\b(?:snack|snacks|evening tea)\b/, 'snack'],
]

// Longest names first, so "masala dosa" is one item rather than "dosa".
const FOOD_RE = new RegExp(`\\b(${FOOD_NAMES.map(escapeRegExp).join('|')})(?:e?s)?\\b`, 'g')
const QTY_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, another: 1, half: 0.5, couple: 2, few: 3, some: 1 }
/** Quantities as speech recognisers mishear them right before a food: "to rotis", "for idlis". */
const MISHEARD_QTY: Record<string, number> = { to: 2, too: 2, tu: 2, for: 4, fore: 4, tree: 3 }
const UNIT_RE = /(?:katori|katoris|bowl|bowls|plate|plates|cup|cups|glass|glasses|piece|pieces|pcs|slice|slices|spoon|spoons|tbsp|tsp|teaspoon|teaspoons|tablespoon|small|large|big|handful)/

const QUESTION = /\?|\b(?:how (?:many|much)|what did i (?:eat|have)|kitna khaya|kitni calories|calories today|total calories|my calories|food today|did i eat)\b/
const WATER = /\b(?:water|pani|paani)\b/
/** Podd's questions about a meal ("What did you have for lunch?", "lunch mein kya khaya?"). */
const FOOD_QUESTION = /\b(?:eat|ate|eaten|have for|had for|meal|breakfast|lunch|dinner|snack|khaya|khaaya|khana|nashta|piya|drink)\b/

export interface ParsedItem {
  name: string
  quantity?: number
  unit?: string
}

/** Foods with their quantities and units: "2 roti and a bowl of dal" → roti ×2, dal ×1 bowl. */
export function parseFoodItems(t: string): ParsedItem[] {
  const items: ParsedItem[] = []
  for (const m of t.matchAll(FOOD_RE)) {
    const name = m[1]!
    if (name === 'water' || name === 'pani') continue
    const before = t.slice(Math.max(0, m.index! - 40), m.index!).trim().split(/\s+/).slice(-5)
    let quantity: number | undefined
    let unit: string | undefined
    let skipped = 0
    for (let i = before.length - 1; i >= 0; i--) {
      const w = before[i]!.replace(/[^a-z0-9.]/g, '')
      if (w === 'of') continue
      if (UNIT_RE.test(w) && !unit) {
        unit = w.replace(/e?s$/, '')
        continue
      }
      const misheard = skipped === 0 ? MISHEARD_QTY[w] : undefined
      const n = /^\d+(?:\.\d+)?$/.test(w) ? Number(w) : (QTY_WORDS[w] ?? hindiNumber(w) ?? misheard)
      if (n !== undefined) {
        quantity = n
        break
      }
      // One describing word may sit between the number and the food: "2 marie biscuits".
      if (skipped++ >= 1 || /^(?:and|with|had|ate|i|my|the)$/.test(w)) break
    }
    items.push({ name, quantity, unit })
  }
  return items
}

function waterArgs(t: string): Record<string, unknown> {
  const m = /(\d+(?:\.\d+)?|a|an|another|one|half|ek|do|teen|char|chaar|too|tu)\s*(glass(?:es)?|cups?|litres?|liters?|l|ml|bottles?)\b/.exec(t)
  const args: Record<string, unknown> = {}
  if (m) {
    const amount = /^\d/.test(m[1]!) ? Number(m[1]) : (QTY_WORDS[m[1]!] ?? hindiNumber(m[1]!) ?? MISHEARD_QTY[m[1]!] ?? 1)
    const unit = m[2]!
    if (/^ml$/.test(unit)) args.amount_ml = amount
    else if (/^bottles?$/.test(unit)) args.amount_ml = amount * 1000
    else if (/^(?:l|litres?|liters?)$/.test(unit)) args.amount_ml = amount * 1000
    else {
      args.amount = amount
      args.unit = /cup/.test(unit) ? 'cup' : 'glass'
    }
  } else {
    args.amount = 1
    args.unit = 'glass'
  }
  const when = whenPhrase(t)
  if (when) args.when = when
  return args
}

function describe(items: ParsedItem[]): string {
  return items.map((i) => `${i.quantity && i.quantity !== 1 ? `${i.quantity} ` : ''}${i.unit ? `${i.unit} ` : ''}${i.name}`).join(', ')
}

/** The words after "had"/"ate"/"was" when no food in the table matched: "had bisi bele bath". */
function freeDescription(t: string): string | undefined {
  const m = /\b(?:ate|had|eaten|have had|was|were|khaya|khayi)\s+(?:a |an |some )?(.+?)(?:\s+(?:for|at|in the|this|yesterday|today|kal|aaj)\b|$)/.exec(t)
  const d = m?.[1]?.trim()
  if (!d || /^(?:my |nothing|no |not )/.test(d)) return undefined
  return d.length <= 80 ? d : undefined
}

const WATER_WORDS = /\b(?:water|pani|paani|glass|glasses|litres?|liters?|ml|bottles?)\b/

/** A correction or removal of a meal or of water: which one, and what changes. */
function readEdit(text: string, latest: RecentEntry | undefined, intent: EditIntent): EditReading {
  const { said, denied } = splitDenial(text)
  const items = parseFoodItems(said)
  const water = items.length === 0 && (WATER.test(text) || (latest?.kind === 'water' && !items.length) || (!latest && WATER_WORDS.test(text)))
  const day = entryDay(text)
  const previous = latest?.kind === 'food' ? ((latest.payload.items as { name: string }[] | undefined) ?? []) : []
  if (intent === 'remove') {
    if (water) return { kind: 'water', day }
    // "Remove the samosa, it was just chai": the foods of the removing words only; when the meal
    // just logged had others too, those stay and the meal is corrected, not removed.
    // "Woh entry hata do, maine samose nahi khaye": the removing words name no food, so the whole entry.
    const clause = removalClause(said)
    const removing = parseFoodItems(clause)
    const named = removing.length || (clause !== said && latest?.kind === 'food') ? removing : items
    const kept = previous.filter((p) => !named.some((n) => sameFood(p.name, n.name)))
    if (named.length && kept.length && named.every((n) => previous.some((p) => sameFood(p.name, n.name)))) {
      return { kind: 'food', asCorrection: true, changes: { remove_items: named.map((n) => n.name) } }
    }
    return named.length ? { kind: 'food', day, match: { items: named.map((i) => ({ name: i.name })) } } : { kind: latest?.kind === 'water' ? 'water' : 'food', day }
  }
  if (water) {
    const amount = /\d/.test(said) ? waterArgs(said) : {}
    // "Make that 3": the amount in the unit first said.
    const bare = /^\D*(\d+(?:\.\d+)?)\D*$/.exec(said)
    if (!/\b(?:glass|glasses|cups?|litres?|liters?|l|ml|bottles?)\b/.test(said) && bare) return { kind: 'water', changes: { amount: Number(bare[1]) } }
    return { kind: 'water', changes: amount.amount_ml !== undefined ? { amount_ml: amount.amount_ml } : { amount: amount.amount, unit: amount.unit } }
  }
  const changes: Record<string, unknown> = {}
  if (items.length) changes.items = items.map((i) => ({ name: i.name, ...(i.quantity !== undefined ? { quantity: i.quantity } : {}), ...(i.unit ? { unit: i.unit } : {}) }))
  // "It was kadhi chawal, not rajma": the food denied goes, the dish said takes its place (a
  // dish the table does not know is kept by its name).
  const deniedFoods = parseFoodItems(denied).filter((d) => previous.some((p) => sameFood(p.name, d.name)))
  // Words that only may point back ("…, not rajma") change a meal only when they deny a food of it.
  if (intent === 'refer' && !deniedFoods.length) return {}
  if (deniedFoods.length) {
    changes.remove_items = deniedFoods.map((d) => d.name)
    const dish = freeDescription(said)
    const unknown = dish ? items.reduce((rest, i) => rest.replace(new RegExp(`\\b${escapeRegExp(i.name)}(?:e?s)?\\b`), ' '), dish).replace(/\b(?:and|aur|with)\b|,/g, ' ').replace(/\s+/g, ' ').trim() : ''
    if (unknown && unknown.split(' ').length <= 3) changes.items = [{ name: unknown }, ...((changes.items as object[] | undefined) ?? [])]
  } else if (!items.length) {
    // "Make it two cups": a quantity for the item of the meal just logged.
    const m = /\b(\d+(?:\.\d+)?)\s*(cups?|glass(?:es)?|bowls?|katoris?|pieces?|plates?)?\b/.exec(said)
    const unit = m?.[2]?.replace(/(?:es|s)$/, '')
    const item = (previous as { name: string; unit?: string }[]).find((i) => unit && i.unit === unit) ?? previous[0]
    if (m && item) changes.items = [{ name: item.name, quantity: Number(m[1]), ...(unit ? { unit } : {}) }]
  }
  const meal = MEALS.find(([re]) => re.test(said))?.[1]
  if (meal) changes.meal_type = meal
  return { kind: 'food', changes }
}


/** The words that say what to remove: "remove the samosa" of "remove the samosa, it was just chai". */
function removalClause(text: string): string {
  const clauses = text.split(/[,;.]|\b(?:it was|it's|that was|only|just|sirf|bas|but)\b/)
  return clauses.find((c) => editIntent(c) === 'remove') ?? text
}

/**
 * The meals a message names, each with its words (up to the next meal's name; words before the
 * first belong to it): "breakfast poha and tea lunch rice dal" → breakfast, lunch.
 */
export function mealSegments(t: string): { meal: string; words: string }[] {
  const found = MEALS.flatMap(([re, meal]) => [...t.matchAll(new RegExp(re.source, 'g'))].map((m) => ({ meal, index: m.index! })))
    .sort((a, b) => a.index - b.index)
  if (new Set(found.map((f) => f.meal)).size < 2) return []
  return found.map((f, i) => ({ meal: f.meal, words: t.slice(i === 0 ? 0 : f.index, found[i + 1]?.index ?? t.length) }))
}

/** Meals and water to log, a question about the day's food, a correction, or a question back. */
export function planFood(ctx: PlanContext): Plan {
  const t = ctx.text
  const edit = planEdit(ctx, readEdit)
  if (edit) return edit
  // "Can I have one gulab jamun?", "kya main rasgulla kha sakta hoon?": asking, not eating.
  if (/\b(?:can i|could i|may i|should i|is it ok|is it okay|is it safe|are .{1,20} ok|kha sakta|kha sakti|kha sakte|pi sakta|pi sakti|allowed)\b/.test(t)) {
    return { calls: [], reply: foodReplies(ctx.language).askedNotEaten }
  }
  if (ctx.tools.has('get_food_totals') && QUESTION.test(t)) {
    const period = /\b(?:this week|is hafte|iss hafte)\b/.test(t) ? 'this_week' : /\b(?:last|past) (?:7 days|week)\b/.test(t) ? 'last_7_days' : undefined
    return { calls: [{ name: 'get_food_totals', args: period ? { period } : /\b(?:yesterday|kal)\b/.test(t) ? { day: 'yesterday' } : {} }] }
  }
  // "Can I have one gulab jamun?", "planning to have idli tomorrow": nothing was eaten yet.
  const why = whyNotARecord(t)
  if (why) return { calls: [], reply: why === 'plan' ? foodReplies(ctx.language).later : foodReplies(ctx.language).askedNotEaten }
  const calls: Plan['calls'] = []
  // "2 glasses" answering "how much water?" is water.
  const water = WATER.test(t) || (!!ctx.answeringQuestion && /water|pani/.test(ctx.answeringQuestion.question) && /\d/.test(t))
  if (water && ctx.tools.has('log_water')) {
    if (!/\d|\b(?:a|an|another|one|half|ek|do|teen|too|tu) (?:glass|cup|bottle|litre|liter)/.test(t)) return { calls: [], reply: foodReplies(ctx.language).howMuchWater, asked: true }
    calls.push({ name: 'log_water', args: waterArgs(t) })
  }

  // "Breakfast poha and tea, lunch rice dal": a meal each.
  const meals = mealSegments(t)
  if (meals.length > 1 && ctx.tools.has('log_meal') && meals.every((m) => parseFoodItems(m.words).length)) {
    for (const { meal, words } of meals) {
      const items = parseFoodItems(words)
      const args: Record<string, unknown> = { description: describe(items), items, meal_type: meal }
      const when = whenPhrase(words)
      if (when) args.when = when
      calls.push({ name: 'log_meal', args })
    }
    return { calls }
  }

  const items = parseFoodItems(t)
  // Only Podd's own food question makes free words a meal: after "which medicine?", "3 glass
  // paani piya" is water, not a dish called "3 glass paani piya".
  const foodAsked = !!ctx.answeringQuestion && FOOD_QUESTION.test(ctx.answeringQuestion.question) && !(calls.length && items.length === 0)
  let mealType = MEALS.find(([re]) => re.test(t))?.[1]
  // "rice and dal" answering "What did you have for lunch?" belongs to that lunch.
  if (!mealType && ctx.answeringQuestion) mealType = MEALS.find(([re]) => re.test(ctx.answeringQuestion!.previous + ' ' + ctx.answeringQuestion!.question))?.[1]
  let description = items.length ? describe(items) : (mealType && !calls.length) || foodAsked ? freeDescription(t) ?? (foodAsked ? t : undefined) : undefined
  // "I had lunch" says when, not what: ask.
  if (description && MEALS.some(([re]) => re.test(description!)) && description.split(' ').length <= 2) description = undefined

  if (description && ctx.tools.has('log_meal')) {
    const args: Record<string, unknown> = { description }
    if (items.length) args.items = items
    else args.items = [{ name: description }]
    if (mealType) args.meal_type = mealType
    const when = whenPhrase(t)
    if (when) args.when = when
    calls.push({ name: 'log_meal', args })
  } else if (mealType && calls.length === 0) {
    // "We eat dinner early now" says when meals are, not that one was eaten: nothing to ask.
    if (!/\b(?:had|have|ate|eaten|log|khaya|khayi|khaye|kiya|was|for|my)\b/.test(t) && ctx.shared) return { calls: [], reply: '' }
    return { calls: [], reply: say(FOOD_TEXTS.whatForMeal, ctx.language ?? 'en', { meal: mealName(mealType, ctx.language ?? 'en') }), asked: true }
  }
  if (calls.length) return { calls }
  return { calls: [], reply: say(FOOD_TEXTS.whatEaten, ctx.language ?? 'en'), asked: true }
}
