import { matchable } from '../../../language/script.js'
import { expandTextSpeak } from '../../../language/text-speak.js'
import { clauses, conceptFlags, DIE_IDIOM, HURT_BY_ACCIDENT, LIVE_SOMEWHERE, NOSE_BLOCKED, NUMB_EVERYDAY } from './red-flag-concepts.js'
import { B, E, firstPresent, near, phrase, re, weak, type Phrase } from './presence.js'
import { statedReadings, type StatedReadings } from './stated-readings.js'

/**
 * Deterministic red-flag detection, run before any routing or generation on every chat and
 * voice turn (clinical.md §2). It prefers false alarms to misses: phrases are broad, and only
 * an explicit negation ("no chest pain", "seene mein dard nahi"), a past event ("had a stroke
 * in 2019"), a mild and passing complaint ("a bit breathless climbing stairs, fine after
 * resting") or a known idiom ("behosh hoke soya") cancels one.
 *
 * Each category is covered in English, romanised Hindi and Devanagari (folded: no nukta,
 * anusvara for chandrabindu, see language/script.ts), plus common transliterations of Tamil,
 * Telugu, Bengali, Marathi, Kannada, Malayalam, Gujarati and Punjabi. Readings stated in the
 * message combine with symptoms: very high sugar with vomiting or drowsiness (DKA/HHS), BP
 * ≥ 180/120 with headache, blurred vision, chest pain or weakness (hypertensive emergency), low
 * sugar with confusion, low oxygen. A native speaker and a clinician should review the lists.
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

const CHEST_EN = 'chest'
const CHEST_PAIN_EN =
  'pain|pains|ache|aches|aching|hurts?|hurting|tight|tightness|pressure|heavy|heaviness|discomfort|burning|crushing|squeezing|paining'
const CHEST_IN = 'seene|sine|seena|sina|chhati|chhaati|chati|chaati|chhate|chhatit|chhatiyat|dil'
const PAIN_IN = 'dard|dukh|dukhta|dukhti|dukhtay|dukhat|dukhte|dukhavo|jalan|bhaari|bhari|bhaaripan|dabav|dabaav|dabaw|dab|dabb|jakdan|jakad|jakda'
const DIE_IN =
  'mar (?:jaana|jana|jaun|jau|jaaun|jaunga|jaungi|jaata|jaati)|marna (?:hai|chahta|chahti|chahte|chaunda|chaundi)|mar jaana chahta|mar jaana chahti'
const PILLS = 'pills|tablets|tabs|medicines|capsules|goliyan|goliya|goli|dawaiyan|dawai|dawa|दवाइयां|दवाई|दवा|गोलियां|गोली'
/** "subah ki saari goliyan ek saath le li": the usual doses taken together, not an overdose. */
const ROUTINE_DOSES = `(?:morning|evening|night|bedtime|daily|usual|regular|today'?s|routine|subah|shaam|sham|raat|dopahar|roz|rozana|सुबह|शाम|रात|दोपहर|रोज) (?:ki |ke |ka |की |के )?(?:sab |saari |sari |all |सब |सारी )?(?:\\S+ )?(?:${PILLS})`
const POISON =
  'poison|insecticide|pesticide|rat poison|rat kill|phenyl|phenol|kerosene|tezaab|tezab|toilet cleaner|harpic|zeher|zehar|jahar|keede maarne|keede marne|keeda maar|chuha maar|chuhe maarne|जहर|कीटनाशक|कीडे मारने|कीडा मार|चूहे मारने|चूहा मार|फिनाइल|तेजाब|मिट्टी का तेल'

