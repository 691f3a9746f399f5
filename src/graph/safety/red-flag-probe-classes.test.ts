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

// A third blind set of 240 (152 emergencies, 88 look-alikes): 75 % recognised, 9 false alarms before the classes below.

both(
  'overdoses counted in words or digits, medicines by brand, poisons described, a child named by age',
  [
    'doctor ne 10 din ki goliyan di hain',
    'roz subah ki 10 goliyan kha leti hai mummy, list bhej raha hoon',
    'took 2 crocin for the fever',
    'khet me chhidakne wali dawai kahan milegi',
    'news me dekha gaon me kisi ne zeher kha liya, bahut dukh hua sunke',
  ],
  [
    ['my 3 year old swallowed some of grandmas bp tablets, dont know how many', 'overdose'],
    ['she took twenty crocin 500 around 2 hours ago after a fight', 'overdose'],
    ['chacha ne khet me chhidakne wali dawai pi li, muh se kitnashak ki badboo aa rahi', 'overdose'],
    ['dadi ne bhool se bp ki 10 goli kha li, yaad hi nahi raha', 'overdose'],
    ['मम्मी ने अल्प्राज़ोलम की पंद्रह गोलियां एक साथ खा लीं, अब बहुत नींद में हैं', 'overdose'],
    ['maine dolo 650 ki 12 goliyan kha li abhi', 'overdose'],
    ['mera beta khel khel me chuha maarne wali dawai kha gaya', 'overdose'],
  ],
)

both(
  'self-harm prepared for: pills saved up, a rope with a will, a farewell, a jump threatened',
  [
    'rassi le aao bazaar se, kapde sukhane hain',
    'will likh di papa ne, property ka jhagda na ho isliye',
    'this is my last message for today, good night',
    'tension se mar jaunga yaar is exam ki wajah se',
    'kal movie dekhi jisme hero suicide kar leta hai, bahut sad ending thi',
  ],
  [
    ['I have been saving my sleeping pills for weeks and I plan to take all of them tonight', 'self_harm'],
    ['बेटा बोल रहा है छत से कूद जाएगा, खिड़की पर बैठा है', 'self_harm'],
    ['papa keh rahe the ab bojh nahi uthaya jata, will likh di aur aaj rassi le aaye bazaar se', 'self_harm'],
    ['नस काटने का सोच रही हूँ, ब्लेड हाथ में है', 'self_harm'],
    ["this is my last message, thank you for everything, I won't be here tomorrow", 'self_harm'],
    ['inke jaane ke baad kuch nahi bacha, saari goliyan jama kar li hai maine bas himmat juta rahi hu', 'self_harm'],
  ],
)

both(
  'low sugar: a meter showing LO, confusion in plain words, cold sweat, a diabetic not eating',
  ['sugar 65 tha, ab 110 hai, theek hoon', 'diabetic hoon, aaj ka khana kya khaun', 'meter ki battery low hai'],
  [
    ['my husband on insulin is sweating, irritable and talking nonsense, meter just shows LO', 'low_sugar_confusion'],
    ['dadi ka sugar 55 hai, kapde ulte pehen rhi aur bol rhi ghar jaana hai, thande pasine bhi', 'low_sugar_confusion'],
    ['शुगर 45 है, चक्कर और कंपकंपी, आंखों के आगे धुंधला और बोलने में लड़खड़ाहट', 'low_sugar_confusion'],
    ['बाबूजी शुगर के मरीज़ हैं, सुबह से कुछ नहीं खाया, अब पसीना-पसीना होकर उलझी हुई बातें कर रहे हैं', 'low_sugar_confusion'],
    ['Mom is diabetic, found her in kitchen sweaty and shaky, doesnt know what day it is, sugar 51', 'low_sugar_confusion'],
  ],
)

both(
  'oxygen falling, or low on oxygen given at home; a parent called "unko" or "dad\'s"',
  ['spo2 96, pulse 80', 'oxygen concentrator kiraye pe kahan milega'],
  [
    ['spo2 86% and dropping, pulse 118, covid positive 5th day', 'low_oxygen'],
    ['oxygen level was 79, put on concentrator but still not going above 85', 'low_oxygen'],
    ['my dads oxygen reading is 85 on finger meter, hands are warm, tried other finger also same', 'low_oxygen'],
    ['sote hue spo2 89 se neeche aa gaya, pneumonia hai unko, abhi 86 dikha rha', 'low_oxygen'],
  ],
)

