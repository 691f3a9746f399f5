import { matchable } from '../../../language/script.js'
import { B, E, firstPresent, GAP_WORD, phrase, re, weak, type Phrase } from './presence.js'
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
 * text (no nukta, anusvara for chandrabindu). What is not a pair (a single word like "behosh",
 * a named event like "heart attack", the overdose sentences) is in SIGNS below, read by the same
 * loop, so this module alone decides which red flags a message's words state. Readings with
 * symptoms are red-flags.ts's own (a number, not words).
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

const CHEST = 'chest|chests|seena|seene|seeney|seenay|sina|sine|sinay|chhati|chhaati|chati|chaati|chhaatee|chhatee|chhate|chhatit|chhatiyat|सीना|सीने|छाती|छाती'
const PAIN =
  'pain|pains|paining|painful|ache|aches|aching|achy|hurts?|hurting|sore|tight|tightness|tightening|pressure|pressing|heavy|heaviness|squeez\\w*|crush\\w*|discomfort|' +
  'elephant|vice|vise|weight on|sitting on|band around|' +
  // "chhati pe jaise koi baitha ho", "seene pe patthar rakha ho": a weight on the chest, said the Hindi way.
  'koi baith\\S*|patthar rakh\\S*|pathar rakh\\S*|कोई बैठ\\S*|पत्थर रख\\S*|' +
  'dard|dardd|dukh\\w*|jalan|bhaari|bhari|bhaaripan|bharipan|bhaaripann|dab\\w*|jakad\\w*|jakd\\w*|kasav|khinchav|khichav|khinchaav|' +
  'दर्द|दुख\\S*|भारी\\S*|दब\\S*|जकड\\S*|खिंचाव|कसाव'
const BREATH = 'breath|breathe|breathing|saans|sans|saas|saah|saans|swas|swaas|shwas|shvas|swaans|सांस|श्वास|स्वास'
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
  "die|dying|dead|death|to end it|end (?:it|it all|everything|my life)|ending (?:it|it all|everything|my life)|disappear (?:forever|for good)|vanish (?:forever|for good)|sleep forever|sleep and never wake up|mar (?:jaana|jana|jaun|jau|jaaun|jaaoon|jaaun|jaane|jane|jaaunga|jaungi|jaunga)|marna|marne|maut|khudkushi|aatmahatya|atmahatya|" +
  'मर (?:जाना|जाने|जाऊं|जाउं|जाऊंगा|जाऊंगी)|मरना|मरने|मौत|खुदकुशी|आत्महत्या'
const LIVING = 'live|living|alive|jeena|jina|jeene|jine|jeeney|jeevit|zinda|jinda|जीना|जीने|जिंदा|जीवित'
/** Not wanting to live: the negation is the red flag. */
const NO_WISH =
  "kya (?:fayda|faayda|faida|matlab)|(?:don'?t|do not|can'?t|cannot) see (?:the |any )?point|see no point|what'?s the point|what is the point|no point|pointless|nothing (?:left )?to live for|" +
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
/**
 * What blood is measured or tested for, or a medicine for it: "blood sugar", "blood pressure",
 * "blood test", "khoon ki jaanch", "khoon mein sugar", "खून की रिपोर्ट", "रक्त शर्करा". Blood named
 * this way is a number or a lab, never blood that is seen, in any script.
 */
const BLOOD_MEASURED =
  'sugar|suger|sugr|shugar|glucose|pressure|test|tests|testing|tested|report|reports|reading|readings|level|levels|count|counts|work|group|type|sample|samples|' +
  'donation|bank|thinner|thinners|check|checked|checkup|check-up|oxygen|o2|cholesterol|lipids?|circulation|values?|results?|' +
  'jaanch|janch|jaach|jach|shakkar|shakar|cheeni|chini|parikshan|pariksha|kami|कमी|' +
  'जांच|जाच|टेस्ट|रिपोर्ट|शुगर|शूगर|शक्कर|चीनी|प्रेशर|ग्लूकोज|लेवल|परीक्षण|शर्करा|चाप|दाब'
/** "blood ki report", "khoon mein sugar", "खून की जांच": a Hindi postposition may stand between. */
const NOT_MEASURED = `(?!\\s*(?:(?:ki|ka|ke|mein|me|mai|main|in|of|की|का|के|में)\\s+)?(?:${BLOOD_MEASURED})${E})`
/** "sugar in my blood", "level of sugar in the blood": the measurement said first. */
const NOT_MEASURED_BEFORE = '(?<!(?:sugar|glucose|oxygen|pressure|cholesterol|levels?) (?:in|of) (?:my |the |his |her |your )?)'
/** Blood as a substance seen or lost, never a measurement: the subject of every bleeding pair. */
const BLOOD = `${NOT_MEASURED_BEFORE}(?:blood|khoon|khun|lahu|rakt|rakta|खून|लहू|रक्त)${NOT_MEASURED}`
/** Bleeding, or blood that is not a test, a pressure or a sugar. */
const BLEEDING = `bleed\\w*|bled|${BLOOD}`
const HURT_HEAD = 'hit|hurt|banged|bumped|struck|injur\\w*|cut|gash|split|chot\\S*|phat\\S*|fat gaya|fat gayi|foot gaya|phoot\\S*|takra\\S*|takar\\S*|चोट|फट\\S*|फूट\\S*|टकरा\\S*'
const FELL =
  "fell|fall|falls|fallen|falling|slipped|slip|tripped|trip|collapsed|" +
  'gir|gira|giri|gire|girke|girkar|girne|phisal\\S*|fisal\\S*|गिर\\S*|फिसल\\S*'

const FACE = 'face|mouth|smile|lips?|muh|munh|muhn|mooh|mu|chehra|chehara|chehre|honth|hont|मुंह|मुह|चेहरा|चेहरे|होंठ'
const FACE_FALLS =
  'hanging|droop\\w*|drop\\w*|sag\\w*|twist\\w*|crooked|lopsided|uneven|slant\\w*|fallen|numb\\w*|' +
  'tedha|tedhaa|tedhi|terha|terhi|tircha|tirchha|tirchi|latak\\S*|sunn|bigad\\S*|' +
  'टेढ\\S*|तिरछ\\S*|लटक\\S*|सुन्न'
/** "dead tired", "dead beat": tiredness, not a limb gone dead. */
const DEAD = 'dead(?! (?:tired|beat|exhausted|sleepy|bored))'
/** Teeth, gums or the dentist: a jaw that hurts for them is dental, not pain spreading from the heart. */
const DENTAL_WORDS =
  '\\b(?:dentist|dental|tooth|toothache|teeth|molar|wisdom|filling|root canal|extraction|braces|gums?|chew\\w*|daant|dant|daanton|danton|masood\\w*|masud\\w*)\\b|दांत|डेंटिस्ट|मसूड'
const LIMB =
  'arm|arms|leg|legs|hand|hands|side|haath|hath|haat|pair|paon|paaon|pao|baazu|bazu|baju|baanh|banh|haath-pair|hath-pair|' +
  'बाजू|हाथ|पैर|पांव|बांह|हाथ-पैर'
/** The limb will not work: strong words only ("weak" alone is an everyday complaint). */
const LIMB_NUMB = 'numb|numbness|sunn|sun pad\\S*|sunn pad\\S*|सुन्न'
/** Numb hands or feet that come and go, or for months, are the everyday numbness of diabetes, not a stroke. */
const NUMB_EVERYDAY_WORDS =
  '\\b(?:tingl\\w*|pins and needles|burning|jhunjhun\\S*|jhanjhan\\S*|at night|raat ko|often|sometimes|usually|every|kabhi kabhi|aksar|roz|hamesha|since (?:months|weeks|years)|for (?:months|weeks|years)|diabet\\w*|neuropath\\w*|jaate|jaati|jata|jati|hote|hoti|feet|toes|talve|talvon|tingling|baithne se|palthi|cross-legged)\\b|झुनझुन\\S*|अक्सर|कभी कभी|रोज|तलव\\S*|(?:हो )?(?:जाता|जाती|जाते) (?:है|हैं)|बैठने से|पालथी'
/** "Hurt myself while lifting the bucket": an everyday injury, not self-harm. */
const HURT_BY_ACCIDENT_WORDS =
  '\\b(?:hurt|cut|injured) (?:my ?self|myself) (?:while |when |at the |in the |on the |at |in )?(?:lifting|cooking|chopping|cutting|playing|shaving|gym|kitchen|garden|walking|running|exercising|cleaning|working|fall\\w*|slipp\\w*|sport\\w*|cricket|yoga)'
/** "I want to die laughing", "dying to try it": hyperbole. */
const DIE_IDIOM_WORDS = '\\b(?:die|dying) (?:laughing|of laughter|of boredom|of embarrassment|for (?:a|some|one|the)|to (?:see|try|eat|meet|know|go))|\\bdying to\\b'
const DIE_IDIOM = re(DIE_IDIOM_WORDS)
/** "can't breathe through my nose": a blocked nose, not breathlessness. */
const NOSE_BLOCKED_WORDS = "through (?:my |the )?nose|nose (?:is )?(?:blocked|stuffy|block)|naak (?:band|block)|नाक बंद"
/** "I don't want to live in this city": a place, not life; "live in this pain" is still life. */
const LIVE_SOMEWHERE_WORDS = '\\blive (?:in|at|near|there|abroad|with (?:my|them|him|her|you))\\b(?! (?:this |such |so much |constant )?(?:pain|misery|dard|agony|suffering))'
const LIVE_SOMEWHERE = re(LIVE_SOMEWHERE_WORDS)
const LIMB_FAILS =
  `dheel\\S*|dhila\\S*|ढील\\S*|paraly\\w*|limp|lifeless|won'?t move|can'?t move|cannot move|not moving|not working|stopped working|won'?t work|gave way|gone ${DEAD}|` +
  'bejaan|bejan|lakwa|lakva|(?:kaam|kam|kaj) (?:nahi|nahin|nhi|na) (?:kar|kr)\\S*|(?:uth|utha|hil|hila|chal) (?:nahi|nahin|nhi|na) (?:raha|rahi|rahe|pa|paa|sak)\\S*|(?:nahi|nahin|nhi) (?:uth|hil)\\S* (?:raha|rahi|rahe|pa|paa)\\S*|' +
  'बेजान|लकवा|काम (?:नहीं|न) कर\\S*|(?:उठ|उठा|हिल|हिला) (?:नहीं|न) (?:रहा|रही|रहे|पा|सक)\\S*|(?:नहीं|न) (?:उठ|हिल)\\S* (?:रहा|रही|रहे|पा)\\S*'
/** Between a limb and its state: only these words, so "haath ki ghadi kaam nahi kar rahi" stays a watch. */
const LIMB_FILLERS =
  "weak|heavy|kamzor|is|are|was|has|have|had|feels|feel|felt|went|gone|got|has gone|just|suddenly|completely|totally|fully|also|too|bhi|achanak|ekdum|bilkul|poora|pura|puri|poori|" +
  'theek se|thik se|sahi se|se|mein|me|mai|ek dam|and|aur|left|right|daayan|dayan|baayan|bayan|daya|baya|daayi|baayi|my|his|her|' +
  'अचानक|एकदम|बिल्कुल|बिलकुल|पूरा|पूरी|भी|में|और|दायां|बायां|दायाँ|बायाँ|ठीक से'
const ONE_SIDE =
  'one side|half (?:of )?(?:my |his |her |the )?(?:body|face)|left side|right side|ek (?:taraf|side|hissa)|aadha (?:sharir|shareer|badan|chehra)|' +
  'baayi taraf|bayi taraf|daayi taraf|dayi taraf|baayen taraf|daayen taraf|एक तरफ|आधा (?:शरीर|बदन|चेहरा)|बाईं तरफ|दाईं तरफ|बायीं तरफ|दायीं तरफ'
const ONE_SIDE_FAILS =
  `dheel\\S*|dhila\\S*|ढील\\S*|numb\\w*|weak\\w*|paraly\\w*|droop\\w*|${DEAD}|limp|kamzor\\S*|kamjor\\S*|sunn|latak\\S*|lakwa|bejaan|कमजोर\\S*|सुन्न|लटक\\S*|लकवा|बेजान`
