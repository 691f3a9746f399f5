/** What the food agent says in its own words, in one place so it can be put in the patient's language. */
export const FOOD_REPLIES = {
  howMuchWater: 'How much water did you drink? For example "2 glasses" or "500 ml".',
  later: "Enjoy! Tell me what you had after you've eaten and I'll log it.",
  askedNotEaten:
    "I haven't logged anything, since you're asking rather than telling me what you ate. What suits you depends on your " +
    'sugar and your diet plan, so your doctor or dietitian can say best; tell me what you actually eat and I will keep track of it.',
}
