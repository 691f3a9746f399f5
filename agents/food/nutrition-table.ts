/**
 * Approximate nutrition of common Indian and international foods, per usual home serving.
 * Compiled for Podd from typical home recipes (cross-checked against published Indian food
 * tables where their licences allowed reading them); every figure is an estimate and is stored
 * with `estimated: true`. Not a substitute for a dietitian's plan.
 */

export interface FoodEntry {
  name: string
  aliases: string[]
  /** What one serving is, in the patient's words. */
  serving: string
  kcal: number
  protein_g: number
  carbs_g: number
  fat_g: number
}

const F = (name: string, aliases: string[], serving: string, kcal: number, protein_g: number, carbs_g: number, fat_g: number): FoodEntry => ({
  name,
  aliases,
  serving,
  kcal,
  protein_g,
  carbs_g,
  fat_g,
})

export const FOODS: FoodEntry[] = [
  F('roti', ['chapati', 'chapatti', 'chapathi', 'phulka', 'fulka', 'rotis', 'chapatis', 'rotiyan', 'roti'], '1 medium', 110, 3, 18, 3),
  F('paratha', ['parantha', 'parathas', 'prantha'], '1 piece', 230, 4.5, 30, 10),
  F('aloo paratha', ['alu paratha', 'aloo parantha'], '1 piece', 290, 6, 40, 12),
  F('puri', ['poori', 'puris', 'pooris'], '1 piece', 100, 2, 12, 5),
  F('naan', ['nan', 'butter naan'], '1 piece', 260, 8.5, 45, 5),
  F('rice', ['chawal', 'plain rice', 'steamed rice', 'white rice', 'boiled rice', 'bhaat', 'sadam', 'annam'], '1 katori (150 g)', 195, 4, 42, 0.5),
  F('brown rice', [], '1 katori (150 g)', 170, 4, 36, 1.3),
  F('jeera rice', [], '1 katori', 250, 4.5, 42, 7),
  F('biryani', ['chicken biryani', 'mutton biryani', 'biriyani'], '1 plate (250 g)', 450, 20, 55, 16),
  F('veg biryani', ['vegetable biryani'], '1 plate (250 g)', 350, 8, 55, 11),
  F('pulao', ['pulav', 'veg pulao'], '1 plate', 280, 6, 45, 8),
  F('khichdi', ['khichri', 'khichadi', 'kitchari'], '1 bowl (200 g)', 240, 9, 40, 5),
  F('curd rice', ['dahi chawal', 'thayir sadam', 'mosaranna'], '1 bowl', 250, 7, 38, 7),
  F('lemon rice', ['chitranna'], '1 bowl', 250, 4, 40, 8),
  F('fried rice', ['veg fried rice'], '1 plate', 350, 7, 55, 11),
  F('dal', ['daal', 'dhal', 'dal fry', 'dal tadka', 'toor dal', 'arhar dal', 'moong dal', 'masoor dal', 'lentils', 'lentil soup', 'paruppu', 'pappu'], '1 katori (150 ml)', 160, 9, 20, 4.5),
  F('rajma', ['kidney beans', 'rajma masala'], '1 katori', 210, 11, 30, 5),
  F('chole', ['chana masala', 'chickpea curry', 'chhole', 'chana'], '1 katori', 240, 10, 32, 8),
  F('sambar', ['sambhar', 'sambaar'], '1 bowl', 130, 6, 18, 4),
  F('rasam', ['saaru'], '1 bowl', 60, 2, 9, 2),
  F('idli', ['idly', 'idlis', 'idlies'], '1 piece', 58, 2, 12, 0.4),
  F('dosa', ['dosai', 'dosas', 'plain dosa'], '1 piece', 170, 4, 28, 5),
  F('masala dosa', ['masala dosai'], '1 piece', 300, 6, 40, 12),
  F('uttapam', ['uthappam', 'uttappam'], '1 piece', 200, 5, 30, 6),
  F('vada', ['medu vada', 'vadai', 'wada'], '1 piece', 135, 4, 13, 8),
  F('upma', ['uppittu', 'rava upma'], '1 bowl', 250, 6, 38, 8),
  F('poha', ['pohe', 'aval', 'chivda poha'], '1 plate', 250, 5, 45, 6),
  F('dhokla', ['khaman'], '1 piece', 50, 2, 8, 1.2),
  F('thepla', [], '1 piece', 120, 3, 16, 5),
  F('cheela', ['chilla', 'besan chilla', 'moong dal cheela'], '1 piece', 120, 6, 14, 4),
  F('appam', [], '1 piece', 120, 2, 22, 2.5),
  F('puttu', [], '1 serving', 200, 4, 42, 1),
  F('pongal', ['ven pongal'], '1 bowl', 250, 7, 35, 9),
  F('paneer curry', ['paneer butter masala', 'shahi paneer', 'kadai paneer', 'matar paneer', 'paneer masala'], '1 katori', 330, 14, 12, 25),
  F('palak paneer', ['saag paneer'], '1 katori', 270, 13, 10, 20),
  F('paneer', ['cottage cheese'], '100 g', 265, 18, 1.2, 21),
  F('aloo sabzi', ['aloo ki sabzi', 'potato curry', 'aloo bhaji', 'batata bhaji', 'aloo'], '1 katori', 150, 2.5, 20, 7),
  F('sabzi', ['sabji', 'subzi', 'mixed veg', 'mix veg', 'vegetable curry', 'veg curry', 'poriyal', 'thoran', 'palya', 'vegetables'], '1 katori', 120, 3, 14, 6),
  F('bhindi', ['okra', 'bhindi fry', 'bhindi masala', 'ladies finger'], '1 katori', 120, 2.5, 10, 8),
  F('baingan bharta', ['brinjal bharta', 'baingan'], '1 katori', 130, 3, 12, 8),
  F('avial', ['aviyal'], '1 katori', 150, 3, 12, 10),
  F('salad', ['green salad', 'kachumber', 'cucumber salad'], '1 bowl', 50, 2, 10, 0.3),
  F('sprouts', ['moong sprouts', 'sprout salad'], '1 bowl', 100, 7, 15, 0.5),
  F('curd', ['dahi', 'yogurt', 'yoghurt', 'thayir', 'mosaru'], '1 katori (100 g)', 60, 3.5, 4.7, 3),
  F('raita', ['boondi raita', 'cucumber raita'], '1 katori', 90, 3.5, 7, 5),
  F('buttermilk', ['chaas', 'chaach', 'majjige', 'mor', 'moru'], '1 glass', 40, 2, 4, 1.5),
  F('lassi', ['sweet lassi'], '1 glass', 220, 7, 30, 7),
  F('milk', ['doodh', 'glass of milk', 'paal', 'haal'], '1 glass (250 ml)', 150, 8, 12, 8),
  F('tea', ['chai', 'masala chai', 'cup of tea', 'chaha', 'chaya'], '1 cup with milk and sugar', 90, 2, 13, 3),
  F('coffee', ['filter coffee', 'cup of coffee', 'kaapi'], '1 cup with milk and sugar', 100, 3, 12, 4),
  F('black coffee', ['black tea', 'green tea'], '1 cup', 5, 0.3, 0, 0),
  F('egg', ['eggs', 'boiled egg', 'anda', 'ande', 'boiled eggs'], '1 egg', 78, 6.3, 0.6, 5.3),
  F('omelette', ['omelet', 'egg bhurji', 'scrambled eggs', 'anda bhurji'], '2 eggs', 190, 13, 2, 15),
  F('chicken curry', ['chicken', 'butter chicken', 'chicken masala', 'kozhi curry'], '1 katori', 300, 25, 8, 18),
  F('tandoori chicken', ['chicken tikka', 'grilled chicken'], '2 pieces', 260, 30, 4, 14),
  F('fish curry', ['fish', 'machli', 'meen curry', 'fish fry'], '1 katori', 250, 22, 6, 15),
  F('mutton curry', ['mutton', 'lamb curry', 'gosht'], '1 katori', 350, 25, 6, 25),
  F('samosa', ['samosas', 'samose', 'samosay'], '1 piece', 260, 4, 28, 15),
  F('pakora', ['pakoda', 'pakoras', 'pakodas', 'bhajji', 'bhaji'], '4 pieces', 200, 4, 18, 12),
  F('kachori', [], '1 piece', 190, 4, 20, 10),
  F('bread', ['toast', 'white bread', 'slice of bread', 'bread slice', 'slices of bread'], '1 slice', 75, 2.5, 14, 1),
  F('brown bread', ['whole wheat bread', 'multigrain bread'], '1 slice', 70, 3.5, 12, 1),
  F('butter', ['makhan'], '1 teaspoon', 36, 0, 0, 4),
  F('ghee', ['clarified butter'], '1 teaspoon', 45, 0, 0, 5),
  F('oats', ['oatmeal', 'porridge', 'dalia', 'daliya'], '1 bowl cooked', 180, 7, 30, 4),
  F('cornflakes', ['cereal', 'muesli'], '1 bowl with milk', 220, 7, 38, 5),
  F('banana', ['bananas', 'kela', 'vazhaipazham'], '1 medium', 105, 1.3, 27, 0.4),
  F('apple', ['apples', 'seb'], '1 medium', 95, 0.5, 25, 0.3),
  F('orange', ['oranges', 'santra', 'mosambi'], '1 medium', 62, 1.2, 15, 0.2),
  F('mango', ['aam', 'mangoes'], '1 cup slices', 100, 1.4, 25, 0.6),
  F('papaya', ['papita'], '1 cup', 60, 0.7, 15, 0.4),
  F('grapes', ['angoor'], '1 cup', 100, 1, 27, 0.2),
  F('guava', ['amrood', 'peru'], '1 medium', 68, 2.5, 14, 1),
  F('watermelon', ['tarbooz'], '1 cup', 46, 0.9, 11.5, 0.2),
  F('fruit', ['fruits', 'fruit salad', 'fruit bowl'], '1 bowl', 90, 1, 22, 0.3),
  F('almonds', ['badam'], '10 almonds', 70, 2.6, 2.5, 6),
  F('peanuts', ['moongphali', 'groundnuts', 'nuts'], '1 handful (30 g)', 170, 7, 5, 14),
  F('biscuit', ['biscuits', 'marie biscuit', 'cookie', 'cookies', 'rusk'], '1 piece', 35, 0.5, 5.5, 1.3),
  F('jalebi', ['jalebis'], '1 piece', 150, 1, 25, 6),
  F('gulab jamun', ['gulab jamuns'], '1 piece', 150, 2, 20, 7),
  F('rasgulla', ['rosogolla', 'rasgullas'], '1 piece', 120, 2, 25, 1),
  F('ladoo', ['laddu', 'laddoo', 'ladoos'], '1 piece', 180, 3, 22, 9),
  F('kheer', ['payasam', 'rice pudding'], '1 katori', 250, 6, 38, 8),
  F('halwa', ['sheera', 'kesari', 'gajar halwa'], '1 katori', 300, 4, 40, 14),
  F('sweet', ['mithai', 'dessert', 'sweets'], '1 piece', 150, 2, 22, 6),
  F('ice cream', ['icecream', 'kulfi'], '1 scoop', 140, 2.5, 17, 7),
  F('pizza', ['pizza slice', 'slice of pizza'], '1 slice', 285, 12, 36, 10),
  F('burger', ['veg burger', 'chicken burger'], '1 burger', 350, 17, 35, 15),
  F('sandwich', ['veg sandwich', 'grilled sandwich'], '1 sandwich', 250, 8, 32, 10),
  F('pasta', ['macaroni', 'spaghetti'], '1 plate', 350, 12, 55, 9),
  F('noodles', ['maggi', 'chowmein', 'hakka noodles', 'instant noodles'], '1 plate', 350, 8, 50, 14),
  F('soup', ['veg soup', 'tomato soup', 'chicken soup'], '1 bowl', 80, 3, 12, 2),
  F('momos', ['momo', 'dumplings'], '6 pieces', 250, 10, 35, 8),
  F('pav bhaji', [], '1 plate', 400, 10, 55, 16),
  F('vada pav', ['wada pav'], '1 piece', 290, 6, 40, 12),
  F('pani puri', ['golgappa', 'gol gappe', 'puchka'], '6 pieces', 200, 4, 30, 7),
  F('bhel puri', ['bhel', 'chaat'], '1 plate', 180, 4, 30, 5),
  F('cake', ['pastry', 'slice of cake'], '1 slice', 250, 3, 35, 11),
  F('chocolate', ['chocolates'], '1 small bar', 150, 2, 17, 9),
  F('soft drink', ['cola', 'coke', 'pepsi', 'soda', 'cold drink'], '1 can (330 ml)', 140, 0, 35, 0),
  F('juice', ['orange juice', 'fruit juice', 'apple juice', 'mosambi juice'], '1 glass', 110, 1, 26, 0.3),
  F('coconut water', ['nariyal pani', 'tender coconut', 'elaneer'], '1 glass', 45, 1.7, 9, 0.5),
  F('sugar', ['cheeni', 'shakkar'], '1 teaspoon', 16, 0, 4, 0),
]