const PATTERNS: Record<Exclude<RedFlagCategory, 'low_sugar_confusion' | 'high_sugar_emergency' | 'hypertensive_emergency' | 'low_oxygen'>, Phrase[]> = {
  chest_pain: [
    { re: near(CHEST_EN, CHEST_PAIN_EN), deniedInside: true },
    { re: near('pain|pressure|tightness|heaviness|squeezing|crushing|burning|discomfort', CHEST_EN), deniedInside: true },
    near('pain|ache|aching|numb|numbness|heaviness', 'jaw|left arm|left shoulder', 4),
    near('jaw|left arm', 'pain|hurts?|hurting|aching|numb', 3),
    re(`\\b(?:having|think i'?m having|i think it'?s|is this|this is|feels like|getting|had) (?:a )?heart attack\\b(?! (?:\\d+|last|years?|in (?:19|20)))`),
    re(`\\bheart attack (?:aa raha|aa rha|ho raha|ho rha|hua hai|aaya)|^heart attack\\b`),
    // "dil bhaari hai, beta yaad aa raha": a heavy heart is sadness, said with what is missed.
    { re: near(CHEST_IN, PAIN_IN), deniedInside: true, unless: re(`\\bdil (?:bahut )?(?:bhaari|bhari) (?:hai|sa|ho)\\b.{0,40}\\b(?:yaad|udaas|udas|akela|akeli|sad|miss)`) },
    re(`(?:सीने|छाती|सीना|दिल)(?:\\s+\\S+){0,3}\\s+(?:दर्द|भारीपन|जकडन|दबाव|भारी)`),
    re(`(?:हार्ट अटैक|दिल का दौरा)`),
    re(`\\bdil ka daura\\b`),
    near('nenju|nenjil|nenjinu', 'vali|valikkudhu|valikudhu|valikuthu|vedhanai|vedanai|vedana|vedhana', 2), // Tamil, Malayalam
    near('chaati|chati|gunde', 'noppi|noppiga|nepputhundi', 2), // Telugu
    near('buke|bukey', 'byatha|batha|byetha|betha|chap|dard', 2), // Bengali
    near('ede', 'novu|nova|novvu', 2), // Kannada
    near('chhati|chhaati', 'ma dukhavo|ma dukhe|ma dard', 2), // Gujarati
  ].map(phrase),
  stroke: [
    near('face|mouth|smile', 'drooping|droops|dropped|drooped|dropping|droopy|twisted|crooked|numb|sagging|fallen', 3),
    re(`\\b(?:drooping|droopy|numb|twisted) (?:face|mouth)\\b`),
    re(`\\bslurred\\b|\\bslurring\\b|\\bspeech (?:is |was |became |went )?(?:slurred|strange|weird|garbled|unclear|not clear|gone)\\b|\\bwords (?:are |were )?(?:coming out )?(?:slurred|jumbled|garbled)\\b`),
    re(`\\bcan(?:no|'|\\s?no)?t (?:speak|talk) (?:properly|clearly|suddenly)\\b|\\bsuddenly can(?:no|'|\\s?no)?t (?:speak|talk|see|move)\\b`),
    re(`\\bcan(?:no|'|\\s?no)?t (?:lift|move|raise|feel) (?:my|his|her|the) (?:arm|leg|hand|left|right)\\b`),
    re(`\\b(?:arm|leg|side|hand) (?:is |feels |went |gone |has gone )?(?:suddenly )?(?:weak|numb|paralysed|paralyzed|dead|limp)\\b`),
    re(`\\bsudden (?:weakness|numbness|confusion|blindness|loss of (?:vision|balance|speech))\\b`),
    re(`\\b(?:one side|half) of (?:my |his |her |the )?(?:body|face)\\b`),
    re(`\\bstroke\\b(?! (?:of luck|of genius|of the|of a pen|play))`),
    near('muh|munh|muhn|chehra|chehara', 'tedha|tedhaa|terha|latak|tircha', 3),
    near('haath|hath|pair|pairon|baazu|bazu', 'kamzori|kamjori|bejaan', 3),
    { re: near('haath|hath|pair|pairon|baazu|bazu', 'sunn|sun pad', 3), unless: NUMB_EVERYDAY },
    re(`\\b(?:haath|hath|baazu|bazu|pair) (?:uth|utha|hil) (?:nahi|nahin|nhi) (?:raha|rahi|rahe|pa|paa)`),
    re(`\\bek (?:taraf|side) (?:ka |ki |ke )?(?:\\S+ )?(?:kamzori|kamjori|sunn|latak|lakwa)`),
    re(`\\b(?:haath|hath|pair|haath-pair|hath-pair|baazu|bazu)(?: (?:achanak|bilkul|ekdum|theek se|thik se|sahi se))? (?:kaam|kam) (?:nahi|nahin|nhi) (?:kar|kr)|\\b(?:arm|leg|arms|legs)\\b(?:\\s+\\S+){0,3}?\\s+(?:not working|stopped working|won'?t move|will not move)\\b`),
    re(`\\b(?:bolne|bolna) (?:me |mein |mai )?(?:dikkat|takleef|taklif|problem|pareshani)|\\b(?:zuban|zubaan|jubaan|jeebh|awaaz|aawaz|awaz) (?:ladkhada|ladkhadaa|atak|lad khada)|\\bbol nahi pa`),
    re(`(?:मुंह|चेहरा)(?:\\s+\\S+){0,3}\\s+(?:टेढा|लटक)|(?:हाथ|पैर|बांह) (?:में )?(?:कमजोरी|सुन्न)|(?:हाथ|बांह) (?:नहीं )?(?:उठ|हिल) (?:नहीं )?(?:रहा|पा)|एक तरफ (?:\\S+ )?(?:कमजोरी|सुन्न|लटक)|(?:हाथ|पैर|हाथ-पैर|बांह)(?: (?:अचानक|बिल्कुल|बिलकुल|ठीक से))? (?:काम नहीं|उठ नहीं|हिल नहीं|सुन्न)`),
    re(`(?:बोलने|बोलना) (?:में )?(?:दिक्कत|तकलीफ|परेशानी)|बोल नहीं पा|(?:जुबान|आवाज|ज़ुबान) (?:लडखडा|अटक)|लकवा`),
    re(`\\blakwa\\b|\\blakva\\b|\\bpakshaghat\\b`),
    // Sudden loss of sight (BE-FAST "eyes") and speech that is suddenly unclear.
    re(`\\bsudden(?:ly)? (?:can(?:no|'|\\s?no)?t see|went blind|lost (?:my |his |her )?(?:sight|vision))|\\b(?:dikhna|dikhai dena|dikhayi dena|dikhai dena) band|\\bnazar (?:chali gayi|band ho)`),
    re(`दिखना बंद|दिखाई देना बंद|(?:आवाज|जुबान) (?:साफ|ठीक) नहीं|\\b(?:aawaz|awaaz|awaz|aavaaz|zuban|zubaan|jubaan) (?:saaf|sahi|theek|thik) (?:nahi|nahin|nhi)`),
  ].map(phrase),
  sudden_severe_headache: [
    re(`\\bworst headache\\b|\\bthunderclap\\b|\\bsudden (?:severe|terrible|excruciating|very bad) headache\\b|\\bheadache like (?:something|a bomb|an explosion)`),
    re(`\\bsudden(?:ly)?\\b(?:\\s+\\S+){0,4}\\s+(?:the )?(?:worst|most severe|terrible|excruciating|explosive) headache\\b`),
    re(`\\b(?:achanak|ekdum|ek dum)\\b(?:\\s+\\S+){0,4}\\s+(?:tez|bahut tez|bhayanak|asahniy|asahneey|bhayankar|jabardast)\\s+(?:\\S+\\s+)?(?:sar|sir) ?(?:dard|me dard|mein dard)`),
    re(`\\b(?:sar|sir) ?dard\\b.{0,40}\\b(?:zindagi|jindagi|life) (?:me|mein|bhar) (?:kabhi )?(?:nahi|nahin)|\\b(?:zindagi|jindagi) (?:ka|me|mein) (?:sabse )?\\S+ (?:sar|sir) ?dard|\\bsabse (?:tez|bhayanak|bura|kharab|zyada) (?:sar|sir) ?dard`),
    re(`(?:अचानक|एकदम)(?:\\s+\\S+){0,4}\\s+(?:सबसे )?(?:भयानक|तेज|असहनीय|भयंकर)\\s+(?:सिरदर्द|सिर ?दर्द|सर ?दर्द)|(?:जिंदगी|ज़िंदगी) (?:का|में) (?:सबसे )?\\S+ (?:सिरदर्द|सिर दर्द|सर दर्द)|सबसे (?:भयानक|तेज|बुरा|खराब) (?:सिरदर्द|सिर दर्द|सर दर्द)`),
  ].map(phrase),
  breathing: [
    { re: re(`\\bcan(?:no|'|\\s?no)?t (?:breathe|breath)\\b|\\bunable to breathe\\b|\\bnot able to breathe\\b|\\bnot breathing\\b|\\bstopped breathing\\b`), unless: NOSE_BLOCKED },
    re(`\\b(?:struggling|hard|difficult|difficulty|trouble) (?:to )?breath(?:e|ing)\\b`),
    re(`\\bgasping\\b|\\bchoking\\b|\\bsuffocat`),
    weak(re(`\\b(?:short of breath|shortness of breath|breathless|out of breath)\\b`)),
    re(`\\bblue (?:lips|face)\\b|\\blips (?:are |turning |going |look |looks )?blue\\b`),
    re(`\\bcan(?:no|'|\\s?no)?t (?:even )?(?:finish|complete) (?:a |my )?sentences?\\b`),
    re(`\\b(?:saans|sans|saas|swas|shwas) (?:(?:bilkul|zara|theek se|thik se|bhi|sahi se) )?(?:nahi|nahin|nhi|na) (?:aa|le|ho|li)`),
    re(`\\bhonth? (?:\\S+ )?(?:neele|neela|nile|nila)\\b|\\b(?:neele|nile) honth?\\b`),
    weak(re(`\\b(?:saans|sans|saas) (?:phool|fool|phul)`)),
    re(`\\b(?:saans|sans|saas) (?:ruk|atak)`),
    near('(?:saans|sans|saas) (?:lene|lena)|saans|sans', 'dikkat|takleef|taklif|pareshani|problem|mushkil', 3),
    re(`\\bdam ghut|\\bghutan\\b|\\b(?:saans|sans|saas) ghut|\\bhaanf|हांफ|सांस घुट`),
    weak(re(`\\bdam (?:phool|fool|phul)|दम फूल`)),
    re(`(?:सांस) (?:नहीं|नही) (?:आ|ले|हो)|(?:सांस) (?:रुक|अटक)|सांस लेने में (?:\\S+ )?(?:तकलीफ|दिक्कत|परेशानी|मुश्किल)|दम घुट|घुटन${E}|होंठ (?:\\S+ )?नीले`),
    weak(re(`सांस फूल`)),
    re(`\\bmoochu (?:vida mudiyala|mutti|thinaral)\\b|\\bswasa (?:adatam ledu|kashtam)\\b`),
    re(`\\b(?:shash|shwas|swas|shas) (?:nite|nete) (?:parchi|parchhi|pari|parchina) ?na\\b|\\bshwas (?:gheta yet nahi|ghyayla tras|ghenyas tras)\\b`),
  ].map(phrase),
  unconscious: [
    re(`\\b(?:unconscious|unresponsive|passed out|blacked out|not waking up|won'?t wake up|can'?t wake (?:him|her|them)|collapsed|fainted|fainting|not responding)\\b`),
    re(`\\b(?:fell|fallen) (?:down )?and (?:is )?not (?:moving|responding|waking)\\b`),
    // About to faint: weak, so "felt a bit faint when I stood up, fine now" stays quiet.
    weak(re(`\\b(?:going to|about to|gonna|might|will) (?:pass out|faint|black out|collapse)\\b|\\bfeel(?:ing)? like (?:i'?m )?(?:going to )?(?:pass(?:ing)? out|faint(?:ing)?|collaps\\w*)\\b|\\bbehosh (?:ho jaunga|ho jaungi|hone wala|hone wali|sa lag)|बेहोश (?:हो जाऊंगा|हो जाऊंगी|होने वाला|होने वाली|सा लग)`)),
    re(`\\bbehosh\\b|\\bbehoshi\\b|\\bhosh (?:nahi|nahin|nhi|kho)\\b|\\bchakkar (?:kha ke|khake|khakar) gir`),
    re(`\\bhila(?:ne|te|ya|ya to|ne par|ne pe)?\\s+(?:bhi\\s+)?(?:\\S+\\s+){0,3}?(?:(?:nahi|nahin|nhi) (?:uth|jaag|hil|jawab)|jawab (?:nahi|nahin|nhi))`),
    re(`\\baankh(?:ein|en|e)? (?:nahi|nahin|nhi) khol|\\bhosh (?:me|mein|mai) (?:nahi|nahin|nhi)\\b|\\bbesudh\\b|आंख(?:ें|े)? नहीं खोल|होश में नहीं|बेसुध`),
    re(`बेहोश|होश (?:नहीं|खो)|हिलाने (?:पर|पे) (?:भी )?(?:\\S+ )?(?:नहीं उठ|जवाब नहीं|होश नहीं)`),
    re(`\\bmayakkam\\b|\\bajnan\\b|\\bsoddhu\\b|\\bgyan nei\\b`),
  ].map(phrase),
  seizure: [
    re(`\\bseizure|\\bconvulsion|\\bconvulsing\\b|\\bfits?\\b(?= (?:again|now|started|attack))|\\b(?:having|had|getting) (?:a fit(?! of)|fits)\\b|\\bfitting\\b|\\bepileptic (?:attack|fit)\\b`),
    re(`\\b(?:whole )?body (?:is |keeps )?(?:jerking|shaking uncontrollably|convulsing)\\b|\\bjerking (?:all over|uncontrollably)\\b`),
    re(`\\bmirgi\\b|(?<!dil ka )\\bdaura pad|(?<!dil ka )\\bdaure pad|\\bjhatke (?:aa|de|lag|maar)`),
    re(`मिर्गी|(?<!दिल का )दौरा पड|झटके (?:आ|दे|लग)|मुंह से झाग`),
  ].map(phrase),
  bleeding: [
    re(`\\b(?:severe|heavy|lot of|lots of|won'?t stop|not stopping|uncontrolled|profuse) bleeding\\b|\\bbleeding (?:heavily|a lot|badly)\\b`),
    near('bleeding|blood', "(?:will not|won'?t|does not|doesn'?t|is not|isn'?t|not|can'?t|cannot) stop(?:ping)?", 3),
    re(`\\b(?:vomiting|throwing up|coughing up|spitting|vomited|threw up|vomit) (?:some |out )?blood\\b|\\bblood in (?:my )?vomit\\b|\\bblack (?:tarry )?stools?\\b`),
    near('ulti|ulatti|vomit|vomiting', 'khoon|blood', 2),
    re(`\\bkhoon (?:ki )?(?:ulti|ulatti)|\\bkhoon (?:ruk nahi|band nahi|bahut beh|beh raha|bah raha)|\\bbahut khoon (?:beh|bah|nikal)`),
    re(`खून की उल्टी|उल्टी में खून|खून (?:रुक नहीं|बहुत बह|बह रहा)|बहुत खून (?:बह|निकल)`),
  ].map(phrase),
  allergic_reaction: [
    re(`\\b(?:face|throat|tongue|lips?) (?:is |are |getting |has |have )?(?:swelling|swollen|swelled up|closing)\\b`),
    re(`\\bswelling (?:of|in) (?:my |the )?(?:face|throat|tongue|lips)\\b`),
    re(`\\banaphyla|\\bsevere allergic reaction\\b|\\bthroat (?:is |feels )?(?:closing|tight)\\b|\\bcan(?:no|'|\\s?no)?t swallow\\b`),
    near('gala|galaa|chehra|hont|honth|jeebh|jibh', 'sooj|suj|sujan|soojan', 2),
    re(`\\bgala band (?:ho )?(?:raha|rha)`),
    re(`(?:गला|चेहरा|होंठ|जीभ) (?:\\S+ )?(?:सूज)|गले में सूजन|गला बंद`),
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
    // "swallowed a bottle of pills", "poora patta kha liya": a whole container.
    re(`\\b(?:poora|pura|poori|puri|saara|sara|ek) (?:patta|strip|shishi)\\b.{0,25}\\b(?:kha|khaa|nigal|le li|le liya|gatak)`),
    re(`\\b(?:swallowed|took|ate|drank|kha li|kha liya|kha gaya|kha gayi|nigal)\\b.{0,15}\\b(?:a|an|the|whole|entire|full|ek|poori|puri|pura|poora) (?:bottle|strip|packet|pack|box|shishi|patta|dabba|dibba)\\b`),
    // Said rather than typed: "took too many tablets", "took ten sleeping tablets".
    re(`\\b(?:took|taken|swallowed|ate)\\b.{0,20}\\b(?:too many|(?:[1-9]\\d|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)(?: sleeping)?)\\s+(?:${PILLS})\\b`),
    // A child who got at the medicines.
    re(`\\b(?:child|baby|toddler|kid|grandson|granddaughter|bachche|bachhe|bacche|bachcha|baccha|pota|poti|nati|natin)\\b.{0,30}\\b(?:swallowed|ate|took|kha li|kha liya|kha gaya|kha gayi|nigal)\\b.{0,30}\\b(?:${PILLS})\\b|\\b(?:child|baby|toddler|kid|grandson|granddaughter|bachche|bachhe|bacche|bachcha|baccha|pota|poti|nati|natin)\\b.{0,30}\\b(?:saari|sari|sab|bahut|all|many|some)\\b.{0,15}\\b(?:${PILLS})\\b.{0,15}\\b(?:swallowed|ate|took|kha li|kha liya|kha gaya|kha gayi|nigal)`),
    re(`(?:बच्चे|बच्चा|पोते|पोती|नाती)(?:\\s+\\S+){0,5}\\s+(?:${PILLS})(?:\\s+\\S+){0,2}\\s+(?:खा ली|खा लीं|खा गया|खा गई|निगल)`),
    { re: re(`(?:सारी|सब|पूरी|बहुत सारी) (?:\\S+ )?(?:${PILLS}) (?:\\S+ )?(?:एक साथ|एक बार में)|(?:पूरी|पूरा) (?:पत्ता|शीशी|बोतल|डिब्बा)`), unless: re(ROUTINE_DOSES) },
    re(`${B}(?:${POISON})${E}.{0,30}(?:pi li|pi liya|pee li|kha li|kha liya|drank|swallowed|ate|took|पी ली|पी लिया|खा ली|खा लिया|पी गई|पी गया|खा गई|खा गया)|\\b(?:drank|swallowed|ate|took)\\b.{0,20}${B}(?:${POISON})${E}`),
  ].map(phrase),
  severe_abdominal_pain: [
    near('unbearable|severe|excruciating|terrible|worst|intense|extreme|agonising|agonizing', 'stomach|abdomen|abdominal|belly|tummy', 4),
    re(`\\b(?:stomach|belly|abdomen|tummy) (?:is |feels |has become |became )?(?:hard|rigid|stiff|tight) (?:as|like) (?:a )?(?:board|stone|rock|wood)\\b`),
    re(`\\bpet\\b(?:\\s+\\S+){0,6}?\\s+(?:sahan|sehan|sahen|bardasht|bardaasht) (?:nahi|nahin|nhi)|\\bpet (?:me|mein|mai) (?:bahut )?(?:tez|bhayanak|bhayankar|asahniy|asahneey|asahaniya) dard|\\bpet (?:patthar|pathar) (?:jaisa|jaise|ki tarah)|\\bpet (?:me |mein |mai )?(?:bahut )?(?:zor|jor|zoron|joron) (?:ka|se) dard|\\bpet phat`),
    re(`पेट (?:में )?(?:बहुत )?(?:असहनीय|तेज|भयानक|भयंकर) दर्द|पेट(?:\\s+\\S+){0,6}?\\s+(?:सहन|बर्दाश्त) नहीं|पेट (?:\\S+ )?पत्थर (?:जैसा|की तरह)|पेट फट|पेट (?:में )?(?:बहुत )?(?:जोर|जोरों) (?:का|से) दर्द`),
  ].map(phrase),
  head_injury: [
    // A bleeding head, after a fall or not: "sar se khoon aa raha hai", "blood from his head".
    re(`\\b(?:head|scalp) (?:is |was |keeps )?bleeding\\b|\\bbleeding from (?:the |my |his |her )?(?:head|scalp)\\b|\\bblood (?:is )?(?:coming |pouring |flowing )?(?:out )?(?:from|of) (?:the |my |his |her )?head\\b|\\b(?:sar|sir) (?:se|me|mein|par|pe) (?:bahut |kaafi |kafi )?(?:khoon|khun|blood)|(?:सिर|सर) (?:से|में|पर|पे) (?:बहुत |काफी )?खून`),
    re(`\\b(?:fell|fall|fallen|slipped|tripped)\\b.{0,40}\\b(?:hit|hurt|banged|bumped|struck|injured|cut) (?:my |his |her |the )?head\\b`),
    re(`\\bhead injury\\b|\\bhit (?:my |his |her )?head (?:badly|hard)\\b|\\b(?:fell|fallen|fall)\\b(?:\\s+\\S+){0,6}?\\s+(?:and )?(?:can(?:no|'|\\s?no)?t|unable to|not able to) (?:get up|stand|move)\\b`),
    re(`\\bgir (?:gaya|gayi|gaye|gyi|gya|padi|pada|pade)\\b.{0,40}\\b(?:sar|sir) (?:pe|par|me|mein) chot|\\b(?:sar|sir) (?:pe|par) chot|\\bgir (?:gaya|gayi|gaye|gyi|gya|padi|pada|pade)\\b.{0,30}\\buth (?:nahi|nahin|nhi) (?:pa|paa|raha|rahi|rahe|sak)`),
    re(`गिर (?:गया|गई|गए|गयी|पडा|पडी|पडे)(?:\\s+\\S+){0,6}?\\s+(?:सिर|सर) (?:पर|पे|में) चोट|(?:सिर|सर) (?:पर|पे) चोट|गिर (?:गया|गई|गए|गयी|पडा|पडी|पडे)(?:\\s+\\S+){0,5}?\\s+(?:उठ नहीं|उठा नहीं|खडे नहीं|खडी नहीं)`),
  ].map(phrase),
  self_harm: [
    { re: re(`\\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting) (?:my ?self|myself)\\b`), unless: HURT_BY_ACCIDENT },
    re(`\\b(?:feel|feeling|felt) like (?:dying|ending (?:it|my life|everything))\\b|\\bno (?:\\S+ ){0,2}?(?:wish|will|desire|reason) to (?:live|go on)\\b|\\bsuicid|\\bend(?:ing)? (?:my life|it all)\\b|\\bnever wake up\\b|\\bhamesha ke liye so (?:ja|jau|jaun|jaunga|jaungi)|हमेशा के लिए सो जा`),
    { re: re(`\\b(?:want|wanna|going|plan|planning|thinking of|thinking about) (?:\\S+ ){0,8}?to (?:die|end it|end everything|end my life)\\b|\\bto end it (?:all|tonight|today|now)\\b`), unless: DIE_IDIOM },
    { re: re(`\\bdon'?t want to (?:live|be alive|wake up|be here)\\b|\\bno (?:reason|point) (?:to|in) (?:live|living|going on)\\b|\\bwish i (?:was|were) dead\\b|\\bwish i could die\\b`), unless: LIVE_SOMEWHERE },
    // "I can't live any more": "ab aur nahi jee sakta", "जी नहीं सकती" (not "chai ke bina nahi jee sakta").
    { re: re(`\\b(?:nahi|nahin|nhi) (?:jee|ji) (?:sakta|sakti|sakte|paunga|paungi|pa raha|pa rahi)|\\b(?:jee|ji) (?:nahi|nahin|nhi) (?:sakta|sakti|sakte|paunga|paungi|pa raha|pa rahi)|नहीं जी (?:सकता|सकती|सकते|पाऊंगा|पाऊंगी|पा रहा|पा रही)|जी नहीं (?:सकता|सकती|सकते|पाऊंगा|पाऊंगी)`), negative: true, unless: re(`\\bbina\\b|\\bwithout\\b|बिना`) },
    re(`\\b(?:everyone|everybody|they|family|sab|sabhi|ghar wale|gharwale) (?:\\S+ ){0,3}?(?:better|happier|behtar|khush) (?:\\S+ )?without me\\b|\\bmere bina (?:sab |sabhi |ghar wale )?(?:khush|behtar)|मेरे बिना (?:सब |सभी )?(?:खुश|बेहतर)|सब (?:कुछ )?खत्म कर (?:दूं|दूंगा|दूंगी|देना|लूं|लूंगा|लूंगी)`),
    re(`\\bbetter off (?:dead|without me)\\b|\\btake my (?:own )?life\\b|\\bnot worth living\\b|\\btired of (?:living|life)\\b|\\bcan'?t go on\\b|\\bi(?:'m| am) (?:just |only )?a burden\\b`),
    re(`\\bjeena nahi chaht|\\bjeena nahin chaht|\\bjeene ka (?:mann|man|mn) (?:nahi|nahin|nhi)|\\bjeene ki (?:\\S+ ){0,2}?(?:ichha|iccha|icchha|chah|chaah) (?:\\S+ )?(?:nahi|nahin|nhi|khatam)|\\bmar (?:jaane|jane|jaaneka) (?:ka|ki|ko) (?:\\S+ )?(?:mann|man|mn|dil|ichha|iccha|icchha|khayal|khyal|khayaal)|\\bmarne (?:ka|ki|ko) (?:\\S+ )?(?:mann|man|mn|dil|ichha|iccha|icchha|khayal|khyal|khayaal)|\\bmarna (?:chahta|chahti|chaahta|chaahti|chahata|chahate)|\\bmar (?:jaana|jana) (?:chahta|chahti|behtar|accha|achha)|\\bkhud ?kh?u(?:sh|s)i|\\baatmahatya|\\batmahatya|\\bkhud ko (?:khatam|maar|nuksan|nuksaan|nuqsan|chot)|\\b(?:zindagi|jeevan|jindagi) khatam kar|\\bsab (?:kuch )?khatam (?:kar (?:dunga|dungi|doon|du|dena|dein|lunga|lungi|loon|lu)|karna|karne)|\\bzindagi se (?:tang|thak)`),
    re(`\\b(?:bojh|boj) (?:hoon|hu|hun|ban gaya|ban gayi|ban gaye)\\b|\\b(?:zeher|zehar|jahar) (?:kha|pee|pi) (?:lunga|lungi|loon|lu)\\b|\\bjaan de (?:dunga|dungi|doon|du)\\b`),
    re(`\\b(?:${DIE_IN})\\b`),
    re(`जीना नहीं चाहत|जीने का (?:\\S+ )?(?:मन|मन्न) नहीं|जीने की (?:\\S+ ){0,2}(?:इच्छा|चाह) (?:\\S+ )?(?:नहीं|खत्म)|(?:मर जाने|मरने) (?:का|की|को) (?:\\S+ )?(?:मन|दिल|इच्छा|ख्याल|खयाल)|मरना चाहत|मर जाना|मर जाऊं|आत्महत्या|खुदकुशी|खुद को (?:खत्म|मार|नुकसान|चोट)|(?:जिंदगी|जीवन) (?:खत्म|से तंग|से थक)|बोझ (?:हूं|हूँ|बन गया|बन गई)|जान दे (?:दूंगा|दूंगी|दूं)|जहर खा (?:लूंगा|लूंगी|लूं)`),
    re(`\\bsaaga(?:num| poren| pogiren)\\b|\\bsaavanum\\b|\\bchanipov\\w*|\\bchachipov\\w*|\\bmor(?:te| jete) chai\\b|\\bmore jete chai\\b`),
    re(`\\bmarayche\\b|\\bjeev dyaycha\\b|\\bsaayabeku\\b|\\bmarikkan\\w*|\\bmarvu (?:che|chhe)\\b|\\bmari (?:javu|jaavu) (?:che|chhe)\\b`),
  ].map(phrase),
}

