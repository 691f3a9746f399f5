import { hindiNumbersToDigits, wordsToDigits } from '../../../language/numbers.js'
import { matchable } from '../../../language/script.js'
import { expandTextSpeak } from '../../../language/text-speak.js'
import { clauses, conceptFlags } from './red-flag-concepts.js'
import { E, firstPresent, re } from './presence.js'
import { withoutLookAlikes } from './red-flag-look-alikes.js'
import { statedReadings, type StatedReadings } from './stated-readings.js'

/**
 * Deterministic red-flag detection, run before any routing or generation on every chat and
 * voice turn (clinical.md §2). It prefers false alarms to misses: the words are broad, and only
 * an explicit negation ("no chest pain", "seene mein dard nahi"), a past event ("had a stroke
 * in 2019"), a mild and passing complaint ("a bit breathless climbing stairs, fine after
 * resting") or a known idiom ("behosh hoke soya") cancels one.
 *
 * One place recognises a red flag in words: red-flag-concepts.ts (subject × state pairs, and a
 * table of signs that are not pairs), read through presence.ts, after look-alikes (a question
 * about a condition, a story, an idiom) were taken out (red-flag-look-alikes.ts). This module
 * adds what needs a number (a reading with a symptom) and an overdose's possible self-harm, and
 * orders the result.
 *
 * Each category is covered in English, romanised Hindi and Devanagari (folded: no nukta,
 * anusvara for chandrabindu, see language/script.ts), plus common transliterations of Tamil,
 * Telugu, Bengali, Marathi, Kannada, Malayalam, Gujarati and Punjabi. Readings stated in the
 * message combine with symptoms: very high sugar with vomiting or drowsiness (DKA/HHS), BP
 * ≥ 180/120 with headache, blurred vision, chest pain or weakness (hypertensive emergency), low
 * sugar with confusion, low oxygen. A native speaker and a clinician should review the words.
 */

export type RedFlagCategory =
  | 'chest_pain'
  | 'stroke'
  | 'sudden_severe_headache'
  | 'breathing'
  | 'low_oxygen'
  | 'unconscious'
  | 'seizure'
  | 'bleeding'
  | 'allergic_reaction'
  | 'low_sugar_confusion'
  | 'high_sugar_emergency'
  | 'hypertensive_emergency'
  | 'overdose'
  | 'severe_abdominal_pain'
  | 'head_injury'
  | 'self_harm'

export interface RedFlag {
  category: RedFlagCategory
  /** The words that matched, for the alert and the audit. */
  matched: string
}

export interface RedFlagAssessment {
  flags: RedFlag[]
  /** The readings the message stated, as read by the safety layer. */
  readings: StatedReadings
}


/** "Took glucose 15 min ago and it's still 49": treated and not rising. */
const NOT_RISING = re(
  `\\b(?:took|taken|had|ate|drank|gave|given|kha li|kha liya|pi li|pi liya|le li|li)\\b.{0,30}\\b(?:glucose|sugar|juice|sweets?|candy|glucon|cheeni|chini|meetha)\\b.{0,60}\\b(?:still|abhi bhi|ab bhi|phir bhi|not (?:going up|rising|coming up|improving|better)|isn'?t (?:going up|rising|coming up)|nahi badh\\w*)\\b|\\bstill (?:low|\\d{2})\\b.{0,40}\\bafter (?:taking |having )?(?:glucose|sugar|juice)`,
)

/** An accidental overdose is a medical emergency; any other is also a possible self-harm. */
const ACCIDENT = re(
  `\\bby mistake\\b|\\baccident(?:al|ally)?\\b|\\bgalti se\\b|\\bgalati se\\b|\\bbhool se\\b|\\bbhul se\\b|\\banjaane (?:me|mein)\\b|गलती से|भूल से|अनजाने में|` +
    // A small child who got at the medicines did not mean to.
    `\\b(?:child|baby|toddler|kid|bachche|bachhe|bacche|bachcha|baccha)\\b|बच्चे|बच्चा|\\b\\d{1,2}[- ]?(?:year|yr)s?[- ]old\\b|\\b\\d{1,2} (?:saal|sal) (?:ka|ki|ke)\\b|\\d{1,2} साल (?:का|की|के)`,
)

