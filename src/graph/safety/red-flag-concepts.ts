import { matchable } from '../../../language/script.js'
import { B, E, firstPresent, GAP_WORD, re, type Phrase } from './presence.js'
import type { RedFlagCategory } from './red-flags.js'

/**
 * Red flags as concept pairs rather than fixed phrases: a subject (a body part, the breath, one's
 * own life) and a state (pain, can't, wanting) said near each other in one clause, in either
 * order where the languages allow it, with a few words between ("seene mein bahut zyada dard",
 * "my chest has been feeling really tight", "सीने में अजीब सा भारीपन"). A new way of saying the
 * same thing is then one word added to a list, not a new phrase: the held-out split found
 * phrasings the phrase lists lacked ('marne ka mann', 'sir se khoon' after a fall), and each was
 * a known subject with a known state in an order or inflection the list had not spelt out.
 *
 * Negation is read once, by presence.ts: "no chest pain", "seene mein dard nahi hai", "chest is
 * not hurting" deny the pair; states that hold their own negation ("saans nahi aa rahi", "can't
 * breathe", "jeene ka mann nahi") are the red flag, so a "nahi" there is not a denial.
 *
 * Words are in English, romanised Hindi and Devanagari, folded as language/script.ts folds the
 * text (no nukta, anusvara for chandrabindu). The phrase lists in red-flags.ts stay for what
 * is not a pair (a single word like "behosh", readings with symptoms, overdoses).
 */

export interface Concept {
  category: RedFlagCategory
  /** What is affected: "chest|seene|सीने". */
  subject: string
  /** States said after the subject: "chest … hurts", "saans … nahi aa rahi". */
  after?: string
  /** States said before the subject: "pain in my chest", "hard to breathe", "want to die". */
  before?: string
  /** Most words allowed between the two parts (default 3). */
  gap?: number
  /** Only these words may stand between the parts ("haath achanak kaam nahi", never "haath ki ghadi kaam nahi"). */
  fillers?: string
  /** The states carry their own negation. */
  negative?: true
  /** Mild or passing cancels it (breathless on the stairs, fine after a rest). */
  weak?: true
  /** Needs this somewhere in the message too (a fall, for a hurt head). */
  context?: string
  /** A look-alike anywhere in the message cancels it. */
  unless?: string
}

// ── Words, once each ─────────────────────────────────────────────────────────

const CHEST = 'chest|chests|seena|seene|seeney|seenay|sina|sine|sinay|chhati|chhaati|chati|chaati|chhaatee|chhatee|सीना|सीने|छाती|छाती'
const PAIN =
  'pain|pains|paining|painful|ache|aches|aching|achy|hurts?|hurting|sore|tight|tightness|tightening|pressure|pressing|heavy|heaviness|squeez\\w*|crush\\w*|discomfort|' +
  'elephant|vice|vise|weight on|sitting on|band around|' +
  'dard|dardd|dukh\\w*|bhaari|bhari|bhaaripan|bharipan|bhaaripann|dab\\w*|jakad\\w*|jakd\\w*|kasav|khinchav|khichav|khinchaav|' +
  'दर्द|दुख\\S*|भारी\\S*|दब\\S*|जकड\\S*|खिंचाव|कसाव'
const BREATH = 'breath|breathe|breathing|saans|sans|saas|saans|swas|swaas|shwas|shvas|swaans|सांस|श्वास|स्वास'
/** "saans nahi aa rahi", "saans ruk rahi", "breath is not coming", "can't breathe": the breath itself fails. */
const BREATH_FAILS =
  "not coming|stopped|stopping|stops|won'?t come|(?:nahi|nahin|nhi|na) (?:aa|a|le|li|ho|ban)\\S*|ruk\\S*|atak\\S*|ghut\\S*|band ho\\S*|ukhad\\S*|ukhar\\S*|(?:le|li) (?:nahi|nahin|nhi) (?:ja|jaa|pa|paa)\\S*|" +
  'नहीं (?:आ|ले|ली|लि|हो|बन)\\S*|न (?:आ|ले|ली)\\S*|(?:ले|ली) नहीं (?:जा|पा)\\S*|रुक\\S*|अटक\\S*|घुट\\S*|बंद हो\\S*|उखड\\S*'
