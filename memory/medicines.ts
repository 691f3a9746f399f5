import { PoddError } from '../core/errors.js'
import { levenshtein } from '../language/levenshtein.js'
import { genericName } from '../language/medicine-names.js'
import { DAYS_OF_WEEK, DOSE_STATUSES } from './event-kinds.js'
import type { HealthEvent, HealthEventStore } from './event-store.js'
import { type ExpectedDose, insightsFor, patientToday } from './insights.js'
import { localDate } from './local-time.js'
import { appendRecord, correctRecord, type RecordWrite } from './record-write.js'

/**
 * The patient's medicines: adding one, setting when it is taken, and logging doses against
 * the right slot. Chat tools and HTTP routes call these, so both write the same events.
 */

export type Medication = HealthEvent<'medication'>
export type DoseStatus = (typeof DOSE_STATUSES)[number]
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number]

export const PARTS_OF_DAY = ['morning', 'afternoon', 'evening', 'night', 'all'] as const
export type PartOfDay = (typeof PARTS_OF_DAY)[number]

/** A medicine's name reduced for comparison: lower case, letters and digits, single spaces. */
export const normaliseName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9\u0900-\u097f ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/**
 * The patient's medicine a name refers to: exact, a prefix ("metformin 500"), a brand of it
 * ("Glycomet" for Metformin, "Telmisartan" for Telma 40), or a small typo ("metfromin").
 */
export function matchMedicine(name: string, medicines: Medication[]): Medication | undefined {
  const n = normaliseName(genericName(name))
  if (!n) return undefined
  const scored = medicines.map((m) => {
    const candidate = normaliseName(genericName(m.payload.name))
    const first = candidate.split(' ')[0]!
    if (candidate === n || first === n) return { m, score: 0 }
    if (n.startsWith(candidate) || candidate.startsWith(n) || n.split(' ').includes(first)) return { m, score: 1 }
    const distance = Math.min(levenshtein(n, candidate), levenshtein(n.split(' ')[0]!, first))
    return { m, score: first.length >= 5 && distance <= 2 ? 1 + distance : Infinity }
  })
  const best = scored.filter((s) => s.score < Infinity).sort((a, b) => a.score - b.score)[0]
  return best?.m
}

export async function activeMedicines(store: HealthEventStore, userId: string): Promise<Medication[]> {
  const meds = (await store.scan(userId, { kinds: ['medication'] })) as unknown as Medication[]
  return meds.filter((m) => m.payload.active)
}

/** Morning 04–12, afternoon 12–17, evening 17–21, night 21–04 (local). */
export function partOfDay(hhmm: string): Exclude<PartOfDay, 'all'> {
  const h = Number(hhmm.slice(0, 2))
  if (h >= 4 && h < 12) return 'morning'
  if (h >= 12 && h < 17) return 'afternoon'
  if (h >= 17 && h < 21) return 'evening'
  return 'night'
}

export interface NewMedicine {
  name: string
  dosage?: string
  frequency?: string
  instructions?: string
  critical?: boolean
}

/** Adds a medicine to the list, unless one of that name is already on it. */
export async function addMedicine(store: HealthEventStore, w: RecordWrite, input: NewMedicine): Promise<{ medicine: Medication; created: boolean }> {
  const existing = matchMedicine(input.name, await activeMedicines(store, w.userId))
  if (existing && normaliseName(existing.payload.name) === normaliseName(input.name)) return { medicine: existing, created: false }
  const medicine = await appendRecord(store, w, { kind: 'medication', payload: { ...input, active: true } })
  return { medicine, created: true }
}

export interface MedicineSchedule {
  medication_name: string
  /** Local times, HH:MM. */
  times: string[]
  days_of_week?: DayOfWeek[]
  dosage?: string
}

/** Sets the times a medicine is taken (adding the medicine first when it is new). */
export async function scheduleMedicine(
  store: HealthEventStore,
  w: RecordWrite,
  input: MedicineSchedule,
): Promise<{ medicine: Medication; schedules: HealthEvent<'med_schedule'>[]; days: DayOfWeek[] }> {
  let part = 0
  const medicine =
    matchMedicine(input.medication_name, await activeMedicines(store, w.userId)) ??
    (await appendRecord(store, w, { kind: 'medication', payload: { name: input.medication_name, active: true } }, part++))
  const days = input.days_of_week ?? [...DAYS_OF_WEEK]
  const schedules: HealthEvent<'med_schedule'>[] = []
  for (const time of input.times) {
    schedules.push(
      await appendRecord(
        store,
        w,
        { kind: 'med_schedule', payload: { medication_id: medicine.context_id, time_of_day: time, days_of_week: days, dosage: input.dosage } },
        part++,
      ),
    )
  }
  return { medicine, schedules, days }
}

export interface DoseReport {
  /** A medicine by name ("metformin"), or none and a part of the day ("my morning tablets"). */
  medication_name?: string
  part_of_day?: PartOfDay
  status: DoseStatus
  /** How much was taken when the patient says it ("half tablet", "10 units"); else the prescribed dose. */
  amount?: string
  reason?: string
  /** When it was taken (or missed). */
  at: Date
  /** The clock of the report, for "today" and what is due. */
  now: Date
}