const SPEECH =
  'speech|words|speaking|talking|voice|baat|baatein|baaten|bol|boli|bolna|bolne|bolte|bolti|awaaz|awaz|aawaz|aavaaz|avaaz|zuban|zubaan|jubaan|juban|jeebh|' +
  'बोल|बोली|बोलना|बोलने|आवाज|जुबान|जबान|जीभ'
const SPEECH_FAILS =
  "slurr\\w*|garbl\\w*|jumbl\\w*|unclear|not clear|not making sense|thick|mumbl\\w*|ladkhad\\S*|lad khad\\S*|ladkhad|atak\\S*|totla\\S*|tutla\\S*|" +
  '(?:saaf|sahi|theek|thik|samajh) (?:se )?(?:nahi|nahin|nhi|na)|लडखड\\S*|अटक\\S*|तोतल\\S*|(?:साफ|ठीक|समझ) (?:से )?(?:नहीं|न)'

const PILLS = 'pills?|tablets?|tabs|medicines|capsules?|golya|goliyan|goliya|goli|dawaiyan|dawai|dawa|दवाइयां|दवाई|दवा|गोलियां|गोली'
const CONSCIOUS = 'conscious|consciousness|senses|hosh|होश'
const CONSCIOUS_LOST = "lost|losing|lose|loses|not|no longer|kho\\S*|nahi|nahin|nhi|gaya|gayi|chala gaya|chali gayi|उड|खो\\S*|नहीं|चला गया|चली गई|गया|गई"
const FIT = 'daura|daure|dora|dore|jhatka|jhatke|jhatkey|mirgi|seizures?|convulsions?|fits?|दौरा|दौरे|झटका|झटके|मिर्गी'
const FIT_COMES =
  'pad\\S*|par (?:raha|rahe|gaya|gaye|gayi)|aa (?:rahe|raha|rahi|gaye|gaya|gayi|jate|jaate|jata)|aane|aaye|aaya|aate|aata|aayi|aya|started|starting|hua|huya|hue|shuru|' +
  'पड\\S*|आ (?:रहे|रहा|रही|गए|गया|गई|जाते)|आने|आए|आया|आते|आता|हुआ|हुए|शुरू'

/** Words between a severity and the belly that keep the severity on the pain: "severe cramping pain in my lower abdomen". */
const BELLY_PAIN_FILLERS =
  'pain|pains|ache|aches|aching|cramps?|cramping|spasms?|colic|in|my|the|of|his|her|lower|upper|left|right|side|and|very|really|so|sudden|sharp|stabbing|burning|twisting|constant|a|this|around|ever|' +
  'is|are|was|feels|feel|hurts?|hurting|has|been|getting|just|now'
/** Pain said somewhere in the message: a severity word alone may describe the food ("worst meal, stomach upset"). */
const BELLY_PAIN_SAID =
  'pain|pains|paining|painful|ache|aches|aching|cramps?|cramping|spasms?|colic|hurts?|hurting|agony|unbearable|excruciating|agonising|agonizing|dard|दर्द'

/** "blood will not stop my diet", "won't stop me from walking": stopping something else, not bleeding that goes on. */
const STOPS_SOMETHING_ELSE =
  '(?! (?:(?:me|him|her|us|them|you) from|(?:my|his|her|our|your|the) (?:diet|diets|food|eating|walks?|walking|exercise|routine|plans?|work|medicines?|tablets?|pills|gym|fast|fasting|treatment|insulin|dose|doses))\\b)'

/**
 * A chest that hurts for another reason: an x-ray, congestion or muscles; soreness from coughing
 * up phlegm ("khansi se chhati dukh rahi", "सीने में बलगम"); a mild burning after meals put down to
 * acidity ("halki jalan, acidity ki goli kaunsi lu") — not pain, pressure or heaviness.
 */
const CHEST_LOOK_ALIKES =
  '\\bchest (?:x-?ray|xray|congestion|infection|of drawers|day|muscles?|workout)|\\bphlegm\\b|\\bbalgam\\b|बलगम|' +
  // A strained muscle, sore to the touch: "chhati ki maans peshi me khinchav, dabane pe dard".
  '\\bmaans ?peshi\\w*|\\bmaaspeshi\\w*|मांसपेशी|\\bdabane (?:pe|par|se) (?:hi )?dard|दबाने (?:पर|से) दर्द|\\b(?:when|if) (?:i |you )?press\\w*|\\bpush-?ups?\\b|' +
  '\\b(?:khansi|khaansi|khasi|cough\\w*) (?:se|ki wajah se|ke karan|because)\\b|खांसी (?:से|की वजह से|के कारण)|' +
  '\\b(?:jalan|burning)\\b.{0,40}\\b(?:khatti|khatte) dakar|\\b(?:khatti|khatte) dakar\\b.{0,40}\\bjalan\\b|\\bjalan\\b.{0,60}\\b(?:eno|gelusil|digene)\\b|' +
  '\\b(?:halki|thodi|mild|slight) (?:si )?(?:jalan|burning)\\b.{0,60}\\b(?:acidity|acid|heartburn)\\b|\\b(?:acidity|acid|heartburn)\\b.{0,60}\\b(?:halki|thodi|mild|slight) (?:si )?(?:jalan|burning)\\b'

// ── The concepts ─────────────────────────────────────────────────────────────