both(
  'not responding, a side gone slack, a blast in the head, ribs pulling in, bleeding that will not stop, a swollen tongue',
  [
    'phone pe awaaz do to jawab nahi deta, network kharab hai',
    'iron ki goli se potty kaali aa rahi hai, normal hai kya',
    'jeebh pe chhale hain, mirch nahi kha pa raha',
    'मिर्गी की दवा कल रात खाना भूल गया, आज डबल ले लूं क्या?',
    'how to give first aid if someone is having a seizure? asking for my office training',
    'dadi kal garmi me behosh ho gayi thi, 1 min me hosh aa gaya, doctor ne dekh liya, ab theek hai',
    'jhaadu lagate hue chhati ki maans peshi me khinchav aa gaya, dabane pe dard hota hai',
  ],
  [
    ['माँ बाथरूम में गिर गई और उठ नहीं रही, आवाज़ दो तो कोई जवाब नहीं', 'unconscious'],
    ['mummy achanak dhadaam se giri aur ab na bol rhi na aankh khol rhi', 'unconscious'],
    ['पड़ोस वाले अंकल सड़क पर गिर पड़े हैं, कोई हलचल नहीं है', 'unconscious'],
    ['papa gir gaye, awaaz do to jawab nahi de rahe, ambulance ko call kiya', 'unconscious'],
    ['nanu chalte chalte ek taraf jhuk gaye, right side bilkul dheela pad gaya, baat bhi saaf nahi kar pa rahe', 'stroke'],
    ['bhaiya ko gym me weight uthate hi sar me blast jaisa dard hua ab ulti kar rha h', 'sudden_severe_headache'],
    ['बच्चे की सांस बहुत तेज़ चल रही है और पसलियां अंदर धंस रही हैं, दूध नहीं पी रहा', 'breathing'],
    ['severe breathlessness suddenly after long bus journey, chest tight and heart racing', 'breathing'],
    ['nosebleed not stopping for 40 minutes, she is on warfarin, pressed nose still dripping', 'bleeding'],
    ['सब्ज़ी काटते हुए कलाई पर गहरा कट लगा, खून रुक ही नहीं रहा, कपड़ा पूरा भीग गया', 'bleeding'],
    ['dawai khane ke baad chehra pura phool gya hai aur saans lene me dikkat', 'allergic_reaction'],
    ['painkiller li thi, ab aankhen sujan se band ho gayi aur jeebh moti lag rhi', 'allergic_reaction'],
  ],
)

both(
  'the belly: a blocked gut, an ectopic pregnancy, knife-like pain, pain that makes one sweat; a head hit and what follows',
  ['pet me gas hai, motion theek nahi hua', 'pregnant hoon, thoda chakkar aata hai subah', 'sir pe tel laga ke so gaya'],
  [
    ['पेट के दाहिनी तरफ नीचे असहनीय दर्द, बुखार और उल्टी, सीधा चल नहीं पा रहा', 'severe_abdominal_pain'],
    ['mummy ko pet dard itna ki chilla rahi hai, peeth tak ja rha', 'severe_abdominal_pain'],
    ['stomach is bloated, no gas or motion passed for 2 days, severe pain and vomiting', 'severe_abdominal_pain'],
    ['wife 7 weeks pregnant, sudden sharp pain lower belly on one side and she is feeling faint', 'severe_abdominal_pain'],
    ['upar pet me chhuri jaisa dard jo peeth me ja rha, daru bahut peete hai, ulti bhi ho rhi', 'severe_abdominal_pain'],
    ['बाबा को पेट में इतना दर्द है कि पसीना छूट रहा है, पेट छूने भी नहीं दे रहे', 'severe_abdominal_pain'],
    ['bhai bike se gira helmet nahi tha, kaan se khoon aa rha aur baar baar wahi sawal puch rha', 'head_injury'],
    ['बच्चा बेड से सिर के बल गिरा, उसके बाद से सुस्त है और दो बार उल्टी की', 'head_injury'],
    ['झगड़े में सिर पर डंडा लगा, तब से सिर दर्द बढ़ता जा रहा है और उल्टी हो रही', 'head_injury'],
  ],
)

// A fourth blind set of 220, as people under stress write (140 emergencies, 80 look-alikes; 23
// overdoses and 23 self-harm messages): 69 % recognised and 12 false alarms before the classes below.

