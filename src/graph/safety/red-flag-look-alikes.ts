import { re } from './presence.js'

/**
 * Words that look like a red flag but are not the patient's emergency, removed from a message
 * before red-flag-concepts.ts reads it: a question about a condition ("what are the signs of a
 * stroke"), a story about one ("a film about a stroke survivor") and everyday idioms ("almost
 * fainted when I saw the bill", "behosh hoke soya"). Look-alikes that depend on what a word is
 * paired with (blood sugar is not bleeding) live with their concept pairs instead.
 */

/** The named conditions a patient may ask about ("what are the signs of a stroke") as well as have. */
const CONDITION =
  `(?:a |an |the )?(?:mini[- ]?)?(?:strokes?|brain strokes?|paralysis|lakwa|lakva|lakwe|lakve|pakshaghat|heart attacks?|cardiac arrest|dil ka daura|dil ke daure|seizures?|epilepsy|epileptic fits?|mirgi|convulsions?|anaphylaxis|स्ट्रोक|लकवा|लकवे|हार्ट अटैक|दिल का दौरा|दिल के दौरे|मिर्गी|दौरे)(?![\\p{L}\\p{M}])`
/**
 * A question for information about a condition is not the condition: "what are the signs of a
 * stroke", "how can I prevent a heart attack", "can high BP cause a stroke", "stroke ke lakshan
 * kya hain", "लकवे से कैसे बचें". Only the frame and the condition's name are removed, so a sign
 * said in the same message still alarms ("what are the signs of a stroke, my face is drooping"),
 * and "is this a stroke", "showing signs of a stroke", "I think he's having a stroke" keep theirs.
 * Questions about self-harm or an overdose are never read this way.
 */
const ASKING_ABOUT = re(
  [
    `\\b(?:what|which) (?:are|is|r|were) (?:the |some |common |early |warning |main |first |usual |typical )*(?:signs?|symptoms?|causes?|risks?|risk factors?|warning signs?|chances?|types?|precautions?|difference|effects?) (?:of|for|between) (?:having |getting )?${CONDITION}`,
    `\\bwhat (?:is|causes|happens (?:in|during)) ${CONDITION}`,
    `\\bhow (?:to|do i|do you|can i|can you|can we|should i|does one|do we|would i|could i) (?:\\S+ ){0,2}?(?:prevent|avoid|recogni[sz]e|spot|identify|reduce|lower|cut) (?:(?:my|the|a|an|your) )?(?:(?:risk|chances?|signs?|symptoms?) (?:of |for )?)?(?:having |getting )?${CONDITION}`,
    `\\b(?:risk|risks|chance|chances|prevention|preventing|avoiding|avoid) (?:of |for )?(?:having |getting )?${CONDITION}`,
    `\\b(?:can|does|do|will|could|may|might) (?:\\S+ ){1,4}?(?:cause|causes|lead to|leads to|give|increase|raise) (?:you |me |the )?(?:risk of |chance of )?${CONDITION}`,
    `\\b(?:tell me|teach me|explain|information|info|read|learn) (?:more )?(?:about|on|up on) (?:what )?${CONDITION}`,
    // "stroke ke lakshan kya hain", "lakwe se kaise bache", "heart attack kyun hota hai", "mirgi kya hoti hai".
    `${CONDITION} (?:ke|ka|ki|se) (?:lakshan|lakshano|symptoms?|signs?|kaaran|karan|khatra|khatre|risk|bachav|bachaav|baare mein|baare me) (?:\\S+ ){0,2}?(?:kya|kaun|kaise|batao|bataiye|bataye|bataen|samjhao|samjhaiye|jaanna|janna)(?![\\p{L}\\p{M}])`,
    `${CONDITION} (?:se )?(?:kaise|kyun|kyon|kyu) (?:hota|hote|hoti|aata|aati|padta|padti|bache|bachen|bachein|bachu|bacha|roke|rokein|rokte)(?![\\p{L}\\p{M}])|${CONDITION} kya (?:hota|hote|hoti) (?:hai|hain|h)(?![\\p{L}\\p{M}])`,
    `${CONDITION} (?:के|का|की|से) (?:लक्षण|कारण|खतरा|खतरे|बचाव|बारे में) (?:\\S+ ){0,2}?(?:क्या|कौन|कैसे|बताओ|बताइए|बताएं|बताइये|समझाइए)`,
    `${CONDITION} (?:से )?(?:कैसे|क्यों) (?:होता|होते|होती|आता|पडता|बचें|बचे|बचा|रोकें)|${CONDITION} क्या (?:होता|होते|होती) (?:है|हैं)`,
  ].join('|'),
)