/** Breath that cannot be had: its negation is the red flag. */
const BREATH_CANT = "can'?t|cannot|can not|couldn'?t|could not|unable to|not able to|hardly|barely|can hardly|can barely"
/** Breath that is hard to get: a denial ("no trouble breathing") cancels it. */
const BREATH_TROUBLE = 'struggling to|struggle to|hard to|difficult to|trouble|difficulty|gasping for|fighting for'
const BREATH_HARD = 'difficult|very difficult|laboured|labored|dikkat|dikkatt|diqqat|takleef|takleeph|taklif|pareshani|mushkil|problem|तकलीफ|दिक्कत|परेशानी|मुश्किल'
const BREATH_SHORT = 'phool\\S*|fool\\S*|phul\\S*|फूल\\S*|चढ\\S*|chadh\\S*'

/** Wanting, wishing, thinking of: the intent half of a self-harm statement. */
const WANT_BEFORE =
  "want|wants|wanted|wanna|wish|wishing|feel like|feeling like|felt like|thinking of|thinking about|think about|thought of|thoughts of|rather|ready to|going to|plan\\w*|decided to|tempted to|urge to"
const WANT_AFTER =
  'mann|man|mn|dil|ichha|iccha|icchha|ichchha|chah\\S*|chaah\\S*|khayal|khyal|khayaal|khayaalaat|vichar|vichaar|sochta|sochti|soch raha|soch rahi|' +
  'मन|दिल|इच्छा|चाह\\S*|ख्याल|खयाल|विचार|सोचता|सोचती|सोच रहा|सोच रही'
const DYING =
  "die|dying|dead|death|to end it|end (?:it|it all|everything|my life)|disappear (?:forever|for good)|vanish (?:forever|for good)|sleep forever|sleep and never wake up|mar (?:jaana|jana|jaun|jau|jaaun|jaaoon|jaaun|jaane|jane|jaaunga|jaungi|jaunga)|marna|marne|maut|khudkushi|aatmahatya|atmahatya|" +
  'मर (?:जाना|जाने|जाऊं|जाउं|जाऊंगा|जाऊंगी)|मरना|मरने|मौत|खुदकुशी|आत्महत्या'
const LIVING = 'live|living|alive|jeena|jina|jeene|jine|jeeney|jeevit|zinda|jinda|जीना|जीने|जिंदा|जीवित'
/** Not wanting to live: the negation is the red flag. */
const NO_WISH =
  "(?:don'?t|do not|can'?t|cannot) see (?:the |any )?point|see no point|what'?s the point|what is the point|no point|pointless|nothing (?:left )?to live for|" +
  '(?:koi )?(?:matlab|fayda|faida|wajah|maqsad|maksad|vajah) (?:nahi|nahin|nhi)|(?:कोई )?(?:मतलब|फायदा|वजह|मकसद) नहीं|' +
  "don'?t want|do not want|doesn'?t want|no (?:wish|will|desire|reason|point|mann|ichha|iccha)|not want|no longer want|tired of|sick of|can'?t go on|" +
  '(?:nahi|nahin|nhi|na) chah\\S*|(?:mann|man|mn|dil|ichha|iccha|icchha|ichchha|chah|chaah|irada|iraada) (?:\\S+ )?(?:nahi|nahin|nhi|khatam|khtm|nahi raha|nahi rahi)|' +
  'se (?:thak|tang|oob|ub)\\S*|(?:bekaar|bekar|bekaar sa|bojh)|' +
  'नहीं चाह\\S*|(?:मन|दिल|इच्छा|चाह) (?:\\S+ )?(?:नहीं|खत्म)|से (?:थक|तंग|ऊब)\\S*|बेकार|बोझ'
const SELF = "myself|my ?self|khud ko|khudko|apne aap ko|apne aapko|apne ko|apne aap|खुद को|अपने आप को|अपने को|स्वयं को"
const HARM =
  'kill|kills|killing|hurt|hurts|hurting|harm|harming|cut|cutting|injure|injuring|end|ending|poison|hang|hanging|' +
  'khatam|khtm|khatm|maar|maarna|maarne|mar daal\\S*|maar daal\\S*|nuksan|nuksaan|nuqsan|nuqsaan|nukasan|chot|saza|' +
  'मार\\S*|खत्म|नुकसान|चोट|सजा'
