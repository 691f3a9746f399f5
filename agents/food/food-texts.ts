import { defineTexts, inLanguages, type ReplyLanguage } from '../../language/localise.js'

/** What the food agent says in its own words, in one place so it can be put in the patient's language. */
export const FOOD_REPLIES = {
  howMuchWater: 'How much water did you drink? For example "2 glasses" or "500 ml".',
  later: "Enjoy! Tell me what you had after you've eaten and I'll log it.",
  askedNotEaten:
    "I haven't logged anything, since you're asking rather than telling me what you ate. What suits you depends on your " +
    'sugar and your diet plan, so your doctor or dietitian can say best; tell me what you actually eat and I will keep track of it.',
}

/** The food agent's words in every reply language: meals and water logged, totals, its questions. */

const MEALS: Record<string, Record<ReplyLanguage, string>> = {
  breakfast: { en: 'breakfast', hi: 'नाश्ता', 'hi-Latn': 'nashta' },
  lunch: { en: 'lunch', hi: 'दोपहर का खाना', 'hi-Latn': 'lunch' },
  dinner: { en: 'dinner', hi: 'रात का खाना', 'hi-Latn': 'dinner' },
  snack: { en: 'snack', hi: 'स्नैक', 'hi-Latn': 'snack' },
  meal: { en: 'meal', hi: 'खाना', 'hi-Latn': 'khana' },
}

/** A meal's name in a language ("lunch", "दोपहर का खाना"). */
export const mealName = (meal: string | undefined, language: ReplyLanguage) => (MEALS[meal ?? 'meal'] ?? MEALS.meal!)[language]

const meals = (n: number) => `${n} meal${n === 1 ? '' : 's'}`
/** Litres as measured: 750 ml is 0.75 L, not a rounded 0.8 (1.5 L stays 1.5, 2000 ml is 2). */
const litres = (ml: number) => String(Number((ml / 1000).toFixed(2)))

type Logged = { meal: string; description: string; calories?: string; estimated: boolean; unknown: string[]; today: boolean; dayCalories: string; count: number }
type Totals = { day: 'today' | 'yesterday' | string; count: number; list: string; calories: string; waterMl: number }

