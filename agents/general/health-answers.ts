import { defineTexts, say, type Localised, type ReplyLanguage } from '../../language/localise.js'
import { foldDevanagari, matchable } from '../../language/script.js'
import { classOfMedicine, COMMON_DRUGS } from '../../language/medicine-names.js'
import { romaniseHindi } from '../../language/romanise.js'

/**
 * Podd's answers to general health questions: a small curated set, each short, safe and
 * sourced, in English, Hindi and romanised Hindi. Nothing here is generated: a question that
 * matches no topic gets a brief "I can't answer that; your doctor can", never a guess and never
 * a paragraph about the model. The numbers come from the cited pages (checked 2026); a
 * clinician should review them before they change. Doses are never in scope; what an everyday
 * medicine is for is (in plain words, from the NHS pages), with "don't stop or change it".
 */

export interface Source {
  title: string
  url: string
}

export interface HealthTopic {
  id: string
  /** Questions it answers, over lower-case text with Devanagari folded. */
  matches: RegExp[]
  answer: Localised
  sources: Source[]
}

const WHO_SALT: Source = { title: 'WHO fact sheet: Sodium reduction', url: 'https://www.who.int/news-room/fact-sheets/detail/salt-reduction' }
const ICMR_NIN: Source = { title: 'ICMR-NIN Dietary Guidelines for Indians (2024)', url: 'https://www.nin.res.in/dietaryguidelines/' }
const WHO_SUGARS: Source = { title: 'WHO guideline: Sugars intake for adults and children', url: 'https://www.who.int/publications/i/item/9789241549028' }
const WHO_ACTIVITY: Source = { title: 'WHO fact sheet: Physical activity', url: 'https://www.who.int/news-room/fact-sheets/detail/physical-activity' }
const CDC_SLEEP: Source = { title: 'CDC: About sleep (how much sleep you need)', url: 'https://www.cdc.gov/sleep/about/index.html' }
const NIA_SLEEP: Source = { title: "NIA: A good night's sleep", url: 'https://www.nia.nih.gov/health/sleep/good-nights-sleep' }
const NHS_WATER: Source = { title: 'NHS: Water, drinks and your health', url: 'https://www.nhs.uk/live-well/eat-well/food-guidelines-and-food-labels/water-drinks-nutrition/' }
const NHS_FEVER: Source = { title: 'NHS: High temperature (fever) in adults', url: 'https://www.nhs.uk/conditions/fever-in-adults/' }
const AHA_HOME_BP: Source = {
  title: 'AHA: Monitoring your blood pressure at home',
  url: 'https://www.heart.org/en/health-topics/high-blood-pressure/understanding-blood-pressure-readings/monitoring-your-blood-pressure-at-home',
}
const AHA_BP_LEVELS: Source = {
  title: 'AHA: Understanding blood pressure readings',
  url: 'https://www.heart.org/en/health-topics/high-blood-pressure/understanding-blood-pressure-readings',
}
const ADA_HIGH: Source = { title: 'ADA: Hyperglycemia (high blood glucose)', url: 'https://diabetes.org/living-with-diabetes/treatment-care/hyperglycemia' }
const ADA_LOW: Source = { title: 'ADA: Hypoglycemia (low blood glucose)', url: 'https://diabetes.org/living-with-diabetes/hypoglycemia-low-blood-glucose' }
const ADA_TARGETS: Source = { title: 'ADA Standards of Care in Diabetes, glycemic goals', url: 'https://diabetesjournals.org/care/issue/47/Supplement_1' }
const ADA_PLATE: Source = { title: 'ADA: The Diabetes Plate Method', url: 'https://diabetes.org/food-nutrition/meal-planning' }
const ADA_ACTIVITY: Source = { title: 'ADA: Get moving (physical activity with diabetes)', url: 'https://diabetes.org/health-wellness/fitness' }

/** What the topics' patterns read: lower case, Devanagari folded, punctuation as spaces. */
const normaliseQuestion = matchable

const re = (source: string) => new RegExp(foldDevanagari(source), 'u')