/**
 * A question about anyone, asked for first aid: "agar kisi ko behosh ho jaye to kya karna
 * chahiye", "if someone faints what should I do". Only about a person not named ("kisi",
 * "someone"): "if papa faints again what do I do" keeps its alarm.
 */
const IF_SOMEONE = re(
  `(?:\\bagar\\b|\\byadi\\b|\\bif\\b|अगर|यदि) (?:kisi|koi|someone|somebody|anyone|a person|किसी|कोई)(?![\\p{L}\\p{M}])[^.!?]{0,80}?(?:kya (?:karna|karein|karen|kare|karu|karte)\\S*|what (?:should|to|do|can)\\b[^.!?]*|how (?:to|should|do)\\b[^.!?]*|क्या (?:करना|करें|करे)\\S*)`,
)

/** First aid asked about anyone: "how to give first aid if someone is having a seizure", "what should I do if someone near me has a seizure". */
const FIRST_AID = re(
  `\\b(?:what|how) (?:should|to|do|can|would) [^.!?]{0,30}?\\b(?:if|when) (?:someone|somebody|anyone|a person)\\b[^.!?]*|\\bfirst[- ]aid\\b[^.!?]*?\\b(?:if|when|for)\\b (?:someone|somebody|anyone|a person|kisi|koi)(?![\\p{L}\\p{M}])[^.!?]*|\\b(?:if|when) (?:someone|somebody|anyone|a person)\\b[^.!?]*?\\bfirst[- ]aid\\b[^.!?]*`,
)
/** A condition named as what a medicine is for: "mirgi ki dawa bhool gaya", "seizure medicine refill". */
const MEDICINE_FOR = re(
  `${CONDITION} (?:ki|ke|wali|vali|की|के|वाली) (?:dawa|dawai|dava|davai|goli|goliyan|tablets?|medicine|दवा|दवाई|गोली|गोलियां)\\S*|${CONDITION} (?:medicines?|medications?|tablets?|pills|drugs?)\\b`,
)
/** Something seen in the news or a film: "news me dekha, kisi ne zeher kha liya", "movie dekhi jisme hero suicide kar leta hai". */
const SEEN_IN_MEDIA = re(
  `\\b(?:news|khabar|akhbar|newspaper|tv|video|reel|movie|film|serial|kahani|story)\\b (?:me|mein|par|pe|में|पर) (?:dekha|dekhi|padha|padhi|suna|suni|देखा|देखी|पढा|पढी|सुना|सुनी)\\b[^.!?]*|\\b(?:movie|film|serial|kahani|story|video|reel)\\b (?:dekhi|dekha|padhi|padha|suni|suna) (?:jisme|jismein|jis me|jisme ki|jahan)\\b[^.!?]*`,
)
/** Read or seen about someone else: "read in the Times of India about a stroke", "the series ending was so sad I wanted to die". */
const READ_ABOUT = re(
  `\\b(?:read|saw|watched|heard) (?:in|on) (?:the )?[^.!?]{0,40}?\\babout\\b[^.!?]*|\\b(?:series|movie|film|show|episode|serial|ending|match)\\b[^.!?]{0,40}?\\b(?:wanted to die|made me want to die|could have died|i died)\\b`,
)
/** A dream: "had a dream that I was having a heart attack", "sapne mein dekha". */
const A_DREAM = re(`\\b(?:dream|dreamt|dreamed|nightmare|sapna|sapne|sapney)\\b[^.!?]*|(?:सपना|सपने)[^.!?]*`)
/** Fainting at needles or blood, as what happens to one: "blood test mein behosh ho jaati hoon". */
const FAINTS_AT_NEEDLES = re(
  `\\b(?:injection|blood test|needle|sui|khoon dekh\\S*|seeing blood|the sight of blood)\\b[^.!?]{0,40}?\\b(?:behosh ho (?:jaata|jaati|jata|jati|jaate|jate)|faint|pass out)\\w*|(?:इंजेक्शन|खून देख\\S*)[^.!?]{0,40}?बेहोश हो (?:जाता|जाती|जाते)`,
)
/** A conditional wish: "main mar jaunga agar PS5 nahi mila". */
const DIE_IF_NOT_GIVEN = re(`\\bmar (?:jaunga|jaungi|jaaunga|jaaungi|jaenge|jayenge) agar\\b[^.!?]{0,40}?\\b(?:nahi|nahin|nhi|na)\\b[^.!?]*`)
/** "heart attack aur acidity mein kya farak hai": telling two things apart is a question. */
const DIFFERENCE_OF = re(`${CONDITION}[^.!?]{0,50}?(?:\\bkya (?:farak|fark|farq|antar)\\b|क्या (?:फर्क|अंतर))[^.!?]*|\\bdifference between ${CONDITION}[^.!?]*`)
/** "tension se mar jaunga", "garmi se mar gaye": dying of something everyday is a way of speaking. */
const DYING_OF_EVERYDAY = re(
  `\\b(?:tension|garmi|sardi|thand|bhookh|bhook|thakaan|thakan|bore(?:dom)?|hasi|hansi|sharm|dar|darr|kaam|exam|padhai) (?:se|ke maare|ki wajah se) mar (?:jaunga|jaungi|jaaunga|jaaungi|jayenge|jaenge|gaya|gayi|gaye|rahe|raha|rahi)\\b|(?:टेंशन|गर्मी|भूख|थकान|हंसी|शर्म) (?:से|के मारे) मर (?:जाऊंगा|जाऊंगी|गया|गई|गए)`,
)
/** "dekhte hi behosh ho gaya haha": fainting as a joke (emoji do not survive normalising, laughter in letters does). */
const FAINTED_AS_A_JOKE = re(`(?:behosh|बेहोश)[^.!?]{0,30}(?:\\bhaha\\w*|\\bhehe\\w*|\\blol\\b|\\blmao\\b)`)

