import { tool, type ToolRuntime } from '@langchain/core/tools'
import { z } from 'zod'
import { say } from '../../language/localise.js'
import { FOOD_TEXTS, mealName } from './food-texts.js'
import { FoodItem, FoodPayload, MEAL_TYPES, type PayloadOf, WaterPayload } from '../../memory/event-kinds.js'
import type { HealthEventStore } from '../../memory/event-store.js'
import { addDays, dayRange, localDate, localTime } from '../../memory/local-time.js'
import { entryEditTools, type EntryEditor } from '../../tools/entry-edits.js'
import { writeEvent, toolResult } from '../../tools/event-writer.js'
import { PeriodSchema, periodDates } from '../../tools/periods.js'
import { insightsFor } from '../../memory/insights.js'
import { VOLUME_UNITS } from '../../memory/units.js'
import { estimateNutrition, sameFood } from './nutrition-table.js'
import { turnContext } from '../../tools/tool-context.js'
import { loggedAt } from '../../tools/when.js'

const When = z.string().max(100).optional().describe('When it happened in the patient\'s words ("yesterday evening", "at 1 pm"); omit for now')

/** Breakfast before 11, lunch 11–16, dinner 18–23, else a snack (local time). */
export function mealTypeAt(hhmm: string): (typeof MEAL_TYPES)[number] {
  const h = Number(hhmm.slice(0, 2)) + Number(hhmm.slice(3)) / 60
  if (h >= 4.5 && h < 11) return 'breakfast'
  if (h >= 11.5 && h < 16) return 'lunch'
  if (h >= 18.5 && h < 23.5) return 'dinner'
  return 'snack'
}

const kcal = (n: number) => `${Math.round(n).toLocaleString('en-IN')} kcal`

/** A day's meals, calories and water, read in one query (the same sums as insights). */
async function dayTotals(store: HealthEventStore, userId: string, date: string, tz: string) {
  const events = await store.scan(userId, { kinds: ['food', 'water'], ...dayBounds(date, tz) })
  const meals = events.filter((e) => e.kind === 'food')
  return {
    meals,
    count: meals.length,
    calories: Math.round(meals.reduce((a, e) => a + (e.payload.calories ?? 0), 0)),
    water_ml: Math.round(events.filter((e) => e.kind === 'water').reduce((a, e) => a + e.payload.amount_ml, 0)),
  }
}

const LogMealArgs = FoodPayload.pick({ meal_type: true, calories: true, protein_g: true, carbs_g: true, fat_g: true }).extend({
  description: FoodPayload.shape.description.describe('What was eaten, in plain words'),
  // Podd fills each item's calories from its food table.
  items: z.array(FoodItem.omit({ calories: true })).max(30).optional(),
  when: When,
})
const LogWaterArgs = z.object({
  amount_ml: WaterPayload.shape.amount_ml.optional(),
  amount: z.number().positive().max(20).optional(),
  unit: z.enum(VOLUME_UNITS).optional(),
  when: When,
})
type MealArgs = Omit<z.output<typeof LogMealArgs>, 'when'>
type WaterArgs = Omit<z.output<typeof LogWaterArgs>, 'when'>

/** A meal's payload: the model's own figures where it gave them, else estimates from the food table. */
function mealPayload(input: MealArgs) {
  const items = input.items ?? []
  const estimate = estimateNutrition(items.length ? items : [{ name: input.description }])
  const calories = input.calories ?? (estimate.matched.length ? estimate.calories : undefined)
  const payload = {
    description: input.description,
    items: items.map((i) => ({
      ...i,
      calories: estimate.matched.find((m) => i.name.toLowerCase().includes(m.name) || m.name.includes(i.name.toLowerCase()))?.calories,
    })),
    meal_type: input.meal_type,
    calories,
    protein_g: input.protein_g ?? (estimate.matched.length ? estimate.protein_g : undefined),
    carbs_g: input.carbs_g ?? (estimate.matched.length ? estimate.carbs_g : undefined),
    fat_g: input.fat_g ?? (estimate.matched.length ? estimate.fat_g : undefined),
    estimated: calories !== undefined,
  }
  return { payload, estimate }
}

