/**
 * Hinglish as it is typed on a phone, vowels dropped ("nhi", "rha", "krta", "mrna", "bht"), in
 * the spelling the lexicons know ("nahi", "raha", "karta", "marna", "bahut"). One map, so the
 * safety check and the planners read "jeene ka man nhi krta" exactly as "jeene ka man nahi
 * karta". Works on lower-case text; only whole words are replaced, and only words that are not
 * also English or other Hindi words ("h" only where it stands for "hai", never after a number;
 * "nai" is new and "saas" a mother-in-law, so neither is touched).
 */
const TEXT_SPEAK: Record<string, string> = {
  nhi: 'nahi', nhin: 'nahin', ni: 'nahi',
  rha: 'raha', rhi: 'rahi', rhe: 'rahe', rhta: 'rehta', rhti: 'rehti',
  kr: 'kar', krta: 'karta', krti: 'karti', krte: 'karte', krna: 'karna', krne: 'karne', krke: 'karke', kro: 'karo', krdo: 'kar do',
  mrna: 'marna', mrne: 'marne', mrta: 'marta', mrti: 'marti',
  gya: 'gaya', gyi: 'gayi', gye: 'gaye', gyaa: 'gaya',
  bht: 'bahut', bhot: 'bahut', bohot: 'bahut', bahot: 'bahut', bhut: 'bahut', boht: 'bahut',
  hu: 'hoon', hun: 'hoon', hoo: 'hoon',
  mjhe: 'mujhe', mujhey: 'mujhe', muje: 'mujhe',
  skta: 'sakta', skti: 'sakti', skte: 'sakte',
  pr: 'par', bs: 'bas', abi: 'abhi', kch: 'kuch', drd: 'dard', dikat: 'dikkat', dikkt: 'dikkat',
}

const WORD = /[a-z]+/g

export function expandTextSpeak(text: string): string {
  return text
    .replace(WORD, (w) => TEXT_SPEAK[w] ?? w)
    // "dard ho rha h": a lone h is hai, but "2 h" is two hours.
    .replace(/(?<![\d.]\s?)\bh\b(?!\s*\d)/g, 'hai')
}
