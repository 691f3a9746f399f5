import { foldDevanagari, hasDevanagari } from './script.js'

/**
 * Devanagari Hindi in the Latin letters the lexicons and the offline planners read, so a message
 * typed in Devanagari is understood exactly as the same message typed in Hinglish: "शुगर खाने के
 * बाद 180 थी" reads "sugar khane ke baad 180 thi". Words that matter to the planners (readings,
 * units, foods, times, negation) come from a vocabulary in the spelling they know; any other word
 * is transliterated letter by letter. The reply language is decided from the original message,
 * never from this reading of it.
 */

/** Health, food, time and everyday words, folded (no nukta, anusvara for chandrabindu). */
const VOCABULARY: Record<string, string> = {
  // readings and units
  शुगर: 'sugar', शूगर: 'sugar', शक्कर: 'sugar', ग्लूकोज: 'glucose', बीपी: 'bp', रक्तचाप: 'blood pressure', ब्लड: 'blood', प्रेशर: 'pressure',
  पल्स: 'pulse', नब्ज: 'pulse', धडकन: 'pulse', ऑक्सीजन: 'oxygen', आक्सीजन: 'oxygen', ओक्सीजन: 'oxygen', बुखार: 'bukhar', तापमान: 'temperature',
  टेम्परेचर: 'temperature', वजन: 'weight', किलो: 'kg', किलोग्राम: 'kg', ग्राम: 'gram', डिग्री: 'degree', बटा: 'by', रीडिंग: 'reading',
  मिलीग्राम: 'mg', यूनिट: 'units', यूनिटें: 'units',
  // reading contexts and BP parts as patients write the English words in Devanagari
  फास्टिंग: 'fasting', फास्टींग: 'fasting', रैंडम: 'random', रेंडम: 'random', पोस्ट: 'post', मील: 'meal', आफ्टर: 'after', बिफोर: 'before',
  ऊपर: 'upar', उपर: 'upar', नीचे: 'neeche', निचे: 'neeche', फीवर: 'fever', वेट: 'weight',
  // meals and food
  खाना: 'khana', खाने: 'khane', खाया: 'khaya', खाई: 'khayi', खायी: 'khayi', खाए: 'khaye', खाये: 'khaye', खा: 'kha', खाली: 'khali', पेट: 'pet',
  नाश्ता: 'nashta', नाश्ते: 'nashte', नाश्तें: 'nashte', दोपहर: 'dopahar', रात: 'raat', शाम: 'shaam', सुबह: 'subah', लंच: 'lunch', डिनर: 'dinner',
  रोटी: 'roti', रोटियां: 'roti', चपाती: 'chapati', दाल: 'dal', चावल: 'chawal', सब्जी: 'sabzi', दही: 'dahi', पोहा: 'poha', उपमा: 'upma',
  इडली: 'idli', डोसा: 'dosa', पराठा: 'paratha', खिचडी: 'khichdi', चाय: 'chai', कॉफी: 'coffee', दूध: 'doodh', छाछ: 'chhachh', लस्सी: 'lassi',
  पानी: 'paani', गिलास: 'glass', कप: 'cup', कटोरी: 'katori', प्लेट: 'plate', चम्मच: 'chammach', फल: 'fruit', केला: 'kela', सेब: 'seb',
  आम: 'aam', मिठाई: 'mithai', चीनी: 'cheeni', गुड: 'gur', अंडा: 'anda', अंडे: 'ande', पनीर: 'paneer', बिस्कुट: 'biscuit', नमकीन: 'namkeen',
  पिया: 'piya', पी: 'pi', पीया: 'piya', स्नैक: 'snack', लीटर: 'litre',
  // medicines
  दवा: 'dawa', दवाई: 'dawai', दवाएं: 'dawaiyan', दवाइयां: 'dawaiyan', गोली: 'goli', गोलियां: 'goliyan', इंसुलिन: 'insulin', इन्सुलिन: 'insulin',
  इंजेक्शन: 'injection', टीका: 'injection', खुराक: 'dose', डोज: 'dose', लगाई: 'lagayi', लगाया: 'lagaya', मेटफॉर्मिन: 'metformin', मेटफार्मिन: 'metformin',
  एम्लोडिपिन: 'amlodipine', अम्लोडिपिन: 'amlodipine', एमलोडिपिन: 'amlodipine', टेल्मा: 'telma', टेल्मिसार्टन: 'telmisartan', टेल्मिसर्टन: 'telmisartan',
  एटोरवास्टेटिन: 'atorvastatin', एटोरवास्टैटिन: 'atorvastatin', अटोरवास्टेटिन: 'atorvastatin', इकोस्प्रिन: 'ecosprin', ईकोस्प्रिन: 'ecosprin', ग्लाइकोमेट: 'glycomet',
  // brands whose Devanagari reads as another word or too short to match by sound ("पैन" is Pan 40, not pain)
  पैन: 'pan', ग्लिमी: 'glimy', एटोरवा: 'atorva', अटोरवा: 'atorva', लासिक्स: 'lasix', ओमेज: 'omez', रेजो: 'razo', रेज़ो: 'razo', जीटा: 'zita', ज़ीटा: 'zita',
  ग्लिमेपिराइड: 'glimepiride', थायरोक्सिन: 'thyroxine', थायरोनॉर्म: 'thyronorm', पैरासिटामोल: 'paracetamol', डोलो: 'dolo', लोसार्टन: 'losartan', रोसुवास्टेटिन: 'rosuvastatin',
  // sleep, activity, mood, symptoms
  नींद: 'neend', सोया: 'soya', सोई: 'soyi', सोए: 'soye', सोना: 'sona', सैर: 'sair', टहला: 'tehla', टहली: 'tehli', टहलना: 'tehelna',
  चला: 'chala', चली: 'chali', योग: 'yoga', कसरत: 'exercise', व्यायाम: 'exercise', मिनट: 'minute', घंटे: 'ghante', घंटा: 'ghanta',
  मन: 'mann', मूड: 'mood', उदास: 'udaas', खुश: 'khush', परेशान: 'pareshan', थकान: 'thakan', कमजोरी: 'kamzori', चक्कर: 'chakkar',
  सिर: 'sir', सर: 'sar', दर्द: 'dard', सिरदर्द: 'sir dard', घुटने: 'ghutne', घुटना: 'ghutna', कमर: 'kamar', पीठ: 'peeth', खांसी: 'khansi',
  जुकाम: 'zukam', उल्टी: 'ulti', दस्त: 'dast', सूजन: 'soojan', पैर: 'pair', पैरों: 'pairon', हाथ: 'haath', आंख: 'aankh', गैस: 'gas', एसिडिटी: 'acidity',
  // English words Hindi speakers type in Devanagari ("शुगर चेक की", "वॉक की", "ग्लास पानी")
  चेक: 'check', वॉक: 'walk', वॉकिंग: 'walking', रनिंग: 'running', जॉगिंग: 'jogging', साइकिल: 'cycle', साइकलिंग: 'cycling',
  साइक्लिंग: 'cycling', स्विमिंग: 'swimming', जिम: 'gym', एक्सरसाइज: 'exercise', फ्रेश: 'fresh', ग्लास: 'glass', बोतल: 'bottle', मिलीलीटर: 'ml',
  एमएल: 'ml', ब्रेकफास्ट: 'breakfast', फ्रूट्स: 'fruits', फ्रूट: 'fruit', दौडा: 'ran', दौडी: 'ran', दौड: 'run', तैराकी: 'swimming', तैरा: 'swam',
  // numbers and fractions
  एक: 'ek', दो: 'do', तीन: 'teen', चार: 'chaar', पांच: 'paanch', छह: 'chhe', छः: 'chhe', सात: 'saat', आठ: 'aath', नौ: 'nau', दस: 'das',
  बीस: 'bees', तीस: 'tees', चालीस: 'chalis', पचास: 'pachas', साठ: 'saath', सत्तर: 'sattar', अस्सी: 'assi', नब्बे: 'nabbe', सौ: 'sau',
  डेढ: 'dedh', ढाई: 'dhai', सवा: 'sava', पौने: 'paune', आधा: 'aadha', आधी: 'aadhi',
  // everyday words, negation, time
  नहीं: 'nahi', नही: 'nahi', ना: 'na', न: 'na', मत: 'mat', हां: 'haan', हाँ: 'haan', जी: 'ji', ठीक: 'theek', अच्छी: 'achhi', अच्छा: 'achha',
  अच्छे: 'achhe', बुरी: 'buri', खराब: 'kharab', बहुत: 'bahut', थोडा: 'thoda', थोडी: 'thodi', ज्यादा: 'zyada', कम: 'kam', सिर्फ: 'sirf',
  है: 'hai', हैं: 'hain', था: 'tha', थी: 'thi', थे: 'the', हूं: 'hoon', हूँ: 'hoon', हो: 'ho', रहा: 'raha', रही: 'rahi', रहे: 'rahe',
  गया: 'gaya', गई: 'gayi', गयी: 'gayi', गए: 'gaye', आया: 'aaya', आई: 'aayi', आयी: 'aayi', आए: 'aaye', ली: 'li', लिया: 'liya', लीं: 'li',
  ले: 'le', लें: 'lein', दी: 'di', दिया: 'diya', की: 'ki', का: 'ka', के: 'ke', को: 'ko', से: 'se', में: 'mein', पर: 'par', और: 'aur',
  भी: 'bhi', बाद: 'baad', पहले: 'pehle', आज: 'aaj', कल: 'kal', अभी: 'abhi', अब: 'ab', रोज: 'roz', मेरी: 'meri', मेरा: 'mera', मेरे: 'mere',
  मैंने: 'maine', मैं: 'main', मुझे: 'mujhe', भूल: 'bhool', भूली: 'bhooli', भूला: 'bhoola', छूट: 'chhoot', छोड: 'chhod',
  बजे: 'baje', वाली: 'wali', वाला: 'wala', वाले: 'wale', समय: 'samay', पिछले: 'pichhle', हफ्ते: 'hafte', महीने: 'mahine', कितना: 'kitna', कितनी: 'kitni', कितने: 'kitne', क्या: 'kya', कब: 'kab',
  कैसे: 'kaise', क्यों: 'kyon', चाहिए: 'chahiye', घर: 'ghar', डॉक्टर: 'doctor', डाक्टर: 'doctor', अस्पताल: 'hospital', जांच: 'jaanch',
  टेस्ट: 'test', रिपोर्ट: 'report', याद: 'yaad', दिलाना: 'dilana', दिलाओ: 'dilao', दिलाइए: 'dilaiye', लिखो: 'likho', लिख: 'likh',
}