/** Lower case, Devanagari folded, punctuation as spaces (language/script.ts). */
export const normalise = matchable

/** The confusion of a low sugar, in the words families use (also part of ALTERED_STATE). */
const CONFUSED_WORDS =
  `\\bconfus\\w*|\\bdisoriented\\b|\\bnot making sense\\b|\\b(?:bahki|behki|behek|bahak)\\w*|बहकी|\\bulti[- ]?seedhi baat|\\bpehchan (?:nahi|nahin|nhi|na) (?:rahi|raha|rahe|pa|paa|saki|saka)|पहचान (?:नहीं|न) (?:रही|रहा|रहे|पा|सकी|सका)|` +
  `\\btalking nonsense\\b|\\bcan'?t think (?:straight|clearly)\\b|\\bdimaa?g (?:bhi )?kaam (?:nahi|nahin|nhi) kar\\S*|दिमाग (?:भी )?काम नहीं कर\\S*|\\bkeep forgetting\\b|\\bacting (?:drunk|strange\\w*|weird|odd)\\b|\\b(?:ulta|ulti)[- ]?(?:seedha|seedhi|sidha|sidhi) bol\\S*|\\b(?:baat|baatein) (?:\\S+ )?samajh (?:nahi|nahin|nhi) (?:aa|pa)|(?:बात|बातें) (?:\\S+ )?समझ नहीं (?:आ|पा)|\\bbakwas\\b|\\bulta pulta bol\\S*|\\b(?:uljhi|ulajhi|uljha) (?:hui |huyi )?baat\\S*|उलझी (?:हुई )?बात\\S*|\\bkapde ulte\\b|\\b(?:does ?n'?t|does not|did ?n'?t) know (?:what day|where (?:she|he) is|who (?:i|we) am|who (?:i|we) are)\\b|` +
  `\\bajeeb (?:sa |si )?(?:behave|behaviour|behavior|harkat\\S*|baat\\S*|bartav|vyavhar)|अजीब (?:सी |सा )?(?:हरकत\\S*|बात\\S*|बर्ताव|व्यवहार)|\\bnot recogni[sz]ing\\b`
/** Medicines that bring the sugar down: with that confusion, a low sugar even when no reading is given. */
const SUGAR_LOWERING = re(
  `\\binsulin\\b|इंसुलिन|\\bdiabetic\\b|डायबिटिक|\\b(?:sugar|diabetes|madhumeh) (?:ke|ki) (?:mareez|mariz|marij|patient|rogi)\\b|(?:शुगर|डायबिटीज|मधुमेह) (?:के|की) (?:मरीज|रोगी)|\\b(?:sugar|diabetes|diabetic|madhumeh) (?:ki|ke|wali) (?:dawa|dawai|dava|goli|tablet|medicine)\\S*|(?:शुगर|डायबिटीज|मधुमेह) (?:की|के|वाली) (?:दवा|दवाई|गोली)\\S*|\\b(?:glimepiride|gliclazide|glibenclamide|amaryl|glycomet-gp|glynase)\\b`,
)