/** "Jalan nahi hai, pain hai": burning denied to say what it is instead; the denial must not carry over to the pain. */
const NOT_BURNING_BUT = re(`\\b(?:jalan|burning|acidity|gas)\\s+(?:nahi|nahin|nhi|not)\\s+(?:hai|h|hain)\\b|(?:जलन|गैस|एसिडिटी) नहीं है`)
/** Seen on TV or in the paper, in Hindi: "टीवी पर हार्ट अटैक के बारे में देखा". */
const SEEN_IN_MEDIA_HI = re(`(?:टीवी|खबर|अखबार|न्यूज|फिल्म|वीडियो) (?:पर|में) [^.!?]{0,50}?(?:देखा|देखी|पढा|पढी|सुना|सुनी)[^.!?]*|के बारे में (?:देखा|पढा|सुना)[^.!?]*`)

/** Everyday hyperbole and idioms that look like a red flag. */
const IDIOMS = [
  ASKING_ABOUT,
  IF_SOMEONE,
  FIRST_AID,
  MEDICINE_FOR,
  SEEN_IN_MEDIA,
  DYING_OF_EVERYDAY,
  FAINTED_AS_A_JOKE,
  READ_ABOUT,
  A_DREAM,
  FAINTS_AT_NEEDLES,
  DIE_IF_NOT_GIVEN,
  DIFFERENCE_OF,
  // "Watched a film about a stroke survivor": a story about it, not the patient's own.
  /\b(?:film|movie|show|serial|story|article|book|documentary|news|video|programme|program|talk|lecture|project|assignment|essay|homework|presentation) (?:about|on) [^.!?,]*/gu,
  // "is mehngai mein dam ghut raha hai": suffocated by prices or the crowd.
  re(`(?:\\bmehngai|\\bmahangai|महंगाई|\\btraffic|ट्रैफिक|\\bbheed|भीड)[^.!?]{0,20}(?:dam ghut|दम घुट)\\S*`),
  /\b(?:almost|nearly) (?:fainted|died|had a heart attack)\b (?:when|after|seeing|on seeing|looking|reading|at)\b[^.!?]*/gu,
  /\b(?:so scary|so scared|so shocked|horror movie|the bill|the price)\b[^.!?]{0,30}\b(?:almost|nearly) (?:fainted|died|had a heart attack)\b[^.!?]*/gu,
  NOT_BURNING_BUT,
  SEEN_IN_MEDIA_HI,
  re(`\\bbehosh (?:ho ?ke|hokar|ho kar|jaisa|jaisi|ki tarah) (?:\\S+ )?(?:so|neend)\\S*|\\bbehoshi ki neend\\b|बेहोश (?:होकर|हो के|हो कर|जैसा|जैसी|की तरह) (?:\\S+ )?(?:सो|नींद)\\S*|बेहोशी की नींद`),
]

/** The text with every look-alike removed (each replaced by a space), before any red flag is looked for. */
export function withoutLookAlikes(text: string): string {
  let t = text
  for (const idiom of IDIOMS) t = t.replace(new RegExp(idiom.source, idiom.flags.includes('g') ? idiom.flags : idiom.flags + 'g'), ' ')
  return t
}