const CONSONANTS: Record<string, string> = {
  क: 'k', ख: 'kh', ग: 'g', घ: 'gh', ङ: 'n', च: 'ch', छ: 'chh', ज: 'j', झ: 'jh', ञ: 'n', ट: 't', ठ: 'th', ड: 'd', ढ: 'dh', ण: 'n',
  त: 't', थ: 'th', द: 'd', ध: 'dh', न: 'n', प: 'p', फ: 'ph', ब: 'b', भ: 'bh', म: 'm', य: 'y', र: 'r', ल: 'l', व: 'v', श: 'sh', ष: 'sh',
  स: 's', ह: 'h', ळ: 'l',
}
const VOWELS: Record<string, string> = { अ: 'a', आ: 'aa', इ: 'i', ई: 'ee', उ: 'u', ऊ: 'oo', ऋ: 'ri', ए: 'e', ऐ: 'ai', ओ: 'o', औ: 'au', ऑ: 'o' }
const SIGNS: Record<string, string> = { 'ा': 'a', 'ि': 'i', 'ी': 'i', 'ु': 'u', 'ू': 'u', 'ृ': 'ri', 'े': 'e', 'ै': 'ai', 'ो': 'o', 'ौ': 'au', 'ॉ': 'o', 'ॅ': 'e' }
const NASAL = new Set(['ं', 'ँ'])
const VIRAMA = '्'