/** Checked in order: the more specific topics come first ("high sugar" before "sugar"). */
export const HEALTH_TOPICS: HealthTopic[] = [
  {
    id: 'low_sugar',
    matches: [
      re(`\\b(?:low sugar|hypo|sugar (?:is |goes |went |falls |drops )?(?:low|down|below)|sugar (?:\\S+ ){0,3}(?:[2-6]\\d)\\b(?! (?:min|minutes|hours|ghante))|sugar kam|sugar gir)\\b.{0,40}\\b(?:what|kya|how|kaise|should|karna|karein|karu|do)\\b`),
      re(`\\b(?:what|kya) (?:to do|should i do|do i do|karna chahiye|karein|karu)\\b.{0,30}\\b(?:low sugar|hypo|sugar (?:\\S+ ){0,2}(?:low|kam|down|gir\\w*))`),
      re(`शुगर (?:कम|गिर|लो).{0,30}(?:क्या|कैसे)`),
    ],
    answer: {
      en:
        'If sugar is below 70 mg/dL: take 15 g of fast sugar (3 teaspoons of sugar or glucose in water, or half a glass of fruit juice), ' +
        'check again after 15 minutes, and repeat if it is still below 70; then eat a snack or your meal. If the person is confused, ' +
        "very drowsy or cannot swallow, don't give anything by mouth: call 112 or 108. (Source: ADA)",
      hi:
        'अगर शुगर 70 mg/dL से कम हो: 15 ग्राम जल्दी असर करने वाली चीनी लें (पानी में 3 चम्मच चीनी या ग्लूकोज, या आधा गिलास फलों का जूस), ' +
        '15 मिनट बाद फिर जाँचें, और 70 से कम हो तो दोहराएं; फिर नाश्ता या खाना खाएं। अगर व्यक्ति उलझन में हो, बहुत सुस्त हो या निगल न पाए, ' +
        'तो मुँह से कुछ न दें: 112 या 108 पर कॉल करें। (स्रोत: ADA)',
      'hi-Latn':
        'Agar sugar 70 mg/dL se kam ho: 15 gram jaldi asar karne wali cheeni lein (paani mein 3 chammach cheeni ya glucose, ya aadha glass fruit juice), ' +
        '15 minute baad phir jaanchein, aur 70 se kam ho to dohraayein; phir nashta ya khana khaayein. Agar vyakti uljhan mein ho, bahut sust ho ya nigal na paaye, ' +
        'to munh se kuch na dein: 112 ya 108 par call karein. (Source: ADA)',
    },
    sources: [ADA_LOW],
  },
  {
    id: 'high_sugar',
    matches: [
      re(`\\b(?:high|very high|zyada|jyada|badhi|badha) (?:blood )?sugar\\b.{0,50}\\b(?:dangerous|danger|doctor|hospital|when|worry|khatarnak|kab)\\b`),
      re(`\\bsugar (?:\\S+ ){0,3}(?:high|zyada|jyada|badh)\\b.{0,40}\\b(?:dangerous|danger|doctor|hospital|when|worry|khatarnak|kab)\\b`),
      re(`\\b(?:when|kab)\\b.{0,30}\\b(?:sugar|glucose)\\b.{0,30}\\b(?:dangerous|danger|doctor|hospital|khatarnak)\\b`),
      re(`\\b(?:call|see|go to|visit) (?:the |my |a )?(?:doctor|hospital)\\b.{0,25}\\b(?:high|very high|zyada) (?:blood )?sugar\\b|\\bwhat sugar (?:level|reading)\\b.{0,30}\\b(?:doctor|hospital|dangerous)\\b`),
      re(`\\bwhat (?:would|will|could) happen if (?:my )?sugar (?:\\S+ ){0,2}(?:goes|went|go|reaches|is) (?:to |up to |above )?[3-9]\\d\\d\\b`),
      re(`(?:ज्यादा|बढी|हाई) शुगर.{0,40}(?:खतरनाक|डॉक्टर|कब)|शुगर.{0,30}(?:खतरनाक|कब डॉक्टर)`),
    ],
    answer: {
      en:
        'Call your doctor today if your sugar stays above 240 mg/dL on repeated checks, or above 300 even once. Check for ketones if you ' +
        'have strips. Get emergency help (112 or 108) if high sugar comes with vomiting, drowsiness, confusion, fast breathing or ' +
        'stomach pain. Meanwhile drink water and check again in a few hours. (Source: ADA)',
      hi:
        'अगर बार-बार जाँचने पर शुगर 240 mg/dL से ऊपर रहे, या एक बार भी 300 से ऊपर हो, तो आज ही डॉक्टर को फ़ोन करें। स्ट्रिप हों तो कीटोन जाँचें। ' +
        'अगर ज़्यादा शुगर के साथ उल्टी, बहुत नींद, उलझन, तेज़ साँस या पेट दर्द हो, तो तुरंत 112 या 108 पर कॉल करें। तब तक पानी पिएं ' +
        'और कुछ घंटों में फिर जाँचें। (स्रोत: ADA)',
      'hi-Latn':
        'Agar baar-baar jaanchne par sugar 240 mg/dL se upar rahe, ya ek baar bhi 300 se upar ho, to aaj hi doctor ko phone karein. Strip hon to ketone jaanchein. ' +
        'Agar zyada sugar ke saath ulti, bahut neend, uljhan, tez saans ya pet dard ho, to turant 112 ya 108 par call karein. Tab tak paani piyein ' +
        'aur kuch ghanton mein phir jaanchein. (Source: ADA)',
    },
    sources: [ADA_HIGH],
  },
  {
    id: 'glucose_targets',
    matches: [
      re(`\\b(?:normal|target|ideal|healthy)\\b.{0,20}\\b(?:sugar|glucose)\\b|\\b(?:sugar|glucose)\\b.{0,30}\\b(?:normal|target|should be|kitni honi|kitna hona|kitni hona)\\b`),
      re(`\\bwhat should (?:my |the )?(?:fasting |after food |after meal |random |pp )?(?:blood )?(?:sugar|glucose)(?: level)? be\\b`),
      re(`(?:नॉर्मल|सामान्य|सही) शुगर|शुगर.{0,20}(?:कितनी होनी|कितना होना|नॉर्मल|सामान्य)`),
    ],
    answer: {
      en:
        'For most adults with diabetes the ADA target is 80–130 mg/dL before meals and under 180 mg/dL 1–2 hours after starting a meal. ' +
        'Without diabetes, sugar is usually under 100 fasting and under 140 two hours after food. Your doctor may set different targets ' +
        'for you, especially if you are older or have low sugars. (Source: ADA)',
      hi:
        'डायबिटीज़ वाले ज़्यादातर लोगों के लिए ADA का लक्ष्य खाने से पहले 80–130 mg/dL और खाना शुरू करने के 1–2 घंटे बाद 180 mg/dL से कम है। ' +
        'बिना डायबिटीज़ के, खाली पेट शुगर आमतौर पर 100 से कम और खाने के दो घंटे बाद 140 से कम रहती है। आपके डॉक्टर आपके लिए अलग लक्ष्य तय कर सकते हैं। (स्रोत: ADA)',
      'hi-Latn':
        'Diabetes wale zyadatar logon ke liye ADA ka lakshya khane se pehle 80–130 mg/dL aur khana shuru karne ke 1–2 ghante baad 180 mg/dL se kam hai. ' +
        'Bina diabetes ke, khaali pet sugar aam taur par 100 se kam aur khane ke do ghante baad 140 se kam rehti hai. Aapke doctor aapke liye alag lakshya tay kar sakte hain. (Source: ADA)',
    },
    sources: [ADA_TARGETS],
  },
  {
    id: 'bp_levels',
    matches: [
      re(`\\bis \\d{2,3}\\s*(?:/|over|by)\\s*\\d{2,3} (?:high|low|normal|ok|okay|good|bad|dangerous)\\b`),
      re(`\\b(?:normal|target|good|ideal|healthy)\\b.{0,15}\\b(?:bp|blood pressure)\\b|\\b(?:bp|blood pressure)\\b.{0,25}\\b(?:normal|should be|kitna hona|kitni honi)\\b`),
      re(`\\b\\d{2,3}\\s*(?:/|by)\\s*\\d{2,3} (?:high|zyada|theek|normal) (?:hai|he) kya\\b`),
      re(`(?:नॉर्मल|सामान्य|सही) (?:बीपी|ब्लड प्रेशर)|(?:बीपी|ब्लड प्रेशर).{0,20}(?:कितना होना|नॉर्मल|सामान्य)`),
    ],
    answer: {
      en:
        'For adults, BP under 120/80 is normal; a top number of 120–129 is elevated; 130–139 or a bottom number of 80–89 is stage 1 high BP; ' +
        '140/90 or above is stage 2 high BP. At 180/120 or above, rest 5 minutes and measure again, then call your doctor; call 112 or 108 ' +
        'if you also have chest pain, breathlessness, weakness, or trouble seeing or speaking. (Source: AHA)',
      hi:
        'वयस्कों में 120/80 से कम बीपी सामान्य है; ऊपर वाला नंबर 120–129 हो तो बढ़ा हुआ; 130–139 या नीचे वाला 80–89 हो तो स्टेज 1 हाई बीपी; ' +
        '140/90 या ज़्यादा हो तो स्टेज 2 हाई बीपी। 180/120 या ज़्यादा हो तो 5 मिनट आराम करके फिर नापें और डॉक्टर को फ़ोन करें; साथ में सीने में दर्द, ' +
        'साँस फूलना, कमज़ोरी या देखने-बोलने में दिक्कत हो तो 112 या 108 पर कॉल करें। (स्रोत: AHA)',
      'hi-Latn':
        'Vayaskon mein 120/80 se kam BP normal hai; upar wala number 120–129 ho to badha hua; 130–139 ya neeche wala 80–89 ho to stage 1 high BP; ' +
        '140/90 ya zyada ho to stage 2 high BP. 180/120 ya zyada ho to 5 minute aaram karke phir naapein aur doctor ko phone karein; saath mein seene mein dard, ' +
        'saans phoolna, kamzori ya dekhne-bolne mein dikkat ho to 112 ya 108 par call karein. (Source: AHA)',
    },
    sources: [AHA_BP_LEVELS],
  },
  {
    id: 'measure_bp',
    matches: [
      re(`\\b(?:how|right way|correct(?:ly)?|properly)\\b.{0,30}\\b(?:measure|check|take|naap|naapen|naapna|check kar)\\w*\\b.{0,20}\\b(?:bp|blood pressure)\\b`),
      re(`\\b(?:bp|blood pressure)\\b.{0,20}\\b(?:kaise|how to) (?:naap|naape|naapein|naapna|check|measure)`),
      re(`(?:बीपी|ब्लड प्रेशर).{0,20}कैसे (?:नाप|चेक)`),
    ],
    answer: {
      en:
        'To measure BP at home: no tea, coffee, smoking or exercise for 30 minutes before; sit quietly for 5 minutes with your back ' +
        'supported and feet flat; rest your arm on a table at heart level, cuff on bare skin just above the elbow; stay still and ' +
        "don't talk; take 2 readings 1 minute apart, morning and evening, and tell me both. (Source: AHA)",
      hi:
        'घर पर बीपी नापने के लिए: 30 मिनट पहले तक चाय, कॉफ़ी, धूम्रपान या कसरत न करें; पीठ टिकाकर और पैर ज़मीन पर रखकर 5 मिनट शांत बैठें; ' +
        'बाँह मेज़ पर दिल की ऊँचाई पर रखें, कफ़ खुली त्वचा पर कोहनी के ठीक ऊपर; स्थिर रहें और बात न करें; 1 मिनट के अंतर पर 2 रीडिंग लें, ' +
        'सुबह और शाम, और दोनों मुझे बताएं। (स्रोत: AHA)',
      'hi-Latn':
        'Ghar par BP naapne ke liye: 30 minute pehle tak chai, coffee, dhumrapaan ya kasrat na karein; peeth tikakar aur pair zameen par rakhkar 5 minute shaant baithein; ' +
        'baanh mez par dil ki unchai par rakhein, cuff khuli twacha par kohni ke theek upar; sthir rahein aur baat na karein; 1 minute ke antar par 2 reading lein, ' +
        'subah aur shaam, aur dono mujhe bataayein. (Source: AHA)',
    },
    sources: [AHA_HOME_BP],
  },
  {
    id: 'salt',
    matches: [re(`\\b(?:salt|sodium|namak|sendha)\\b`), re(`नमक`)],
    answer: {
      en:
        'Keep salt under 5 g a day in all: about one level teaspoon, counting what is already in food. Too much salt raises blood ' +
        'pressure. Cut down on pickles, papad, namkeen, chutneys and packaged foods, and add less salt while cooking; rock salt (sendha ' +
        'namak) counts as salt too. (Source: WHO; ICMR-NIN)',
      hi:
        'पूरे दिन में नमक 5 ग्राम से कम रखें: लगभग एक छोटा चम्मच, खाने में पहले से मौजूद नमक मिलाकर। ज़्यादा नमक बीपी बढ़ाता है। ' +
        'अचार, पापड़, नमकीन, चटनी और पैकेट वाला खाना कम करें, और पकाते समय कम नमक डालें; सेंधा नमक भी नमक ही है। (स्रोत: WHO; ICMR-NIN)',
      'hi-Latn':
        'Poore din mein namak 5 gram se kam rakhein: lagbhag ek chhota chammach, khane mein pehle se maujood namak milakar. Zyada namak BP badhata hai. ' +
        'Achaar, papad, namkeen, chutney aur packet wala khana kam karein, aur pakaate samay kam namak daalein; sendha namak bhi namak hi hai. (Source: WHO; ICMR-NIN)',
    },
    sources: [WHO_SALT, ICMR_NIN],
  },
  {
    id: 'walk_after_meals',
    matches: [
      re(`\\b(?:walk|walking|stroll)\\w*\\b.{0,20}\\bafter (?:meals?|food|eating|lunch|dinner|breakfast)\\b`),
      re(`\\b(?:khane|khaane|khana khane) ke baad\\b.{0,20}\\b(?:tehel|tahal|walk|chal|ghoom|sair)\\w*`),
      re(`खाने के बाद.{0,20}(?:टहल|सैर|चल|घूम|वॉक)`),
    ],
    answer: {
      en:
        'Yes. A light 10–15 minute walk after meals helps lower the rise in blood sugar after eating, and getting up every half hour ' +
        'instead of sitting long helps too. Walk at an easy pace, and carry something sweet if you take insulin or sugar tablets that ' +
        'can cause lows. (Source: ADA)',
      hi:
        'हाँ। खाने के बाद 10–15 मिनट हल्का टहलने से खाने के बाद शुगर कम बढ़ती है, और लंबे समय बैठने के बजाय हर आधे घंटे उठना भी मदद करता है। ' +
        'आराम से चलें, और अगर आप इंसुलिन या शुगर की ऐसी गोली लेते हैं जिससे शुगर कम हो सकती है, तो कुछ मीठा साथ रखें। (स्रोत: ADA)',
      'hi-Latn':
        'Haan. Khane ke baad 10–15 minute halka tehelne se khane ke baad sugar kam badhti hai, aur lambe samay baithne ke bajaay har aadhe ghante uthna bhi madad karta hai. ' +
        'Aaraam se chalein, aur agar aap insulin ya sugar ki aisi goli lete hain jisse sugar kam ho sakti hai, to kuch meetha saath rakhein. (Source: ADA)',
    },
    sources: [ADA_ACTIVITY],
  },
  {
    id: 'activity',
    matches: [
      re(`\\b(?:exercise|exercises|activity|workout|yoga|walking|walk|vyayam|kasrat)\\b.{0,40}\\b(?:good|best|safe|how much|how long|should|kitna|kitni|kaun si|konsi|kya|theek)\\b`),
      re(`\\b(?:what|which|how much|how long|should|kitna|kitni|kaun si|konsi)\\b.{0,30}\\b(?:exercise|exercises|activity|workout|yoga|walk|vyayam|kasrat)\\b`),
      re(`(?:व्यायाम|कसरत|योग|सैर).{0,30}(?:कितना|कितनी|कौन सा|कौन सी|अच्छा|ठीक)|(?:कितना|कितनी|कौन सा|कौन सी).{0,20}(?:व्यायाम|कसरत|योग|सैर|चलना)`),
      // "Roz kitna chalna chahiye?" (also how रोज़ कितना चलना चाहिए reads in Latin letters).
      re(`\\b(?:kitna|kitni|kitne|kitni der)\\b.{0,20}\\b(?:chalna|chalein|chalu|tehelna|tahalna|walk karni|walk karna)\\b.{0,20}\\b(?:chahiye|theek|sahi)\\b`),
    ],
    answer: {
      en:
        'Aim for about 150 minutes a week of moderate activity, such as brisk walking, for example 30 minutes on 5 days; add gentle ' +
        'strength exercises twice a week and balance exercises (yoga, standing on one leg holding a chair) to prevent falls. Start ' +
        'slowly, and stop if you feel chest pain, dizziness or breathlessness. Ask your doctor first if you have heart problems. (Source: WHO)',
      hi:
        'हफ़्ते में लगभग 150 मिनट मध्यम गतिविधि का लक्ष्य रखें, जैसे तेज़ चलना, मसलन 5 दिन रोज़ 30 मिनट; हफ़्ते में दो बार हल्की ताक़त वाली कसरत ' +
        'और गिरने से बचने के लिए संतुलन की कसरत (योग, कुर्सी पकड़कर एक पैर पर खड़े होना) जोड़ें। धीरे-धीरे शुरू करें, और सीने में दर्द, चक्कर ' +
        'या साँस फूले तो रुक जाएं। दिल की बीमारी हो तो पहले डॉक्टर से पूछें। (स्रोत: WHO)',
      'hi-Latn':
        'Hafte mein lagbhag 150 minute madhyam gatividhi ka lakshya rakhein, jaise tez chalna, maslan 5 din roz 30 minute; hafte mein do baar halki taakat wali kasrat ' +
        'aur girne se bachne ke liye santulan ki kasrat (yoga, kursi pakadkar ek pair par khade hona) jodein. Dheere-dheere shuru karein, aur seene mein dard, chakkar ' +
        'ya saans phoole to ruk jaayein. Dil ki bimari ho to pehle doctor se poochhein. (Source: WHO)',
    },
    sources: [WHO_ACTIVITY],
  },
  {
    id: 'sleep_tips',
    matches: [
      re(`\\b(?:keep waking|wake up (?:at night|often|many times)|can'?t sleep|cannot sleep|trouble sleeping|not sleeping well|sleep better|insomnia)\\b.{0,40}\\b(?:tips?|what|how|help|should|advice)\\b`),
      re(`\\b(?:tips?|how)\\b.{0,20}\\b(?:sleep better|better sleep|good sleep|fall asleep)\\b`),
      re(`\\bneend (?:nahi|nahin|nhi) aati\\b.{0,30}\\b(?:kya|kaise)\\b|\\bachhi neend\\b.{0,20}\\b(?:kaise|kya)\\b`),
      re(`नींद नहीं आती.{0,30}(?:क्या|कैसे)|अच्छी नींद.{0,20}(?:कैसे|क्या)`),
    ],
    answer: {
      en:
        'For better sleep: go to bed and get up at the same time every day; no tea or coffee after mid-afternoon; keep naps under 30 ' +
        'minutes; stay active in the day; no screens for an hour before bed; keep the room dark, quiet and cool. If waking at night goes ' +
        'on for weeks, or you pass urine often at night, tell your doctor. (Source: NIA)',
      hi:
        'अच्छी नींद के लिए: रोज़ एक ही समय पर सोएं और उठें; दोपहर बाद चाय या कॉफ़ी न लें; दिन की झपकी 30 मिनट से कम रखें; दिन में सक्रिय रहें; ' +
        'सोने से एक घंटा पहले मोबाइल-टीवी बंद करें; कमरा अंधेरा, शांत और ठंडा रखें। अगर रात में जागना हफ़्तों चले, या रात में बार-बार पेशाब जाना पड़े, ' +
        'तो डॉक्टर को बताएं। (स्रोत: NIA)',
      'hi-Latn':
        'Achhi neend ke liye: roz ek hi samay par soyein aur uthein; dopahar baad chai ya coffee na lein; din ki jhapki 30 minute se kam rakhein; din mein sakriya rahein; ' +
        'sone se ek ghanta pehle mobile-TV band karein; kamra andhera, shaant aur thanda rakhein. Agar raat mein jaagna hafton chale, ya raat mein baar-baar peshaab jaana pade, ' +
        'to doctor ko bataayein. (Source: NIA)',
    },
    sources: [NIA_SLEEP],
  },
  {
    id: 'sleep_hours',
    matches: [
      re(`\\bhow (?:many|much)\\b.{0,15}\\b(?:hours?|sleep)\\b.{0,20}\\b(?:sleep|should|need)\\b|\\bhow much sleep\\b`),
      re(`\\b(?:kitne|kitni) (?:ghante|der)\\b.{0,20}\\b(?:sona|soyen|soye|neend)\\b|\\bkitni neend\\b`),
      re(`कितने घंटे.{0,20}(?:सोना|सोएं|नींद)|कितनी नींद`),
    ],
    answer: {
      en:
        'Most adults need 7–9 hours of sleep a night, and after 65 about 7–8 hours. If you often sleep much less, snore loudly or feel ' +
        'sleepy in the day, tell your doctor. (Source: CDC)',
      hi:
        'ज़्यादातर वयस्कों को रात में 7–9 घंटे की नींद चाहिए, और 65 के बाद लगभग 7–8 घंटे। अगर आप अक्सर बहुत कम सोते हैं, ज़ोर से खर्राटे लेते हैं ' +
        'या दिन में नींद आती है, तो डॉक्टर को बताएं। (स्रोत: CDC)',
      'hi-Latn':
        'Zyadatar vayaskon ko raat mein 7–9 ghante ki neend chahiye, aur 65 ke baad lagbhag 7–8 ghante. Agar aap aksar bahut kam sote hain, zor se kharraate lete hain ' +
        'ya din mein neend aati hai, to doctor ko bataayein. (Source: CDC)',
    },
    sources: [CDC_SLEEP],
  },
  {
    id: 'fever',
    matches: [
      re(`\\b(?:fever|temperature|bukhar|bukhaar)\\b.{0,40}\\b(?:doctor|when|hospital|kab|worry|serious)\\b|\\b(?:when|kab)\\b.{0,30}\\b(?:fever|bukhar|bukhaar)\\b`),
      re(`बुखार.{0,40}(?:डॉक्टर|कब|अस्पताल)|कब.{0,30}बुखार`),
    ],
    answer: {
      en:
        'See a doctor if a fever of 100.4 °F (38 °C) or more lasts over 2 days, goes to 103 °F (39.4 °C) or higher, or keeps coming back; ' +
        'older adults and people with diabetes should call sooner. Get urgent help for fever with confusion, a stiff neck, a rash, ' +
        'breathing trouble, chest pain or repeated vomiting. Drink plenty of fluids meanwhile. (Source: NHS)',
      hi:
        'अगर 100.4 °F (38 °C) या ज़्यादा बुखार 2 दिन से ज़्यादा रहे, 103 °F (39.4 °C) या ज़्यादा हो जाए, या बार-बार आए, तो डॉक्टर को दिखाएं; ' +
        'बुज़ुर्ग और डायबिटीज़ वाले लोग जल्दी फ़ोन करें। बुखार के साथ उलझन, गर्दन में अकड़न, दाने, साँस की तकलीफ़, सीने में दर्द या बार-बार उल्टी हो ' +
        'तो तुरंत मदद लें। तब तक खूब पानी पिएं। (स्रोत: NHS)',
      'hi-Latn':
        'Agar 100.4 °F (38 °C) ya zyada bukhar 2 din se zyada rahe, 103 °F (39.4 °C) ya zyada ho jaaye, ya baar-baar aaye, to doctor ko dikhaayein; ' +
        'buzurg aur diabetes wale log jaldi phone karein. Bukhar ke saath uljhan, gardan mein akdan, daane, saans ki takleef, seene mein dard ya baar-baar ulti ho ' +
        'to turant madad lein. Tab tak khoob paani piyein. (Source: NHS)',
    },
    sources: [NHS_FEVER],
  },
  {
    id: 'rice_carbs',
    matches: [
      re(`\\b(?:rice|chawal|chaawal|roti|chapati|carbs?)\\b.{0,40}\\b(?:diabet\\w*|sugar|can i|can we|should i|kha sakte|kha sakta|kha sakti|theek|ok|okay|good|bad)\\b`),
      re(`\\b(?:can|should) (?:diabetics?|i|we)\\b.{0,15}\\b(?:eat|have)\\b.{0,10}\\b(?:rice|chawal|roti)\\b`),
      re(`(?:चावल|रोटी).{0,30}(?:खा सकते|खा सकता|खा सकती|ठीक|शुगर)`),
    ],
    answer: {
      en:
        'Yes, in a smaller portion. Fill half your plate with vegetables, a quarter with dal, paneer, egg or another protein, and only a ' +
        'quarter with rice or roti. Brown rice, millets and whole wheat are better than white rice, and eating the vegetables and dal ' +
        'first helps. Check your sugar 2 hours after to see how a portion suits you. (Source: ADA Diabetes Plate Method)',
      hi:
        'हाँ, कम मात्रा में। आधी थाली सब्ज़ियों से भरें, एक चौथाई दाल, पनीर, अंडे या दूसरे प्रोटीन से, और सिर्फ़ एक चौथाई चावल या रोटी से। ' +
        'सफ़ेद चावल से ब्राउन राइस, मोटे अनाज (बाजरा, रागी) और गेहूँ का आटा बेहतर हैं, और पहले सब्ज़ी और दाल खाना मदद करता है। ' +
        'खाने के 2 घंटे बाद शुगर जाँचकर देखें कि कितनी मात्रा ठीक बैठती है। (स्रोत: ADA)',
      'hi-Latn':
        'Haan, kam maatra mein. Aadhi thaali sabziyon se bharein, ek chauthai dal, paneer, ande ya doosre protein se, aur sirf ek chauthai chawal ya roti se. ' +
        'Safed chawal se brown rice, mote anaaj (bajra, ragi) aur gehun ka aata behtar hain, aur pehle sabzi aur dal khaana madad karta hai. ' +
        'Khane ke 2 ghante baad sugar jaanchkar dekhein ki kitni maatra theek baithti hai. (Source: ADA)',
    },
    sources: [ADA_PLATE],
  },
  {
    id: 'diet_for_sugar',
    matches: [
      re(`\\b(?:foods?|diet|eat|eating|khana|khaana|khaye|khayein|what to eat|kya khaye\\w*)\\b.{0,40}\\b(?:sugar|diabet\\w*|glucose)\\b.{0,30}\\b(?:help|helps|steady|stable|control|down|low|kam|best|good|theek)\\b`),
      re(`\\b(?:sugar|diabet\\w*|glucose)\\b.{0,30}\\b(?:control|steady|stable|kam|down)\\b.{0,30}\\b(?:foods?|diet|eat|khana|khaana|khaye\\w*)\\b`),
      re(`\\b(?:best|good|right) (?:diet|food|foods) (?:for|in) (?:diabet\\w*|sugar)\\b|\\bdiabetic diet\\b`),
      re(`शुगर.{0,30}(?:क्या खाएं|क्या खाना|खाना चाहिए|कंट्रोल)|(?:क्या खाएं|खाने).{0,30}शुगर`),
    ],
    answer: {
      en:
        'Fill half your plate with vegetables, a quarter with dal, chana, paneer, curd, egg or fish for protein, and a quarter with ' +
        'whole grains — millets (ragi, jowar, bajra), whole wheat roti or brown rice — rather than white rice or maida. Fibre from ' +
        'vegetables, dal and whole fruit slows the rise in sugar; eat at regular times and keep sweets, juice and fried snacks small. ' +
        '(Source: ADA Diabetes Plate Method, ICMR-NIN)',
      hi:
        'आधी थाली सब्ज़ियों से भरें, एक चौथाई प्रोटीन से (दाल, चना, पनीर, दही, अंडा या मछली), और एक चौथाई साबुत अनाज से — ' +
        'मोटे अनाज (रागी, ज्वार, बाजरा), गेहूँ की रोटी या ब्राउन राइस — सफ़ेद चावल या मैदे की जगह। सब्ज़ी, दाल और साबुत फलों का फ़ाइबर ' +
        'शुगर धीरे बढ़ने देता है; समय पर खाएं और मिठाई, जूस और तली चीज़ें कम रखें। (स्रोत: ADA, ICMR-NIN)',
      'hi-Latn':
        'Aadhi thaali sabziyon se bharein, ek chauthai protein se (dal, chana, paneer, dahi, anda ya machhli), aur ek chauthai saabut anaaj se — ' +
        'mote anaaj (ragi, jowar, bajra), gehun ki roti ya brown rice — safed chawal ya maide ki jagah. Sabzi, dal aur saabut phalon ka fibre ' +
        'sugar dheere badhne deta hai; samay par khaayein aur mithai, juice aur tali cheezein kam rakhein. (Source: ADA, ICMR-NIN)',
    },
    sources: [ADA_PLATE, ICMR_NIN],
  },
  {
    id: 'fruit',
    matches: [
      re(`\\b(?:mango|mangoes|aam|banana|bananas|kela|kele|fruit|fruits|phal|grapes|angoor|chikoo|chiku|papaya|apple|seb|guava|amrood)\\b.{0,40}\\b(?:can i|can we|ok|okay|safe|good|bad|kha sakte|kha sakta|kha sakti|theek|diabet\\w*|sugar)\\b`),
      re(`\\b(?:can i|can we|is it ok|is it okay|is it safe)\\b.{0,20}\\b(?:eat|have)\\b.{0,15}\\b(?:mango|banana|fruit|grapes|chikoo|papaya|apple|guava)\\w*`),
      re(`(?:आम|केला|केले|फल|अंगूर|चीकू|पपीता|सेब|अमरूद).{0,30}(?:खा सकते|खा सकता|खा सकती|ठीक|शुगर)`),
    ],
    answer: {
      en:
        'Yes, fruit is fine in small portions: one small mango or banana, or a bowl of papaya, guava or apple, eaten whole rather than ' +
        'as juice, and better with a meal than on its own. Very sweet fruits like chikoo, grapes and ripe mango raise sugar faster, so ' +
        'keep those portions small. Check your sugar 2 hours later to see how it suits you. (Source: ADA)',
      hi:
        'हाँ, फल थोड़ी मात्रा में ठीक हैं: एक छोटा आम या केला, या एक कटोरी पपीता, अमरूद या सेब; जूस के बजाय साबुत फल खाएं, और अकेले के बजाय ' +
        'खाने के साथ। चीकू, अंगूर और पका आम जैसे बहुत मीठे फल शुगर जल्दी बढ़ाते हैं, इसलिए इनकी मात्रा कम रखें। 2 घंटे बाद शुगर जाँचकर देखें। (स्रोत: ADA)',
      'hi-Latn':
        'Haan, phal thodi maatra mein theek hain: ek chhota aam ya kela, ya ek katori papita, amrood ya seb; juice ke bajaay saabut phal khaayein, aur akele ke bajaay ' +
        'khane ke saath. Chikoo, angoor aur paka aam jaise bahut meethe phal sugar jaldi badhaate hain, isliye inki maatra kam rakhein. 2 ghante baad sugar jaanchkar dekhein. (Source: ADA)',
    },
    sources: [ADA_PLATE],
  },
  {
    id: 'sugar_sweets',
    matches: [
      re(`\\b(?:sweets?|mithai|mithaai|meetha|cheeni|chini|shakkar|sugar in (?:my )?(?:tea|chai|coffee|milk)|jaggery|gur|honey|shahad|laddoos?|ladoos?|gulab jamun|rasgulla|jalebi|halwa|kheer|barfi|dessert|chocolate|ice ?cream)\\b.{0,40}\\b(?:can i|can we|ok|okay|safe|better|good|bad|how much|kitna|kitni|kha sakte|kha sakta|kha sakti|theek|diabet\\w*)\\b`),
      re(`\\b(?:can i|can we|is it ok|is it okay|how much|how many)\\b.{0,30}\\b(?:sweets?|mithai|cheeni|chini|jaggery|gur|honey|laddoos?|gulab jamun|rasgulla|jalebi|halwa|kheer|sugar)\\b`),
      re(`\\b(?:kya (?:main|mai|hum))\\b.{0,20}\\b(?:mithai|laddoo|ladoo|gulab jamun|rasgulla|jalebi|halwa|kheer|barfi|meetha)\\b.{0,15}\\bkha (?:sakta|sakti|sakte)`),
      re(`(?:मिठाई|मीठा|गुड|शहद|लड्डू|गुलाब जामुन|रसगुल्ला|जलेबी|हलवा|खीर|बर्फी|चीनी).{0,30}(?:खा सकते|खा सकता|खा सकती|ठीक|कितना|कितनी)`),
    ],
    answer: {
      en:
        'Sugar, gur (jaggery), honey and sweets all raise blood sugar the same way; gur is not safer than sugar. Keep added sugar low: ' +
        'WHO advises under 10% of daily energy, ideally under 5% (about 6 teaspoons or less a day, tea included). If you have a sweet, ' +
        'have a small piece with a meal rather than on its own, and check your sugar 2 hours later. (Source: WHO; ADA)',
      hi:
        'चीनी, गुड़, शहद और मिठाई सब खून की शुगर एक जैसे बढ़ाते हैं; गुड़ चीनी से ज़्यादा सुरक्षित नहीं है। ऊपर से डाली गई चीनी कम रखें: WHO के अनुसार ' +
        'दिन की ऊर्जा के 10% से कम, हो सके तो 5% से कम (दिन में लगभग 6 छोटे चम्मच या कम, चाय वाली चीनी मिलाकर)। मिठाई खानी हो तो अकेले के बजाय ' +
        'खाने के साथ छोटा टुकड़ा लें, और 2 घंटे बाद शुगर जाँचें। (स्रोत: WHO; ADA)',
      'hi-Latn':
        'Cheeni, gur, shahad aur mithai sab khoon ki sugar ek jaise badhaate hain; gur cheeni se zyada surakshit nahi hai. Upar se daali gayi cheeni kam rakhein: WHO ke anusaar ' +
        'din ki oorja ke 10% se kam, ho sake to 5% se kam (din mein lagbhag 6 chhote chammach ya kam, chai wali cheeni milakar). Mithai khaani ho to akele ke bajaay ' +
        'khane ke saath chhota tukda lein, aur 2 ghante baad sugar jaanchein. (Source: WHO; ADA)',
    },
    sources: [WHO_SUGARS, ADA_PLATE],
  },
  {
    id: 'hydration',
    matches: [
      re(`\\b(?:how much|how many (?:glasses|litres|liters)|enough|kitna|kitni|kitne)\\b.{0,30}\\b(?:water|paani|pani|fluids?|glass(?:es)? of water)\\b`),
      re(`\\b(?:water|paani|pani|fluids?)\\b.{0,40}\\b(?:should i|how much|daily|a day|per day|kitna|kitni|chahiye|enough|heat|summer|garmi)\\b`),
      re(`\\b(?:stay hydrated|hydration|dehydrat\\w*)\\b`),
      re(`पानी.{0,30}(?:कितना|कितनी|चाहिए)|(?:कितना|कितनी).{0,20}पानी`),
    ],
    answer: {
      en:
        'Most adults need about 6–8 glasses (roughly 1.5–2 litres) of fluid a day; water is best, and tea, milk, buttermilk and dal count ' +
        'too. Drink more in hot weather or if you sweat, and sip through the day even when not thirsty, since thirst weakens with age. ' +
        'If your doctor has limited your fluids (heart or kidney problems), follow their limit. (Source: NHS)',
      hi:
        'ज़्यादातर वयस्कों को दिन में लगभग 6–8 गिलास (करीब 1.5–2 लीटर) तरल चाहिए; पानी सबसे अच्छा है, और चाय, दूध, छाछ और दाल भी गिने जाते हैं। ' +
        'गर्मी में या पसीना आने पर ज़्यादा पिएं, और प्यास न लगे तब भी दिन भर घूँट-घूँट पीते रहें, क्योंकि उम्र के साथ प्यास कम लगती है। ' +
        'अगर डॉक्टर ने पानी सीमित करने को कहा है (दिल या गुर्दे की बीमारी), तो उनकी बात मानें। (स्रोत: NHS)',
      'hi-Latn':
        'Zyadatar vayaskon ko din mein lagbhag 6–8 glass (kareeb 1.5–2 litre) paani ya taral chahiye; paani sabse achha hai, aur chai, doodh, chhaachh aur dal bhi gine jaate hain. ' +
        'Garmi mein ya paseena aane par zyada piyein, aur pyaas na lage tab bhi din bhar ghoont-ghoont peete rahein, kyonki umar ke saath pyaas kam lagti hai. ' +
        'Agar doctor ne paani seemit karne ko kaha hai (dil ya gurde ki bimari), to unki baat maanein. (Source: NHS)',
    },
    sources: [NHS_WATER],
  },
]

