import { defineTexts } from '../../language/localise.js'

const CAPABILITIES = {
  en:
    'I can log your meals and water, blood pressure, sugar and other readings, medicines and doses, symptoms, mood, ' +
    'sleep and exercise, remind you about medicines, and answer questions like "what was my BP yesterday?".',
  hi:
    'मैं आपका खाना और पानी, बीपी, शुगर और दूसरी रीडिंग, दवाएं और खुराक, लक्षण, मन, नींद और कसरत दर्ज कर सकता हूँ, ' +
    'दवा की याद दिला सकता हूँ, और "कल मेरा बीपी कितना था?" जैसे सवालों के जवाब दे सकता हूँ।',
  'hi-Latn':
    'Main aapka khana aur paani, BP, sugar aur doosri readings, dawaayein aur khurak, lakshan, mann, neend aur kasrat darj kar sakta hoon, ' +
    'dawa ki yaad dila sakta hoon, aur "kal mera BP kitna tha?" jaise sawaalon ke jawab de sakta hoon.',
}

/** The general agent's own words (the offline planner's replies), in every reply language. */
export const GENERAL_TEXTS = defineTexts({
  capabilities: CAPABILITIES,
  hello: { en: `Hello! ${CAPABILITIES.en}`, hi: `नमस्ते! ${CAPABILITIES.hi}`, 'hi-Latn': `Namaste! ${CAPABILITIES['hi-Latn']}` },
  thanks: { en: "You're welcome! Take care.", hi: 'आपका स्वागत है! अपना ध्यान रखिए।', 'hi-Latn': 'Aapka swagat hai! Apna dhyan rakhiye.' },
  bye: { en: 'Goodbye, take care!', hi: 'नमस्ते, अपना ध्यान रखिए!', 'hi-Latn': 'Namaste, apna dhyan rakhiye!' },
  doctor_noted: {
    en: "I've noted what your doctor said; you can ask me about it any time.",
    hi: 'मैंने आपके डॉक्टर की बात नोट कर ली है; आप कभी भी मुझसे इसके बारे में पूछ सकते हैं।',
    'hi-Latn': 'Maine aapke doctor ki baat note kar li hai; aap kabhi bhi mujhse iske baare mein poochh sakte hain.',
  },
  ask_emergency_contact: {
    en: 'Whom should I save as your emergency contact? Tell me their name and phone number.',
    hi: 'आपातकालीन संपर्क के लिए किसे सेव करूँ? उनका नाम और फ़ोन नंबर बताइए।',
    'hi-Latn': 'Emergency contact ke liye kise save karoon? Unka naam aur phone number bataiye.',
  },
  symptom_gone: {
    en: "Good to hear it has eased. Tell me if it comes back.",
    hi: 'अच्छा हुआ कि अब आराम है। अगर यह फिर से हो तो मुझे बताइए।',
    'hi-Latn': 'Achha hua ki ab aaraam hai. Agar yeh phir se ho to mujhe bataiye.',
  },
  /** A message no agent understood: brief and specific, never about the model. */
  not_understood: {
    en: 'Sorry, I didn\'t understand that. Could you say it another way? For example a reading ("sugar 140 after lunch"), a meal, a medicine you took, or a question about your history.',
    hi: 'माफ़ कीजिए, मैं समझ नहीं पाया। क्या आप इसे दूसरे तरीके से कह सकते हैं? जैसे कोई रीडिंग ("खाने के बाद शुगर 140"), खाना, ली हुई दवा, या अपने इतिहास के बारे में सवाल।',
    'hi-Latn':
      'Maaf kijiye, main samajh nahi paaya. Kya aap ise doosre tareeke se keh sakte hain? Jaise koi reading ("khane ke baad sugar 140"), khana, li hui dawa, ya apne itihaas ke baare mein sawaal.',
  },
})