const LIFE = 'life|zindagi|jindagi|zindgi|jeevan|jivan|जिंदगी|जीवन|sab kuch|sabkuch|everything|सब कुछ'
const END_IT = 'end|ending|take|taking|khatam kar\\S*|khtm kar\\S*|khatm kar\\S*|samapt kar\\S*|खत्म कर\\S*|समाप्त कर\\S*'

const HEAD = 'head|scalp|forehead|sir|sar|sirr|maatha|matha|maathe|mathe|kapal|सिर|सर|माथा|माथे|कपाल'
/** Blood, but not a blood test, blood pressure or blood sugar. */
const BLEEDING =
  'bleed\\w*|bled|blood(?! (?:test|tests|pressure|sugar|report|reports|reading|check|work|group|donation))|' +
  'khoon(?! (?:ki|ka|ke) (?:jaanch|janch|test|report))|khun(?! (?:ki|ka|ke) (?:jaanch|janch|test|report))|lahu|' +
  'खून(?! (?:की|का|के) (?:जांच|टेस्ट|रिपोर्ट))|लहू|रक्त(?!चाप)'
const HURT_HEAD = 'hit|hurt|banged|bumped|struck|injur\\w*|cut|gash|split|chot\\S*|phat\\S*|fat gaya|fat gayi|foot gaya|phoot\\S*|चोट|फट\\S*|फूट\\S*'
const FELL =
  "fell|fall|falls|fallen|falling|slipped|slip|tripped|trip|collapsed|" +
  'gir|gira|giri|gire|girke|girkar|girne|phisal\\S*|fisal\\S*|गिर\\S*|फिसल\\S*'

const FACE = 'face|mouth|smile|lips?|muh|munh|muhn|mooh|mu|chehra|chehara|chehre|honth|hont|मुंह|मुह|चेहरा|चेहरे|होंठ'
const FACE_FALLS =
  'droop\\w*|drop\\w*|sag\\w*|twist\\w*|crooked|lopsided|uneven|slant\\w*|fallen|numb\\w*|' +
  'tedha|tedhaa|tedhi|terha|terhi|tircha|tirchha|tirchi|latak\\S*|sunn|bigad\\S*|' +
  'टेढ\\S*|तिरछ\\S*|लटक\\S*|सुन्न'
const LIMB =
  'arm|arms|leg|legs|hand|hands|side|haath|hath|haat|pair|paon|paaon|pao|baazu|bazu|baju|baanh|banh|haath-pair|hath-pair|' +
  'बाजू|हाथ|पैर|पांव|बांह|हाथ-पैर'
/** The limb will not work: strong words only ("weak" alone is an everyday complaint). */
const LIMB_NUMB = 'numb|numbness|sunn|sun pad\\S*|sunn pad\\S*|सुन्न'
/** Numb hands or feet that come and go, or for months, are the everyday numbness of diabetes, not a stroke. */
export const NUMB_EVERYDAY_WORDS =
  '\\b(?:tingl\\w*|pins and needles|burning|jhunjhun\\S*|jhanjhan\\S*|at night|raat ko|often|sometimes|usually|every|kabhi kabhi|aksar|roz|hamesha|since (?:months|weeks|years)|for (?:months|weeks|years)|diabet\\w*|neuropath\\w*|jaate|jaati|jata|jati|hote|hoti|feet|toes|talve|talvon|tingling)\\b|झुनझुन\\S*|अक्सर|कभी कभी|रोज|तलव\\S*'
export const NUMB_EVERYDAY = re(NUMB_EVERYDAY_WORDS)
/** "Hurt myself while lifting the bucket": an everyday injury, not self-harm. */
const HURT_BY_ACCIDENT_WORDS =
  '\\b(?:hurt|cut|injured) (?:my ?self|myself) (?:while |when |at the |in the |on the |at |in )?(?:lifting|cooking|chopping|cutting|playing|shaving|gym|kitchen|garden|walking|running|exercising|cleaning|working|fall\\w*|slipp\\w*|sport\\w*|cricket|yoga)'