/** "Took glucose 15 min ago and it's still 49": treated and not rising. */
const NOT_RISING = re(
  `\\b(?:took|taken|had|ate|drank|gave|given|kha li|kha liya|pi li|pi liya|le li|li)\\b.{0,30}\\b(?:glucose|sugar|juice|sweets?|candy|glucon|cheeni|chini|meetha)\\b.{0,60}\\b(?:still|abhi bhi|ab bhi|phir bhi|not (?:going up|rising|coming up|improving|better)|isn'?t (?:going up|rising|coming up)|nahi badh\\w*)\\b|\\bstill (?:low|\\d{2})\\b.{0,40}\\bafter (?:taking |having )?(?:glucose|sugar|juice)`,
)

/** Everyday hyperbole and idioms that look like a red flag; removed before matching. */
const IDIOMS = [
  // "Watched a film about a stroke survivor": a story about it, not the patient's own.
  /\b(?:film|movie|show|serial|story|article|book|documentary|news|video|programme|program|talk|lecture) (?:about|on) [^.!?,]*/gu,
  /\balmost (?:fainted|died|had a heart attack)\b (?:when|after|seeing|on seeing|looking|reading|at)\b[^.!?]*/gu,
  re(`\\bbehosh (?:ho ?ke|hokar|ho kar|jaisa|jaisi|ki tarah) (?:\\S+ )?(?:so|neend)\\S*|\\bbehoshi ki neend\\b|बेहोश (?:होकर|हो के|हो कर|जैसा|जैसी|की तरह) (?:\\S+ )?(?:सो|नींद)\\S*|बेहोशी की नींद`),
]