export const CONCEPTS: Concept[] = [
  // "chest pain", "pressure in my chest": the plain English pair, which nothing but a denial cancels ("my chest muscles ache" is said too).
  { category: 'chest_pain', subject: 'chest', after: 'pane|pain|pains|paining|ache|aches|aching|hurts?|hurting|tight|tightness|pressure|heavy|heaviness|discomfort|burning|crushing|squeezing', before: 'pain|pressure|tightness|heaviness|squeezing|crushing|burning|discomfort' },
  // The same said every other way, with more words between: a chest x-ray, chest day at the gym or sore chest muscles are not it.
  // "chest is paining since morning", "pain in the centre of my chest", "seene mein bahut zyada dard", "छाती में भारीपन".
  { category: 'chest_pain', subject: CHEST, after: PAIN, before: 'pain|pains|ache|pressure|tightness|heaviness|discomfort|squeezing|crushing|tight band|band|weight|elephant|sitting on|standing on|pressing on|dard|bhaaripan|दर्द|भारीपन|दबाव', gap: 5, unless: CHEST_LOOK_ALIKES },
  // "my heart is paining", "pain in the heart" (a heavy heart is sadness, so only pain words).
  { category: 'chest_pain', subject: 'heart', after: 'pain|pains|paining|ache|aching|hurts?|hurting|squeez\\w*|crush\\w*', before: '(?:pain|ache|squeezing|crushing) (?:in|around|near)', gap: 2, unless: '\\bheart ?(?:burn|rate|beat)' },
  // "dil mein dard", "दिल में भारीपन" (only the words of pain: "dil dukhi hai" is sadness, and so is a heavy heart with what is missed).
  { category: 'chest_pain', subject: 'dil|दिल', after: 'dard|dukh|dukhta|dukhti|dukhtay|dukhat|dukhte|dukhavo|jalan|bhaari|bhari|bhaaripan|dabav|dabaav|dabaw|dab|dabb|jakdan|jakad|jakda|दर्द|भारीपन|जकडन|दबाव|भारी', unless: '\\bdil (?:bahut )?(?:bhaari|bhari) (?:hai|sa|ho)\\b.{0,40}\\b(?:yaad|udaas|udas|akela|akeli|sad|miss)' },
  // Pain that spreads to the jaw or the left arm: "pain in my jaw and left arm", "left arm is aching".
  // A jaw that hurts from the teeth or the dentist is dental ("jaw pain from the dentist visit", "daant nikalwaya, jaw mein pain").
  { category: 'chest_pain', subject: 'jaw', before: 'pain|ache|aching|numb|numbness|heaviness', after: 'pain|hurts?|hurting|aching|numb', gap: 4, unless: DENTAL_WORDS },
  { category: 'chest_pain', subject: 'left arm', before: 'pain|ache|aching|numb|numbness|heaviness', after: 'pain|hurts?|hurting|aching|numb', gap: 4 },
  { category: 'chest_pain', subject: 'left shoulder', before: 'pain|ache|aching|numb|numbness|heaviness', gap: 4 },
  // The chest in Tamil, Malayalam, Telugu, Bengali and Kannada, transliterated ("nenju vali", "chaati noppi", "buke byatha", "ede novu"); a native speaker should review.
  { category: 'chest_pain', subject: 'nenju|nenjil|nenjinu|gunde|buke|bukey|ede|chaati|chati|chhati|chhaati', after: 'vali|valikkudhu|valikudhu|valikuthu|vedhanai|vedanai|vedana|vedhana|noppi|noppiga|nepputhundi|byatha|batha|byetha|betha|chap|dard|novu|nova|novvu', gap: 2 },
  // "can't breathe", "saans nahi aa rahi", "साँस रुक रही है".
  { category: 'breathing', subject: BREATH, after: BREATH_FAILS, negative: true },
  { category: 'breathing', subject: BREATH, before: BREATH_CANT, gap: 2, negative: true, unless: NOSE_BLOCKED_WORDS },
  { category: 'breathing', subject: BREATH, before: BREATH_TROUBLE, gap: 2, unless: NOSE_BLOCKED_WORDS },
  // "not breathing", "stopped breathing"; "hard breathing", "trouble to breathe".
  { category: 'breathing', subject: 'breathing', before: 'not|stopped', gap: 0, negative: true, unless: NOSE_BLOCKED_WORDS },
  { category: 'breathing', subject: 'breathe|breathing', before: 'struggling|hard|difficult|difficulty|trouble', gap: 1, fillers: 'to' },
  // "saans lene mein bahut dikkat", "सांस लेने में तकलीफ": a denial ("koi dikkat nahi") cancels.
  { category: 'breathing', subject: BREATH, after: BREATH_HARD, gap: 4, unless: NOSE_BLOCKED_WORDS },
  // "saans phool rahi hai": weak, cancelled by "thodi" or "ab theek ho gaya".
  { category: 'breathing', subject: BREATH, after: BREATH_SHORT, gap: 1, weak: true },
  // Blue lips: "lips look blue", "hont neele pad gaye", "होंठ नीले".
  { category: 'breathing', subject: 'lips|honth|hont|hoth|hothon|honthon|nails|nakhun|nakhoon|होंठ|होठ|नाखून', after: 'blue|neele|neela|nile|nila|नीले|नीला', gap: 2 },
  { category: 'breathing', subject: 'lips|face|honth|hont', before: 'blue|neele|nile', gap: 0 },
  // The breath in Tamil, Telugu, Bengali and Marathi, transliterated ("moochu vida mudiyala", "shash nite parchi na", "shwas gheta yet nahi"); a native speaker should review.
  { category: 'breathing', subject: 'moochu|swasa|shash|shwas|swas|shas', after: 'vida mudiyala|vida kashtam|vida kastam|mutti|thinaral|adatam ledu|kashtam|(?:nite|nete) (?:parchi|parchhi|pari|parchina) ?na|gheta yet nahi|ghyayla tras|ghenyas tras', gap: 0, negative: true },
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
  { category: 'head_injury', subject: HEAD, before: `bleeding|${BLOOD}(?: is)?(?: coming| pouring| flowing)?(?: out)?`, after: BLEEDING, gap: 3 },
  // A head hit in a fall: "gir gaye aur sir phat gaya", "fell and hurt her head badly".
  { category: 'head_injury', subject: HEAD, before: HURT_HEAD, after: HURT_HEAD, gap: 3, context: FELL, unless: '\\b(?:small|minor|little|tiny) bump\\b|\\bplaying normally\\b|\\bchhota sa gumad\\b|\\bthoda gumad\\b' },
  // Blood from the ear after a fall or an accident: "bike se gira, kaan se khoon aa raha".
  { category: 'head_injury', subject: 'kaan|kan|ears?|कान', after: BLEEDING, before: `${BLOOD} (?:from|out of)`, gap: 2, context: `${FELL}|accident|bike|scooter|takkar|टक्कर|एक्सीडेंट` },
  // A fall and not getting up: "fell and is not getting up", "gir gaye, uth nahi pa rahe", "गिर गए और उठ नहीं पा रहे".
  { category: 'head_injury', subject: FELL, after: "(?:is |has )?(?:not getting up|won'?t get up|not moving)|(?:can(?:no|'|\\s?no)?t|unable to|not able to) (?:get up|stand|move)|uth nahi|uth nahin|uth nhi|utha nahi|khade nahi|khadi nahi|उठ नहीं|उठा नहीं|खडे नहीं|खडी नहीं", gap: 6, negative: true },
  // A face drooping: "muh ek taraf tedha", "her smile is crooked".
  { category: 'stroke', subject: FACE, after: FACE_FALLS, gap: 3 },
  { category: 'stroke', subject: 'face|mouth', before: 'drooping|droopy|numb|twisted', gap: 0 },
  // A limb that will not work: "haath achanak kaam nahi kar raha", "left leg has gone completely numb".
  { category: 'stroke', subject: LIMB, after: LIMB_FAILS, gap: 3, fillers: LIMB_FILLERS, negative: true },
  { category: 'stroke', subject: LIMB, after: LIMB_NUMB, gap: 3, fillers: LIMB_FILLERS, unless: NUMB_EVERYDAY_WORDS },
  // One arm or leg weak, numb or dead, said plainly: "my left leg feels weak" (one limb: "legs feel numb at night" is diabetes).
  { category: 'stroke', subject: 'arm|leg|side|hand', after: `weak|numb|paralysed|paralyzed|${DEAD}|limp`, gap: 3, fillers: 'is|feels|went|gone|has|suddenly' },
  { category: 'stroke', subject: 'arm|leg|arms|legs', after: "not working|stopped working|won'?t move|will not move", gap: 3, negative: true },
  { category: 'stroke', subject: 'हाथ|पैर|हाथ-पैर|बांह', after: 'काम नहीं|उठ नहीं|हिल नहीं', gap: 1, fillers: 'अचानक|बिल्कुल|बिलकुल|ठीक से', negative: true },
  // "haath mein kamzori", "पैर में कमजोरी", "hath sunn pad gaya" (numbness that comes and goes is diabetes).
  { category: 'stroke', subject: 'haath|hath|pair|pairon|baazu|bazu|हाथ|पैर|बांह', after: 'kamzori|kamjori|bejaan|कमजोरी' },
  { category: 'stroke', subject: 'हाथ|पैर|बांह', after: 'सुन्न', unless: NUMB_EVERYDAY_WORDS },
  { category: 'stroke', subject: 'haath|hath|pair|pairon|baazu|bazu', after: 'sunn|sun pad', unless: NUMB_EVERYDAY_WORDS },
  { category: 'stroke', subject: 'weakness|numbness|confusion|blindness|loss of (?:vision|balance|speech)', before: 'sudden', gap: 0 },
  // A limb gone weak or heavy all of a sudden: "my arm suddenly went weak", "achanak haath kamzor ho gaya".
  { category: 'stroke', subject: LIMB, after: 'weak\\w*|heavy|kamzor\\S*|kamjor\\S*|bhaari|कमजोर\\S*|भारी', gap: 3, fillers: LIMB_FILLERS, context: 'suddenly|sudden|all of a sudden|achanak|ekdum se|अचानक|एकदम से' },
  { category: 'stroke', subject: LIMB, before: "can(?:no|'|\\s?no)?t (?:lift|move|feel|raise)|unable to (?:lift|move|feel|raise)|numbness in", gap: 2 },
  // Bengali, transliterated: "haat pa obosh", "kotha jodiye jacche", "mukh ek dike benke geche"; a native speaker should review.
  { category: 'stroke', subject: 'haat|hat|haath', after: 'obosh\\w*|obosho', gap: 3 },
  { category: 'stroke', subject: 'kotha', after: 'jodiye\\w*|jorie\\w*|jariye\\w*', gap: 1 },
  { category: 'stroke', subject: 'mukh', after: 'benke\\w*|beke\\w*|bnek\\w*', gap: 3 },
  // One side of the body: "ek taraf kamzori", "left side of the body feels numb".
  { category: 'stroke', subject: ONE_SIDE, after: ONE_SIDE_FAILS, gap: 4 },
  // Speech: "awaaz ladkhada rahi hai", "his words are coming out slurred", "बोली साफ नहीं".
  { category: 'stroke', subject: SPEECH, after: SPEECH_FAILS, gap: 3, negative: true, unless: '\\b(?:phone|network|line|call|mic|signal|awaaz (?:nahi|nahin) aa rahi)\\b' },
  // "lost consciousness", "hosh kho baithe", "होश उड गए".
  { category: 'unconscious', subject: CONSCIOUS, before: 'lost|losing|lose|loses|no', after: CONSCIOUS_LOST, gap: 2, negative: true, unless: '\\bhosh (?:me|mein) (?:aa|hai|hain|hoon|hu)|\\bhosh (?:aa gaya|aaya)|\\bregained' },
  // "maine saari neend ki goliyan kha li", "took all of the sleeping tablets": sleeping pills by the handful, taken.
  { category: 'overdose', subject: `(?:neend|sleeping|sleep|नींद) (?:ki |की |wali |वाली )?(?:${PILLS})`, before: 'all|all of|all the|all my|saari|sari|sab|poori|puri|bahut saari|many|whole|सारी|सब|पूरी|बहुत सारी', gap: 2, context: 'took|taken|swallowed|ate|kha|khaa|khaayi|khayi|le li|le liya|le li hai|nigal|nigli|खा|खाई|ले ली|निगल' },
  // Black stools, or a lot of blood in them: bleeding in the gut ("latrine mein kaala khoon", "potty ekdum kaali").
  // Iron tablets and bismuth blacken the stool too: "iron ki goli se potty kaali".
  { category: 'bleeding', unless: '\\b(?:iron|ferrous|bismuth|pepto)\\b|आयरन', subject: 'stool|stools|motion|motions|potty|latrine|toilet|tatti|mal|paikhana|pakhana|paikhaana|pakhaana|shauch|पॉटी|टट्टी|मल|लैट्रिन|पाखाना|शौच', after: 'black|tarry|kala|kaala|kaali|kali|tar jaisa|taar jaisa|कोलतार|काला|काली|बहुत ज्यादा खून|bahut zyada khoon|bahut (?:sara |zyada )?khoon|a lot of blood|lots of blood|बहुत खून', before: 'black|tarry|kala|kaala|kaali|kali|काला|काली', gap: 5 },
  // Bleeding that is heavy or will not stop: "heavy bleeding", "bleeding a lot", "the bleeding will not stop", "khoon ruk nahi raha".
  { category: 'bleeding', subject: 'bleeding', before: "severe|heavy|lot of|lots of|won'?t stop|not stopping|uncontrolled|profuse|bahut zyada|bahut jyada|itni zyada|itni jyada|बहुत ज्यादा", after: 'heavily|a lot|badly|non-?stop|nonstop|continuously|without stopping', gap: 0 },
  { category: 'bleeding', subject: `nose ?bleed\\w*|nakseer|naksir|नकसीर|bleeding|${BLOOD}`, after: `(?:will not|won'?t|does not|doesn'?t|is not|isn'?t|not|can'?t|cannot) stop(?:ping)?${STOPS_SOMETHING_ELSE}|(?:ruk|band|रुक|बंद) (?:hi |ही )?(?:nahi|nahin|nhi|नहीं)`, negative: true },
  { category: 'bleeding', subject: 'khoon|khun|खून', after: '(?:beh|bah|बह) (?:raha|rahi|rahe|रहा|रही|रहे)', gap: 1 },
  { category: 'bleeding', subject: 'bahut khoon|बहुत खून', after: 'beh|bah|nikal\\S*|बह|निकल\\S*', gap: 0 },
  // Blood vomited: "vomiting blood", "ulti mein khoon", "खून की उल्टी".
  { category: 'bleeding', subject: BLOOD, before: 'vomiting|throwing up|coughing up|spitting|vomited|threw up|vomit|ulti|ulatti|उल्टी', gap: 2 },
  // "ulti me laal laal khoon aaya": the colour said between.
  { category: 'bleeding', subject: BLOOD, before: 'ulti|ulatti|उल्टी', gap: 4, fillers: 'me|mein|mai|में|laal|lal|लाल|gaadha|kala|kaala|kuch|thoda|bahut|aur|ke|saath|sath|के|साथ|और' },
  // Blood coughed up, said the Hindi way: "khansi me khoon aa raha hai", "खांसी के साथ खून".
  { category: 'bleeding', subject: BLOOD, before: 'khansi|khaansi|khasi|खांसी', gap: 4, fillers: 'me|mein|mai|ke|saath|sath|muh|munh|bhar|में|के|साथ|मुंह|भर' },
  { category: 'bleeding', subject: BLOOD, after: 'in (?:my )?vomit|ki (?:ulti|ulatti)|की उल्टी', gap: 0 },
  // A face, throat, tongue or lips swelling: "my lips and throat are swelling", "gala sooj raha hai", "गले में सूजन".
  { category: 'allergic_reaction', subject: 'face|throat|tongue|lips?', after: 'swelling|swollen|swelled up|closing', before: 'swelling (?:of|in)', gap: 1, fillers: 'is|are|getting|has|have|my|the' },
  { category: 'allergic_reaction', subject: 'gala|galaa|chehra|hont|honth|hoth|jeebh|jibh|muh|munh|muhn|गला|गले|चेहरा|होंठ|होठ|जीभ|मुंह|मुह', after: 'sooj|suj|sujan|soojan|sooj\\S*|suj\\S*|सूज\\S*|phool gay\\S*|phul gay\\S*|fool gay\\S*|फूल गय\\S*', gap: 2 },
  { category: 'allergic_reaction', subject: 'jeebh|jibh|tongue|जीभ', after: 'moti|mota|thick|swollen|फूल\\S*|मोटी|मोटा', gap: 2 },
  // A belly in pain beyond bearing: "unbearable stomach pain", "pet ka dard bardasht nahi ho raha".
  // The severity must be the pain's: "terrible food, stomach upset" is a bad meal, so only words of pain stand between, and pain is said
  // ("unbearable stomach pain", "severe cramping pain in my lower abdomen", "stomach pain is unbearable", "my stomach hurts terribly").
  { category: 'severe_abdominal_pain', subject: 'stomach|abdomen|abdominal|belly|tummy', before: 'unbearable|severe|excruciating|terrible|worst|intense|extreme|agonising|agonizing', after: 'unbearable|unbearably|severe|severely|excruciating|terrible|terribly|intense|extreme|agonising|agonizing|killing me', gap: 6, fillers: BELLY_PAIN_FILLERS, context: BELLY_PAIN_SAID },
  { category: 'severe_abdominal_pain', subject: 'pet|पेट', after: '(?:sahan|sehan|sahen|bardasht|bardaasht|saha|sah|seh|सहन|बर्दाश्त|सहा|सह) (?:nahi|nahin|nhi|नहीं)', gap: 6, negative: true },
  // A blow to the head: "sar pe chot", "सिर पर चोट".
  { category: 'head_injury', subject: 'sar|sir|सिर|सर', after: 'chot|चोट', gap: 1, fillers: 'pe|par|पर|पे' },
  // "mirgi ka daura pada", "jhatke aane lage", "he started having fits".
  { category: 'seizure', subject: FIT, before: 'having|getting|started|another', after: FIT_COMES, gap: 2, unless: "\\bdil ka (?:daura|dora)|दिल का दौरा|\\b(?:daura|daure|dora|dore) (?:pe|par|per)\\b|दौरे पर|\\bfit of|\\bfits? (?:me|you|him|her|well|perfectly|in)\\b|\\b(?:keep|keeping|stay|staying|get|getting|be) fit\\b" },
]