both(
  'overdoses as families report them: a child by age, ranges of tablets, household poisons, insulin several times over',
  [
    'bachche ne ek dolo kha li thi bukhar ke liye, 5 saal ka hai, dose theek thi na',
    'Nani ki poori strip khatam ho gayi, naya patta kab tak lena chahiye? 30 din ka course hai',
    'Bachpan mein maine ek baar galti se kerosene pi liya tha, kya uska koi asar ab tak reh sakta hai?',
    'papa roz 11 goliyan lete hain, list check kar do',
    'baby ko dettol wale paani se nehla diya, theek hai na',
  ],
  [
    ["My 3 year old got into grandma's medicine box and swallowed some tablets, don't know how many", 'overdose'],
    ['bhai ne Alprax ke das-baarah tablet kha liye aur ab bahut neend mein hai', 'overdose'],
    ['she took clonazepam maybe 15-20 tablets after a fight with her husband', 'overdose'],
    ['humari kaamwali ki ladki ne acid pi liya, gala jal raha hai bol nahi pa rahi', 'overdose'],
    ['मेरे 4 साल के बेटे ने खांसी की आधी शीशी सिरप एक साथ पी ली, अब बहुत सुस्त है', 'overdose'],
    ['nani ne dhoke se dettol pee liya, cough syrup samjha tha', 'overdose'],
    ['meri chhoti behen ne iron ki goliyan candy samajh ke kha li, bahut saari', 'overdose'],
    ['दादाजी ने गलती से इंसुलिन की डोज़ चार गुना लगा ली है', 'overdose'],
    ['bhaiya ne Baygon pi liya hai aur kamre mein band ho gaye', 'overdose'],
  ],
)

both(
  'self-harm said the ways people say it: farewells, notes, means at hand, a place chosen, asking how',
  [
    'goodbye everyone, going on holiday for a week, see you soon',
    'Years ago I went through a phase where I wanted to die. I\'m in a much better place now with therapy',
    "Chhota beta bol raha hai 'main mar jaunga agar PS5 nahi mila' lol",
    'The new series ending was so sad I wanted to die lol. Anyway, what vitamin D dose for my mom?',
    'how many tablets of amlodipine should papa take in a day',
    'railway track ke paas wala mandir kab khulta hai',
  ],
  [
    ['mujhe ab kisi ki zaroorat nahi, goodbye sabko. maaf karna', 'self_harm'],
    ['bhai ne kamre ka darwaza band kar liya hai aur keh raha hai aaj sab khatam kar dega', 'self_harm'],
    ['Papa keeps saying he is a burden on us, and today he asked where we keep the rat poison', 'self_harm'],
    ['मेरी बेटी ने कलाई पर ब्लेड से काटा है और कह रही है उसे मरना है', 'self_harm'],
    ["I've written letters for my kids. Tonight I'm going up to the terrace. Don't try to call.", 'self_harm'],
    ['kya faayda jeene ka, pension bhi band. pankhe se dupatta baandh liya hai', 'self_harm'],
    ['मम्मी ने व्हाट्सऐप स्टेटस लगाया है "अलविदा, अब और नहीं" और फ़ोन नहीं उठा रही', 'self_harm'],
    ['How many of my amlodipine would it take to not wake up', 'self_harm'],
    ['railway track ke paas baitha hoon, agli train aayegi toh bas khatam', 'self_harm'],
    ['today I found a rope in his cupboard and a note addressed to me', 'self_harm'],
    ['yaar main thak gaya hoon, sab ko bata dena main unse bahut pyaar karta tha', 'self_harm'],
    ['Nana ji keh rahe hain ab mujhe bhagwan ke paas jaana hai, na khana khaunga na dawai lunga', 'self_harm'],
    ['I keep thinking about cutting deeper this time. The razor is right here next to me.', 'self_harm'],
    ['meri behen boli ki wo nahar mein kood jayegi aur ghar se nikal gayi hai', 'self_harm'],
    ['is there a painless way to die. asking for myself', 'self_harm'],
    ['family ko chhod ke chala jaunga hamesha ke liye, zeher le aaya hoon', 'self_harm'],
    ['अगर मैं कल सुबह नहीं उठा तो मेरी बेटी को बता देना कि गलती उसकी नहीं थी', 'self_harm'],
  ],
)