export interface LoggedDose {
  event: HealthEvent<'med_dose'>
  name: string
  /** The scheduled dose this one answers, when there is one. */
  slot?: ExpectedDose
  /** False when the name is not on the patient's list. */
  known: boolean
}

/** What logging a report did: the doses written, or the dose already taken that it seems to repeat. */
export interface DoseOutcome {
  logged: LoggedDose[]
  /** The medicine's last dose, already marked taken, with no other due: asked about, not written again. */
  alreadyTaken?: ExpectedDose
}

/** A dose report that names no medicine Podd can pick: the patient is asked which one. */
export class WhichMedicineError extends PoddError {
  override name = 'WhichMedicineError'
  constructor(
    /** The doses still open today, else the patient's medicines (empty: none on the list). */
    readonly open: ExpectedDose[],
    readonly medicines: string[],
  ) {
    super('UNPROCESSABLE', 'Which medicine was it?', { open_doses: open.map((d) => d.medication_name), medicines })
  }
}

/** A dose may be taken this long before its time and still be that dose. */
export const EARLY_DOSE_MS = 90 * 60_000

/**
 * The scheduled dose a report answers: the one whose window holds the time it was taken (from
 * 90 minutes before its time), else the latest one still open before then (an overdue dose taken
 * late). Never a dose still ahead: "took metformin" at 4 pm is the 8 am dose, not the 8 pm one.
 */
export function doseSlot(slots: ExpectedDose[], at: Date): ExpectedDose | undefined {
  return slots
    .filter((d) => d.status === 'due' || d.status === 'missed')
    .filter((d) => Date.parse(d.scheduled_for) - EARLY_DOSE_MS <= at.getTime())
    .sort((a, b) => Date.parse(b.scheduled_for) - Date.parse(a.scheduled_for))[0]
}

/** Parts of the day as patients use them: 8 pm is "raat" (night) as often as evening. */
const PART_HOURS: Record<Exclude<PartOfDay, 'all'>, [number, number]> = { morning: [4, 12], afternoon: [12, 17], evening: [16, 22], night: [19, 28] }
const inPart = (hhmm: string, part: Exclude<PartOfDay, 'all'>) => {
  const h = Number(hhmm.slice(0, 2))
  const [from, to] = PART_HOURS[part]
  return (h >= from && h < to) || (h + 24 >= from && h + 24 < to)
}

/** Scheduled doses on the local day of an instant (today's for now). */
async function dosesOn(store: HealthEventStore, userId: string, at: Date, now: Date): Promise<ExpectedDose[]> {
  const { timezone } = await patientToday(store, userId, now)
  const day = localDate(at, timezone)
  return (await insightsFor(store, userId, { from: day, to: day, timezone }, now)).medication.doses
}

/** A named medicine's open doses on the report's day: all of a past day's, today's whose time has come. */
function everyOpenDose(report: DoseReport, medicines: Medication[], open: ExpectedDose[], today: string) {
  const medicine = matchMedicine(report.medication_name!, medicines)
  if (!medicine) return []
  return open
    .filter((d) => d.medication_id === medicine.context_id && (d.date < today || Date.parse(d.scheduled_for) - EARLY_DOSE_MS <= report.at.getTime()))
    .map((slot) => ({ slot, medicine, name: medicine.payload.name }))
}

/**
 * Logs doses: a named medicine against the dose it answers (doseSlot); no name, the open doses
 * of that part of the day ("all": every dose whose time has come). A named dose whose last slot
 * was already marked taken is asked about rather than written twice. Throws WhichMedicineError
 * when it cannot tell which medicine is meant.
 */