// Symptoms that turn a reading into an emergency. Each list is matched with negation.
const HIGH_SUGAR_SIGNS = re(
  `\\bvomit\\w*|\\bthrowing up\\b|\\bthrew up\\b|\\bulti(?:yan|yaan|yon)?\\b|\\bultiyaan\\b|उल्टी|उल्टि\\S*|उलटी|\\bdrows\\w*|\\b(?:very |so |too )?sleepy\\b|\\b(?:bahut|zyada|itni) neend\\b|\\bneend (?:aa rahi|aati) (?:hai )?(?:bahut)?|बहुत नींद|नींद आ रही|\\bsust\\w*|सुस्त|\\baankh (?:nahi|nahin|nhi) khul\\S*|\\bdimaa?g (?:bhi )?kaam (?:nahi|nahin|nhi)|\\bletharg\\w*|\\bconfus\\w*|\\bdisoriented\\b|\\bnot making sense\\b|\\bulti[- ]?seedhi\\b|बहकी|उलझन|भ्रम|\\bsamajh (?:nahi|nahin|nhi) (?:aa|pa|paa)|समझ नहीं (?:आ|पा)|\\bbreathing (?:fast|rapidly|rapid|heavily|heavy|deep|deeply|hard)\\b|\\b(?:fast|rapid|deep|heavy) breathing\\b|\\b(?:tez|tezi se) saans|\\bsaans tez|तेज सांस|सांस तेज|\\bbreathless\\b|\\bshort of breath\\b|\\bsaans (?:phool|fool|phul)|सांस फूल|\\b(?:stomach|abdominal|belly|tummy) (?:pain|ache)\\b|\\bpain in (?:my |the )?(?:stomach|abdomen|belly|tummy)\\b|\\bpet (?:me |mein |mai )?dard\\b|पेट (?:में )?दर्द|\\bfruity\\b|\\bbesudh\\b|बेसुध|\\bketones? (?:positive|high|present|\\+)|\\b(?:positive|high|large|moderate) ketones?\\b|\\bbehosh\\b|बेहोश|\\bunconscious\\b|\\bfaint\\w*`,
)
const HYPERTENSIVE_SIGNS = re(
  `\\bhead ?ache\\b|\\bhead (?:is )?(?:pounding|throbbing|bursting|splitting)\\b|\\b(?:sar|sir) ?(?:(?:me|mein|mai) )?(?:(?:bahut|bohot|tez|bahut tez|zor ka) )?dard|\\b(?:sar|sir) (?:phat|fat|ghoom|bhaari|bhari)|सिरदर्द|(?:सिर|सर) (?:में )?(?:\\S+ )?(?:दर्द|फट|भारी)|\\bblur\\w*|\\bvision (?:is |has )?(?:blurred|blurry|blur|dim|gone|loss|problem|changed|change)|\\bcan(?:no|'|\\s?no)?t see\\b|\\bdhundh?l[aie]\\w*|धुंधला|\\b(?:aankhon|ankhon|aankh|ankh) ke (?:aage|samne|saamne|saamane) andhera|(?:आंखों|आंख) के (?:आगे|सामने) अंधेरा|\\bmatha (?:\\S+ )?byatha\\b|\\bjhap(?:s|sh)a\\b|\\b(?:aankhon|ankhon|aankh|ankh) ke (?:aage|samne|saamne) (?:chamak|taare|tare|roshni)|(?:आंखों|आंख) के (?:आगे|सामने) (?:चमक|तारे)|\\bflashing lights\\b|\\bseeing (?:spots|stars)\\b|\\bchest\\b|\\b(?:seene|seena|chhati|chhaati) (?:me |mein )?(?:dard|dabav|bhaari)|(?:सीने|छाती) (?:में )?(?:दर्द|दबाव|भारी)|\\bbreathless\\b|\\bshort(?:ness)? of breath\\b|\\bsaans (?:phool|fool|lene me|lene mein|nahi)|सांस (?:फूल|लेने में|नहीं)|\\bweak\\w*|\\bkamzori\\b|\\bkamjori\\b|कमजोरी|\\bnumb\\w*|\\bsunn\\b|सुन्न|\\bconfus\\w*|\\bslurr\\w*|\\b(?:bolne|bolna) (?:me |mein )?(?:dikkat|takleef)|बोलने में|\\bback pain\\b|\\bvomit\\w*|\\bulti\\b|उल्टी|\\bnausea\\w*|\\bji machal|\\bdizz\\w*|\\bchakkar\\b|चक्कर|\\bnose ?bleed\\w*|\\bnaak se khoon|नाक से खून|\\bseizure`,
)
const ALTERED_STATE = re(
  `\\bcan(?:no|'|\\s?no)?t think\\b|\\bdrows\\w*|\\bvery sleepy\\b|\\bunresponsive\\b|\\bnot (?:responding|answering|waking)\\b|\\bwon'?t wake\\b|\\bbehosh\\b|बेहोश|\\bhosh (?:(?:me|mein|mai) )?(?:nahi|nahin|nhi)|होश (?:में )?नहीं|\\bjawab (?:nahi|nahin|nhi) de|जवाब नहीं दे|\\bsamajh (?:nahi|nahin|nhi) (?:aa|pa|paa)|समझ नहीं (?:आ|पा)|\\bghabrahat\\b|घबराहट|\\bpas(?:ee|i)ne (?:me|mein) (?:bheeg|bheg|bhig)\\S*|\\b(?:soaked|drenched) in sweat\\b|\\bnahi uth (?:rahe|raha|rahi)\\b|\\bgurr\\b|\\bgrunting\\b|\\btrembl\\w*|\\bmumbl\\w*|\\bgibberish\\b|\\bshaking and sweating\\b|\\bsweating and shaking\\b|\\bsweaty and shaky\\b|\\bshaky and sweaty\\b|\\bkaanp|कांप|\\b(?:kampkampi|kapkapi|kampkapi)\\b|कंपकंपी|\\b(?:thanda|thande|thandi) (?:pasina|pasine|paseena|paseene)\\b|\\bcold sweat\\w*|ठंडा पसीना|ठंडे पसीने|\\b(?:pasina|paseena)[- ](?:pasina|paseena)\\b|पसीना-पसीना|पसीना पसीना|\\bfaint\\w*|\\bchakkar kha|\\bseizure|\\bjhatke\\b|अंधेरा|\\bandhera\\b|\\bbhram\\b|भ्रम|उलझन|${CONFUSED_WORDS}`,
)
/** Not knowing people or acting strangely: "humko pehchan nahi rahi", "ajeeb behave kar rahi hai", "बहकी बहकी बातें". */
const CONFUSED = re(CONFUSED_WORDS)
const LOW_SUGAR_WORDS = re(`\\b(?:meter|glucometer|machine|reading) (?:\\S+ ){0,2}?(?:lo|low)\\b|\\b(?:shows|showing|dikha raha|dikha rha|aa raha) lo\\b|\\blow sugar\\b|\\bsugar (?:is |was |has |went )?(?:very |too |bahut )?(?:low|down|kam|gir)\\b|\\bhypo\\b|\\bhypoglyc\\w*|शुगर (?:बहुत )?(?:कम|गिर|लो)`)
const BREATHING_SIGNS = re(
  `\\bbreathless\\w*|\\bshort(?:ness)? of breath\\b|\\bout of breath\\b|\\bcan(?:no|'|\\s?no)?t breathe?\\b|\\b(?:hard|difficult|difficulty|trouble) (?:to )?breath\\w*|\\b(?:saans|sans|saas) (?:bhi )?(?:phool|fool|phul|nahi|lene me|lene mein|ruk|atak)|सांस (?:भी )?(?:फूल|नहीं|लेने में|रुक|तेज)|\\b(?:saans|sans) (?:bhi )?tez\\b|\\b(?:shwas|swas) chadh\\w*|\\b(?:hont|honth|hoth|lips?|nails?|nakhun)\\b(?:\\s+\\S+){0,2}\\s+(?:neel|blue)\\w*|(?:होंठ|होठ|नाखून)(?:\\s+\\S+){0,2}\\s+नील\\S*|\\bghutan\\b|घुटन${E}|\\bgasping\\b`,
)