export const HURT_BY_ACCIDENT = re(HURT_BY_ACCIDENT_WORDS)
/** "I want to die laughing", "dying to try it": hyperbole. */
const DIE_IDIOM_WORDS = '\\b(?:die|dying) (?:laughing|of laughter|of boredom|of embarrassment|for (?:a|some|one|the)|to (?:see|try|eat|meet|know|go))|\\bdying to\\b'
export const DIE_IDIOM = re(DIE_IDIOM_WORDS)
/** "can't breathe through my nose": a blocked nose, not breathlessness. */
const NOSE_BLOCKED_WORDS = "through (?:my |the )?nose|nose (?:is )?(?:blocked|stuffy|block)|naak (?:band|block)|नाक बंद"
export const NOSE_BLOCKED = re(NOSE_BLOCKED_WORDS)
/** "I don't want to live in this city": a place, not life; "live in this pain" is still life. */
const LIVE_SOMEWHERE_WORDS = '\\blive (?:in|at|near|there|abroad|with (?:my|them|him|her|you))\\b(?! (?:this |such |so much |constant )?(?:pain|misery|dard|agony|suffering))'
export const LIVE_SOMEWHERE = re(LIVE_SOMEWHERE_WORDS)
const LIMB_FAILS =
  "paraly\\w*|limp|lifeless|won'?t move|can'?t move|cannot move|not moving|not working|stopped working|won'?t work|gave way|gone dead|" +
  'bejaan|bejan|lakwa|lakva|(?:kaam|kam|kaj) (?:nahi|nahin|nhi|na) kar\\S*|(?:uth|utha|hil|hila|chal) (?:nahi|nahin|nhi|na) (?:raha|rahi|rahe|pa|paa|sak)\\S*|' +
  'बेजान|लकवा|काम (?:नहीं|न) कर\\S*|(?:उठ|उठा|हिल|हिला) (?:नहीं|न) (?:रहा|रही|रहे|पा|सक)\\S*'
/** Between a limb and its state: only these words, so "haath ki ghadi kaam nahi kar rahi" stays a watch. */
const LIMB_FILLERS =
  "weak|heavy|kamzor|is|are|was|has|have|had|feels|feel|felt|went|gone|got|has gone|just|suddenly|completely|totally|fully|also|too|bhi|achanak|ekdum|bilkul|poora|pura|puri|poori|" +
  'theek se|thik se|sahi se|se|mein|me|mai|ek dam|and|aur|left|right|daayan|dayan|baayan|bayan|daya|baya|daayi|baayi|my|his|her|' +
  'अचानक|एकदम|बिल्कुल|बिलकुल|पूरा|पूरी|भी|में|और|दायां|बायां|दायाँ|बायाँ|ठीक से'
const ONE_SIDE =
  'one side|half (?:of )?(?:my |his |her |the )?(?:body|face)|left side|right side|ek (?:taraf|side|hissa)|aadha (?:sharir|shareer|badan|chehra)|' +
  'baayi taraf|bayi taraf|daayi taraf|dayi taraf|baayen taraf|daayen taraf|एक तरफ|आधा (?:शरीर|बदन|चेहरा)|बाईं तरफ|दाईं तरफ|बायीं तरफ|दायीं तरफ'
const ONE_SIDE_FAILS =
  'numb\\w*|weak\\w*|paraly\\w*|droop\\w*|dead|limp|kamzor\\S*|kamjor\\S*|sunn|latak\\S*|lakwa|bejaan|कमजोर\\S*|सुन्न|लटक\\S*|लकवा|बेजान'
const SPEECH =
  'speech|words|speaking|talking|voice|bol|boli|bolna|bolne|bolte|bolti|awaaz|awaz|aawaz|aavaaz|avaaz|zuban|zubaan|jubaan|juban|jeebh|' +
  'बोल|बोली|बोलना|बोलने|आवाज|जुबान|जबान|जीभ'
const SPEECH_FAILS =
  "slurr\\w*|garbl\\w*|jumbl\\w*|unclear|not clear|not making sense|thick|mumbl\\w*|ladkhad\\S*|lad khad\\S*|ladkhad|atak\\S*|totla\\S*|tutla\\S*|" +
  '(?:saaf|sahi|theek|thik|samajh) (?:se )?(?:nahi|nahin|nhi|na)|लडखड\\S*|अटक\\S*|तोतल\\S*|(?:साफ|ठीक|समझ) (?:से )?(?:नहीं|न)'