/** Words that make an unanswered question a health question (the doctor can answer it). */
const HEALTH_WORDS = re(
  `\\b(?:doctor|dr|medicine|medicines|tablet|tablets|pill|pills|dawai|dawa|goli|drug|dose|treatment|treat|cure|ilaaj|ilaj|vaccine|vaccin\\w*|` +
    `injection|operation|operated|surgery|disease|bimari|illness|pain|dard|ache|safe|health|sehat|blood|sugar|bp|pressure|diabet\\w*|heart|dil|` +
    `kidney|liver|knee|ghutna|ghutne|joint|eye|eyes|aankh|cataract|arthritis|thyroid|cholesterol|cancer|ayurved\\w*|homeopath\\w*|` +
    `ashwagandha|supplement|vitamin|calcium|test|report|symptom|fever|bukhar|cough|cold|infection|donate|pregnan\\w*|allerg\\w*|` +
    `eat|eating|food|meal|meals|diet|breakfast|lunch|dinner|skip|fasting|fast|vrat|upvas|khana|weight|sleep|neend|walk|exercise|` +
    `[a-z]*(?:formin|dipine|sartan|statin|pril|olol|gliptin|gliflozin|prazole)[a-z]*)\\b|` +
    `डॉक्टर|दवा|दवाई|गोली|इलाज|ऑपरेशन|बीमारी|दर्द|घुटने|आंख|शुगर|बीपी|दिल|टीका|सेहत`,
)