/**
 * One Devanagari word, letter by letter, with the inherent "a" dropped at the end of the word
 * and between a vowel and a consonant that has its own vowel ("samajh", "kamzori"), as Hindi is
 * spoken and typed.
 */
export function transliterateWord(word: string): string {
  const units: { c: string; v: string | null }[] = []
  const chars = [...word]
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!
    if (CONSONANTS[ch] !== undefined) {
      const next = chars[i + 1]
      if (next === VIRAMA) {
        units.push({ c: CONSONANTS[ch]!, v: '' })
        i++
      } else if (next !== undefined && SIGNS[next] !== undefined) {
        units.push({ c: CONSONANTS[ch]!, v: SIGNS[next]! })
        i++
      } else units.push({ c: CONSONANTS[ch]!, v: null })
    } else if (VOWELS[ch] !== undefined) units.push({ c: '', v: VOWELS[ch]! })
    else if (NASAL.has(ch)) units.push({ c: 'n', v: '' })
    else if (ch === 'ः') units.push({ c: 'h', v: '' })
    else units.push({ c: ch, v: '' })
  }
  // null marks the inherent vowel: dropped word-finally and in V C(a) C V, kept elsewhere.
  const vowelAt = (i: number) => units[i] !== undefined && units[i]!.v !== '' && units[i]!.c !== 'n'
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i]!
    if (u.v !== null) continue
    const last = i === units.length - 1 || units.slice(i + 1).every((x) => x.c === 'n' && x.v === '')
    const medial = i > 0 && vowelAt(i - 1) && i + 1 < units.length && units[i + 1]!.v !== '' && units[i + 1]!.v !== null && units[i + 1]!.c !== ''
    u.v = last || medial ? '' : 'a'
  }
  return units.map((u) => u.c + (u.v ?? '')).join('')
}

/** A message with its Devanagari words in Latin letters; other text is left as it is. */
export function romaniseHindi(text: string): string {
  if (!hasDevanagari(text)) return text
  return foldDevanagari(text).replace(/[\p{Script=Devanagari}\u200c\u200d]+/gu, (word) => {
    const known = VOCABULARY[word]
    if (known !== undefined) return known
    return transliterateWord(word)
  })
}