const PILLS = 'pills|tablets|tabs|medicines|capsules|goliyan|goliya|goli|dawaiyan|dawai|dawa|दवाइयां|दवाई|दवा|गोलियां|गोली'
const CONSCIOUS = 'conscious|consciousness|senses|hosh|होश'
const CONSCIOUS_LOST = "lost|losing|lose|loses|not|no longer|kho\\S*|nahi|nahin|nhi|gaya|gayi|chala gaya|chali gayi|उड|खो\\S*|नहीं|चला गया|चली गई|गया|गई"
const FIT = 'daura|daure|dora|dore|jhatka|jhatke|jhatkey|mirgi|seizures?|convulsions?|fits?|दौरा|दौरे|झटका|झटके|मिर्गी'
const FIT_COMES =
  'pad\\S*|par (?:raha|rahe|gaya|gaye|gayi)|aa (?:rahe|raha|rahi|gaye|gaya|gayi|jate|jaate|jata)|aane|aaye|aaya|aate|aata|aayi|aya|started|starting|hua|huya|hue|shuru|' +
  'पड\\S*|आ (?:रहे|रहा|रही|गए|गया|गई|जाते)|आने|आए|आया|आते|आता|हुआ|हुए|शुरू'

// ── The concepts ─────────────────────────────────────────────────────────────