export const HEALTH_INFO_TEXTS = defineTexts({
  unknown_health: {
    en: "I can't answer that one reliably; your doctor can. For questions about medicines, your pharmacist can help too.",
    hi: 'मैं इसका भरोसेमंद जवाब नहीं दे सकता; आपके डॉक्टर दे सकते हैं। दवाओं के सवालों में आपके फ़ार्मासिस्ट भी मदद कर सकते हैं।',
    'hi-Latn': 'Main iska bharosemand jawab nahi de sakta; aapke doctor de sakte hain. Dawaiyon ke sawaalon mein aapke pharmacist bhi madad kar sakte hain.',
  },
  off_topic: {
    en: "I can't help with that; I'm here for your health. You can tell me a reading, a meal or a medicine, or ask about your own history.",
    hi: 'मैं इसमें मदद नहीं कर सकता; मैं आपकी सेहत के लिए हूँ। आप मुझे कोई रीडिंग, खाना या दवा बता सकते हैं, या अपने इतिहास के बारे में पूछ सकते हैं।',
    'hi-Latn':
      'Main ismein madad nahi kar sakta; main aapki sehat ke liye hoon. Aap mujhe koi reading, khana ya dawa bata sakte hain, ya apne itihaas ke baare mein poochh sakte hain.',
  },
})

