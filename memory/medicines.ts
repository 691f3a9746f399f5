import { PoddError } from '../core/errors.js'
import { levenshtein } from '../language/levenshtein.js'
import { DAYS_OF_WEEK, DOSE_STATUSES } from './event-kinds.js'
import type { HealthEvent, HealthEventStore } from './event-store.js'
import { DOSE_MATCH_WINDOW_MS, dosesToday, type ExpectedDose } from './insights.js'
import { appendRecord, type RecordWrite } from './record-write.js'

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

/** The patient's medicine a name refers to: exact, a prefix ("metformin 500"), or a small typo. */
export function matchMedicine(name: string, medicines: Medication[]): Medication | undefined {
  const n = normaliseName(name)
  if (!n) return undefined
  const scored = medicines.map((m) => {
    const candidate = normaliseName(m.payload.name)
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

/**
 * Logs doses: a named medicine against its slot nearest to when it was taken (within the
 * window insights use, so "took my metformin" after dinner marks the evening dose and one at
 * 2 am marks none); no name, the open doses of that part of today ("all": every dose whose time
 * has come). Throws WhichMedicineError when it cannot tell which medicine is meant.
 */
export async function logDoses(store: HealthEventStore, w: RecordWrite, report: DoseReport): Promise<LoggedDose[]> {
  const medicines = await activeMedicines(store, w.userId)
  const { doses } = await dosesToday(store, w.userId, report.now)
  const open = doses.filter((d) => d.status === 'due' || d.status === 'missed')
  let targets: { slot?: ExpectedDose; medicine?: Medication; name: string }[]

  if (report.medication_name) {
    const medicine = matchMedicine(report.medication_name, medicines)
    const distance = (d: ExpectedDose) => Math.abs(Date.parse(d.scheduled_for) - report.at.getTime())
    const slot = (medicine ? open.filter((d) => d.medication_id === medicine.context_id) : [])
      .filter((d) => distance(d) <= DOSE_MATCH_WINDOW_MS)
      .sort((a, b) => distance(a) - distance(b))[0]
    targets = [{ slot, medicine, name: medicine?.payload.name ?? report.medication_name }]
  } else {
    const part = report.part_of_day ?? (open.length === 1 ? 'all' : undefined)
    const chosen = part
      ? open.filter((d) => (part === 'all' ? Date.parse(d.scheduled_for) <= report.now.getTime() + 60 * 60_000 : partOfDay(d.time_of_day) === part))
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
          dosage: t.slot?.dosage ?? t.medicine?.payload.dosage ?? undefined,
          scheduled_for: t.slot?.scheduled_for,
          reason: report.reason,
        },
      },
      i,
    )
    logged.push({ event, name: t.name, slot: t.slot, known: !!t.medicine })
  }
  return logged
}