export const CONCEPTS: Concept[] = [
  // "chest is paining since morning", "pain in the centre of my chest", "seene mein bahut zyada dard", "छाती में भारीपन".
  { category: 'chest_pain', subject: CHEST, after: PAIN, before: 'pain|pains|ache|pressure|tightness|heaviness|discomfort|squeezing|crushing|tight band|band|weight|elephant|sitting on|standing on|pressing on|dard|bhaaripan|दर्द|भारीपन|दबाव', gap: 5, unless: '\\bchest (?:x-?ray|xray|congestion|infection|of drawers|day|muscles?|workout)' },
  // "my heart is paining", "pain in the heart" (a heavy heart is sadness, so only pain words).
  { category: 'chest_pain', subject: 'heart', after: 'pain|pains|paining|ache|aching|hurts?|hurting|squeez\\w*|crush\\w*', before: '(?:pain|ache|squeezing|crushing) (?:in|around|near)', gap: 2, unless: '\\bheart ?(?:burn|rate|beat)' },
  // "can't breathe", "saans nahi aa rahi", "साँस रुक रही है".
  { category: 'breathing', subject: BREATH, after: BREATH_FAILS, negative: true },
  { category: 'breathing', subject: BREATH, before: BREATH_CANT, gap: 2, negative: true, unless: NOSE_BLOCKED_WORDS },
  { category: 'breathing', subject: BREATH, before: BREATH_TROUBLE, gap: 2, unless: NOSE_BLOCKED_WORDS },
  // "saans lene mein bahut dikkat", "सांस लेने में तकलीफ": a denial ("koi dikkat nahi") cancels.
  { category: 'breathing', subject: BREATH, after: BREATH_HARD, gap: 4 },
  // "saans phool rahi hai": weak, cancelled by "thodi" or "ab theek ho gaya".
  { category: 'breathing', subject: BREATH, after: BREATH_SHORT, gap: 1, weak: true },
  // "I want to die", "marne ka mann karta hai", "मरने की इच्छा होती है".
  { category: 'self_harm', subject: DYING, before: WANT_BEFORE, after: WANT_AFTER, gap: 4, unless: DIE_IDIOM_WORDS },
  // "I don't want to live", "jeene ka mann nahi", "जीने की इच्छा खत्म".
  { category: 'self_harm', subject: LIVING, before: NO_WISH, after: NO_WISH, gap: 3, negative: true, unless: LIVE_SOMEWHERE_WORDS },
  // "ab aur nahi jeena", "mujhe jeena hi nahi hai", "नहीं जीना": the infinitive with a bare "nahi" is the wish not to live.
  { category: 'self_harm', subject: 'jeena|jina|जीना', before: 'nahi|nahin|nhi|नहीं', after: '(?:hi |bhi |ab )?(?:nahi|nahin|nhi|नहीं)(?! (?:aata|aaya|aati|आता|आया))', gap: 1, negative: true },
  // "I wish I would not wake up tomorrow", "bas subah aankh na khule".
  { category: 'self_harm', subject: "(?:not|never|na|nahi) (?:\\S+ )?(?:wake up|wake|uthun|uthoon|uthu|khule|खुले|उठूं)", before: 'wish|hope|want|wanna|pray|kaash|काश', gap: 4, negative: true },
  // "main apni jaan le lunga", "अपनी जान दे दूंगी".
  { category: 'self_harm', subject: '(?:apni|meri|apne|अपनी|मेरी) jaan|(?:apni|meri|अपनी|मेरी) जान', after: 'le (?:lu|lun|lunga|lungi|loon|leni|lena|lene|lu ga)|de (?:du|dun|dunga|dungi|doon|deni|dena|dene)|ले (?:लूं|लूंगा|लूंगी|लेनी|लेना)|दे (?:दूं|दूंगा|दूंगी|देनी|देना)', gap: 0 },
  // "thinking of hurting myself", "khud ko khatam kar doon", "अपने आप को चोट पहुँचाना".
  { category: 'self_harm', subject: SELF, before: HARM, after: HARM, gap: 2, unless: `${HURT_BY_ACCIDENT_WORDS}|chot (?:lag|lagi|lag gayi)` },
  // "end my life", "zindagi khatam kar doon", "जीवन समाप्त कर दूँ".
  { category: 'self_harm', subject: LIFE, before: END_IT, after: END_IT, gap: 2, unless: "\\b(?:end of|ending of|take (?:life|it) easy|life style|lifestyle)" },
  // A bleeding head, after a fall or not: "sir se bahut khoon", "blood coming from her head", "माथे से खून".
  { category: 'head_injury', subject: HEAD, before: 'bleeding|blood|khoon|khun|खून', after: BLEEDING, gap: 3 },
  // A head hit in a fall: "gir gaye aur sir phat gaya", "fell and hurt her head badly".
  { category: 'head_injury', subject: HEAD, before: HURT_HEAD, after: HURT_HEAD, gap: 3, context: FELL },
  // A fall and not getting up: "fell and is not getting up", "gir gaye, uth nahi pa rahe", "गिर गए और उठ नहीं पा रहे".
  { category: 'head_injury', subject: FELL, after: "(?:is |has )?(?:not getting up|can'?t get up|cannot get up|unable to get up|not able to get up|won'?t get up|not moving|can'?t move|can'?t stand)|uth nahi|uth nahin|uth nhi|utha nahi|khade nahi|khadi nahi|उठ नहीं|उठा नहीं|खडे नहीं|खडी नहीं", gap: 4, negative: true },
  // A face drooping: "muh ek taraf tedha", "her smile is crooked".
  { category: 'stroke', subject: FACE, after: FACE_FALLS, gap: 3 },
  // A limb that will not work: "haath achanak kaam nahi kar raha", "left leg has gone completely numb".
  { category: 'stroke', subject: LIMB, after: LIMB_FAILS, gap: 3, fillers: LIMB_FILLERS, negative: true },
  { category: 'stroke', subject: LIMB, after: LIMB_NUMB, gap: 3, fillers: LIMB_FILLERS, unless: NUMB_EVERYDAY_WORDS },
  // A limb gone weak or heavy all of a sudden: "my arm suddenly went weak", "achanak haath kamzor ho gaya".
  { category: 'stroke', subject: LIMB, after: 'weak\\w*|heavy|kamzor\\S*|kamjor\\S*|bhaari|कमजोर\\S*|भारी', gap: 3, fillers: LIMB_FILLERS, context: 'suddenly|sudden|all of a sudden|achanak|ekdum se|अचानक|एकदम से' },
  { category: 'stroke', subject: LIMB, before: "can'?t (?:lift|move|feel|raise)|cannot (?:lift|move|feel|raise)|unable to (?:lift|move|feel|raise)|numbness in", gap: 2 },
  // One side of the body: "ek taraf kamzori", "left side of the body feels numb".
  { category: 'stroke', subject: ONE_SIDE, after: ONE_SIDE_FAILS, gap: 4 },
  // Speech: "awaaz ladkhada rahi hai", "his words are coming out slurred", "बोली साफ नहीं".
  { category: 'stroke', subject: SPEECH, after: SPEECH_FAILS, gap: 3, negative: true, unless: '\\b(?:phone|network|line|call|mic|signal|awaaz (?:nahi|nahin) aa rahi)\\b' },
  // "lost consciousness", "hosh kho baithe", "होश उड गए".
  { category: 'unconscious', subject: CONSCIOUS, before: 'lost|losing|lose|loses|no', after: CONSCIOUS_LOST, gap: 2, negative: true, unless: '\\bhosh (?:me|mein) (?:aa|hai|hain|hoon|hu)|\\bhosh (?:aa gaya|aaya)|\\bregained' },
  // "maine saari neend ki goliyan kha li", "took all of the sleeping tablets": sleeping pills by the handful, taken.
  { category: 'overdose', subject: `(?:neend|sleeping|sleep|नींद) (?:ki |की |wali |वाली )?(?:${PILLS})`, before: 'all|all of|all the|all my|saari|sari|sab|poori|puri|bahut saari|many|whole|सारी|सब|पूरी|बहुत सारी', gap: 2, context: 'took|taken|swallowed|ate|kha|khaa|khaayi|khayi|le li|le liya|le li hai|nigal|nigli|खा|खाई|ले ली|निगल' },
  // Black stools, or a lot of blood in them: bleeding in the gut ("latrine mein kaala khoon", "potty ekdum kaali").
  { category: 'bleeding', subject: 'stool|stools|motion|motions|potty|latrine|toilet|tatti|mal|पॉटी|टट्टी|मल|लैट्रिन', after: 'black|tarry|kala|kaala|kaali|kali|काला|काली|bahut (?:sara |zyada )?khoon|a lot of blood|lots of blood|बहुत खून', before: 'black|tarry|kala|kaala|kaali|kali|काला|काली', gap: 5 },
  // "mirgi ka daura pada", "jhatke aane lage", "he started having fits".
  { category: 'seizure', subject: FIT, before: 'having|getting|started|another', after: FIT_COMES, gap: 2, unless: "\\bdil ka (?:daura|dora)|दिल का दौरा|\\b(?:daura|daure|dora|dore) (?:pe|par|per)\\b|दौरे पर|\\bfit of|\\bfits? (?:me|you|him|her|well|perfectly|in)\\b|\\b(?:keep|keeping|stay|staying|get|getting|be) fit\\b" },
]

