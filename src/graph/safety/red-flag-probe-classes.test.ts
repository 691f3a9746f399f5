import { flagClass as both } from '../../../test/red-flag-classes.js'

/**
 * What a blind set of 220 messages (written by someone who had not read the detector, in
 * Hinglish, Devanagari and Indian English) found missing or wrongly alarmed, each class with its
 * look-alikes. The set's emergencies were 72 % recognised before these (94 of 130) and 9 of its
 * 90 look-alikes alarmed; a second blind set, never read, measures the change (closing note).
 */

both(
  "a family member's oxygen below 90 % is the emergency itself; the patient's own reading goes to the vitals agent",
  ['spo2 84 aa raha hai', 'my oxygen is 88 this morning', 'papa ka spo2 95 hai', 'mummy ka oxygen 91 tha, ab 96'],
  [
    ['oximeter pe spo2 84 dikha raha hai papa ka', 'low_oxygen'],
    ['mummy ka oxygen level 82 aa raha hai 3 baar check kiya', 'low_oxygen'],
    ['covid positive father sat 87 on room air what to do', 'low_oxygen'],
    ['ऑक्सीमीटर में 80 दिखा रहा है नानाजी का, उंगली बदल के भी वही', 'low_oxygen'],
    ['ऑक्सीजन लेवल 85 पर आ गया है और सांस भी फूल रही है', 'low_oxygen'],
    ['dadi ki saturation 88 se neeche ja rahi hai baar baar, hoth neele se lag rahe', 'breathing'],
  ],
)

both(
  'a sudden, severe headache said the Hindi way, the head before the severity',
  ['sir mein halka dard hai subah se', 'achanak yaad aaya, sir dard ki dawai leni hai', 'sar dard hai, chai pi ke theek ho jayega'],
  [
    ['achanak sir mein itna tez dard hua jaise kisi ne hathoda maara ho', 'sudden_severe_headache'],
    ['मम्मी को अचानक सिर में बहुत तेज़ दर्द उठा, गर्दन अकड़ गई है और उल्टी हो रही है', 'sudden_severe_headache'],
    ['sar me ekdum se bijli jaisa dard utha pichhe ki taraf', 'sudden_severe_headache'],
    ['अचानक सिर फटने जैसा दर्द हो रहा है, ऐसा पहले कभी नहीं हुआ', 'sudden_severe_headache'],
    ['bhai ko gym me achanak sir me bhayankar dard shuru hua aur ulti', 'sudden_severe_headache'],
  ],
)

both(
  'confusion after a sugar-lowering medicine, or with a low reading, in the words families use',
  ['insulin li hai, sugar 140 aaya, sab theek', 'sugar ki dawai kha ke so gayi mummy', 'sugar 62 tha, juice pi liya, ab 98 hai'],
  [
    ['insulin lene ke baad mummy kaanp rahi hai paseene me bheegi hai aur humko pehchan nahi rahi', 'low_sugar_confusion'],
    ['my diabetic father is sweating, shaking and confused, glucometer shows 48', 'low_sugar_confusion'],
    ['डायबिटीज़ की दवा खाकर खाना नहीं खाया, अब कंपकंपी है और बहकी बहकी बातें कर रही हैं', 'low_sugar_confusion'],
    ['sugar 38 dikha raha hai dadi ka, ajeeb behave kar rahi hai', 'low_sugar_confusion'],
  ],
)

both(
  'pregnancy brings the blood pressure emergency down to 160/110 (ACOG severe range)',
  ['bp 165/112 hai, thoda sir dard', 'pregnant hoon, bp 130/85 normal hai doctor ne kaha'],
  [
    ['8 mahine pregnant hoon bp 170/115 hai sir dard aur aankhon ke aage chamak', 'hypertensive_emergency'],
    ['I am 7 months pregnant, BP 162/104 and a severe headache', 'hypertensive_emergency'],
  ],
)

both(
  'bleeding: coughed blood, black tarry stool, coffee-ground vomit, heavy bleeding, in Hindi words',
  ['khansi hai, blood test karwaya', 'paikhana theek hua aaj', 'ulti hui thi subah, coffee pi thi'],
  [
    ['khansi me khoon aa raha hai bahut sara, kattori bhar gayi', 'bleeding'],
    ['kala kala paikhana ho raha hai tar jaisa aur kamzori bahut hai', 'bleeding'],
    ['उल्टी में कॉफी जैसा भूरा-काला पदार्थ और खून आ रहा है', 'bleeding'],
    ['delivery ke baad bahut zyada bleeding ho rahi hai pad 10 min me bhar ja raha', 'bleeding'],
  ],
)