export async function logDoses(store: HealthEventStore, w: RecordWrite, report: DoseReport): Promise<DoseOutcome> {
  const medicines = await activeMedicines(store, w.userId)
  const doses = await dosesOn(store, w.userId, report.at, report.now)
  const open = doses.filter((d) => d.status === 'due' || d.status === 'missed')
  let targets: { slot?: ExpectedDose; medicine?: Medication; name: string }[]

  const today = localDate(report.now, (await patientToday(store, w.userId, report.now)).timezone)
  const every = report.medication_name && report.part_of_day === 'all' ? everyOpenDose(report, medicines, open, today) : []
  if (every.length) {
    // "Missed both metformin doses yesterday": each of that medicine's doses of the day that has come.
    targets = every
  } else if (report.medication_name) {
    const medicine = matchMedicine(report.medication_name, medicines)
    const own = medicine ? doses.filter((d) => d.medication_id === medicine.context_id) : []
    const ownInPart = report.part_of_day && report.part_of_day !== 'all' ? own.filter((d) => inPart(d.time_of_day, report.part_of_day as Exclude<PartOfDay, 'all'>)) : own
    const slot = doseSlot(ownInPart, report.at) ?? (report.status !== 'taken' ? doseSlot(ownInPart, new Date(8.64e15)) : undefined)
    if (!slot && report.status === 'taken') {
      const taken = own.filter((d) => d.status === 'taken' && Date.parse(d.scheduled_for) - EARLY_DOSE_MS <= report.at.getTime()).at(-1)
      if (taken) return { logged: [], alreadyTaken: taken }
    }
    targets = [{ slot, medicine, name: medicine?.payload.name ?? report.medication_name }]
  } else {
    const part = report.part_of_day ?? (open.length === 1 ? 'all' : undefined)
    const chosen = part
      ? open.filter((d) => (part === 'all' ? Date.parse(d.scheduled_for) - EARLY_DOSE_MS <= report.at.getTime() : inPart(d.time_of_day, part)))
      : []
    if (chosen.length) {
      targets = chosen.map((slot) => ({ slot, medicine: medicines.find((m) => m.context_id === slot.medication_id), name: slot.medication_name }))
    } else if (medicines.length === 1 && (part === 'all' || doses.length === 0)) {
      // One medicine and no schedule to choose from: "dawai le li" can only mean that one.
      targets = [{ medicine: medicines[0], name: medicines[0]!.payload.name }]
    } else {
      throw new WhichMedicineError(open, medicines.map((m) => m.payload.name))
    }
  }

  const logged: LoggedDose[] = []
  for (const [i, t] of targets.entries()) {
    const event = await appendRecord(
      store,
      w,
      {
        kind: 'med_dose',
        occurred_at: report.at,
        payload: {
          medication_id: t.medicine?.context_id,
          medication_name: t.name,
          status: report.status,
          dosage: report.amount ?? t.slot?.dosage ?? t.medicine?.payload.dosage ?? undefined,
          scheduled_for: t.slot?.scheduled_for,
          reason: report.reason,
        },
      },
      i,
    )
    logged.push({ event, name: t.name, slot: t.slot, known: !!t.medicine })
  }
  return { logged }
}

export interface MedicineReschedule {
  medication_name: string
  /** The new local time, HH:MM. */
  to: string
  /** The time it moves from (HH:MM) or its part of the day ("evening"), when the medicine has several. */
  from?: string
  /**
   * `to` was said without am or pm ("move it to 8"): it is the 12-hour time nearer the one that
   * moves (a 9 am dose moves to 8 am, a 10 pm one to 9 pm).
   */
  nearest?: boolean
}

/** Of HH:MM and twelve hours later, the one nearer `current` round the clock. */
export function nearerHalf(to: string, current: string): string {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
  const apart = (a: number, b: number) => Math.min(Math.abs(a - b), 1440 - Math.abs(a - b))
  const am = minutes(to) % 720
  const pm = am + 720
  const chosen = apart(am, minutes(current)) <= apart(pm, minutes(current)) ? am : pm
  return `${String(Math.floor(chosen / 60)).padStart(2, '0')}:${String(chosen % 60).padStart(2, '0')}`
}

/** A reschedule that cannot tell which time moves, or of a medicine with no times set. */
export class WhichScheduleError extends PoddError {
  override name = 'WhichScheduleError'
  constructor(message: string, readonly times: string[]) {
    super('UNPROCESSABLE', message, { times })
  }
}

/**
 * Moves a medicine's reminder to a new time ("move my atorvastatin reminder to 9 pm"): a
 * correction of its schedule, so the old time stays in the audit history and no second
 * reminder appears. With several times, the one to move must be named.
 */
export async function rescheduleMedicine(
  store: HealthEventStore,
  w: RecordWrite,
  input: MedicineReschedule,
): Promise<{ medicine: Medication; from: string; schedule: HealthEvent<'med_schedule'> }> {
  const medicine = matchMedicine(input.medication_name, await activeMedicines(store, w.userId))
  if (!medicine) throw new WhichScheduleError(`${input.medication_name} is not in your medicine list`, [])
  const schedules = ((await store.scan(w.userId, { kinds: ['med_schedule'] })) as unknown as HealthEvent<'med_schedule'>[]).filter(
    (s) => s.payload.medication_id === medicine.context_id && s.payload.active,
  )
  const times = schedules.map((s) => s.payload.time_of_day)
  const from = input.from
  const chosen = from ? schedules.filter((s) => s.payload.time_of_day === from || partOfDay(s.payload.time_of_day) === from) : schedules
  if (chosen.length !== 1) {
    throw new WhichScheduleError(
      schedules.length ? `which time of ${medicine.payload.name} should move? It is at ${times.join(' and ')}` : `${medicine.payload.name} has no reminder time yet`,
      times,
    )
  }
  const current = chosen[0]!
  const to = input.nearest ? nearerHalf(input.to, current.payload.time_of_day) : input.to
  const schedule = (await correctRecord(store, w, current.id, { payload: { ...current.payload, time_of_day: to } })) as HealthEvent<'med_schedule'>
  return { medicine, from: current.payload.time_of_day, schedule }
}