/**
 * What a bottle, packet or box holds when it is food or drink: water, juice or tea in any amount,
 * a packet of biscuits or a box of sweets is not an overdose ("drank a bottle of water", "ek
 * bottle paani", "पानी की पूरी बोतल"). A syrup, pills or a poison in the container still are.
 * A bottle of beer or wine is an evening's drink; a bottle of spirits (whisky, rum, daaru) is
 * not here on purpose: drunk at once it is a poisoning amount, so it still raises the alarm.
 */
const FOOD_OR_DRINK =
  'water|paani|pani|juice|juices|jus|tea|chai|coffee|milk|doodh|dudh|lassi|chaas|chhaas|chhaachh|buttermilk|nariyal|coconut|soda|coke|cola|pepsi|sprite|limca|fanta|frooti|maaza|' +
  'cold ?drinks?|soft ?drinks?|drinks?|shake|milkshake|smoothie|lemonade|nimbu|shikanji|sharbat|ors|electral|glucon\\S*|biscuits?|cookies|chips|namkeen|bhujia|chocolates?|sweets?|mithai|' +
  'beers?|wines?|' +
  'candy|candies|toffees?|ice ?cream|kulfi|bread|noodles|maggi|cake|fruits?|grapes|dates|khajoor|peanuts|nuts|popcorn|rusk|makhana|curd|dahi|yogurt|yoghurt|' +
  'पानी|जूस|चाय|कॉफी|काफी|बीयर|बियर|वाइन|दूध|लस्सी|छाछ|शरबत|नींबू|कोल्ड ड्रिंक|ड्रिंक|बिस्कुट|नमकीन|मिठाई|चॉकलेट|चिप्स|दही|फल|मैगी'
/** The container holds food or drink: "a bottle of (cold) water", "a packet biscuits". */
const HOLDS_FOOD = `(?!\\s+(?:of\\s+(?:\\S+\\s+)?)?(?:${FOOD_OR_DRINK})${E})`
/** "पूरी बोतल पानी", "पानी की पूरी बोतल": the Hindi order puts the drink before or after. */
const HOLDS_FOOD_HI = `(?<!(?:${FOOD_OR_DRINK})\\s+(?:की|का|के|ki|ka|ke)\\s+)`

/** "subah ki saari goliyan ek saath le li": the usual doses taken together, not an overdose. */
const ROUTINE_DOSES = `(?:morning|evening|night|bedtime|daily|usual|regular|today'?s|routine|subah|shaam|sham|raat|dopahar|roz|rozana|सुबह|शाम|रात|दोपहर|रोज) (?:ki |ke |ka |की |के )?(?:sab |saari |sari |all |सब |सारी )?(?:\\S+ )?(?:${PILLS})`
/** Swallowed, drunk or eaten, the Hindi ways, as whole words ("kha" alone is not "khatam"). */
const SWALLOWED_HI =
  '(?:kha|khaa|pi|pee) (?:li|lin|lee|liya|liye|gaya|gayi|gaye|gai|gye|gyi|chuka|chuki|chuke)|khayi|nigal\\S*|gatak\\S*|' +
  '(?:खा|पी) (?:ली|लीं|लिया|लिए|गया|गई|गए|चुका|चुकी)|निगल\\S*|गटक\\S*'
/** A small child: by age ("my 3 year old", "4 साल के बेटे") or a younger sibling. */
const SMALL_CHILD =
  '\\d{1,2}[- ]?(?:year|yr)s?[- ]old|(?:\\d{1,2}|ek|do|teen|chaar|char|paanch|एक|दो|तीन|चार|पांच) (?:saal|sal|साल) (?:ka|ki|ke|का|की|के)(?: (?:beta|beti|bete|bachcha|bachchi|bachche|बेटा|बेटी|बेटे|बच्चा|बच्ची|बच्चे))?|' +
  'chhoti (?:behen|behan|bahen)|chhota bhai|छोटी बहन|छोटा भाई|toddler|baby|bachcha|bachche|बच्चा|बच्चे'
/** One dose given as it should be ("ek dolo di bukhar ke liye", "half a spoon of syrup"), with no word of more. */
const ONE_DOSE =
  '^(?![^]*(?:\\b(?:poori|puri|pura|poora|whole|entire|bahut|saari|sari|all|many|some|kitni|kitne|how many|\\d{2})\\b|\\b(?:aadhi|half) (?:a |the )?(?:shishi|bottle)|पूरी|बहुत|सारी|कितनी|शीशी))[^]*(?:' +
  '\\b(?:ek|one|1|aadhi|adhi|half|ek hi) (?:\\S+ )?(?:goli|tablet|dose|dolo|crocin|calpol|chammach|spoon|teaspoon|ml)\\b|\\b(?:bukhar|fever|dard|pain) (?:ke liye|for)\\b|\\bdose (?:theek|sahi|correct|right)|एक (?:\\S+ ){0,2}?(?:गोली|खुराक)|बुखार के लिए)'
/** A dozen and more said in words ("twenty", "pandrah", "पंद्रह"). */
const MANY_WORDS =
  'ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|dozen|das|gyarah|barah|baarah|terah|chaudah|pandrah|pandra|solah|satrah|atharah|unnis|bees|tees|pachas|pachaas|दस|ग्यारह|बारह|पंद्रह|बीस|तीस|पचास'
/** Medicines by the names people use for them, beside "tablets" and "goli". */
const MEDICINE_NAMES =
  'crocin|dolo|calpol|paracetamol|combiflam|ibuprofen|disprin|aspirin|ecosprin|alprazolam|alprax|restyl|clonazepam|clonotril|lonazep|zolpidem|diazepam|valium|lorazepam|ativan|tramadol|' +
  'metformin|glimepiride|amaryl|amlodipine|telma|telmisartan|digoxin|warfarin|iron|अल्प्राजोलम|पैरासिटामोल|क्रोसिन|डोलो'
/** A count of ten or more, or a range from ten ("15-20", "das-baarah"). */
const COUNT_ONE = `[1-9]\\d|${MANY_WORDS}`
const COUNT = `(?:${COUNT_ONE})(?:\\s?[-–]\\s?(?:${COUNT_ONE})|\\s(?:to|se)\\s(?:${COUNT_ONE}))?`
const POISON =
  'poison|insecticide|pesticide|rat poison|rat kill|phenyl|phenol|kerosene|tezaab|tezab|toilet cleaner|harpic|zeher|zehar|jahar|keede maarne|keede marne|keeda maar|chuha maar\\S*|chuhe maar\\S*|' +
  'kitnashak|keetnashak|ratol|chuhemar|chuhe ?maar|choohe ?maar|चूहेमार|acid|baygon|mortein|dettol|savlon|lizol|lysol|colin|bleach|naphthalene|' +
  'machhar (?:wala|wali|mar|maarne wala) (?:spray|dawai|liquid)|मच्छर (?:वाला|वाली|मार) (?:स्प्रे|दवा)|बेगॉन|बेगोन|हिट|डेटॉल|तेजाब|एसिड|' +
  '(?:khet|fasal|paudh\\S*) (?:me|mein|par|pe) (?:chhidak\\S*|daal\\S*|dal\\S*|spray) (?:wali|vali) dawai|keede (?:ki|wali) dawai|कीटनाशक|खेत में (?:छिडक\\S*|डाल\\S*) (?:वाली )?दवा\\S*|जहर|कीटनाशक|कीडे मारने|कीडा मार|चूहे मारने|चूहा मार|फिनाइल|तेजाब|मिट्टी का तेल'

/** Sudden, the head, and a severity: the three words of a thunderclap headache said the Hindi way. */
const SUDDEN = 'achanak|ekdum(?: se)?|ek dum(?: se)?|अचानक|एकदम(?: से)?'
const HEAD_WORD = 'sar|sir|सिर|सर'
const HEAD_SEVERE =
  'tez|bahut tez|itna tez|itni tez|bhayanak|bhayankar|asahniy|asahneey|jabardast|bijli|phatne|fatne|hathoda|hathode|' +
  'तेज|भयानक|भयंकर|असहनीय|फटने|बिजली|हथौडा|हथौडे'
/**
 * What is not a subject × state pair, read clause by clause with the same negation, past and
 * mildness as the pairs: a named event ("heart attack", "stroke", "behosh", "overdose", "suicide"),
 * a sign said in one word or a fixed idiom ("gasping", "slurred", "short of breath", "dam ghut",
 * "bojh hoon"), a headache that is both sudden and the worst (a triple: a headache alone is
 * everyday), and the overdose sentences (a verb, a quantity and the pills). A new way of saying
 * a pair belongs in CONCEPTS, not here.
 */