const INDEX = new Map<string, FoodEntry>()
for (const f of FOODS) for (const key of [f.name, ...f.aliases]) INDEX.set(key.toLowerCase(), f)

/** Every name and alias, longest first, so "masala dosa" wins over "dosa". */
export const FOOD_NAMES: string[] = [...INDEX.keys()].sort((a, b) => b.length - a.length)

export function findFood(name: string): FoodEntry | undefined {
  const key = name.trim().toLowerCase()
  return INDEX.get(key) ?? INDEX.get(key.replace(/s$/, '')) ?? FOOD_NAMES.map((n) => (key.includes(n) ? INDEX.get(n) : undefined)).find(Boolean)
}

/** Servings in a unit the patient used, for foods served by the katori or bowl. */
const UNIT_SERVINGS: Record<string, number> = { plate: 2, plates: 2, half: 0.5, small: 0.7, large: 1.5, big: 1.5 }

export interface NutritionEstimate {
  calories: number
  protein_g: number
  carbs_g: number
  fat_g: number
  /** Items found in the table, with the calories each contributed. */
  matched: { name: string; quantity: number; calories: number }[]
  /** Items not in the table: their calories are not counted. */
  unknown: string[]
}

const round = (v: number) => Math.round(v * 10) / 10

/** Estimates a meal from its items; unknown items are listed, never guessed. */
export function estimateNutrition(items: { name: string; quantity?: number; unit?: string }[]): NutritionEstimate {
  const out: NutritionEstimate = { calories: 0, protein_g: 0, carbs_g: 0, fat_g: 0, matched: [], unknown: [] }
  for (const item of items) {
    const food = findFood(item.name)
    if (!food) {
      out.unknown.push(item.name)
      continue
    }
    const servingIsBowl = /katori|bowl|plate/.test(food.serving)
    const unitFactor = item.unit && servingIsBowl ? (UNIT_SERVINGS[item.unit.toLowerCase()] ?? 1) : 1
    const servings = (item.quantity ?? 1) * unitFactor
    const calories = food.kcal * servings
    out.calories += calories
    out.protein_g += food.protein_g * servings
    out.carbs_g += food.carbs_g * servings
    out.fat_g += food.fat_g * servings
    out.matched.push({ name: food.name, quantity: servings, calories: Math.round(calories) })
  }
  return {
    ...out,
    calories: Math.round(out.calories),
    protein_g: round(out.protein_g),
    carbs_g: round(out.carbs_g),
    fat_g: round(out.fat_g),
  }
}

/** "roti" and "rotis", "idli" and "idlis": the same food. */
export const sameFood = (a: string, b: string) => {
  const stem = (s: string) => s.toLowerCase().trim().replace(/(?:e?s)$/, '')
  return stem(a) === stem(b) || stem(a).startsWith(stem(b)) || stem(b).startsWith(stem(a))
}