both(
  'signs said through speech-to-text or in plain family words',
  [
    'Read in the Times of India about a stroke in a 30 year old. What are the warning signs I should know?',
    'What should I do if someone near me has a seizure? Want to be prepared.',
    'हार्ट अटैक और एसिडिटी के दर्द में क्या फर्क होता है?',
    "Had a dream that I was having a heart attack, woke up scared but I'm totally fine now",
    'Mujhe injection se bahut dar lagta hai, blood test mein behosh ho jaati hoon. Koi tip?',
    'Meri saas ne aaj itna khila diya ki pet phat jayega, koi hazam ki goli batao',
    'bumped my head on the cupboard door, small bump, no vomiting, feeling fine',
  ],
  [
    ['chest pane hai jalan nahi hai ye alag hai dabav jaisa hai', 'chest_pain'],
    ["Dad's speech suddenly became gibberish and he keeps bumping into the right side of the door", 'stroke'],
    ['sir phat raha hai ekdum se shuru hua 5 min pehle gardan akad gayi hai aur ulti ho rahi hai', 'sudden_severe_headache'],
    ['dadaji ke gale mein roti atak gayi, khaans bhi nahi pa rahe, chehra laal ho gaya', 'breathing'],
    ["Father is breathing very fast and noisy, struggling, using his neck muscles, can't speak more than two words", 'breathing'],
    ['oxy meter pe level 88 se neeche ja raha hai 87 86 aur saans bhi phool rahi hai', 'low_oxygen'],
    ["My dad is shaking all over and not responding, it's been going on for about 5 minutes", 'seizure'],
    ['मौसी को दौरे पर दौरे आ रहे हैं, बीच में होश नहीं आ रहा', 'seizure'],
    ['he fell down and is jerking his arms and legs I think his tongue is bleeding from biting', 'seizure'],
    ['My mother is on warfarin and her nose has been bleeding nonstop for over an hour, soaked 3 towels', 'bleeding'],
    ['accident hua hai leg se khoon fountain jaisa nikal raha hai dabane se bhi nahi ruk raha', 'bleeding'],
    ['दवा खाने के 10 मिनट बाद पूरे शरीर पर लाल चकत्ते, आँखें सूज गईं और साँस लेने में दिक्कत', 'allergic_reaction'],
    ['papa sugar ke patient hain, pasine mein bheege hain aur ulta seedha bol rahe hain, sugar 45 aayi', 'low_sugar_confusion'],
    ['nana ji insulin lagake so gaye, ab utha rahe toh bas gurr gurr kar rahe, glucometer LO dikha raha', 'low_sugar_confusion'],
    ['my father is on glimmer pride he is sweating and acting drunk sugar machine says 52', 'low_sugar_confusion'],
    ['शुगर की गोली खाकर खाना नहीं खाया, अब पसीना, घबराहट और बात समझ नहीं आ रही', 'low_sugar_confusion'],
    ["Glucometer just shows HI for my dad, he's very drowsy, breathing deep and fast", 'high_sugar_emergency'],
    ['type one teenager sugar for twenty with key tones positive vomiting since morning', 'high_sugar_emergency'],
    ['mummy pet pakad ke zameen pe let gayi hain, dard se chilla rahi hain', 'severe_abdominal_pain'],
    ["My son fell off his bike without a helmet, hit his head, now he's confused and keeps asking the same questions", 'head_injury'],
    ["Grandpa hit his head on the almirah yesterday, today he's very sleepy and slurring", 'head_injury'],
  ],
)

// A fifth blind set of 220, older patients about themselves (140 emergencies, 80 look-alikes, a
// tenth in Bengali, Tamil, Marathi, Punjabi or Gujarati in Latin letters): 76 % recognised, 3 false alarms before.

both(
  "the patient's own oxygen: a reading measured again, falling, or with blue lips or fast breathing, is the emergency; one reading alone goes to the vitals agent",
  ['oxygen 89%', 'spo2 88 aa raha hai subah', 'pulse oximeter shows 97 and pulse 72'],
  [
    ["my pulse oximeter keeps reading 86 percent, I've checked on both hands", 'low_oxygen'],
    ['my oxygen is showing 86 even after resting, fingers are warm, tried other hand too same reading', 'low_oxygen'],
    ['spo2 dropped to 83 after walking to the bathroom and it is not coming back up', 'low_oxygen'],
    ['mera saturation 82 pe hai aur hont neele se lag rahe hain', 'low_oxygen'],
    ['ऑक्सीमीटर पर ऑक्सीजन 85 दिखा रहा है, सांस भी तेज़ चल रही है', 'low_oxygen'],
    ['maru oxygen 84 batave che oximeter ma, shwas chadhe che, shu karu', 'low_oxygen'],
  ],
)