/** A question about the patient's own records ("how much water did I drink today?") is not a general one. */
const OWN_HISTORY = re(
  `\\b(?:did i|have i|had i|i have had|i drank|i ate|i slept|i walked|i took|was my|were my|what was|how was|show me|list my|` +
    `my (?:next|last|latest|average|readings?|history|numbers|records?|reports?|appointments?|schedule|reminders?|doses?)|next appointment|` +
    `how (?:is|are|has|have|was|were) my|what(?:'s| is| are| was| were) my|am i on|my current|which (?:medicines?|tablets?) (?:am i|do i)|my \\w+ (?:this|last|yesterday)|(?:this|last|past) (?:week|month)|yesterday|kal (?:ka|ki|ke)|pichhle (?:hafte|mahine)|` +
    `what did (?:the |my )?(?:doctor|dr)|(?:doctor|dr) (?:ne )?(?:kya )?(?:kaha|bola|said|told)|maine|mera (?:kitna|kya)|kitna (?:piya|khaya|soya|chala)|` +
    // The patient's own numbers and doses ("is my fasting sugar getting better?", "kal mera sugar kitna tha?",
    // "what time do I take atorvastatin?"): their history, answered from the record by the agent that keeps it.
    `(?:my|mera|meri|mere) (?:\\w+ ){0,2}(?:sugar|bp|blood pressure|pressure|pulse|weight|wajan|wazan|oxygen|spo2|hba1c|readings?)\\b.{0,25}\\b(?:was|were|tha|thi|getting|improving|kam ho|badh|kitna|kitni|kya tha|kaisi rahi|trend|average)\\b|` +
    // Hindi questions about the record: "pichhle 7 din ka ausat", "kal koi dawa chhooti kya?",
    // "neend kaisi rahi?", "aaj kitna paani piya?", "aakhri baar kab li?", "agli appointment kab hai?".
    `pichh?le \\d+ din\\w*|pichh?le (?:hafte|mahine)|ausat|sabse (?:zyada|jyada|kam)|kaisi rahi|kaisa raha|kitna \\w+ (?:piya|khaya)|kitni \\w+ (?:piya|pi|li|khayi)|` +
    `do i take|what time do i|kitni (?:baar|bar)|is hafte|iss hafte|aaj (?:ka|ki) (?:bp|sugar)|kal (?:mera|meri) (?:bp|sugar)|` +
    // A period of the patient's past ("in the last 7 days", "pichle 7 din", "pichhle hafte"), the last or next time
    // ("aakhri baar kab li", "agli appointment"), a missed dose ("koi dawa chhooti"), what was drunk or eaten
    // ("aaj kitna paani piya"): their record, whatever the words around them.
    `(?:in|over|for) the (?:last|past) \\d+ (?:days|weeks|months)|(?:last|past) \\d+ (?:days|weeks)|` +
    `(?:pichle|pichhle|pichhale|pichli|pichhli) (?:\\d+ )?(?:din|dino|dinon|hafte|hafton|mahine|week|weeks|days)|` +
    `(?:aakhri|aakhiri|akhri|akhiri) (?:baar|bar)|kab (?:li|liya|li thi|liya tha|khayi|khai)|(?:agli|agla|agle) (?:\\w+ )?(?:appointment|apointment|apointament|dawa|dawai|dose|goli|checkup)|` +
    `(?:chhooti|chhuti|chhoot|chhut) (?:gayi|gai|gaya)?|(?:kitna|kitni|kitne) (?:\\w+ ){0,2}(?:piya|pi|khaya|khayi|khaye|soya|soyi|chala|chali|chale|gayi|gaya|badla|badli)|` +
    `(?:any|koi) (?:high|low|zyada|kam) (?:\\w+ )?(?:readings?|bp|sugar))\\b|मैंने|मेरा (?:कितना|क्या)|डॉक्टर ने`,
)