function withoutIdioms(text: string): string {
  let t = text
  for (const idiom of IDIOMS) t = t.replace(new RegExp(idiom.source, idiom.flags.includes('g') ? idiom.flags : idiom.flags + 'g'), ' ')
  return t
}

/** An accidental overdose is a medical emergency; any other is also a possible self-harm. */
const ACCIDENT = re(
  `\\bby mistake\\b|\\baccident(?:al|ally)?\\b|\\bgalti se\\b|\\bgalati se\\b|\\bbhool se\\b|\\bbhul se\\b|\\banjaane (?:me|mein)\\b|गलती से|भूल से|अनजाने में|` +
    // A small child who got at the medicines did not mean to.
    `\\b(?:child|baby|toddler|kid|bachche|bachhe|bacche|bachcha|baccha)\\b|बच्चे|बच्चा`,
)

/** Lower case, Devanagari folded, punctuation as spaces (language/script.ts). */
export const normalise = matchable

// Symptoms that turn a reading into an emergency. Each list is matched with negation.
const HIGH_SUGAR_SIGNS = re(
  `\\bvomit\\w*|\\bthrowing up\\b|\\bthrew up\\b|\\bulti(?:yan|yaan|yon)?\\b|\\bultiyaan\\b|उल्टी|उल्टि\\S*|उलटी|\\bdrows\\w*|\\b(?:very |so |too )?sleepy\\b|\\b(?:bahut|zyada|itni) neend\\b|\\bneend (?:aa rahi|aati) (?:hai )?(?:bahut)?|बहुत नींद|नींद आ रही|\\bsust\\b|\\bsusti\\b|सुस्त|\\bletharg\\w*|\\bconfus\\w*|\\bdisoriented\\b|\\bnot making sense\\b|\\bulti[- ]?seedhi\\b|बहकी|उलझन|भ्रम|\\bsamajh (?:nahi|nahin|nhi) (?:aa|pa|paa)|समझ नहीं (?:आ|पा)|\\bbreathing (?:fast|rapidly|rapid|heavily|heavy|deep|deeply|hard)\\b|\\b(?:fast|rapid|deep|heavy) breathing\\b|\\b(?:tez|tezi se) saans|\\bsaans tez|तेज सांस|सांस तेज|\\bbreathless\\b|\\bshort of breath\\b|\\bsaans (?:phool|fool|phul)|सांस फूल|\\b(?:stomach|abdominal|belly|tummy) (?:pain|ache)\\b|\\bpain in (?:my |the )?(?:stomach|abdomen|belly|tummy)\\b|\\bpet (?:me |mein |mai )?dard\\b|पेट (?:में )?दर्द|\\bfruity\\b|\\bketones? (?:positive|high|present|\\+)|\\b(?:positive|high|large|moderate) ketones?\\b|\\bbehosh\\b|बेहोश|\\bunconscious\\b|\\bfaint\\w*`,
)
const HYPERTENSIVE_SIGNS = re(
  `\\bhead ?ache\\b|\\bhead (?:is )?(?:pounding|throbbing|bursting|splitting)\\b|\\b(?:sar|sir) ?(?:(?:me|mein|mai) )?(?:(?:bahut|bohot|tez|bahut tez|zor ka) )?dard|\\b(?:sar|sir) (?:phat|fat|ghoom|bhaari|bhari)|सिरदर्द|(?:सिर|सर) (?:में )?(?:\\S+ )?(?:दर्द|फट|भारी)|\\bblur\\w*|\\bvision (?:is |has )?(?:blurred|blurry|blur|dim|gone|loss|problem|changed|change)|\\bcan(?:no|'|\\s?no)?t see\\b|\\bdhundh?la|धुंधला|\\b(?:aankhon|ankhon|aankh|ankh) ke (?:aage|samne|saamne|saamane) andhera|(?:आंखों|आंख) के (?:आगे|सामने) अंधेरा|\\bchest\\b|\\b(?:seene|seena|chhati|chhaati) (?:me |mein )?(?:dard|dabav|bhaari)|(?:सीने|छाती) (?:में )?(?:दर्द|दबाव|भारी)|\\bbreathless\\b|\\bshort(?:ness)? of breath\\b|\\bsaans (?:phool|fool|lene me|lene mein|nahi)|सांस (?:फूल|लेने में|नहीं)|\\bweak\\w*|\\bkamzori\\b|\\bkamjori\\b|कमजोरी|\\bnumb\\w*|\\bsunn\\b|सुन्न|\\bconfus\\w*|\\bslurr\\w*|\\b(?:bolne|bolna) (?:me |mein )?(?:dikkat|takleef)|बोलने में|\\bback pain\\b|\\bvomit\\w*|\\bulti\\b|उल्टी|\\bnausea\\w*|\\bji machal|\\bdizz\\w*|\\bchakkar\\b|चक्कर|\\bnose ?bleed\\w*|\\bnaak se khoon|नाक से खून|\\bseizure`,
)
const ALTERED_STATE = re(
  `\\bconfus\\w*|\\bdisoriented\\b|\\bnot making sense\\b|\\bcan(?:no|'|\\s?no)?t think\\b|\\bdrows\\w*|\\bvery sleepy\\b|\\bunresponsive\\b|\\bnot (?:responding|answering|waking)\\b|\\bwon'?t wake\\b|\\bbehosh\\b|बेहोश|\\bhosh (?:(?:me|mein|mai) )?(?:nahi|nahin|nhi)|होश (?:में )?नहीं|\\bjawab (?:nahi|nahin|nhi) de|जवाब नहीं दे|\\bsamajh (?:nahi|nahin|nhi) (?:aa|pa|paa)|समझ नहीं (?:आ|पा)|\\bulti[- ]?seedhi baat|\\b(?:bahki|behki|behek|bahak)\\w*|बहकी|\\bghabrahat\\b|घबराहट|\\bshaking and sweating\\b|\\bsweating and shaking\\b|\\bkaanp|कांप|\\bfaint\\w*|\\bchakkar kha|\\bseizure|\\bjhatke\\b|अंधेरा|\\bandhera\\b|\\bbhram\\b|भ्रम|उलझन`,
)
const LOW_SUGAR_WORDS = re(`\\blow sugar\\b|\\bsugar (?:is |was |has |went )?(?:very |too |bahut )?(?:low|down|kam|gir)\\b|\\bhypo\\b|\\bhypoglyc\\w*|शुगर (?:बहुत )?(?:कम|गिर|लो)`)
const BREATHING_SIGNS = re(
  `\\bbreathless\\w*|\\bshort(?:ness)? of breath\\b|\\bout of breath\\b|\\bcan(?:no|'|\\s?no)?t breathe?\\b|\\b(?:hard|difficult|difficulty|trouble) (?:to )?breath\\w*|\\b(?:saans|sans|saas) (?:phool|fool|phul|nahi|lene me|lene mein|ruk|atak)|सांस (?:फूल|नहीं|लेने में|रुक)|\\bghutan\\b|घुटन${E}|\\bgasping\\b`,
)