const waterPayload = (input: WaterArgs) =>
  input.amount_ml !== undefined ? { amount_ml: input.amount_ml } : { amount: input.amount ?? 1, unit: input.unit ?? 'glass' }


const FoodChanges = LogMealArgs.omit({ when: true })
  .partial()
  .extend(LogWaterArgs.omit({ when: true }).shape)
  .extend({ remove_items: z.array(z.string().min(1).max(80)).max(20).optional().describe('Foods to take out of the meal ("remove the samosa, it was just chai")') })

/**
 * Corrections of meals and water: an item said again replaces that item's quantity ("3 rotis not
 * 2"), a new meal name moves it ("that was dinner"), and the calories are estimated again.
 */
const foodEditor: EntryEditor<typeof FoodChanges> = {
  kinds: ['food', 'water'],
  changes: FoodChanges,
  revise(entry, changes) {
    if (entry.kind === 'water') {
      const p = entry.payload as PayloadOf<'water'>
      const said = p.reported?.amount_ml
      const unit = changes.unit ?? (said?.unit as WaterArgs['unit'] | undefined)
      return waterPayload(changes.amount_ml !== undefined || changes.amount !== undefined ? { ...changes, unit } : { amount_ml: p.amount_ml })
    }
    const p = entry.payload as PayloadOf<'food'>
    const removing = changes.remove_items ?? []
    const items = p.items.map(({ calories: _c, ...i }) => ({ ...i })).filter((i) => !removing.some((r) => sameFood(i.name, r)))
    for (const change of changes.items ?? []) {
      const same = items.find((i) => sameFood(i.name, change.name))
      if (same) Object.assign(same, change, { name: same.name })
      else items.push(change)
    }
    const describe = (i: (typeof items)[number]) => `${i.quantity && i.quantity !== 1 ? `${i.quantity} ` : ''}${i.unit ? `${i.unit} ` : ''}${i.name}`
    const description = changes.description ?? (changes.items?.length || removing.length ? items.map(describe).join(', ') : p.description)
    return mealPayload({ description, items, meal_type: changes.meal_type ?? p.meal_type }).payload
  },
  describe(entry, language = 'en') {
    if (entry.kind === 'water') return say(FOOD_TEXTS.waterEntry, language, { ml: entry.payload.amount_ml })
    const p = entry.payload as PayloadOf<'food'>
    return say(FOOD_TEXTS.mealEntry, language, { meal: p.meal_type ? mealName(p.meal_type, language) : undefined, description: p.description, calories: p.calories !== undefined ? kcal(p.calories) : undefined })
  },
  matches(entry, values) {
    if (entry.kind === 'water') return values.amount_ml === undefined || Math.abs(entry.payload.amount_ml - values.amount_ml) < 1
    const p = entry.payload as PayloadOf<'food'>
    const named = [values.description, ...(values.items ?? []).map((i) => i.name)].filter((n): n is string => !!n)
    return named.every((n) => p.description.toLowerCase().includes(n.toLowerCase()) || p.items.some((i) => sameFood(i.name, n))) && (!values.meal_type || p.meal_type === values.meal_type)
  },
}