/** "should I", "can I", "is it safe", "kya … chahiye": a question asking for advice or knowledge. */
const ADVICE_QUESTION = re(
  // "do"/"does" only as English ("do I need…"): "do roti khayi" is Hindi for two.
  `^(?:should|can|could|may|is|are|what|which|when|how|why|who|kya|kaise|kab|kitna|kitni|kitne)\\b|^(?:do|does) (?:i|you|we|it|this|that|diabetics?|people|older)\\b|` +
    `\\b(?:should i|can i|could i|is it (?:safe|ok|okay|good|bad|fine)|what is the best|kya (?:main|mai|hum|mujhe)|chahiye|sakta hoon|sakti hoon|sakte hain)\\b|` +
    `^क्या|चाहिए|सकता हूं|सकती हूं|सकते हैं`,
)
/** Asking Podd to do something ("can I log my BP?", "can you remind me") is not a health question. */
const APP_REQUEST = re(
  `\\b(?:log|logged|add|note|record|remind|reminder|set|delete|remove|change|update|save|track|undo|correct|mark|edit|cancel|show|list)\\b|` +
    `\\b(?:likh|darj|yaad dila)\\w*|लिख|दर्ज|याद दिला`,
)
/** Requests outside health ("give me a recipe", "who won the match"): answered with a brief "I can't help with that". */
const OFF_TOPIC = re(
  `\\b(?:recipe|recipes|how to (?:make|cook|prepare)|banane ka tarika|joke|cricket|match|movie|film|song|news|weather|who won|who is|score|capital of|stock|share market|politics|election)\\b`,
)