/** A clause ends at a sentence end or at "but"/"lekin": "no chest pain, but my arm is numb". */
const CLAUSE_BREAK = /[.;!?।\n]+(?!\d)|\b(?:but|however|lekin|magar|parantu|लेकिन|मगर|परंतु)\b/u

export function clauses(text: string): string[] {
  return text.split(CLAUSE_BREAK).map(matchable).filter(Boolean)
}

/** The pair as patterns over one clause: subject then state, state then subject. */
function phrasesOf(c: Concept): Phrase[] {
  const gap = c.gap ?? 3
  const word = c.fillers ? `(?:${c.fillers})` : GAP_WORD
  const between = `(?:\\s+${word}){0,${gap}}?\\s+`
  const flags = { ...(c.negative ? { negative: true as const } : { deniedInside: true as const }), ...(c.weak ? { weak: true as const } : {}), ...(c.unless ? { unless: re(c.unless) } : {}) }
  const out: Phrase[] = []
  if (c.after) out.push({ re: re(`${B}(?:${c.subject})${between}(?:${c.after})${E}`), ...flags })
  if (c.before) out.push({ re: re(`${B}(?:${c.before})${between}(?:${c.subject})${E}`), ...flags })
  return out
}

const COMPILED = CONCEPTS.map((c) => ({ concept: c, phrases: phrasesOf(c), context: c.context ? re(`${B}(?:${c.context})${E}`) : undefined }))

/** The red flags a message states as concept pairs, each with the words that matched. */
export function conceptFlags(parts: string[], whole: string): Map<RedFlagCategory, string> {
  const found = new Map<RedFlagCategory, string>()
  for (const { concept, phrases, context } of COMPILED) {
    if (found.has(concept.category)) continue
    if (context && !context.test(whole)) continue
    for (const clause of parts) {
      const matched = phrases.map((p) => firstPresent(clause, p, whole)).find(Boolean)
      if (matched) {
        found.set(concept.category, matched)
        break
      }
    }
  }
  return found
}
