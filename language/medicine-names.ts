import { levenshtein } from './levenshtein.js'

/**
 * Medicine names as older patients in India say them: generics, the brand names on their strips,
 * and what each is for ("my BP tablet"). The router, the offline planner and the medicine
 * service all read these, so "took my Glycomet" finds the patient's own Metformin.
 */

/**
 * Brands common in India → their generic. Each mapping is the composition printed on the brand's
 * Indian strip and package insert (the manufacturer's product page and the CDSCO-approved label;
 * the same entries appear in the CIMS India and MIMS India drug indexes), e.g. Glycomet (USV) and
 * Gluconorm (Lupin) metformin; Amaryl (Sanofi), Glimy (Dr. Reddy's) glimepiride; Januvia (MSD),
 * Istavel (Sun) sitagliptin; Jalra (USV), Galvus (Novartis) vildagliptin; Zita (Glenmark)
 * teneligliptin; Forxiga (AstraZeneca) dapagliflozin; Jardiance (Boehringer) empagliflozin;
 * Telma (Glenmark), Telmikind (Mankind) telmisartan; Amlong (Micro Labs), Amlokind (Mankind),
 * Stamlo (Dr. Reddy's), Amlopres (Cipla) amlodipine; Losar (Unichem), Repace (Sun) losartan;
 * Olmesar (Macleods) olmesartan; Cardace (Sanofi), Ramistar (Lupin) ramipril; Metolar (Cipla),
 * Met XL (Ajanta) metoprolol; Concor (Merck) bisoprolol; Atorva (Zydus), Storvas (Sun)
 * atorvastatin; Rosuvas, Rozavel (Sun) rosuvastatin; Ecosprin (USV) aspirin; Clopilet (Sun),
 * Deplatt (Torrent) clopidogrel; Thyronorm (Abbott), Eltroxin (GSK) levothyroxine; Pan (Alkem),
 * Pantocid (Sun) pantoprazole; Razo (Dr. Reddy's) rabeprazole; Omez (Dr. Reddy's) omeprazole;
 * Dolo (Micro Labs), Crocin and Calpol (GSK) paracetamol; Lasix (Sanofi) furosemide; Aldactone
 * (RPG) spironolactone; Shelcal (Torrent) calcium with vitamin D3. Fixed-dose combinations a
 * patient names by brand (Gemer, Janumet, Istamet, Telma H, Ecosprin AV …) map to both
 * ingredients, joined by " + ". A brand of several words is written as the strip reads ("met xl").
 */
