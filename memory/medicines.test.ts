import { describe, expect, it } from 'vitest'
import { InMemoryEventStore } from './in-memory-event-store.js'
import { addMedicine, logDoses, matchMedicine, nearerHalf, scheduleMedicine, WhichMedicineError } from './medicines.js'
import type { RecordWrite } from './record-write.js'

// Wednesday 11 June 2025, 19:30 in Kolkata.
const NOW = new Date('2025-06-11T14:00:00Z')
const at = (hhmm: string) => new Date(`2025-06-11T${hhmm}:00+05:30`)
let n = 0
const write = (key?: string): RecordWrite => ({ userId: `patient-${n++}`, source: 'chat', key })

/** A patient whose medicines were scheduled ten days ago (schedules count from when they were set). */
async function patientWith(times: Record<string, string[]>) {
  let clock = new Date('2025-06-01T00:00:00Z')
  const store = new InMemoryEventStore(() => clock)
  const w = write()
  for (const [name, hhmm] of Object.entries(times)) await scheduleMedicine(store, w, { medication_name: name, times: hhmm })
  clock = NOW
  return { store, w }
}

describe('medicines', () => {
  it('Should read an hour said without am or pm in the half of the day of the time that moves', () => {
    expect(nearerHalf('08:00', '09:00')).toBe('08:00')
    expect(nearerHalf('09:00', '22:00')).toBe('21:00')
    expect(nearerHalf('00:30', '23:00')).toBe('00:30')
    expect(nearerHalf('07:15', '19:30')).toBe('19:15')
  })

  it('Should add a medicine once, however its name is written', async () => {
    const store = new InMemoryEventStore(() => NOW)
    const w = write()
    const first = await addMedicine(store, w, { name: 'Metformin', dosage: '500 mg' })
    const again = await addMedicine(store, { ...w, key: 'other' }, { name: 'metformin' })
    expect(first.created).toBe(true)
    expect(again).toMatchObject({ created: false, medicine: { id: first.medicine.id } })
    expect(await store.scan(w.userId, { kinds: ['medication'] })).toHaveLength(1)
  })

  it('Should schedule a new medicine, adding it first, and report every event to the writer', async () => {
    const store = new InMemoryEventStore(() => NOW)
    const seen: string[] = []
    const w = { ...write('tool:call-1'), onWritten: (e: { kind: string }) => void seen.push(e.kind) }
    const { medicine, schedules } = await scheduleMedicine(store, w, { medication_name: 'Amlodipine', times: ['08:00', '20:00'] })
    expect(medicine.payload.name).toBe('Amlodipine')
    expect(schedules.map((s) => s.payload.time_of_day)).toEqual(['08:00', '20:00'])
    expect(seen).toEqual(['medication', 'med_schedule', 'med_schedule'])
    expect(schedules.map((s) => s.idempotency_key)).toEqual(['tool:call-1:1', 'tool:call-1:2'])
  })

  it('Should match a medicine by prefix, strength or a small typo, and not a different one', async () => {
    const store = new InMemoryEventStore(() => NOW)
    const w = write()
    const { medicine } = await addMedicine(store, w, { name: 'Metformin' })
    for (const said of ['metformin', 'Metformin 500', 'metfromin', 'METFORMIN']) expect(matchMedicine(said, [medicine])?.id).toBe(medicine.id)
    expect(matchMedicine('amlodipine', [medicine])).toBeUndefined()
  })

  it('Should log a named dose against the dose whose window holds now, up to 90 minutes early', async () => {
    const { store, w } = await patientWith({ Metformin: ['08:00', '20:00'] })
    const { logged: [dose] } = await logDoses(store, w, { medication_name: 'metformin', status: 'taken', at: at('19:20'), now: NOW })
    expect(dose!.slot?.time_of_day).toBe('20:00')
    expect(dose!.event.payload).toMatchObject({ medication_name: 'Metformin', status: 'taken', scheduled_for: at('20:00').toISOString() })
  })

  it('Should mark the overdue morning dose at 4 pm, never the evening one still ahead', async () => {
    const { store, w } = await patientWith({ Metformin: ['08:00', '20:00'] })
    const { logged: [dose] } = await logDoses(store, w, { medication_name: 'metformin', status: 'taken', at: at('16:23'), now: at('16:23') })
    expect(dose!.slot?.time_of_day).toBe('08:00')
  })

  it("Should log every dose of a named medicine for 'both' or 'all': a past day's whole day, today's only those that have come", async () => {
    const { store, w } = await patientWith({ Metformin: ['08:00', '14:00', '20:00'] })
    const yesterday = new Date('2025-06-10T13:00:00+05:30')
    const past = await logDoses(store, w, { medication_name: 'metformin', part_of_day: 'all', status: 'missed', at: yesterday, now: at('16:00') })
    expect(past.logged.map((d) => d.slot?.scheduled_for)).toEqual(['08:00', '14:00', '20:00'].map((t) => new Date(`2025-06-10T${t}:00+05:30`).toISOString()))
    const today = await logDoses(store, w, { medication_name: 'metformin', part_of_day: 'all', status: 'taken', at: at('16:00'), now: at('16:00') })
    expect(today.logged.map((d) => d.slot?.time_of_day)).toEqual(['08:00', '14:00'])
  })

  it('Should ask, not write, when the dose it would answer was already taken', async () => {
    const { store, w } = await patientWith({ Metformin: ['08:00', '20:00'] })
    await logDoses(store, w, { medication_name: 'metformin', status: 'taken', at: at('08:10'), now: at('08:10') })
    const again = await logDoses(store, w, { medication_name: 'metformin', status: 'taken', at: at('11:00'), now: at('11:00') })
    expect(again).toMatchObject({ logged: [], alreadyTaken: { time_of_day: '08:00', status: 'taken' } })
  })

  it('Should find the patient own medicine by its brand and keep the amount taken', async () => {
    const { store, w } = await patientWith({ Metformin: ['08:00'] })
    const { logged: [dose] } = await logDoses(store, w, { medication_name: 'Glycomet SR 500', status: 'taken', amount: 'half tablet', at: at('08:30'), now: at('08:30') })
    expect(dose).toMatchObject({ known: true, name: 'Metformin' })
    expect(dose!.event.payload.dosage).toBe('half tablet')
  })

  it('Should log "my morning tablets" as every open morning dose', async () => {
    const { store, w } = await patientWith({ Metformin: ['08:00', '20:00'], Amlodipine: ['09:00'] })
    const { logged } = await logDoses(store, w, { part_of_day: 'morning', status: 'taken', at: NOW, now: NOW })
    expect(logged.map((d) => d.name).sort()).toEqual(['Amlodipine', 'Metformin'])
  })

  it('Should ask which medicine when a bare dose could be several', async () => {
    const { store, w } = await patientWith({ Metformin: ['08:00', '20:00'], Amlodipine: ['20:00'] })
    await expect(logDoses(store, w, { status: 'taken', at: NOW, now: NOW })).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      open: expect.arrayContaining([expect.objectContaining({ medication_name: 'Amlodipine' })]),
    })
    await expect(logDoses(store, write(), { status: 'taken', at: NOW, now: NOW })).rejects.toBeInstanceOf(WhichMedicineError)
  })

  it('Should log a medicine not on the list by its name, saying it is unknown', async () => {
    const store = new InMemoryEventStore(() => NOW)
    const { logged: [dose] } = await logDoses(store, write(), { medication_name: 'Crocin', status: 'taken', at: NOW, now: NOW })
    expect(dose).toMatchObject({ known: false, name: 'Crocin' })
  })
})