const KETONES = re(`\\b(?:ketones?|key ?tones?|ketone bodies)\\b.{0,20}\\b(?:positive|high|large|moderate|present|\\+\\+?)|\\b(?:positive|high|large|moderate) (?:ketones?|key ?tones?)\\b|\\bketoacidosis\\b|\\bdka\\b`)
const KETONE_SIGNS = re(`\\bvomit\\w*|\\bthrowing up\\b|\\bcan'?t keep (?:water|anything|food) down\\b|\\bulti\\w*|उल्टी|\\bdrows\\w*|\\bconfus\\w*|\\b(?:stomach|abdominal|belly) pain\\b|\\bbreathing (?:fast|deep)`)
const PREGNANT = re(`\\bpregnan\\w*|\\bgarbh\\w*|\\b\\d (?:mahine|month|months) (?:ki |ka )?pregnant|\\bexpecting\\b|गर्भ\\S*|प्रेग्नेंट|प्रेगनेंट`)

/** Oxygen that keeps falling, or stays low on oxygen given at home: "86 and dropping", "concentrator pe bhi 85". */
const OXYGEN_FALLING = re(
  `\\b(?:dropping|falling|going down|keeps dropping)\\b|\\bnot (?:going|coming) back up\\b|\\b(?:girta|girti) ja\\S*|\\bgir (?:raha|rahi)\\b|\\bneeche (?:ja|aa) (?:raha|rahi)\\b|\\bnot (?:going|coming) (?:above|up|over)\\b|\\b(?:upar|oopar) (?:nahi|nahin|nhi) (?:ja|aa)\\S*|\\bconcentrator\\b|\\boxygen (?:cylinder|support|mask)\\b|गिरता जा|नीचे जा रहा|ऊपर नहीं`,
)