export const FOOD_TEXTS = defineTexts({
  mealLogged: {
    en: (p: Logged) =>
      `Logged your ${p.meal}: ${p.description}${p.calories ? ` (about ${p.calories}${p.estimated ? ', estimated' : ''})` : ''}.` +
      `${p.unknown.length ? ` I couldn't estimate calories for ${p.unknown.join(', ')}.` : ''} Total ${p.today ? 'today' : 'that day'}: ${p.dayCalories} over ${meals(p.count)}.`,
    hi: (p: Logged) =>
      `आपका ${p.meal} दर्ज किया: ${p.description}${p.calories ? ` (लगभग ${p.calories}${p.estimated ? ', अनुमान' : ''})` : ''}।` +
      `${p.unknown.length ? ` ${p.unknown.join(', ')} की कैलोरी का अंदाज़ा नहीं लगा पाया।` : ''} ${p.today ? 'आज' : 'उस दिन'} कुल: ${p.dayCalories}, ${p.count} बार खाना।`,
    'hi-Latn': (p: Logged) =>
      `Aapka ${p.meal} darj kiya: ${p.description}${p.calories ? ` (lagbhag ${p.calories}${p.estimated ? ', andaaza' : ''})` : ''}.` +
      `${p.unknown.length ? ` ${p.unknown.join(', ')} ki calorie ka andaaza nahi laga paaya.` : ''} ${p.today ? 'Aaj' : 'Us din'} kul: ${p.dayCalories}, ${p.count} baar khana.`,
  },
  waterLogged: {
    en: (p: { ml: number; dayMl: number }) => `Logged ${p.ml} ml of water. Water today: ${litres(p.dayMl)} L.`,
    hi: (p: { ml: number; dayMl: number }) => `${p.ml} ml पानी दर्ज किया। आज का पानी: ${litres(p.dayMl)} लीटर।`,
    'hi-Latn': (p: { ml: number; dayMl: number }) => `${p.ml} ml paani darj kiya. Aaj ka paani: ${litres(p.dayMl)} litre.`,
  },
  totals: {
    en: (p: Totals) => {
      const label = p.day === 'today' ? 'Today' : p.day === 'yesterday' ? 'Yesterday' : `On ${p.day}`
      return p.count
        ? `${label} you had ${meals(p.count)} (${p.list}), about ${p.calories}, and ${litres(p.waterMl)} L of water.`
        : `${label} you have not logged any meals${p.waterMl ? `, and ${litres(p.waterMl)} L of water` : ''}.`
    },
    hi: (p: Totals) => {
      const label = p.day === 'today' ? 'आज' : p.day === 'yesterday' ? 'कल' : `${p.day} को`
      return p.count
        ? `${label} आपने ${p.count} बार खाना खाया (${p.list}), लगभग ${p.calories}, और ${litres(p.waterMl)} लीटर पानी पिया।`
        : `${label} आपने कोई खाना दर्ज नहीं किया${p.waterMl ? `, और ${litres(p.waterMl)} लीटर पानी पिया` : ''}।`
    },
    'hi-Latn': (p: Totals) => {
      const label = p.day === 'today' ? 'Aaj' : p.day === 'yesterday' ? 'Kal' : `${p.day} ko`
      return p.count
        ? `${label} aapne ${p.count} baar khana khaya (${p.list}), lagbhag ${p.calories}, aur ${litres(p.waterMl)} litre paani piya.`
        : `${label} aapne koi khana darj nahi kiya${p.waterMl ? `, aur ${litres(p.waterMl)} litre paani piya` : ''}.`
    },
  },
  waterEntry: {
    en: (p: { ml: number }) => `${p.ml} ml of water`,
    hi: (p: { ml: number }) => `${p.ml} ml पानी`,
    'hi-Latn': (p: { ml: number }) => `${p.ml} ml paani`,
  },
  mealEntry: {
    en: (p: { meal?: string; description: string; calories?: string }) => `${p.meal ? `${p.meal}: ` : ''}${p.description}${p.calories ? ` (about ${p.calories})` : ''}`,
    hi: (p: { meal?: string; description: string; calories?: string }) => `${p.meal ? `${p.meal}: ` : ''}${p.description}${p.calories ? ` (लगभग ${p.calories})` : ''}`,
    'hi-Latn': (p: { meal?: string; description: string; calories?: string }) => `${p.meal ? `${p.meal}: ` : ''}${p.description}${p.calories ? ` (lagbhag ${p.calories})` : ''}`,
  },
  whatForMeal: {
    en: (p: { meal: string }) => `What did you have for ${p.meal}?`,
    hi: (p: { meal: string }) => `${p.meal} में क्या खाया?`,
    'hi-Latn': (p: { meal: string }) => `${p.meal} mein kya khaya?`,
  },
  whatEaten: {
    en: 'What did you eat or drink? For example: "2 roti and dal for lunch" or "2 glasses of water".',
    hi: 'आपने क्या खाया या पिया? जैसे: "दोपहर में 2 रोटी और दाल" या "2 गिलास पानी"।',
    'hi-Latn': 'Aapne kya khaya ya piya? Jaise: "lunch mein 2 roti aur dal" ya "2 glass paani".',
  },
})

/** The food agent's replies in a reply language. */
export const foodReplies = inLanguages<typeof FOOD_REPLIES>({
  en: FOOD_REPLIES,
  hi: {
    howMuchWater: 'आपने कितना पानी पिया? जैसे "2 गिलास" या "500 ml"।',
    later: 'मज़े से खाइए! खाने के बाद बताइए कि क्या खाया, मैं दर्ज कर लूँगा।',
    askedNotEaten:
      'आप पूछ रहे हैं, बता नहीं रहे कि क्या खाया, इसलिए मैंने कुछ दर्ज नहीं किया। आपके लिए क्या ठीक है यह आपकी शुगर और डाइट प्लान पर निर्भर है, ' +
      'इसलिए आपके डॉक्टर या डाइटीशियन सबसे अच्छा बता सकते हैं; आप जो सच में खाएं वह मुझे बताइए, मैं उसका हिसाब रखूँगा।',
  },
  'hi-Latn': {
    howMuchWater: 'Aapne kitna paani piya? Jaise "2 glass" ya "500 ml".',
    later: 'Maze se khaiye! Khane ke baad bataiye ki kya khaya, main darj kar loonga.',
    askedNotEaten:
      'Aap poochh rahe hain, bata nahi rahe ki kya khaya, isliye maine kuch darj nahi kiya. Aapke liye kya theek hai yeh aapki sugar aur diet plan par nirbhar hai, ' +
      'isliye aapke doctor ya dietitian sabse achha bata sakte hain; aap jo sach mein khaayein woh mujhe bataiye, main uska hisaab rakhoonga.',
  },
})
