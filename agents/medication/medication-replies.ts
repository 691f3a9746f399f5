/**
 * What the medication agent says in its own words, in one place so it can be put in the
 * patient's language. None of it advises a change of dose: only the doctor does that.
 */
export const MEDICATION_REPLIES = {
  added: (name: string) => `Added ${name} to your medicines. Would you like a reminder time for it?`,
  alreadyListed: (name: string) => `${name} is already in your medicine list.`,
  addedWithTimes: (name: string, times: string, days: string) => `Added ${name} to your medicines, with reminders at ${times} ${days}.`,
  scheduled: (name: string, times: string, days: string) => `Done: I'll remind you to take ${name} at ${times} ${days}.`,
  alreadyTaken: (name: string, time: string) =>
    `You've already marked your ${time} ${name} as taken today. Did you take another dose, or did you mean that one?`,
  askTimes: (name: string) => `At what times do you take ${name}? For example "8 am and 8 pm".`,
}
