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
  later: "All right. Tell me once you've taken it and I'll mark the dose.",
  askedNotTaken:
    "I haven't marked any dose, since you're asking. What happens with extra or missed doses depends on the medicine: please " +
    'ask your doctor or pharmacist, and if someone has taken too much and feels unwell, call 112 or 108.',
  notListed: (name: string) => `${name} is not in your medicine list.`,
  lastTaken: (name: string, when: string) => `You last took ${name} ${when}.`,
  neverTaken: (name: string | undefined) => `I have no dose of ${name ?? 'your medicines'} marked as taken in your record.`,
  takesAt: (name: string, times: string) => `You take ${name} at ${times}.`,
  noTimes: (name: string | undefined) => `${name ?? 'Your medicines'} ${name ? 'has' : 'have'} no reminder times set yet.`,
  noDoses: (name: string | undefined, period: string) => `You had no scheduled doses${name ? ` of ${name}` : ''} ${period}.`,
  tookOf: (period: string, taken: number, due: number) => `${period[0]!.toUpperCase()}${period.slice(1)} you took ${taken} of ${due} doses.`,
  missedCount: (n: number) => `You missed ${n} dose${n === 1 ? '' : 's'}.`,
  missedList: (doses: string[]) => `Missed or skipped: ${doses.join('; ')}.`,
  loggedCounts: (period: string, taken: number, missed: number) =>
    `${period[0]!.toUpperCase()}${period.slice(1)} you marked ${taken} dose${taken === 1 ? '' : 's'} taken and missed ${missed}.`,
  noneMissed: 'You did not miss any.',
  takenList: (doses: string[]) => `Taken: ${doses.join('; ')}.`,
  stillDue: (doses: string[]) => `Still to come: ${doses.join('; ')}.`,
}