/** A reading in the question ("is my sugar 180 ok?") belongs to the vitals agent. */
const HAS_READING = /\b\d{2,3}\s*(?:\/|over)\s*\d{2,3}\b|\b(?:sugar|glucose|bp|pulse|oxygen|spo2|weight|temperature)\b\D{0,12}\d{2,3}\b/

/** The curated topic a question asks about, if any; never for a question about the patient's own records. */
export function findHealthTopic(question: string): HealthTopic | undefined {
  const t = normaliseQuestion(question)
  if (OWN_HISTORY.test(t)) return undefined
  return HEALTH_TOPICS.find((topic) => topic.matches.some((m) => m.test(t)))
}

/**
 * A general health question for the curated answers (and otherwise "your doctor can answer
 * that"): a curated topic, or an advice question that is not about the patient's own records,
 * states no reading and asks Podd to do nothing.
 */
export function isGeneralHealthQuestion(question: string): boolean {
  if (findHealthTopic(question)) return true
  const t = normaliseQuestion(question)
  const asked = ADVICE_QUESTION.test(t) || /[?？]\s*$/.test(question)
  if (OFF_TOPIC.test(t)) return true
  if (OWN_HISTORY.test(t) || HAS_READING.test(t)) return false
  return asked && !APP_REQUEST.test(t)
}

