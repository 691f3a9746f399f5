/**
 * Medicine names as older patients in India say them: generics, the brand names on their strips,
 * and what each is for ("my BP tablet"). The router, the offline planner and the medicine
 * service all read these, so "took my Glycomet" finds the patient's own Metformin.
 */

/**
 * Common Indian brands → their generic, from the manufacturers' Indian product labels (the
 * strip and package insert; CDSCO-approved names), e.g. Glycomet (USV) metformin, Telma
 * (Glenmark) telmisartan, Ecosprin (USV) aspirin, Amlong (Micro Labs) and Stamlo (Dr. Reddy's)
 * amlodipine, Thyronorm (Abbott) and Eltroxin (GSK) levothyroxine, Lantus (Sanofi) insulin
 * glargine, Atorva (Zydus) atorvastatin, Rosuvas (Sun) rosuvastatin, Dolo and Crocin
 * paracetamol, Pan (Alkem) pantoprazole, Shelcal (Torrent) calcium with vitamin D3. Only
 * single-ingredient brands: a combination ("Glycomet GP") is left as the patient names it.
 */
export const BRANDS: Record<string, string> = {
  glycomet: 'metformin',
  gluconorm: 'metformin',
  obimet: 'metformin',
  amaryl: 'glimepiride',
  glimy: 'glimepiride',
  diamicron: 'gliclazide',
  januvia: 'sitagliptin',
  istavel: 'sitagliptin',
  galvus: 'vildagliptin',
  tenepure: 'teneligliptin',
  forxiga: 'dapagliflozin',
  jardiance: 'empagliflozin',
  lantus: 'insulin glargine',
  basalog: 'insulin glargine',
  mixtard: 'insulin',
  humalog: 'insulin lispro',
  novorapid: 'insulin aspart',
  amlong: 'amlodipine',
  stamlo: 'amlodipine',
  amlopres: 'amlodipine',
  telma: 'telmisartan',
  telsartan: 'telmisartan',
  losar: 'losartan',
  repace: 'losartan',
  olmezest: 'olmesartan',
  cardace: 'ramipril',
  tenormin: 'atenolol',
  aten: 'atenolol',
  metolar: 'metoprolol',
  concor: 'bisoprolol',
  lasix: 'furosemide',
  aldactone: 'spironolactone',
  atorva: 'atorvastatin',
  storvas: 'atorvastatin',
  lipitor: 'atorvastatin',
  rosuvas: 'rosuvastatin',
  crestor: 'rosuvastatin',
  ecosprin: 'aspirin',
  disprin: 'aspirin',
  clopilet: 'clopidogrel',
  plavix: 'clopidogrel',
  thyronorm: 'levothyroxine',
  eltroxin: 'levothyroxine',
  thyrox: 'levothyroxine',
  pan: 'pantoprazole',
  pantocid: 'pantoprazole',
  omez: 'omeprazole',
  razo: 'rabeprazole',
  dolo: 'paracetamol',
  crocin: 'paracetamol',
  calpol: 'paracetamol',
  shelcal: 'calcium with vitamin d3',
  asthalin: 'salbutamol',
  montair: 'montelukast',
  zyloric: 'allopurinol',
  sorbitrate: 'isosorbide dinitrate',
  acitrom: 'acenocoumarol',
  lanoxin: 'digoxin',
}

/** Generic names older patients take every day (plus the brands above), for recognising a medicine. */
const GENERICS = [
  'metformin', 'glimepiride', 'gliclazide', 'sitagliptin', 'vildagliptin', 'teneligliptin', 'dapagliflozin', 'empagliflozin',
  'insulin', 'amlodipine', 'telmisartan', 'losartan', 'olmesartan', 'ramipril', 'enalapril', 'atenolol', 'metoprolol',
  'bisoprolol', 'carvedilol', 'nebivolol', 'hydrochlorothiazide', 'chlorthalidone', 'furosemide', 'torsemide',
  'spironolactone', 'atorvastatin', 'rosuvastatin', 'aspirin', 'clopidogrel', 'warfarin', 'acenocoumarol', 'apixaban',
  'rivaroxaban', 'dabigatran', 'levothyroxine', 'thyroxine', 'pantoprazole', 'omeprazole', 'rabeprazole', 'paracetamol',
  'calcium', 'vitamin d', 'vitamin d3', 'b12', 'vitamin b12', 'folic acid', 'levetiracetam', 'phenytoin', 'valproate',
  'carbamazepine', 'donepezil', 'memantine', 'tamsulosin', 'montelukast', 'salbutamol', 'prednisolone', 'allopurinol',
  'febuxostat', 'digoxin', 'isosorbide', 'nitroglycerin', 'gabapentin', 'pregabalin', 'cilnidipine',
]

// "Pan" alone is an everyday word; its strip says "Pan 40".
export const COMMON_DRUGS: string[] = [...new Set([...GENERICS, ...Object.keys(BRANDS).filter((b) => b !== 'pan'), 'pan 40'])]

/** What a medicine is for, as patients name their tablets: "BP tablet", "sugar ki goli". */
const CLASSES: Record<string, string[]> = {
  bp: ['amlodipine', 'telmisartan', 'losartan', 'olmesartan', 'ramipril', 'enalapril', 'atenolol', 'metoprolol', 'bisoprolol', 'carvedilol', 'nebivolol', 'hydrochlorothiazide', 'chlorthalidone', 'cilnidipine'],
  sugar: ['metformin', 'glimepiride', 'gliclazide', 'sitagliptin', 'vildagliptin', 'teneligliptin', 'dapagliflozin', 'empagliflozin', 'insulin'],
  thyroid: ['levothyroxine', 'thyroxine'],
  cholesterol: ['atorvastatin', 'rosuvastatin'],
  heart: ['aspirin', 'clopidogrel', 'isosorbide', 'digoxin'],
  gas: ['pantoprazole', 'omeprazole', 'rabeprazole'],
}
const CLASS_WORDS: [RegExp, string][] = [
  [/\b(?:bp|blood pressure|pressure)\b/, 'bp'],
  [/\b(?:sugar|diabetes|diabetic)\b/, 'sugar'],
  [/\bthyroid\b/, 'thyroid'],
  [/\bcholesterol\b/, 'cholesterol'],
  [/\b(?:heart|blood thinner)\b/, 'heart'],
  [/\b(?:gas|acidity)\b/, 'gas'],
]

/** "Glycomet SR 500" → "metformin"; a generic or an unknown name → itself, lower case. */
export function genericName(name: string): string {
  const n = name.toLowerCase().trim()
  const first = n.split(/[\s-]+/)[0] ?? n
  return BRANDS[n] ?? BRANDS[first] ?? n
}

/** The class of a medicine ("bp", "sugar", …) by any of its names, if it has one. */
export function classOfMedicine(name: string): string | undefined {
  const generic = genericName(name)
  return Object.keys(CLASSES).find((cls) => CLASSES[cls]!.some((g) => generic.includes(g)))
}

/** The class of medicine a phrase like "BP tablet" or "sugar ki goli" names, if any. */
export function medicineClassNamed(text: string): string | undefined {
  return CLASS_WORDS.find(([re]) => re.test(text))?.[1]
}

/** Whether a medicine (by any of its names) is of a class ("bp", "sugar", …). */
export function isOfClass(name: string, cls: string): boolean {
  const generic = genericName(name)
  return (CLASSES[cls] ?? []).some((g) => generic.includes(g))
}