const FAINT_SIGNS = re(`\\bfaint\\w*|\\bpassed out\\b|\\bcollaps\\w*|\\bblack(?:ed)? out\\b|\\bgir (?:gaya|gayi|gaye|pada|padi)\\b|\\bbehosh\\b|\\bchakkar\\b|\\bdizz\\w*|गिर (?:गया|गई|गए|पडा|पडी)|बेहोश|चक्कर`)
/** "Checked on both hands", "3 baar check kiya", "keeps reading 86", "even after resting": the low reading is confirmed. */
const MEASURED_AGAIN = re(
  `\\bboth hands\\b|\\bother (?:hand|finger)\\b|\\b(?:checked|measured|tried) (?:it )?(?:twice|again|\\d+ times|three times)\\b|\\bkeeps? (?:reading|showing)\\b|\\beven after (?:resting|rest|sitting)\\b|\\bsame reading\\b|\\b(?:dono haath|doosri ungli|dusri ungli|ungli badal)\\S*|\\b\\d+ (?:baar|bar) (?:check|naap|dekh)\\S*|दोनों हाथ|उंगली बदल|(?:दो|तीन|\\d+) बार (?:चेक|नाप|देख)`,
)

/** Red flags that need a reading and a symptom together (clinical.md §1.1, §1.2, §1.4, §2). */
function readingFlags(text: string, r: StatedReadings): RedFlag[] {
  const flags: RedFlag[] = []
  const symptom = (signs: RegExp) => firstPresent(text, signs)
  // DKA / HHS: very high sugar (≥ 250 mg/dL, ADA level 2, or the meter's "HI") with vomiting,
  // drowsiness, confusion, fast breathing or abdominal pain.
  // Ketones in the urine with vomiting are DKA whatever the number ("key tones positive" as speech writes it).
  if (!r.glucose || r.glucose < 250) {
    const ketones = firstPresent(text, KETONES)
    const sign = ketones && symptom(KETONE_SIGNS)
    if (sign) flags.push({ category: 'high_sugar_emergency', matched: `${ketones} + ${sign}` })
  }
  if ((r.glucose !== undefined && r.glucose >= 250) || r.glucoseMeterHigh) {
    const sign = symptom(HIGH_SUGAR_SIGNS)
    if (sign) flags.push({ category: 'high_sugar_emergency', matched: `sugar ${r.glucose ?? 'HI'} + ${sign}` })
  }
  // Hypertensive emergency (AHA): ≥ 180 systolic or ≥ 120 diastolic with a sign of organ damage;
  // in pregnancy from ≥ 160/110 (ACOG's severe range: pre-eclampsia with severe features).
  const pregnant = PREGNANT.test(text)
  if (
    (r.systolic !== undefined && r.systolic >= (pregnant ? 160 : 180)) ||
    (r.diastolic !== undefined && r.diastolic >= (pregnant ? 110 : 120))
  ) {
    const sign = symptom(HYPERTENSIVE_SIGNS)
    if (sign) flags.push({ category: 'hypertensive_emergency', matched: `BP ${r.systolic}/${r.diastolic ?? '?'} + ${sign}` })
  }
  // Low sugar that stays low after it was treated (ADA: not rising after fast sugar, get help).
  if (r.glucose !== undefined && r.glucose < 70 && NOT_RISING.test(text)) flags.push({ category: 'low_sugar_confusion', matched: `sugar ${r.glucose} still low after treatment` })
  // Level 3 hypoglycaemia (ADA): low sugar with an altered state, whatever the number.
  const low = (r.glucose !== undefined && r.glucose < 70 ? `sugar ${r.glucose}` : undefined) ?? firstPresent(text, LOW_SUGAR_WORDS)
  if (low) {
    const sign = symptom(ALTERED_STATE)
    if (sign) flags.push({ category: 'low_sugar_confusion', matched: `${low} + ${sign}` })
  } else if (r.glucose === undefined) {
    // "Insulin lene ke baad pehchan nahi rahi": confusion after a sugar-lowering medicine is a low
    // sugar until a reading says otherwise (ADA level 3 is a state, not a number).
    const medicine = firstPresent(text, SUGAR_LOWERING)
    const sign = medicine && symptom(CONFUSED)
    if (sign) flags.push({ category: 'low_sugar_confusion', matched: `${medicine} + ${sign}` })
  }
  // A pulse of 40 or less, or 131 or more, with a faint or a fall (clinical.md's emergency tier).
  if (r.heartRate !== undefined && (r.heartRate <= 40 || r.heartRate >= 131)) {
    const sign = symptom(FAINT_SIGNS)
    if (sign) flags.push({ category: 'unconscious', matched: `pulse ${r.heartRate} + ${sign}` })
  }
  // Oxygen 93 % and below with breathlessness (clinical.md §2). A low reading alone is logged by
  // the vitals agent, whose reply and the caregiver alert already say to call 112 below 90 %.
  if (r.spo2 !== undefined && r.spo2 <= 93) {
    const sign = firstPresent(text, { re: BREATHING_SIGNS }) ?? firstPresent(text, OXYGEN_FALLING)
    if (sign) flags.push({ category: 'low_oxygen', matched: `oxygen ${r.spo2} + ${sign}` })
    // Below 90 % is an emergency (clinical.md §2). A family member's reading is not logged, so no
    // vitals reply would say so: "papa ka spo2 84 aa raha hai" gets the emergency text itself.
    else if (r.spo2 < 90 && r.someoneElse) flags.push({ category: 'low_oxygen', matched: `oxygen ${r.spo2} (${r.someoneElse})` })
    // The vitals reply asks to measure again; a reading already measured again is past that.
    else if (r.spo2 < 90 && MEASURED_AGAIN.test(text)) flags.push({ category: 'low_oxygen', matched: `oxygen ${r.spo2}, measured again` })
  }
  return flags
}