export const BRANDS: Record<string, string> = {
  // diabetes
  glycomet: 'metformin', gluconorm: 'metformin', obimet: 'metformin', glyciphage: 'metformin', cetapin: 'metformin',
  amaryl: 'glimepiride', glimy: 'glimepiride', glimestar: 'glimepiride', zoryl: 'glimepiride',
  diamicron: 'gliclazide', glizid: 'gliclazide', reclide: 'gliclazide',
  januvia: 'sitagliptin', istavel: 'sitagliptin', zita: 'teneligliptin', tenepure: 'teneligliptin', teneza: 'teneligliptin',
  galvus: 'vildagliptin', jalra: 'vildagliptin', zomelis: 'vildagliptin',
  forxiga: 'dapagliflozin', oxra: 'dapagliflozin', jardiance: 'empagliflozin',
  gemer: 'glimepiride + metformin', 'glycomet gp': 'glimepiride + metformin', 'amaryl m': 'glimepiride + metformin', 'glimy m': 'glimepiride + metformin',
  janumet: 'sitagliptin + metformin', istamet: 'sitagliptin + metformin', 'galvus met': 'vildagliptin + metformin', 'jalra m': 'vildagliptin + metformin',
  'zita met': 'teneligliptin + metformin',
  lantus: 'insulin glargine', basalog: 'insulin glargine', glaritus: 'insulin glargine', tresiba: 'insulin degludec',
  mixtard: 'insulin', huminsulin: 'insulin', actrapid: 'insulin', insugen: 'insulin', humalog: 'insulin lispro', novorapid: 'insulin aspart',
  // blood pressure and heart
  amlong: 'amlodipine', amlokind: 'amlodipine', stamlo: 'amlodipine', amlopres: 'amlodipine', amlodac: 'amlodipine',
  telma: 'telmisartan', telmikind: 'telmisartan', telsartan: 'telmisartan', telvas: 'telmisartan',
  'telma h': 'telmisartan + hydrochlorothiazide', 'telma am': 'telmisartan + amlodipine',
  losar: 'losartan', repace: 'losartan', losacar: 'losartan', 'losar h': 'losartan + hydrochlorothiazide',
  olmesar: 'olmesartan', olmezest: 'olmesartan', cardace: 'ramipril', ramistar: 'ramipril', envas: 'enalapril',
  tenormin: 'atenolol', aten: 'atenolol', metolar: 'metoprolol', 'met xl': 'metoprolol', seloken: 'metoprolol', revelol: 'metoprolol',
  concor: 'bisoprolol', nebicard: 'nebivolol', cardivas: 'carvedilol', cilacar: 'cilnidipine',
  lasix: 'furosemide', dytor: 'torsemide', aldactone: 'spironolactone',
  sorbitrate: 'isosorbide dinitrate', lanoxin: 'digoxin',
  // cholesterol and blood thinners
  atorva: 'atorvastatin', atorvas: 'atorvastatin', storvas: 'atorvastatin', aztor: 'atorvastatin', tonact: 'atorvastatin', lipitor: 'atorvastatin',
  rosuvas: 'rosuvastatin', rozavel: 'rosuvastatin', crestor: 'rosuvastatin',
  ecosprin: 'aspirin', disprin: 'aspirin', 'ecosprin av': 'aspirin + atorvastatin',
  clopilet: 'clopidogrel', deplatt: 'clopidogrel', clopitab: 'clopidogrel', plavix: 'clopidogrel',
  'deplatt a': 'clopidogrel + aspirin', 'clopitab a': 'clopidogrel + aspirin',
  acitrom: 'acenocoumarol', warf: 'warfarin', eliquis: 'apixaban', xarelto: 'rivaroxaban',
  // thyroid, stomach, pain and the rest
  thyronorm: 'levothyroxine', eltroxin: 'levothyroxine', thyrox: 'levothyroxine',
  allegra: 'fexofenadine',
  pan: 'pantoprazole', 'pan 40': 'pantoprazole', pantocid: 'pantoprazole', pantop: 'pantoprazole', 'pan d': 'pantoprazole + domperidone',
  omez: 'omeprazole', ocid: 'omeprazole', razo: 'rabeprazole', nexpro: 'esomeprazole',
  dolo: 'paracetamol', crocin: 'paracetamol', calpol: 'paracetamol', pacimol: 'paracetamol',
  shelcal: 'calcium with vitamin d3', uprise: 'cholecalciferol', calcirol: 'cholecalciferol',
  asthalin: 'salbutamol', montair: 'montelukast', zyloric: 'allopurinol',
  levipil: 'levetiracetam', eptoin: 'phenytoin', gabapin: 'gabapentin', lyrica: 'pregabalin', urimax: 'tamsulosin',
  wysolone: 'prednisolone', omnacortil: 'prednisolone',
}

/** The same medicine under another generic name: Indian labels say "frusemide" and "thyroxine". */
const SYNONYMS: Record<string, string> = {
  thyroxine: 'levothyroxine', 'thyroxine sodium': 'levothyroxine', frusemide: 'furosemide', acetaminophen: 'paracetamol',
  albuterol: 'salbutamol', 'glyceryl trinitrate': 'nitroglycerin', 'vitamin d3': 'cholecalciferol',
}

/** Generic names older patients take every day (plus the brands above), for recognising a medicine. */
const GENERICS = [
  'methotrexate', 'fexofenadine', 'cetirizine', 'metformin', 'glimepiride', 'gliclazide', 'sitagliptin', 'vildagliptin', 'teneligliptin', 'dapagliflozin', 'empagliflozin',
  'insulin', 'amlodipine', 'telmisartan', 'losartan', 'olmesartan', 'ramipril', 'enalapril', 'atenolol', 'metoprolol',
  'bisoprolol', 'carvedilol', 'nebivolol', 'hydrochlorothiazide', 'chlorthalidone', 'furosemide', 'frusemide', 'torsemide',
  'spironolactone', 'atorvastatin', 'rosuvastatin', 'aspirin', 'clopidogrel', 'warfarin', 'acenocoumarol', 'apixaban',
  'rivaroxaban', 'dabigatran', 'levothyroxine', 'thyroxine', 'pantoprazole', 'omeprazole', 'rabeprazole', 'esomeprazole', 'paracetamol',
  'calcium', 'vitamin d', 'vitamin d3', 'cholecalciferol', 'b12', 'vitamin b12', 'folic acid', 'levetiracetam', 'phenytoin', 'valproate',
  'carbamazepine', 'donepezil', 'memantine', 'tamsulosin', 'montelukast', 'salbutamol', 'prednisolone', 'allopurinol',
  'febuxostat', 'digoxin', 'isosorbide', 'nitroglycerin', 'gabapentin', 'pregabalin', 'cilnidipine', 'domperidone',
]

