/**
 * Generic and common Indian brand names of medicines older patients take every day, so the
 * router and the offline model recognise "took my telma" before the patient's own list exists.
 */
export const COMMON_DRUGS: string[] = [
  'metformin', 'glycomet', 'glimepiride', 'amaryl', 'gliclazide', 'sitagliptin', 'januvia', 'vildagliptin', 'galvus',
  'teneligliptin', 'dapagliflozin', 'empagliflozin', 'jardiance', 'insulin', 'lantus', 'mixtard', 'humalog', 'novorapid',
  'amlodipine', 'amlong', 'stamlo', 'telmisartan', 'telma', 'losartan', 'olmesartan', 'ramipril', 'enalapril', 'atenolol',
  'metoprolol', 'bisoprolol', 'carvedilol', 'nebivolol', 'hydrochlorothiazide', 'chlorthalidone', 'furosemide', 'lasix',
  'torsemide', 'spironolactone', 'atorvastatin', 'atorva', 'rosuvastatin', 'rosuvas', 'aspirin', 'ecosprin', 'clopidogrel',
  'warfarin', 'acitrom', 'apixaban', 'rivaroxaban', 'dabigatran', 'levothyroxine', 'thyroxine', 'thyronorm', 'eltroxin',
  'pantoprazole', 'pan 40', 'omeprazole', 'rabeprazole', 'paracetamol', 'dolo', 'crocin', 'calcium', 'shelcal',
  'vitamin d', 'b12', 'folic acid', 'levetiracetam', 'phenytoin', 'valproate', 'carbamazepine', 'donepezil',
  'memantine', 'tamsulosin', 'montelukast', 'salbutamol', 'asthalin', 'prednisolone', 'allopurinol', 'febuxostat',
  'digoxin', 'isosorbide', 'nitroglycerin', 'sorbitrate', 'gabapentin', 'pregabalin', 'losar', 'cilnidipine',
]