both(
  'not responding, fits and swelling said the ways families write them',
  ['aankhen sooj gayi hain ro ro ke', 'mummy so rahi hai, uthana nahi hai abhi', 'baby ke haath pair hil rahe hain khel rahi hai'],
  [
    ['mummy bhosh pad gayi hai hila rahe hai uth nahi rahi', 'unconscious'],
    ['sasu maa ko uthaya nahi ja raha bilkul dheeli padi hai koi jawab nahi', 'unconscious'],
    ['मम्मी के हाथ पैर झटके खा रहे हैं, आंखें ऊपर चढ़ गई हैं', 'seizure'],
    ['baby has high fever and now her arms and legs are jerking and eyes rolled up', 'seizure'],
    ['injection lagne ke baad mummy ka muh aur hoth sooj gaye, gale me kuch atak raha', 'allergic_reaction'],
    ['madhumakhi ke kaatne ke baad poore badan pe daane, aankhen sooj gayi aur chakkar aa raha', 'allergic_reaction'],
    ['dadi ka dama ka attack bahut bura hai pump 3 baar liya phir bhi aaram nahi', 'breathing'],
  ],
)

both(
  'chest, belly and head: a weight on the chest, a belly that cannot be touched, a hurt head that vomits',
  [
    'khana khane ke baad seene me halki jalan hoti hai, acidity ki goli kaunsi lu',
    'सीने में बलगम जमा है, खांसी से छाती दुख रही है',
    'pet me halka dard hai, gas hai shayad',
    'sir takraya darwaze se, thoda gumad hai bas',
  ],
  [
    ['dadi keh rahi hai chhati pe jaise koi baitha ho, ghabrahat ho rahi aur thanda paseena', 'chest_pain'],
    ['mummy pet pakad ke ro rahi hai dard se, pet ko chhoo bhi nahi sakte', 'severe_abdominal_pain'],
    ['पेट दर्द इतना तेज कि सहा नहीं जा रहा, पीठ तक जा रहा है', 'severe_abdominal_pain'],
    ['period miss hai test positive aaya aur ek side pet me achanak bahut tez dard, chakkar bhi', 'severe_abdominal_pain'],
    ['dadi seedhi se gir gayi sar takraya ab ulti kar rahi aur neend aa rahi', 'head_injury'],
    ['सिर में चोट लगने के बाद से लगातार उल्टी और बहुत सुस्ती है', 'head_injury'],
  ],
)

both(
  'self-harm said as a way of dying, with the wish',
  ['chhat pe kapde sukhane gayi thi', 'nas mein dard hai pair ki', 'bachche chhat se kood ke khel rahe the, daant diya'],
  [
    ['sochti hoon chhat se kood jaaun kisi ko farak nahi padega', 'self_harm'],
    ['नस काटने का मन करता है, ब्लेड रखा है पास में', 'self_harm'],
    ['i want to slit my wrists tonight', 'self_harm'],
  ],
)

both(
  'a past event told as over, a first-aid question about anyone, everyday causes',
  [
    'papa ko 2 saal pehle heart attack aaya tha ab unke liye diet chart chahiye',
    'papa ko 5 saal pehle lakwa hua tha ab physiotherapy kahan karayein',
    'last month mummy ko daura pada tha doctor ne dawai badli, ab unka dhyan kaise rakhein',
    'agar kisi ko behosh ho jaye to kya karna chahiye, first aid seekhna hai',
    'teesri manzil tak seedhi chadhne pe saans phool jaati hai, ye normal hai kya',
    'देर तक पालथी मार के बैठने से पैर सुन्न हो जाता है',
    'नाक बंद है, सोते समय सांस लेने में थोड़ी दिक्कत होती है',
  ],
  [
    ['2 saal pehle heart attack aaya tha, aaj phir seene mein dard ho raha hai', 'chest_pain'],
    ['papa behosh ho gaye hain, kya karna chahiye', 'unconscious'],
    ['agar papa phir behosh ho gaye to? abhi behosh pade hain', 'unconscious'],
    ['saans phool rahi hai baithe baithe bhi, bol nahi pa raha', 'breathing'],
    ['अचानक पैर सुन्न हो गया और चल नहीं पा रहे', 'stroke'],
  ],
)
