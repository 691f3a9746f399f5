import { flagClass as both } from '../../../test/red-flag-classes.js'

/**
 * Classes of everyday messages from diabetic and hypertensive patients that look like a red
 * flag, each with the real emergencies next to them that must still alarm. Safety recall comes
 * first: each class is narrow enough that the nearby emergency keeps its flag.
 */

both(
  'blood that is measured or tested is not bleeding',
  [
    'vomiting after eating, blood sugar 180',
    'vomiting since morning and my blood pressure is 150/90',
    'threw up after the blood test this morning',
    'vomited twice, sugar in my blood is 210',
    'the blood test will not stop my diet plan',
    'ulti ho rahi hai, khoon mein sugar 160 aaya',
    'ulti ho rahi hai, blood ki report kal aayegi',
    'ulti hui subah, khoon ki jaanch karwani hai',
    'उल्टी हो रही है, खून की जांच कल है',
    'उल्टी हुई, ब्लड शुगर 190',
    'उल्टी के बाद रक्त शर्करा 200',
  ],
  [
    ['vomiting blood', 'bleeding'],
    ['she is vomiting blood since an hour, blood sugar 140', 'bleeding'],
    ['threw up blood after the sugar test', 'bleeding'],
    ['coughing up blood', 'bleeding'],
    ['khoon ki ulti ho rahi hai', 'bleeding'],
    ['ulti mein khoon aa raha hai, sugar test kal', 'bleeding'],
    ['खून की उल्टी हुई', 'bleeding'],
    ['उल्टी में खून आ रहा है', 'bleeding'],
    ['the bleeding won\'t stop', 'bleeding'],
    ['khoon ruk nahi raha', 'bleeding'],
    ['खून बंद नहीं हो रहा', 'bleeding'],
    ['blood coming from his head after the fall', 'head_injury'],
  ],
)

both(
  'food or drink by the bottle or packet is not an overdose',
  [
    'i drank a bottle of water',
    'drank a whole bottle of cold water after the walk',
    'ate a whole packet of biscuits with my tea',
    'had 3 cups of tea and drank a full bottle of juice',
    'ate a box of sweets at the wedding',
    'maine ek bottle paani pi li',
    'kha liya poora packet namkeen',
    'pura dabba mithai kha gaya',
    'पूरी बोतल पानी पी ली',
    'पानी की पूरी बोतल पी गया',
    'neend ki saari goliyan khatam ho gayi hain',
    'drank a bottle of beer with dinner',
    'I drank a bottle of wine with friends last night',
    'ek bottle beer pi li thi party mein',
    'garmi mein poori bottle paani pi gaya',
    'nimbu pani ki poori bottle pi li',
    'ek bottle dawai aur le aana',
  ],
  [
    ['I took a whole bottle of my sleeping pills', 'overdose'],
    ['swallowed a whole strip with water', 'overdose'],
    ['swallowed a bottle of tablets with some juice', 'overdose'],
    ['drank a bottle of cough syrup', 'overdose'],
    ['he drank a bottle of phenyl', 'overdose'],
    ['he drank a whole bottle of whisky in one go', 'overdose'],
    ['papa ne poori bottle daaru pi li', 'overdose'],
    ['poori bottle cough syrup pi li', 'overdose'],
    ['usne poori shishi dawai pi li', 'overdose'],
    ['poora patta kha liya paani ke saath', 'overdose'],
    ['neend ki saari goliyan kha li paani ke saath', 'overdose'],
    ['पूरा पत्ता खा लिया पानी के साथ', 'overdose'],
    ['नींद की सारी गोलियां खा लीं', 'overdose'],
  ],
)

both(
  'food described as bad is not abdominal pain',
  [
    'terrible food, stomach upset',
    'worst meal of my life, tummy feels off',
    'the hotel food was terrible and my stomach is upset since',
    'extreme spicy biryani last night, belly is bloated',
    'terrible stomach upset after the party food',
    'khana bahut bekaar tha, pet kharab hai',
    'खाना बहुत खराब था, पेट खराब है',
  ],
  [
    ['unbearable stomach pain', 'severe_abdominal_pain'],
    ['terrible food and now severe pain in my stomach', 'severe_abdominal_pain'],
    ['severe cramping pain in my lower abdomen', 'severe_abdominal_pain'],
    ['worst stomach ache of my life', 'severe_abdominal_pain'],
    ['the stomach pain is unbearable', 'severe_abdominal_pain'],
    ['my stomach hurts terribly since lunch', 'severe_abdominal_pain'],
    ['pet mein bahut tez dard ho raha hai', 'severe_abdominal_pain'],
    ['pet ka dard bardasht nahi ho raha', 'severe_abdominal_pain'],
    ['पेट में असहनीय दर्द है', 'severe_abdominal_pain'],
  ],
)

both(
  'words that mean something else: a dental jaw, dead tired, stopping a diet',
  [
    'jaw pain from the dentist visit',
    'my jaw is aching since the root canal',
    'daant nikalwaya, jaw mein pain hai',
    'arm is dead tired',
    'my legs are dead tired after the long walk',
    'my legs have gone dead exhausted after the wedding',
    'both arms have gone dead sleepy from holding the baby',
    'blood will not stop my diet',
    "the sugar report won't stop me from walking",
  ],
  [
    ['pain in my jaw and left arm while walking', 'chest_pain'],
    ['jaw pain and sweating, feels like pressure', 'chest_pain'],
    ['my left arm is dead, I cannot lift it', 'stroke'],
    ['his arm went dead suddenly', 'stroke'],
    ['the bleeding will not stop', 'bleeding'],
    ["blood won't stop, my shirt is soaked", 'bleeding'],
    ['खून रुक नहीं रहा', 'bleeding'],
  ],
)

both(
  'a question about a condition is not the condition',
  [
    'what are the signs of a stroke',
    'What are the early warning signs of a heart attack?',
    'how can I prevent a stroke with high bp',
    'can high blood pressure cause a stroke?',
    'what is a mini stroke',
    'what are the symptoms of a seizure',
    'my risk of stroke with diabetes?',
    'stroke ke lakshan kya hain',
    'lakwa kaise hota hai',
    'lakwe se kaise bachein',
    'लकवे के लक्षण क्या हैं',
    'स्ट्रोक से कैसे बचें',
    'mirgi kya hoti hai',
  ],
  [
    ['showing signs of a stroke', 'stroke'],
    ["I think he's having a stroke", 'stroke'],
    ['is this a stroke? my face is drooping', 'stroke'],
    ['is this a stroke', 'stroke'],
    ['what are the signs of a stroke, my face is drooping on one side', 'stroke'],
    ['papa ko stroke aaya hai', 'stroke'],
    ['papa mein stroke ke lakshan dikh rahe hain', 'stroke'],
    ['लगता है लकवा मार गया है', 'stroke'],
    ['how do I know if I am having a heart attack, my chest is tight', 'chest_pain'],
    ['what are the signs of suicide, I want to die', 'self_harm'],
    ['how do I treat a seizure, he is on the floor', 'seizure'],
    ["how do I know if I'm having a stroke", 'stroke'],
  ],
)