both(
  'older patients about themselves, some in other Indian languages',
  [
    'teekha khaane ke baad seene me jalan aur khatti dakar aati hai, eno se theek ho jaata hai',
    'टीवी पर हार्ट अटैक के बारे में देखा तब से डर लगता है, अभी कोई तकलीफ नहीं है',
    'that horror movie was so scary I nearly had a heart attack lol',
    'ulti hui subah, khoon ki kami hai doctor ne kaha tha',
    'pulse 38 tha sote hue, doctor ne kaha beta blocker ki wajah se, koi takleef nahi',
  ],
  [
    ['chest me jalan nahi hai pain hai bahut tight jaise patthar rakha ho jabde tak ja rha hai', 'chest_pain'],
    ['सीने में जलन नहीं है, जकड़न है और पसीना छूट रहा है, जी मिचला रहा है', 'chest_pain'],
    ['hothat amar dan haat ar pa obosh hoye geche, kotha jodiye jacche, mukh ek dike benke geche', 'stroke'],
    ['एक पल में सिर के पीछे धमाके जैसा दर्द हुआ और गर्दन अकड़ गई है', 'sudden_severe_headache'],
    ['achanak doka khup dukhayla lagla, asa dukhna aadhi kadhi zhala nahi, ulti pan zhali', 'sudden_severe_headache'],
    ['heart failure ka patient hu, lete hi dum ghutne lagta hai, raat bhar baith ke kaati', 'breathing'],
    ['mainu saah bilkul nahi aa reha, gall vi poori nahi kar pa reha', 'breathing'],
    ['mujhe lag raha hai main gir jaunga, aankhon ke aage andhera aa raha hai sab ghoom raha', 'unconscious'],
    ['khade khade achanak gir gaya pata hi nahi chala, pulse bhi bahut dheemi 38 aa rahi hai', 'unconscious'],
    ['enakku romba mayakkama irukku, kann iruttudhu, naan vizhundhiduven pola irukku', 'unconscious'],
    ['5 min pehle pura sharir kaanpne laga jhatkon ke saath aur main gir gaya', 'seizure'],
    ['mirgi ki dawa 2 din se bhool gaya tha, aaj do baar fit aa chuka aur haath me abhi bhi jhatke', 'seizure'],
    ['ami ekhon khichuni hoye pore gechilam, haat pa kanpchilo, jibh kete geche', 'seizure'],
    ['ulti me laal laal khoon aaya do baar aur chakkar bhi aa rahe hain', 'bleeding'],
    ['insulin laga ke khana nahi kha paya, ab bahut ghabrahat, kaanp raha hu, dimaag kaam nahi kar raha', 'low_sugar_confusion'],
    ['took glimepiride and skipped lunch, now I am shaky and sweaty and cant think straight', 'low_sugar_confusion'],
    ['I am feeling giddy and the glucometer shows 44, hands trembling, I keep forgetting what I was doing', 'low_sugar_confusion'],
    ['teen din se sugar 400 ke upar, ab itni sustee hai ki aankh nahi khul rahi', 'high_sugar_emergency'],
    ['amar BP 210/125, matha bhishon byatha korche, chokhe jhapsa dekhchi', 'hypertensive_emergency'],
    ['chashma nahi tha galti se sugar ki 5-6 goliyan ek saath kha li, ab kya karu', 'overdose'],
    ['मैंने गलती से इंसुलिन की दो बार डोज़ लगा ली, 40 यूनिट ज़्यादा चला गया', 'overdose'],
    ['chukun digoxin chya 6 golya ghetlya, ata ulti yete', 'overdose'],
    ['naabhi ke paas se dard shuru hua tha ab daayi taraf neeche bahut tez, bukhar bhi hai', 'severe_abdominal_pain'],
    ['pet me marod itna zyada ki bistar pe lot raha hu, ulti ho rahi aur do din se na potty na gas', 'severe_abdominal_pain'],
    ['sudden tearing pain in my belly going through to my back, I know I have an aortic aneurysm', 'severe_abdominal_pain'],
    ['vayiru romba vali, thaanga mudiyala, vomit varudhu, vayiru kallu maadhiri irukku', 'severe_abdominal_pain'],
    ['bathroom me fisal ke sar farsh pe lag gaya, ulti hui aur neend aa rahi, ecosprin leta hu', 'head_injury'],
    ['सिर दीवार से ज़ोर से टकराया, कुछ देर होश नहीं रहा, अब सिर दर्द और चक्कर है', 'head_injury'],
    ['main bathroom vich tilak gaya, sir farsh te vajjeya, ulti aayi te neend bahut aa rahi', 'head_injury'],
    ['ami ar banchte chai na, sob sesh kore debo, ghumer oshudh jomiye rekhechi', 'self_harm'],
  ],
)