// "Pan" alone is an everyday word; its strip says "Pan 40".
export const COMMON_DRUGS: string[] = [...new Set([...GENERICS, ...Object.keys(BRANDS).filter((b) => b !== 'pan')])]

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

/**
 * "Glycomet SR 500" → "metformin", "Met XL 25" → "metoprolol", "Thyroxine" → "levothyroxine":
 * the longest brand the name starts with (three words, two, one), a generic under its one name;
 * an unknown name → itself, lower case.
 */
export function genericName(name: string): string {
  const n = name.toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ').trim()
  const words = n.split(' ')
  for (let len = Math.min(3, words.length); len >= 1; len--) {
    const head = words.slice(0, len).join(' ')
    const generic = BRANDS[head] ?? SYNONYMS[head]
    if (generic) return generic
  }
  return n
}

/** Everyday words a few letters from a brand ("tablet"/"rablet", "among"/"amlong"): never read as one. */
const NOT_MEDICINES = new Set([
  'tablet', 'tablets', 'capsule', 'capsules', 'medicine', 'medicines', 'morning', 'evening', 'dinner', 'insult', 'eating', 'taking',
  'loser', 'laser', 'concur', 'panel', 'among', 'along', 'strong', 'million', 'metre', 'meter', 'shelter', 'regular', 'glucose',
  'reading', 'readings', 'pressure', 'minutes', 'walking', 'dolly', 'telling', 'dollar', 'amazing', 'pantry', 'parental', 'related',
  'mention', 'mentioned', 'monitor', 'monitoring', 'monitors', 'estimate', 'estimated', 'stream', 'unwrapped', 'mountain', 'maintain',
])

/**
 * The medicine a misspelt or misheard word names: the closest of the patient's own medicines
 * (first word), the generics and the brands, by edit distance. Short names must be spelt nearly
 * right (one edit from six letters, two when both words have eight) and begin with the same letter, so everyday
 * words are not taken for medicines. Returns the name as it is known (the patient's own spelling
 * for their own medicine), or undefined.
 */
export function closestMedicine(word: string, own: string[] = []): string | undefined {
  const w = word.toLowerCase()
  if (w.length < 6 || NOT_MEDICINES.has(w) || !/^[a-z]+$/.test(w)) return undefined
  const candidates = [...own.map((o) => o.toLowerCase().split(/\s+/)[0]!), ...COMMON_DRUGS.filter((d) => !d.includes(' '))]
  let best: { name: string; distance: number } | undefined
  for (const c of candidates) {
    // Two edits only between long words: "replaced" is not "Repace".
    const allowed = Math.min(w.length, c.length) >= 8 ? 2 : 1
    // The first letter must agree, but a first vowel may be any vowel ("etorva", "emlong" as Devanagari reads them).
    const sameStart = c[0] === w[0] || (/^[aeiou]/.test(c) && /^[aeiou]/.test(w))
    if (c.length < 5 || !sameStart || Math.abs(c.length - w.length) > allowed) continue
    const distance = levenshtein(w, c)
    if (distance <= allowed && (!best || distance < best.distance)) best = { name: c, distance }
  }
  // A name spelt as it sounds, as Devanagari reads in Latin letters ("thayroksin", "kardes"): the
  // same consonants in the same order as a long name.
  // The same first sound too, so "stream" is not Acitrom nor "unwrapped" Novorapid.
  const start = (x: string) => x.replace(/^ph/, 'f').replace(/^c/, 'k').replace(/^z/, 'j').replace(/^[aeiou]/, 'a')[0]
  return best?.name ?? (w.length >= 6 ? candidates.find((c) => c.length >= 5 && start(c) === start(w) && consonants(c) === consonants(w) && consonants(w).length >= 4) : undefined)
}

/** A name's sound skeleton: x as ks, ph as f, c as k (s before e or i), vowels and doubled letters dropped. */
function consonants(word: string): string {
  return word
    .toLowerCase()
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/c(?=[ei])/g, 's')
    .replace(/c/g, 'k')
    .replace(/w/g, 'v')
    // ज is j or z in Latin letters ("paintoprajol" is pantoprazole).
    .replace(/z/g, 'j')
    .replace(/[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1')
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