/** Tools of the food agent: meals, water, and the day's totals. */
export function foodTools(store: HealthEventStore) {
  const logMeal = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const at = loggedAt(input.when, ctx)
      const mealType = input.meal_type ?? mealTypeAt(localTime(at, ctx.timezone))
      const { payload, estimate } = mealPayload({ ...input, meal_type: mealType })
      const calories = payload.calories
      const hasModelCalories = input.calories !== undefined
      const event = await writeEvent(store, runtime, { kind: 'food', occurred_at: at, payload })
      const day = await dayTotals(store, ctx.userId, localDate(at, ctx.timezone), ctx.timezone)
      const language = ctx.replyLanguage ?? 'en'
      return toolResult(
        say(FOOD_TEXTS.mealLogged, language, {
          meal: mealName(mealType, language),
          description: input.description,
          calories: calories !== undefined ? kcal(calories) : undefined,
          estimated: !hasModelCalories,
          unknown: hasModelCalories ? [] : estimate.unknown,
          today: localDate(at, ctx.timezone) === localDate(ctx.now, ctx.timezone),
          dayCalories: kcal(day.calories),
          count: day.count,
        }),
        { event_id: event.id, meal_type: mealType, calories: calories ?? null, day_calories: day.calories },
      )
    },
    {
      name: 'log_meal',
      description:
        'Log something the patient ate or drank (other than plain water): the dish, items with quantities, and the meal. ' +
        'Give calories and macros if you can estimate them; otherwise Podd estimates from its food table.',
      schema: LogMealArgs,
    },
  )

  const logWater = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const at = loggedAt(input.when, ctx)
      const event = await writeEvent(store, runtime, { kind: 'water', occurred_at: at, payload: waterPayload(input) })
      const day = await dayTotals(store, ctx.userId, localDate(at, ctx.timezone), ctx.timezone)
      return toolResult(say(FOOD_TEXTS.waterLogged, ctx.replyLanguage ?? 'en', { ml: event.payload.amount_ml, dayMl: day.water_ml }), {
        event_id: event.id,
        day_water_ml: day.water_ml,
      })
    },
    {
      name: 'log_water',
      description: 'Log plain water the patient drank, in millilitres or as a number of glasses/cups/litres.',
      schema: LogWaterArgs,
    },
  )

  const foodTotals = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      if (input.period && input.period !== 'today' && input.period !== 'yesterday') {
        // A period: the insights' totals, the same sums the summary and the API give.
        const period = periodDates(input.period, ctx.now, ctx.timezone)
        const { nutrition, days } = await insightsFor(store, ctx.userId, { from: period.from, to: period.to, timezone: ctx.timezone }, ctx.now)
        const meals = days.reduce((a, d) => a + d.meals, 0)
        return toolResult(
          `${period.label[0]!.toUpperCase()}${period.label.slice(1)} you drank ${(nutrition.total_water_ml / 1000).toFixed(1)} L of water in all (${nutrition.total_water_ml} ml, about ${(nutrition.mean_daily_water_ml / 1000).toFixed(1)} L a day)` +
            ` and logged ${meals} meal${meals === 1 ? '' : 's'}, about ${kcal(nutrition.total_calories)} (${kcal(nutrition.mean_daily_calories)} a day).`,
          { period, ...nutrition, meals },
        )
      }
      const today = localDate(ctx.now, ctx.timezone)
      const date = input.period === 'yesterday' ? addDays(today, -1) : input.day === 'yesterday' ? addDays(today, -1) : input.day === 'today' || !input.day ? today : input.day
      const day = await dayTotals(store, ctx.userId, date, ctx.timezone)
      const meals = day.meals
      const language = ctx.replyLanguage ?? 'en'
      const list = meals.map((m) => `${mealName(m.payload.meal_type, language)}: ${m.payload.description}`).join('; ')
      return toolResult(
        say(FOOD_TEXTS.totals, language, {
          day: date === today ? 'today' : date === addDays(today, -1) ? 'yesterday' : date,
          count: day.count,
          list,
          calories: kcal(day.calories),
          waterMl: day.water_ml,
        }),
        { date, calories: day.calories, meals: day.count, water_ml: day.water_ml },
      )
    },
    {
      name: 'get_food_totals',
      description: "The patient's meals, calories and water for a day, or their totals over a period (\"how much water this week?\").",
      schema: z.object({
        day: z.string().regex(/^(today|yesterday|\d{4}-\d{2}-\d{2})$/).optional().describe('"today", "yesterday" or YYYY-MM-DD'),
        period: PeriodSchema.optional().describe('Totals over a period instead of one day'),
      }),
    },
  )

  return [logMeal, logWater, foodTotals, ...entryEditTools(store, foodEditor)]
}

function dayBounds(date: string, tz: string) {
  const { start, end } = dayRange(date, tz)
  return { from: start, to: end }
}