const SIGNS: Partial<Record<RedFlagCategory, Phrase[]>> = {
  chest_pain: [
    re(`\\b(?:having|think i'?m having|i think it'?s|is this|this is|feels like|getting|had) (?:a )?heart attack\\b(?! (?:\\d+|last|years?|in (?:19|20)))|\\bheart attack (?:aa raha|aa rha|ho raha|ho rha|hua hai|aaya)|^heart attack\\b|\\bdil ka daura\\b|हार्ट अटैक|दिल का दौरा`),
  ].map(phrase),
  stroke: [
    re(`(?<!\\bafter (?:a |his |her )?)\\bstroke\\b(?! (?:of luck|of genius|of the|of a pen|play|last (?:week|month|year)))|\\blakwa\\b|\\blakva\\b|\\bpakshaghat\\b|लकवा`),
    // A part of the body named alone is already the sign: "one side of his body".
    re(`\\b(?:one side|half) of (?:my |his |her |the )?(?:body|face)\\b`),
    // Speech said the fixed ways; the speech pair in CONCEPTS gives way to a bad phone line, these do not.
    re(`\\bslurred\\b|\\bslurring\\b|\\bspeech (?:is |was |became |went |(?:suddenly )?(?:became|turned) )?(?:slurred|strange|weird|garbled|unclear|not clear|gone|gibberish|nonsense|jumbled)\\b|\\bwords (?:are |were )?(?:coming out )?(?:slurred|jumbled|garbled)\\b`),
    re(`\\b(?:can(?:no|'|\\s?no)?t|could ?n'?t|could not|not able to) find (?:his |her |my |the )?words\\b|(?:शब्द|\\bshabd|\\bwords?)\\S* (?:नहीं|nahi|nahin) (?:निकल|nikal)\\S*|\\bcan(?:no|'|\\s?no)?t (?:speak|talk) (?:properly|clearly|suddenly)\\b|\\bsuddenly can(?:no|'|\\s?no)?t (?:speak|talk|see|move)\\b`),
    re(`\\b(?:bolne|bolna) (?:me |mein |mai )?(?:dikkat|takleef|taklif|problem|pareshani)|\\b(?:zuban|zubaan|jubaan|jeebh|awaaz|aawaz|awaz) (?:ladkhada|ladkhadaa|atak|lad khada)|\\bbol nahi pa|\\b(?:aawaz|awaaz|awaz|aavaaz|zuban|zubaan|jubaan) (?:saaf|sahi|theek|thik) (?:nahi|nahin|nhi)`),
    re(`(?:बोलने|बोलना) (?:में )?(?:दिक्कत|तकलीफ|परेशानी)|बोल नहीं पा|(?:जुबान|आवाज|ज़ुबान) (?:लडखडा|अटक)|(?:आवाज|जुबान) (?:साफ|ठीक) नहीं`),
    // Sudden loss of sight (BE-FAST "eyes").
    re(`\\bsudden(?:ly)? (?:can(?:no|'|\\s?no)?t see|went blind|lost (?:my |his |her )?(?:sight|vision))|\\b(?:dikhna|dikhai dena|dikhayi dena|dikhai dena) band|\\bnazar (?:chali gayi|band ho)|दिखना बंद|दिखाई देना बंद`),
  ].map(phrase),
  sudden_severe_headache: [
    re(`\\b(?:sir|sar) (?:phat|fat) (?:raha|rahi)\\b.{0,60}?\\b(?:achanak|ekdum|sudden\\w*)\\b|\\b(?:achanak|ekdum|sudden\\w*)\\b.{0,40}?\\b(?:sir|sar) (?:phat|fat) (?:raha|rahi)\\b|${B}(?:gardan|neck|गर्दन)${E}(?:\\s+\\S+){0,1}?\\s+(?:akad|akd|stiff|अकड)\\S*.{0,60}?(?:ulti|vomit\\w*|उल्टी|bukhar|fever|बुखार)`),
    re(`\\b(?:sar|sir) (?:me |mein |mai )?(?:blast|dhamaka|dhamake|visphot|bomb|bijli|hathoda|hathode) (?:jaisa|jaise|jesa|ki tarah)\\b|(?:सिर|सर) (?:\\S+ ){0,3}?(?:धमाका|धमाके|विस्फोट|बिजली|हथौडा|हथौडे) (?:जैसा|जैसे|की तरह)|\\bachanak\\b.{0,20}\\bdoka\\b.{0,20}\\b(?:dukh\\w*)|\\bworst headache\\b|\\bthunder ?clap\\b|\\bnever (?:had|felt) (?:a |such a )?(?:headache|head pain|pain) (?:this|so|like this|as) (?:bad|severe)\\b|\\b(?:head|it)\\b (?:\\S+ )?(?:exploded|exploding|burst)\\b|\\bsudden (?:severe|terrible|excruciating|very bad) headache\\b|\\bheadache like (?:something|a bomb|an explosion)`),
    re(`\\bsudden(?:ly)?\\b(?:\\s+\\S+){0,4}\\s+(?:the )?(?:worst|most severe|terrible|excruciating|explosive) headache\\b`),
    re(`\\b(?:achanak|ekdum|ek dum)\\b(?:\\s+\\S+){0,4}\\s+(?:tez|bahut tez|bhayanak|asahniy|asahneey|bhayankar|jabardast)\\s+(?:\\S+\\s+)?(?:sar|sir) ?(?:dard|me dard|mein dard)`),
    re(`\\b(?:sar|sir) ?dard\\b.{0,40}\\b(?:zindagi|jindagi|life) (?:me|mein|bhar) (?:kabhi )?(?:nahi|nahin)|\\b(?:zindagi|jindagi) (?:ka|me|mein) (?:sabse )?\\S+ (?:sar|sir) ?dard|\\bsabse (?:tez|bhayanak|bura|kharab|zyada) (?:sar|sir) ?dard`),
    // The head named before the severity: "achanak sir mein itna tez dard", "sar me ekdum se bijli jaisa dard", "अचानक सिर फटने जैसा दर्द".
    re(`${B}(?:${SUDDEN})(?:\\s+\\S+){0,3}?\\s+(?:${HEAD_WORD})(?:\\s+\\S+){0,3}?\\s+(?:${HEAD_SEVERE})\\S*(?:\\s+\\S+){0,3}?\\s+(?:dard|दर्द)${E}|${B}(?:${HEAD_WORD})(?:\\s+\\S+){0,2}?\\s+(?:${SUDDEN})(?:\\s+\\S+){0,3}?\\s+(?:${HEAD_SEVERE})\\S*(?:\\s+\\S+){0,3}?\\s+(?:dard|दर्द)${E}`),
    re(`(?:अचानक|एकदम)(?:\\s+\\S+){0,4}\\s+(?:सबसे )?(?:भयानक|तेज|असहनीय|भयंकर)\\s+(?:सिरदर्द|सिर ?दर्द|सर ?दर्द)|(?:जिंदगी|ज़िंदगी) (?:का|में) (?:सबसे )?\\S+ (?:सिरदर्द|सिर दर्द|सर दर्द)|सबसे (?:भयानक|तेज|बुरा|खराब) (?:सिरदर्द|सिर दर्द|सर दर्द)`),
  ].map(phrase),
  breathing: [
    re(`\\bgasping\\b|\\bchoking\\b|\\bsuffocat|\\bda?um ghut|\\bdum ghut|\\bghutan\\b|\\bhaanf|\\bhanf\\w*|हांफ|(?:\\bgulabi|\\bpink)\\S* (?:\\S+ )?(?:jhaag|jhag|froth\\w*|foam\\w*)|\\b(?:jhaag|frothy|foamy)\\S* (?:jaisa |jaisi )?(?:gulabi|pink)|दम घुट|घुटन${E}`),
    re(`\\bcan(?:no|'|\\s?no)?t (?:even )?(?:finish|complete) (?:a |my )?sentences?\\b`),
    // Food stuck in the throat with no cough or breath: choking.
    re(`${B}(?:gale|gala|throat|गले|गला)${E}(?:\\s+\\S+){0,3}?\\s+(?:atak|phans|fans|fas|stuck|अटक|फंस)\\S*.{0,60}?(?:(?:khaans|khans|saans|sans|खांस|सांस)\\S* (?:bhi )?(?:nahi|nahin|nhi|नहीं)|can'?t (?:cough|breathe|speak)|chehra (?:laal|neela)|neela|blue|नीला)`),
    re(`\\bcan(?:no|'|\\s?no)?t (?:speak|say|talk) more than (?:a few|two|2|one|1|three|3) words\\b|\\bbreathing (?:very |really )?(?:fast|rapidly) and (?:noisy|noisily|struggling|shallow)\\b|\\busing (?:his|her|the) neck muscles\\b`),
    // A child's ribs pulling in with each breath; breathlessness said to be severe or sudden.
    re(`${B}(?:pasli|pasliyan|pasliyaan|paslie|ribs?|पसली|पसलियां|पसलियाँ)${E}(?:\\s+\\S+){0,2}?\\s+(?:andar|in|अंदर)\\s+(?:dhans|ja|ghus|sink|pull|धंस|जा|घुस)\\S*|\\bchest (?:is )?(?:pulling|sucking|caving) in\\b|\\b(?:indrawing|retractions)\\b|\\b(?:severe|sudden|extreme|very bad) (?:breathlessness|shortness of breath)\\b`),
    // An asthma attack the inhaler does not relieve: "pump 3 baar liya phir bhi aaram nahi", "inhaler is not helping".
    re(`${B}(?:pump|inhaler|nebuli[sz]er|nebulizer|asthalin|पंप|इनहेलर)${E}(?:\\s+\\S+){0,5}?\\s+(?:phir bhi|fir bhi|still|is not helping|not helping|isn'?t helping|not working|no relief|no use|(?:koi )?(?:fayda|faida|farak|fark|asar) (?:nahi|nahin|nhi)(?: (?:pad|hua|ho)\\S*)?|aaram (?:nahi|nahin|nhi)|फिर भी|आराम नहीं|फायदा नहीं|असर नहीं)${E}`),
    // Breathless is weak: "a bit breathless climbing stairs, fine after resting" stays quiet.
    weak(re(`\\b(?:short of breath|shortness of breath|breathless|out of breath)\\b|\\bdam (?:phool|fool|phul)|दम फूल`)),
  ].map(phrase),
  unconscious: [
    re(`\\b(?:is ?n'?t|is not|are ?n'?t) (?:responding|reacting|waking)\\b|\\b(?:unconscious|unresponsive|passed out|blacked out|not waking up|won'?t wake up|can'?t wake (?:him|her|them)|collapsed|fainted|fainting|not responding)\\b`),
    re(`\\b(?:fell|fallen) (?:down )?and (?:is )?not (?:moving|responding|waking)\\b`),
    // About to faint: weak, so "felt a bit faint when I stood up, fine now" stays quiet.
    weak(re(`\\b(?:main|mai) gir (?:jaunga|jaungi|jaaunga|jaaungi|padunga|padungi)\\b|मैं गिर (?:जाऊंगा|जाऊंगी)|\\bvizhundh\\w* pola\\b|\\b(?:going to|about to|gonna|might|will) (?:pass out|faint|black out|collapse)\\b|\\bfeel(?:ing)? like (?:i'?m )?(?:going to )?(?:pass(?:ing)? out|faint(?:ing)?|collaps\\w*)\\b|\\bbehosh (?:ho jaunga|ho jaungi|hone wala|hone wali|sa lag)|बेहोश (?:हो जाऊंगा|हो जाऊंगी|होने वाला|होने वाली|सा लग)`)),
    re(`\\bbehosh\\b|\\bbehoshi\\b|\\bbhosh\\b|\\b(?:utha|uthaya|jaga|jagaya) (?:hi |bhi )?(?:nahi|nahin|nhi) ja (?:raha|rahi|rahe)\\b|(?:उठा|उठाया|जगा|जगाया) (?:ही |भी )?नहीं जा (?:रहा|रही|रहे)|\\bhosh (?:nahi|nahin|nhi|kho)\\b|\\bchakkar (?:kha ke|khake|khakar) gir|\\bbesudh\\b|बेहोश|होश (?:नहीं|खो)|बेसुध`),
    re(`\\bhila(?:ne|te|ya|ya to|ne par|ne pe)?\\s+(?:bhi\\s+)?(?:\\S+\\s+){0,3}?(?:(?:nahi|nahin|nhi) (?:uth|jaag|hil|jawab)|jawab (?:nahi|nahin|nhi))|हिलाने (?:पर|पे) (?:भी )?(?:\\S+ )?(?:नहीं उठ|जवाब नहीं|होश नहीं)`),
    // Not answering when called, no movement at all, neither speaking nor opening the eyes.
    { re: re(`${B}(?:awaaz|aawaz|awaz|aavaaz|bulane|bulaane|pukarne|आवाज|बुलाने|पुकारने)\\S*\\s+(?:do|de|dene|dena|lagao|par|pe|पर|दो|दे|देने)\\S*(?:\\s+\\S+){0,3}?\\s+(?:koi )?(?:jawab|javab|जवाब) (?:nahi|nahin|nhi|नहीं)|${B}(?:koi|कोई) (?:halchal|harkat|हलचल|हरकत) (?:nahi|nahin|nhi|नहीं)|\\bno movement at all\\b|\\bna (?:bol|bolti|bolte)\\S*(?:\\s+\\S+){0,2}?\\s+na (?:aankh|aankhen|ankh|ankhen)\\S* khol`), unless: re(`\\b(?:phone (?:pe|par|on)|on the phone|network|signal|whatsapp|mobile (?:pe|par))\\b|फोन (?:पर|पे)`) },
    re(`\\baankh(?:ein|en|e)? (?:nahi|nahin|nhi) khol|\\bhosh (?:me|mein|mai) (?:nahi|nahin|nhi)\\b|आंख(?:ें|े)? नहीं खोल|होश में नहीं`),
    re(`\\bmayakkam\\b|\\bkann iruttu\\w*|\\bajnan\\b|\\bsoddhu\\b|\\bgyan nei\\b`),
  ].map(phrase),
  seizure: [
    re(`\\bseizure|\\bconvulsion|\\bconvulsing\\b|\\bfits?\\b(?= (?:again|now|started|attack))|\\b(?:having|had|getting) (?:a fit(?! of)|fits)\\b|\\bfitting\\b|\\bepileptic (?:attack|fit)\\b`),
    re(`\\b(?:whole )?body (?:is |keeps )?(?:jerking|shaking uncontrollably|convulsing)\\b|\\bjerking (?:all over|uncontrollably)\\b`),
    // "her arms and legs are jerking", "eyes rolled up", "aankhen upar chadh gayi", "आंखें ऊपर चढ गई".
    re(`\\b(?:sharir|sharira|badan|body)\\b.{0,20}\\b(?:kaanp|kanp|kaamp)\\w*.{0,20}\\bjhatk\\w*|\\bfit (?:aa|aaya|aa chuka|aa gaya|aa gayi|pada|pad gaya)\\b|\\b(?:abhi bhi|ab bhi|still) jhatke\\b|\\bkhichun\\w*|\\bjibh kete\\b|\\bshaking all over\\b|\\bjerking (?:his |her |their |the )?(?:arms?|legs?|hands?|body)\\b|\\b(?:bit|bitten|biting) (?:his |her )?tongue\\b|\\btongue (?:is )?bleeding from biting\\b|\\b(?:daure|dore) (?:par|pe) (?:daure|dore)\\b|दौरे पर दौरे|\\b(?:arms?|legs?|hands?|limbs?)(?: and (?:arms?|legs?|hands?))? (?:are |is |keep |started |have started )?(?:jerking|twitching|shaking) (?:uncontrollably|and|again)?|\\beyes (?:have )?(?:rolled|rolling) (?:up|back)\\b|\\b(?:aankhen|aankhein|ankhen|ankhein|aankh) (?:upar|ulti) (?:chadh|chad)\\S*|(?:आंखें|आंखे|आंख) (?:ऊपर|उलटी) चढ\\S*`),
    re(`\\bmirgi\\b|(?<!dil ka )\\bdaura pad|(?<!dil ka )\\bdaure pad|\\bjhatke (?:aa|de|lag|maar|kha)|मिर्गी|(?<!दिल का )दौरा पड|झटके (?:आ|दे|लग|खा)|मुंह से झाग`),
  ].map(phrase),
  bleeding: [
    // Blood vomited said apart from the vomiting: "vomited twice … it was bright red blood, a cup each time".
    re(`\\b(?:vomit\\w*|threw up|ulti)\\b.{0,60}?\\b(?:bright red|fresh red|laal laal) (?:blood|khoon)\\b|\\b(?:a )?cup(?:ful)? of blood\\b`),
    // Soaked cloths, blood spurting, pressure not stopping it: "soaked 3 towels", "khoon fountain jaisa", "dabane se bhi nahi ruk raha".
    re(`\\bsoaked (?:through )?(?:\\d+|two|three|four|several|many) (?:towels?|cloths?|pads?|dupattas?)\\b|${B}(?:khoon|khun|blood|खून)${E}(?:\\s+\\S+){0,3}?\\s+(?:fountain|phuhaar|pichkari|spurt\\w*|squirt\\w*|फव्वारे|फुहार)|\\b(?:dabane|daba ke|dabake|press\\w*) (?:se |par |pe )?(?:bhi )?(?:nahi|nahin|nhi|not) (?:ruk|stop)\\S*|दबाने (?:से|पर) (?:भी )?नहीं रुक`),
    // Vomit like coffee grounds is blood from the stomach: "ulti mein coffee jaisa", "उल्टी में कॉफी जैसा".
    re(`${B}(?:vomit\\w*|ulti|ulatti|उल्टी)${E}(?:\\s+\\S+){0,3}?\\s+(?:coffee|kofi|कॉफी|काफी|कोफी)(?:[ -]grounds?| jaisa| jaisi| जैसा| जैसी)`),
  ].map(phrase),
  allergic_reaction: [
    // A sting, an injection or a medicine, then a rash or swelling, then dizziness or the breath: anaphylaxis.
    { unless: re(`(?:कोई दिक्कत नहीं|\\bkoi dikkat nahi\\b|\\bno (?:breathing|swelling) (?:problem|issue|trouble)\\b|\\bbreathing (?:is )?(?:fine|normal)\\b|थोडी सी जगह|\\bsmall (?:area|spot)\\b)`), re: re(`${B}(?:madhumakhi|madhu makhi|bee|wasp|tatayya|tataiya|hornet|sting|stung|injection|injekshan|teeka|tika|dawa|dawai|davai|medicine|tablet|मधुमक्खी|ततैया|इंजेक्शन|टीका|दवा|दवाई)\\S*.{0,80}?${B}(?:daane|dane|rash|hives|pitti|sooj\\S*|suj\\S*|swell\\w*|swollen|दाने|चकत्ते|सूज\\S*)${E}.{0,80}?${B}(?:chakkar|dizz\\w*|faint\\w*|saans|breath\\w*|gala|throat|behosh|चक्कर|सांस|गला|बेहोश)${E}`) },
    re(`\\banaphyla|\\bsevere allergic reaction\\b|\\bthroat (?:is |feels )?(?:closing|tight)\\b|\\bcan(?:no|'|\\s?no)?t swallow\\b|\\bgala band (?:ho )?(?:raha|rha)|गला बंद`),
  ].map(phrase),
  overdose: [
    re(`\\boverdose|\\boverdosed\\b`),
    // "I took all my sleeping pills (on purpose)": sleeping pills by the handful, or any pills taken on purpose.
    re(`\\b(?:took|taken|swallowed|ate|had)\\b.{0,30}\\b(?:all|whole|entire|many|lots of|a bunch of|saari|sari|sab)\\b(?:\\s+\\S+){0,3}?\\s+(?:sleeping|sleep|neend ki) (?:${PILLS})\\b`),
    re(`\\b(?:took|taken|swallowed|ate|kha li|kha liya|le li)\\b.{0,40}\\b(?:${PILLS})\\b.{0,20}\\b(?:on purpose|deliberately|intentionally|jaan ?boojh ?(?:kar|ke))\\b`),
    { re: re(`\\b(?:took|taken|swallowed|ate|had|drank|drunk|kha li|kha liya|kha liye|kha lee|kha gaye|kha gayi|kha gaya|pi li|pi liya|pee li|pee liya)\\b.{0,50}\\b(?:all|all of|a whole|the whole|an entire|the entire|whole|entire|many|lots of|saari|sari|sab|bahut saari)\\b(?:\\s+\\S+){0,4}?\\s+(?:${PILLS})\\b.{0,30}\\b(?:at once|together|in one go|ek saath|ek sath|ek baar mein|ek hi baar)`), unless: re(ROUTINE_DOSES) },
    { re: re(`\\b(?:all|all of|saari|sari|sab|bahut saari)\\b(?:\\s+\\S+){0,4}?\\s+(?:${PILLS})\\b.{0,20}\\b(?:at once|together|in one go|ek saath|ek sath|ek baar mein|ek hi baar)\\b.{0,30}\\b(?:took|taken|swallowed|kha li|kha liya|kha liye|kha lee|le li|le liya|kha gaye|kha gayi|kha gaya)`), unless: re(ROUTINE_DOSES) },
    re(`\\b(?:whole|entire|full) (?:bottle|strip|packet|pack|box|week|week's|month|month's)\\b(?:\\s+\\S+){0,4}?\\s+(?:of )?(?:\\S+ )?(?:${PILLS})\\b|\\b(?:week|weeks|month)'?s?(?: worth)? of (?:\\S+ )?(?:${PILLS})\\b.{0,20}\\b(?:at once|together|in one go)`),
    re(`\\b(?:took|taken|swallowed|ate|kha li|kha liya|kha liye)\\b.{0,20}\\b(?:[1-9]\\d)\\s+(?:${PILLS})\\b`),
    // Said the Hindi way, the count before the pills: "neend ki 15 goli kha li", "20 goliyan nigal li".
    re(`\\b(?:neend|sleeping|sleep) (?:ki |wali )?(?:[3-9]|[1-9]\\d)\\s+(?:${PILLS})\\b|\\b(?:1[5-9]|[2-9]\\d)\\s+(?:neend ki |sleeping )?(?:${PILLS})\\b.{0,25}\\b(?:kha|khaa|khayi|nigal|gatak|pi li|le li|le liya)`),
    // Ten or more of any medicine at once, digits or words, the medicine named or not:
    // "bp ki 10 goli kha li", "dolo 650 ki 12 goliyan", "took twenty crocin", "पंद्रह गोलियां एक साथ खा लीं".
    { re: re(`${B}(?:${COUNT})\\s+(?:\\S+\\s+)?(?:${PILLS}|${MEDICINE_NAMES})${E}.{0,30}?${B}(?:${SWALLOWED_HI})${E}`), unless: re(`${ROUTINE_DOSES}|\\b(?:roz|rozana|daily|har din|din (?:me|mein)|a day|per day|every day)\\b|रोज|हर दिन|दिन में`) },
    { re: re(`\\b(?:took|taken|swallowed|ate|popped|had)\\b(?:\\s+\\S+){0,2}?\\s+(?:${COUNT})\\s+(?:\\S+\\s+)?(?:${PILLS}|${MEDICINE_NAMES})\\b`), unless: re(`\\b(?:daily|a day|per day|every day|each day|in total this week)\\b`) },
    // A few at once of a medicine that is dangerous in excess: "sugar ki 5-6 goliyan ek saath", "digoxin chya 6 golya ghetlya".
    { re: re(`\\b(?:[3-9]|[3-9]\\s?-\\s?\\d{1,2})\\s+(?:\\S+\\s+)?(?:${PILLS})\\b.{0,20}?\\b(?:ek saath|ek sath|at once|together|in one go)\\b|\\b(?:digoxin|glimepiride|amaryl|gliclazide|insulin|sugar ki|bp ki|neend ki|sleeping|alprax|alprazolam|clonazepam)\\b.{0,20}?\\b[3-9]\\s+(?:${PILLS})\\b.{0,20}?\\b(?:kha li|kha liya|le li|le liya|ghetl\\w*|took|taken|swallowed)\\b`), unless: re(ROUTINE_DOSES) },
    re(`(?:insulin|इंसुलिन)[^.!?]{0,40}?\\b\\d{2}\\s?(?:units?|यूनिट)\\s?(?:extra|zyada|jyada|more|ज्यादा)|(?:insulin|इंसुलिन)[^.!?]{0,40}?\\d{2}\\s?(?:यूनिट) (?:ज्यादा|ज़्यादा)`),
    // A child at the medicines, the child named by age: "my 3 year old swallowed some of grandma's tablets".
    // A small child, by age or as a younger sibling, at the medicines, a syrup or a poison, in either order.
    { re: re(`${B}(?:${SMALL_CHILD})${E}.{0,80}?${B}(?:swallowed|ate|drank|${SWALLOWED_HI})${E}.{0,25}?${B}(?:${PILLS}|${MEDICINE_NAMES}|syrup|सिरप|शीशी|${POISON})|${B}(?:${SMALL_CHILD})${E}.{0,80}?${B}(?:${PILLS}|${MEDICINE_NAMES}|syrup|सिरप|शीशी|${POISON})${E}.{0,25}?${B}(?:swallowed|drank|${SWALLOWED_HI})${E}`), unless: re(ONE_DOSE) },
    // Insulin several times over: "insulin ki dose chaar guna laga li", "injected triple the insulin".
    re(`(?:insulin|इंसुलिन)\\S*(?:\\s+\\S+){0,4}?\\s+(?:(?:teen|tin|chaar|char|paanch|तीन|चार|पांच|[3-9]) ?(?:guna|गुना|times|x)|triple|quadruple)${E}|\\b(?:triple|three times|four times) (?:the |my |his |her )?(?:dose of )?insulin\\b`),
    // The handful said between the sleep and the pills: "neend ki saari goliyan kha li", "नींद की सारी गोलियां खा लीं".
    re(`${B}(?:neend|nind|sleeping|नींद) (?:ki |wali |की |वाली )?(?:saari|sari|sab|bahut saari|poori|puri|all|सारी|सब|बहुत सारी|पूरी) (?:${PILLS})${E}.{0,25}(?:(?:kha|khaa) ?(?:li|lin|lee|liya|liye|gaya|gayi|gaye|gai)|nigal\\S*|gatak\\S*|le (?:li|lin|liya)|took|swallowed|खा (?:ली|लीं|लिया|लिए|गया|गई|गए)|निगल\\S*|ले (?:ली|लीं|लिया))${E}`),
    // "swallowed a bottle of pills", "poora patta kha liya": a whole container.
    re(`\\b(?:poora|pura|poori|puri|saara|sara|ek) (?:patta|strip|shishi|sheet|patti)\\b.{0,25}\\b(?:${SWALLOWED_HI}|le li|le liya)\\b`),
    // Drunk the Hinglish way, the bottle before the verb: "poori bottle cough syrup pi li", "ek shishi dawai pi gaya".
    re(`\\b${HOLDS_FOOD_HI}(?:poora|pura|poori|puri|saara|sara|saari|sari|ek) (?:bottle|botal|shishi)\\b${HOLDS_FOOD}.{0,25}\\b(?:pi|pee|piya|piyi|gatak\\S*|nigal\\S*)\\b`),
    re(`\\b(?:swallowed|took|ate|drank|kha li|kha liya|kha gaya|kha gayi|nigal)\\b.{0,15}\\b${HOLDS_FOOD_HI}(?:a|an|the|whole|entire|full|ek|poori|puri|pura|poora) (?:bottle|strip|packet|pack|box|shishi|patta|dabba|dibba)\\b${HOLDS_FOOD}`),
    // Said rather than typed: "took too many tablets", "took ten sleeping tablets".
    re(`\\b(?:took|taken|swallowed|ate)\\b.{0,20}\\b(?:too many|(?:[1-9]\\d|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)(?: sleeping)?)\\s+(?:${PILLS})\\b`),
    // A child who got at the medicines.
    re(`\\b(?:child|baby|toddler|kid|grandson|granddaughter|bachche|bachhe|bacche|bachcha|baccha|pota|poti|nati|natin)\\b.{0,30}\\b(?:swallowed|ate|took|kha li|kha liya|kha gaya|kha gayi|nigal)\\b.{0,30}\\b(?:${PILLS})\\b|\\b(?:child|baby|toddler|kid|grandson|granddaughter|bachche|bachhe|bacche|bachcha|baccha|pota|poti|nati|natin)\\b.{0,30}\\b(?:saari|sari|sab|bahut|all|many|some)\\b.{0,15}\\b(?:${PILLS})\\b.{0,15}\\b(?:swallowed|ate|took|kha li|kha liya|kha gaya|kha gayi|nigal)`),
    re(`(?:बच्चे|बच्चा|पोते|पोती|नाती)(?:\\s+\\S+){0,5}\\s+(?:${PILLS})(?:\\s+\\S+){0,2}\\s+(?:खा ली|खा लीं|खा गया|खा गई|निगल)`),
    { re: re(`(?:सारी|सब|पूरी|बहुत सारी|दस|ग्यारह|बारह|पंद्रह|बीस|तीस|पचास|[1-9]\\d) (?:\\S+ )?(?:${PILLS}) (?:\\S+ )?(?:एक साथ|एक बार में)|${HOLDS_FOOD_HI}(?:पूरी|पूरा) (?:पत्ता|शीशी|बोतल|डिब्बा)${HOLDS_FOOD}`), unless: re(ROUTINE_DOSES) },
    re(`${B}(?:${POISON})${E}.{0,30}(?:pi li|pi liya|pee li|pee liya|pi gaya|pi gayi|pee gaya|kha li|kha liya|kha gaya|kha gayi|kha gaye|gatak\S*|drank|swallowed|ate|took|पी ली|पी लिया|खा ली|खा लिया|पी गई|पी गया|खा गई|खा गया|पी(?![\\p{L}\\p{M}]))|\\b(?:drank|swallowed|ate|took)\\b.{0,20}${B}(?:${POISON})${E}`),
  ].map(phrase),
  severe_abdominal_pain: [
    // A blocked gut: no gas or motion passed, with vomiting or a swollen belly.
    re(`\\bna (?:potty|motion|latrine|toilet) na (?:gas|hawa)\\b|\\bna (?:gas|hawa) na (?:potty|motion|latrine|toilet)\\b|\\b(?:no|not passed|not passing|haven'?t passed|hasn'?t passed) (?:any )?(?:gas|motion|stool|potty)\\b.{0,80}?\\b(?:vomit\\w*|ulti|bloated|swollen)|\\b(?:gas|hawa) (?:aur|or|ya) (?:motion|potty|latrine|toilet) (?:dono )?(?:band|nahi|nahin|nhi)\\b`),
    // The pain of a burst or tearing vessel, an appendix low on the right with fever, and the belly in Tamil ("vayiru ... thaanga mudiyala").
    re(`\\btearing pain\\b|\\baneurysm\\b.{0,60}?\\b(?:pain|dard)\\b|\\b(?:pain|dard)\\b.{0,60}?\\baneurysm\\b|\\b(?:daayi|dayi|daahini|dahini|right) (?:taraf|side) (?:neeche|lower)\\b.{0,40}?\\b(?:bahut tez|tez dard|severe)\\b|\\bvayiru\\b.{0,40}?\\b(?:thaanga mudiyala|thanga mudiyala|kallu maadhiri)`),
    // Pregnant, or a period missed, with a sudden or one-sided pain and faintness: an ectopic pregnancy.
    re(`\\b(?:pregnan\\w*|period miss\\w*|missed (?:my |her )?periods?|garbh\\w*)\\b.{0,80}?\\b(?:sudden|sharp|severe|achanak|tez|one side|ek side|ek taraf)\\b.{0,60}?\\b(?:faint\\w*|dizz\\w*|chakkar|behosh|bleeding)`),
    re(`\\b(?:stomach|belly|abdomen|tummy) (?:is |feels |has become |became )?(?:hard|rigid|stiff|tight) (?:as|like) (?:a )?(?:board|stone|rock|wood)\\b`),
    re(`\\bpet (?:me |mein |mai )?(?:itna|itni|bahut zyada|bahut jyada) dard (?:hai )?(?:ki|ke|k)\\b|\\b(?:chhatpata|chatpata|chhatpat)\\w*|\\bpet (?:\\S+ )?(?:kadak|kada|sakht) ho\\S*|\\bpet\\b.{0,60}?\\b(?:chhoo|chhu|chu) (?:bhi )?(?:nahi|nahin|nhi) (?:sakte|sakta|sakti|dete|de rahe|de rahi|dene)|\\brolling (?:on the |on )?(?:floor|ground|bed)\\b|\\bpet(?:\\s+\\S+){0,3}?\\s+(?:bahut )?(?:tez|bhayanak|bhayankar|asah\\w*|chhuri jaisa|chaku jaisa|chaaku jaisa) dard|\\bpet (?:ka |me |mein |mai )?(?:\\S+ )?dard (?:itna|itni|is qadar)(?: zyada)? (?:ki|ke|k|से) (?:\\S+ ){0,2}?(?:chilla|cheekh|ro|tadap|pasina|paseena|bardasht|saha|sah|seh)\\S*|\\bpet (?:ko )?(?:chhoo|chhu|chu|chhune|haath) (?:\\S+ )?(?:bhi )?(?:nahi|nahin|nhi|na) (?:sakte|sakta|sakti|dene|de rahi|de raha|lagane)|\\bpet pakad (?:ke|kar|kr)\\b.{0,40}?\\b(?:ro|chilla|cheekh|tadap|let|lot)\\S*|\\bpet\\b.{0,60}?\\b(?:dard se|dard ke maare) (?:chilla|tadap|cheekh|lot)\\S*|\\bpet (?:patthar|pathar) (?:jaisa|jaise|ki tarah)|\\bpet (?:me |mein |mai )?(?:bahut )?(?:zor|jor|zoron|joron) (?:ka|se) dard|\\bpet phat(?! (?:jayega|jaega|jaayega|jayegi|jaegi))`),
    re(`पेट(?:\\s+\\S+){0,4}?\\s+(?:बहुत )?(?:असहनीय|तेज|भयानक|भयंकर) दर्द|पेट (?:में )?इतना दर्द (?:है )?कि|पेट (?:को )?छूने (?:भी )?नहीं|पेट (?:\\S+ )?पत्थर (?:जैसा|की तरह)|पेट फट|पेट (?:में )?(?:बहुत )?(?:जोर|जोरों) (?:का|से) दर्द`),
  ].map(phrase),
  head_injury: [
    re(`\\bhead injury\\b|\\bhit (?:my |his |her )?head (?:badly|hard)\\b`),
    re(`\\b(?:hit|bumped|banged|struck|injured)(?:\\s+\\S+){0,4}?\\s+head\\b.{0,80}?(?<!\\b(?:no|not|without|any) )\\b(?:vomit\\w*|throwing up|drows\\w*|very sleepy|confus\\w*|same questions?|slurr\\w*|not making sense)|\\bbaar baar (?:wahi|ek hi|same) sawal`),
    // A hurt head followed by vomiting or drowsiness: "sir mein chot ke baad ulti", "सिर में चोट लगने के बाद से लगातार उल्टी".
    re(`${B}(?:head|sir|sar|सिर|सर)${E}(?:\\s+\\S+){0,4}?\\s+(?:injury|chot|चोट|hit|takra\\S*|टकरा\\S*|danda|lathi|डंडा|लाठी|(?:ke|के) (?:bal|बल) (?:gir|गिर)\\S*|(?:farsh|floor|deewar|diwar|wall|zameen|फर्श|दीवार|जमीन)\\S* (?:pe|par|te|se|पर|से) (?:lag|laga|lagi|vajj)\\S*|vajj\\S*)${E}.{0,80}?(?<!\\b(?:no|not|without|any|koi) )${B}(?:vomit\\w*|throwing up|ulti|ultiyan|uli|उल्टी|होश नहीं|hosh nahi|drows\\w*|very sleepy|susti|sust|सुस्ती|सुस्त|neend aa|नींद आ|confus\\w*|behosh|बेहोश)`),
  ].map(phrase),
  self_harm: [
    re(`\\bsuicid|\\baatmahatya|\\batmahatya|\\bkhud ?kh?u(?:sh|s)i|आत्महत्या|खुदकुशी`),
    re(`\\bno (?:\\S+ ){0,2}?(?:wish|will|desire|reason) to (?:live|go on)\\b|\\bend(?:ing)? (?:my life|it all)\\b|\\btake my (?:own )?life\\b|\\bnever wake up\\b|\\bhamesha ke liye so (?:ja|jau|jaun|jaunga|jaungi)|हमेशा के लिए सो जा`),
    { re: re(`\\b(?:want|wanna|going|plan|planning|thinking of|thinking about) (?:\\S+ ){0,8}?to (?:die|end it|end everything|end my life)\\b|\\bto end it (?:all|tonight|today|now)\\b`), unless: DIE_IDIOM },
    { re: re(`\\bdon'?t want to (?:wake up|be here)\\b|\\bno (?:reason|point) (?:to|in) going on\\b`), unless: LIVE_SOMEWHERE },
    // "I can't live any more": "ab aur nahi jee sakta", "जी नहीं सकती" (not "chai ke bina nahi jee sakta").
    { re: re(`\\b(?:nahi|nahin|nhi) (?:jee|ji) (?:sakta|sakti|sakte|paunga|paungi|pa raha|pa rahi)|\\b(?:jee|ji) (?:nahi|nahin|nhi) (?:sakta|sakti|sakte|paunga|paungi|pa raha|pa rahi)|नहीं जी (?:सकता|सकती|सकते|पाऊंगा|पाऊंगी|पा रहा|पा रही)|जी नहीं (?:सकता|सकती|सकते|पाऊंगा|पाऊंगी)`), negative: true, unless: re(`\\bbina\\b|\\bwithout\\b|बिना`) },
    re(`\\b(?:everyone|everybody|they|family|sab|sabhi|ghar wale|gharwale) (?:\\S+ ){0,3}?(?:better|happier|behtar|khush) (?:\\S+ )?without me\\b|\\bmere bina (?:sab |sabhi |ghar wale )?(?:khush|behtar)|मेरे बिना (?:सब |सभी )?(?:खुश|बेहतर)|सब (?:कुछ )?खत्म कर (?:दूं|दूंगा|दूंगी|देना|लूं|लूंगा|लूंगी)`),
    // A way of dying said with wanting: "chhat se kood jaaun", "नस काटने का मन करता है", "want to slit my wrists".
    re(`${B}(?:chhat|chat|chhath|roof|terrace|building|balcony|pul|bridge|train ke aage|nahar|nadi|kuan|kuen|kuye|river|canal|well|छत|बिल्डिंग|पुल|नहर|नदी|कुएं|कुआं)${E}(?:\\s+\\S+){0,2}?\\s+(?:se |से |from |off |mein |me |में |into |in )?(?:kood|kud|jump|कूद)\\S*(?:\\s+\\S+){0,1}?\\s+(?:jaaun|jaun|jau|jaaoon|jaunga|jaungi|jaana|jana|jayega|jaayega|jaega|jayegi|jaayegi|jaegi|doon|du|लूं|जाऊं|जाऊंगा|जाऊंगी|जाना|जाएगा|जाएगी)${E}|${B}(?:want|wanna|going|thinking of|feel like)(?: to)? (?:jump(?:ing)? off|jump from)${E}`),
    re(`${B}(?:nas|nass|nasen|naslein|kalai|wrists?|veins?|नस|नसें|कलाई)${E}(?:\\s+\\S+){0,2}?\\s+(?:kaat|kat|काट)\\S*\\s+(?:ka|ki|ke|का|की|के)\\s+(?:mann|man|mn|dil|ichha|khayal|vichar|soch\\S*|मन|दिल|इच्छा|ख्याल|विचार|सोच\\S*)${E}|${B}(?:want|wanna|going|thinking of|feel like)(?: to)? (?:cut|slit|slitting|cutting) (?:my )?(?:wrists?|veins?)${E}`),
    // Pills saved up for it: "saving my sleeping pills for weeks", "saari goliyan jama kar li hain".
    re(`\\b(?:saving|saved|collecting|collected|hoarding|stockpil\\w*)\\b(?:\\s+\\S+){0,3}?\\s+(?:${PILLS}|${MEDICINE_NAMES})\\b|${B}(?:${PILLS})${E}(?:\\s+\\S+){0,1}?\\s+(?:jama|ikattha|ikatthi|इकट्ठा|इकट्ठी|जमा) (?:kar|kr|कर)\\S*|\\bplan(?:ning)? to take (?:all|them all|all of them)\\b`),
    // A noose or a rope with a farewell: "rassi le aaye, will likh di", "pankhe se latak jaunga".
    re(`${B}(?:phanda|fanda|फंदा)${E}|${B}(?:pankhe|pankha|fan|ceiling|पंखे|पंखा)${E}(?:\\s+\\S+){0,2}?\\s+(?:se |से )?(?:latak|hang|लटक)\\S*`),
    re(`${B}(?:rassi|rope|रस्सी)${E}.{0,80}?${B}(?:will likh\\S*|vasiyat|वसीयत|bojh|बोझ|burden|alvida|goodbye|अलविदा)|${B}(?:will likh\\S*|vasiyat|वसीयत|bojh|बोझ|burden|alvida|goodbye|अलविदा).{0,80}?${B}(?:rassi|rope|रस्सी)${E}`),
    // A farewell: "this is my last message", "I won't be here tomorrow", "kal tak nahi rahunga".
    re(`\\bmy last (?:message|msg|text)\\b(?! (?:for (?:today|tonight|the day|now|this week)|of the day|before))|\\bwon'?t be (?:here|around|alive) (?:tomorrow|anymore|any more|much longer|after)\\b|\\b(?:goodbye|alvida) (?:forever|for ever|hamesha ke liye)\\b|\\baakhri (?:message|msg|baar baat)\\b|\\bkal (?:tak )?(?:nahi|nahin|nhi) (?:rahunga|rahungi|rahoonga)\\b|आखिरी (?:मैसेज|संदेश)|कल (?:तक )?नहीं रहूंगा|कल (?:तक )?नहीं रहूंगी`),
    // Farewells and notes: "goodbye sabko, maaf karna", "अलविदा, अब और नहीं", "don't try to call", "a note addressed to me",
    // "sab ko bata dena main unse pyaar karta tha", "agar main kal nahi utha to beti ko bata dena".
    { re: re(`\\b(?:goodbye|good bye|alvida) (?:sabko|sab ko|everyone|everybody|all of you|duniya)\\b`), unless: re(`\\b(?:holiday|trip|vacation|tour|see you|milte hain|phir milenge|chhutti|shaadi|wedding|party|office|group|leaving (?:the|this) group)\\b`) },
    re(`(?:alvida|अलविदा|goodbye)[^.!?]{0,30}?(?:ab aur nahi|अब और नहीं|no more|hamesha ke liye|हमेशा के लिए|forever|maaf karna|माफ करना|forgive me)|अलविदा (?:सबको|सब को)`),
    re(`\\bsorry for everything\\b|\\bwo?n'?t bother (?:you|us|anyone|them) (?:any ?more|again)\\b|\\b(?:sab ?ko|sabhi ko|everyone) (?:alvida|goodbye)\\b|सब(?:को| को) अलविदा|\\baakhri (?:call|message|msg)\\b|आखिरी कॉल|\\bdon'?t (?:try to )?(?:call|find|stop|look for|search for) me\\b|\\b(?:written|wrote|left) (?:letters?|notes?|a letter|a note) (?:for|to) (?:my |our )?(?:kids|children|family|wife|husband|son|daughter|you|everyone|parents|each of them|them)\\b|\\b(?:a|the) note addressed to\\b|\\bsuicide note\\b`),
    re(`\\b(?:bata dena|batana|keh dena|tell (?:them|everyone|her|him|my \\w+))\\b[^.!?]{0,30}?\\b(?:pyaar karta tha|pyaar karti thi|pyar karta tha|pyar karti thi|loved (?:them|you|her|him|everyone))\\b|(?:बता देना|कह देना)[^.!?]{0,30}?प्यार (?:करता था|करती थी)`),
    re(`(?:\\bagar\\b|\\bif\\b|अगर) (?:main|mai|i|मैं) (?:\\S+ ){0,3}?(?:nahi utha|nahi uthi|nahi uthu|don'?t wake up|do not wake up|never wake up|नहीं उठा|नहीं उठी)[^.!?]{0,40}?(?:bata dena|keh dena|tell|बता देना|कह देना)`),
    // Going away for ever, means fetched: "chala jaunga hamesha ke liye, zeher le aaya hoon", "asked where we keep the rat poison".
    re(`\\b(?:chala|chali) (?:jaunga|jaungi|jaaunga|jaaungi|jaana hai) hamesha ke liye\\b|हमेशा के लिए (?:चला|चली) (?:जाऊंगा|जाऊंगी)|\\bgo away (?:for ?ever|for good)\\b|${B}(?:zeher|zehar|jahar|poison|जहर)${E}(?:\\s+\\S+){0,2}?\\s+(?:le aaya|le aayi|le aya|le aai|kharid\\S*|bought|ले आया|ले आई|खरीद\\S*)|\\basked (?:me |us )?(?:where|for) (?:we keep |is )?(?:the )?(?:rat poison|poison|sleeping pills)\\b`),
    // Wanting to go to God; asking how to die: "ab mujhe bhagwan ke paas jaana hai", "how many would it take to not wake up", "painless way to die".
    re(`\\bbhagwan (?:ke )?paas (?:jaana|jana|chala jaun|chali jaun|jaunga|jaungi|bula le)\\b|भगवान के पास (?:जाना|चला जाऊं|चली जाऊं)|\\bhow (?:many|much)\\b[^.!?]{0,60}?\\b(?:to (?:not wake up|never wake up|die|end it)|would (?:it )?kill|is (?:a )?(?:lethal|fatal|deadly))|\\b(?:painless|easy|quick|quickest|easiest|best|surest) way to (?:die|end it|kill myself|end my life)\\b`),
    // A place to end it: "railway track ke paas, agli train aayegi toh bas khatam"; a fan with a dupatta tied to it.
    re(`\\b(?:railway track|rail ki patri|patri|train)\\b[^.!?]{0,60}?\\b(?:khatam|khtm|the end|end it|kood|jump)\\b|(?:पटरी|ट्रेन)[^.!?]{0,60}?(?:खत्म|कूद)|${B}(?:pankhe|pankha|fan|ceiling|पंखे|पंखा)${E}(?:\\s+\\S+){0,2}?\\s+(?:se |से |pe |par |पर )?(?:dupatta|rassi|chunni|saree|sari|rope|दुपट्टा|रस्सी|चुन्नी|साडी)\\S*(?:\\s+\\S+){0,1}?\\s+(?:baandh|bandh|tied|बांध)\\S*`),
    // Cutting oneself: "kalai par blade se kaata", "cutting deeper this time".
    re(`${B}(?:kalai|wrist|wrists|nas|haath|hath|arm|arms|कलाई|नस|हाथ)${E}(?:\\s+\\S+){0,4}?\\s+(?:blade|razor|chaku|chaaku|ब्लेड|चाकू)\\S*(?:\\s+\\S+){0,2}?\\s+(?:kaata|kaat|kata|cut|काटा|काट)\\S*|\\b(?:cut|cutting) (?:deeper|again)\\b|\\bcut (?:my|her|his) wrists?\\b`),
    re(`\\bbetter off (?:dead|without me)\\b|\\bnot worth living\\b|\\btired of (?:living|life)\\b|\\bcan'?t go on\\b|\\b(?:i'?m|i am|he'?s|he is|she'?s|she is|is) (?:just |only )?a burden\\b`),
    re(`\\bmar (?:jaana|jana) (?:behtar|accha|achha)|हमेशा के लिए खत्म कर (?:दूं|दूंगा|दूंगी|लूं)|\\bhamesha ke liye khatam kar (?:doon|du|dun|dunga|dungi|lu)\\b|\\bsab (?:kuch )?khatam (?:kar (?:dunga|dungi|doon|du|dena|dein|lunga|lungi|loon|lu|dega|degi|denge|lega|legi)|karna|karne)|\\bzindagi se (?:tang|thak)|(?:जिंदगी|जीवन) (?:खत्म|से तंग|से थक)`),
    re(`\\b(?:bojh|boj) (?:hoon|hu|hun|ban gaya|ban gayi|ban gaye)\\b|\\b(?:zeher|zehar|jahar) (?:kha|pee|pi) (?:lunga|lungi|loon|lu)\\b|\\bjaan de (?:dunga|dungi|doon|du)\\b|बोझ (?:हूं|हूँ|बन गया|बन गई)|जान दे (?:दूंगा|दूंगी|दूं)|जहर खा (?:लूंगा|लूंगी|लूं)`),
    // Dying said as a plan, standing alone: "mujhe mar jaana hai", "मर जाऊं".
    re(`\\b(?:mar (?:jaana|jana|jaun|jau|jaaun|jaunga|jaungi|jaata|jaati)|marna (?:hai|chahta|chahti|chahte|chaunda|chaundi))\\b|मर जाना|मर जाऊं|मरना (?:है|चाहता|चाहती|चाहते)`),
    re(`\\bbanchte chai na\\b|\\bbachte chai na\\b|\\bsob sesh kore (?:debo|dibo|dei)\\b|\\boshudh jomi\\w*|\\bsaaga(?:num| poren| pogiren)\\b|\\bsaavanum\\b|\\bchanipov\\w*|\\bchachipov\\w*|\\bmor(?:te| jete) chai\\b|\\bmore jete chai\\b`),
    re(`\\bmarayche\\b|\\bjeev dyaycha\\b|\\bsaayabeku\\b|\\bmarikkan\\w*|\\bmarvu (?:che|chhe)\\b|\\bmari (?:javu|jaavu) (?:che|chhe)\\b`),
  ].map(phrase),
}

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

/** Every way a red flag is recognised, signs before pairs (the sign's words are the plainer ones to quote). */
const COMPILED: { category: RedFlagCategory; phrases: Phrase[]; context?: RegExp }[] = [
  ...(Object.entries(SIGNS) as [RedFlagCategory, Phrase[]][]).flatMap(([category, phrases]) => phrases.map((p) => ({ category, phrases: [p] }))),
  ...CONCEPTS.map((c) => ({ category: c.category, phrases: phrasesOf(c), context: c.context ? re(`${B}(?:${c.context})${E}`) : undefined })),
]

/** The red flags a message states, clause by clause, each with the words that matched. */
export function conceptFlags(parts: string[], whole: string): Map<RedFlagCategory, string> {
  const found = new Map<RedFlagCategory, string>()
  for (const { category, phrases, context } of COMPILED) {
    if (found.has(category)) continue
    if (context && !context.test(whole)) continue
    for (const clause of parts) {
      const matched = phrases.map((p) => firstPresent(clause, p, whole)).find(Boolean)
      if (matched) {
        found.set(category, matched)
        break
      }
    }
  }
  return found
}