const ORDER: RedFlagCategory[] = [
  'chest_pain',
  'stroke',
  'sudden_severe_headache',
  'breathing',
  'low_oxygen',
  'unconscious',
  'seizure',
  'bleeding',
  'allergic_reaction',
  'low_sugar_confusion',
  'high_sugar_emergency',
  'hypertensive_emergency',
  'overdose',
  'severe_abdominal_pain',
  'head_injury',
  'self_harm',
]

/** Every red flag in a patient's words, in a fixed order of severity, with the readings stated. */
export function assessRedFlags(text: string): RedFlagAssessment {
  const t = withoutLookAlikes(expandTextSpeak(normalise(text)))
  // Readings said in words ("two hundred and ten by one thirty", "ek sau nabbe", "unchaalis") are read as digits.
  const readings = statedReadings(hindiNumbersToDigits(wordsToDigits(t)))
  // Concept pairs and signs, clause by clause: the one place a red flag in words is recognised.
  const found = conceptFlags(clauses(text).map((c) => withoutLookAlikes(expandTextSpeak(c))), t)
  for (const f of readingFlags(t, readings)) if (!found.has(f.category)) found.set(f.category, f.matched)
  // An overdose nobody calls an accident may be self-harm: the reply adds the crisis line.
  if (found.has('overdose') && !found.has('self_harm') && !ACCIDENT.test(t)) found.set('self_harm', found.get('overdose')!)
  const flags = ORDER.filter((c) => found.has(c)).map((category) => ({ category, matched: found.get(category)! }))
  return { flags, readings }
}

/** Every red flag in a patient's words, in a fixed order of severity. */
export function detectRedFlags(text: string): RedFlag[] {
  return assessRedFlags(text).flags
}