/** Red flags that need a reading and a symptom together (clinical.md §1.1, §1.2, §1.4, §2). */
function readingFlags(text: string, r: StatedReadings): RedFlag[] {
  const flags: RedFlag[] = []
  const symptom = (signs: RegExp) => firstPresent(text, signs)
  // DKA / HHS: very high sugar (≥ 250 mg/dL, ADA level 2, or the meter's "HI") with vomiting,
  // drowsiness, confusion, fast breathing or abdominal pain.
  if ((r.glucose !== undefined && r.glucose >= 250) || r.glucoseMeterHigh) {
    const sign = symptom(HIGH_SUGAR_SIGNS)
    if (sign) flags.push({ category: 'high_sugar_emergency', matched: `sugar ${r.glucose ?? 'HI'} + ${sign}` })
  }
  // Hypertensive emergency (AHA): ≥ 180 systolic or ≥ 120 diastolic with a sign of organ damage.
  if ((r.systolic !== undefined && r.systolic >= 180) || (r.diastolic !== undefined && r.diastolic >= 120)) {
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
  }
  // Oxygen 93 % and below with breathlessness (clinical.md §2). A low reading alone is logged by
  // the vitals agent, whose reply and the caregiver alert already say to call 112 below 90 %.
  if (r.spo2 !== undefined && r.spo2 <= 93) {
    const sign = firstPresent(text, { re: BREATHING_SIGNS })
    if (sign) flags.push({ category: 'low_oxygen', matched: `oxygen ${r.spo2} + ${sign}` })
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
  const t = withoutIdioms(expandTextSpeak(normalise(text)))
  const readings = statedReadings(t)
  const found = new Map<RedFlagCategory, string>()
  for (const [category, phrases] of Object.entries(PATTERNS) as [RedFlagCategory, Phrase[]][]) {
    for (const p of phrases) {
      const matched = firstPresent(t, p)
      if (matched) {
        found.set(category, matched)
        break
      }
    }
  }
  // Concept pairs, clause by clause, for what the phrase lists did not spell out.
  for (const [category, matched] of conceptFlags(clauses(text).map((c) => withoutIdioms(expandTextSpeak(c))), t)) if (!found.has(category)) found.set(category, matched)
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