export interface HealthAnswer {
  found: boolean
  topic?: string
  text: string
  sources: Source[]
}

const NHS_MEDICINES: Source = { title: 'NHS: Medicines A to Z', url: 'https://www.nhs.uk/medicines/' }

/** What each class of everyday medicine (language/medicine-names.ts) is for, in plain words (NHS Medicines A to Z). */
const MEDICINE_PURPOSES: Record<string, Record<ReplyLanguage, string>> = {
  sugar: { en: 'diabetes: it helps keep your blood sugar down', hi: 'डायबिटीज़ (शुगर) के लिए है: यह खून में शुगर कम रखने में मदद करती है', 'hi-Latn': 'diabetes (sugar) ke liye hai: yeh khoon mein sugar kam rakhne mein madad karti hai' },
  bp: { en: 'high blood pressure: it lowers your BP and so protects the heart, brain and kidneys', hi: 'हाई बीपी के लिए है: यह बीपी कम करके दिल, दिमाग और गुर्दों को बचाती है', 'hi-Latn': 'high BP ke liye hai: yeh BP kam karke dil, dimaag aur gurdon ko bachati hai' },
  cholesterol: { en: 'high cholesterol: it lowers cholesterol and the risk of a heart attack or stroke', hi: 'कोलेस्ट्रॉल के लिए है: यह कोलेस्ट्रॉल और दिल के दौरे या लकवे का खतरा कम करती है', 'hi-Latn': 'cholesterol ke liye hai: yeh cholesterol aur dil ke daure ya lakwe ka khatra kam karti hai' },
  heart: { en: 'the heart and blood vessels: it helps prevent clots, a heart attack or a stroke, or eases heart strain', hi: 'दिल और नसों के लिए है: यह खून के थक्के, दिल के दौरे या लकवे से बचाने में मदद करती है', 'hi-Latn': 'dil aur nason ke liye hai: yeh khoon ke thakke, dil ke daure ya lakwe se bachane mein madad karti hai' },
  thyroid: { en: 'an underactive thyroid: it replaces the thyroid hormone your body is short of', hi: 'थायरॉइड कम होने पर है: यह वह थायरॉइड हार्मोन देती है जिसकी शरीर में कमी है', 'hi-Latn': 'thyroid kam hone par hai: yeh woh thyroid hormone deti hai jiski shareer mein kami hai' },
  gas: { en: 'acidity and heartburn: it reduces the acid your stomach makes', hi: 'एसिडिटी और सीने की जलन के लिए है: यह पेट में बनने वाला एसिड कम करती है', 'hi-Latn': 'acidity aur seene ki jalan ke liye hai: yeh pet mein banne wala acid kam karti hai' },
}

/** "What is metformin used for?", "Telma kis liye hai?": a medicine named, and what it is for asked. */
const PURPOSE_ASKED = re(`\\b(?:what (?:is|are|does)|what's|why (?:do|am|should) i (?:take|taking|need)|used for|for what|kis liye|kis lie|kisliye|kis cheez|kya kaam)\\b|किस लिए|किसलिए|क्या काम`)

/** What a medicine the question names is for, in plain words, or undefined. Never a dose. */
function medicinePurpose(question: string, language: ReplyLanguage): HealthAnswer | undefined {
  const t = normaliseQuestion(romaniseHindi(question))
  if (!PURPOSE_ASKED.test(t) || /\b(?:dose|dosage|how much|how many|mg|khurak|kitni goli)\b/.test(t)) return undefined
  const name = COMMON_DRUGS.find((d) => new RegExp(`\\b${d}\\b`).test(t))
  const cls = name ? classOfMedicine(name) : undefined
  if (!name || !cls) return undefined
  const shown = name.charAt(0).toUpperCase() + name.slice(1)
  const text = {
    en: `${shown} is a medicine for ${MEDICINE_PURPOSES[cls]!.en}. Take it as your doctor prescribed, and don't stop or change it without them; your pharmacist can tell you more. (Source: NHS)`,
    hi: `${shown} ${MEDICINE_PURPOSES[cls]!.hi}। इसे डॉक्टर के बताए अनुसार लें, और उनसे पूछे बिना बंद न करें या न बदलें; आपके फ़ार्मासिस्ट और जानकारी दे सकते हैं। (स्रोत: NHS)`,
    'hi-Latn': `${shown} ${MEDICINE_PURPOSES[cls]!['hi-Latn']}. Ise doctor ke bataye anusaar lein, aur unse poochhe bina band na karein ya na badlein; aapke pharmacist aur jaankari de sakte hain. (Source: NHS)`,
  }[language]
  return { found: true, topic: `medicine_purpose:${cls}`, text, sources: [NHS_MEDICINES] }
}

/** The curated answer to a general health question, or a brief "your doctor can answer that". */
export function answerHealthQuestion(question: string, language: ReplyLanguage): HealthAnswer {
  const purpose = medicinePurpose(question, language)
  if (purpose) return purpose
  const topic = findHealthTopic(question)
  if (topic) return { found: true, topic: topic.id, text: say(topic.answer, language), sources: topic.sources }
  const health = HEALTH_WORDS.test(normaliseQuestion(question))
  return { found: false, text: say(health ? HEALTH_INFO_TEXTS.unknown_health : HEALTH_INFO_TEXTS.off_topic, language), sources: [] }
}
