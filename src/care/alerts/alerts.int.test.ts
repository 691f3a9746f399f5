import { describe, expect, it } from 'vitest'
import { registerUser, type TestApp } from '../../../test/helpers.js'
import {
  HOUR,
  MINUTE,
  careTestApp,
  link,
  patientWithCaregiver,
  record,
  setPreferences,
  type Account,
} from '../../../test/fakes/care-fixtures.js'
import { EventStore } from '../../../memory/event-store.js'
import { careDb } from '../care-tables.js'

type Json = Record<string, any>

describe('caregiver alerts', () => {
  let t: TestApp
  const { clock, email } = careTestApp((app) => (t = app))

  const settle = () => t.services.caregiving.idle()
  const alertsOf = async (p: Account): Promise<Json[]> => {
    const res = await t.request(`/api/v1/patients/${p.id}/alerts`, { token: p.access_token })
    return ((await res.json()) as Json).events
  }
  const reading = async (p: Account, payload: Json) => {
    const event = await record(t, p, 'vitals', payload)
    await settle()
    return event
  }
  /** Caregivers alerted at every tier, so each test sees what was raised (inactivity is tested elsewhere). */
  const everyTier = { alert_threshold: 'attention', inactivity_hours: null }

  describe('tiers', () => {
    it('Should raise urgent for BP ≥ 180/120 without symptoms and emergency with them', async () => {
      const { patient, caregiver } = await patientWithCaregiver(t, { caregiverPrefs: everyTier })
      const first = await reading(patient, { blood_pressure_systolic: 184, blood_pressure_diastolic: 112 })
      const other = await patientWithCaregiver(t, { caregiverPrefs: everyTier })
      await reading(other.patient, { blood_pressure_systolic: 186, blood_pressure_diastolic: 121, symptoms: ['blurred vision'] })

      const urgent = (await alertsOf(patient))[0]!
      expect(urgent.payload).toMatchObject({ tier: 'urgent', condition: 'blood_pressure:crisis', source_event_id: first.id })
      expect(urgent.payload.title).toBe('Blood pressure 184/112 mmHg: very high blood pressure')
      expect(urgent.source).toBe('system')
      const emergency = (await alertsOf(other.patient))[0]!
      expect(emergency.payload).toMatchObject({ tier: 'emergency', condition: 'blood_pressure:crisis_with_symptoms' })
      expect(emergency.payload.message).toContain('blurred vision')
      expect(email.to(caregiver).map((m) => m.tier)).toEqual(['urgent'])
      expect(email.to(other.caregiver).map((m) => m.tier)).toEqual(['emergency'])
    })

    it('Should count a symptom logged in the half hour before a crisis reading as symptoms', async () => {
      const { patient } = await patientWithCaregiver(t, { caregiverPrefs: everyTier })
      await record(t, patient, 'symptom', { name: 'chest tightness' }, new Date(clock.now().getTime() - 20 * MINUTE).toISOString())
      await reading(patient, { blood_pressure_systolic: 190, blood_pressure_diastolic: 100 })
      expect((await alertsOf(patient)).map((a) => a.payload.condition)).toEqual(['blood_pressure:crisis_with_symptoms'])
    })

    it('Should raise emergency for glucose < 54, confusion at any glucose and SpO2 < 90; urgent for glucose ≥ 300', async () => {
      const cases: [Json, string, string][] = [
        [{ blood_sugar: 50 }, 'emergency', 'blood_sugar:level_2_low'],
        [{ blood_sugar: 110, symptoms: ['confused, not making sense'] }, 'emergency', 'blood_sugar:with_confusion'],
        [{ spo2: 88 }, 'emergency', 'spo2:critical'],
        [{ blood_sugar: 320 }, 'urgent', 'blood_sugar:very_high'],
        [{ blood_sugar: 62 }, 'urgent', 'blood_sugar:level_1_low'],
        [{ blood_pressure_systolic: 150, blood_pressure_diastolic: 92 }, 'attention', 'blood_pressure:stage_2'],
      ]
      for (const [payload, tier, condition] of cases) {
        const { patient } = await patientWithCaregiver(t, { caregiverPrefs: everyTier })
        await reading(patient, payload)
        expect((await alertsOf(patient)).map((a) => [a.payload.tier, a.payload.condition])).toEqual([[tier, condition]])
      }
    })

    it('Should make a fever urgent only for a patient over 65', async () => {
      const older = await patientWithCaregiver(t, { dob: '1955-01-15', caregiverPrefs: everyTier })
      const younger = await patientWithCaregiver(t, { dob: '1980-06-01', caregiverPrefs: everyTier })
      await reading(older.patient, { temperature: 38.2 })
      await reading(younger.patient, { temperature: 38.2 })
      const raised = async (p: Account) => (await alertsOf(p)).map((a) => [a.payload.tier, a.payload.condition])
      expect(await raised(older.patient)).toEqual([['urgent', 'temperature:fever_over_65']])
      expect(await raised(younger.patient)).toEqual([['attention', 'temperature:fever']])
    })

    it('Should raise nothing for normal readings, meals, or a patient without caregivers', async () => {
      const { patient } = await patientWithCaregiver(t, { caregiverPrefs: everyTier })
      await reading(patient, { blood_pressure_systolic: 124, blood_pressure_diastolic: 78, heart_rate: 72 })
      await record(t, patient, 'food', { description: 'dal chawal', calories: 450 })
      await settle()
      expect(await alertsOf(patient)).toEqual([])
      const alone = await registerUser(t, 'patient')
      await reading(alone, { blood_pressure_systolic: 200, blood_pressure_diastolic: 125 })
      expect(await alertsOf(alone)).toEqual([])
    })

    it('Should deliver a red-flag alert written by the safety layer to every caregiver at once', async () => {
      const { patient, caregiver } = await patientWithCaregiver(t, { caregiverPrefs: { alert_threshold: 'emergency' } })
      await redFlag(patient, 'turn-1')
      expect(email.to(caregiver).map((m) => m.subject)).toEqual(['EMERGENCY: Asha — Red flag: chest pain'])
    })
  })

  /** What src/graph/safety writes on a red-flag turn (the API refuses alerts from clients). */
  async function redFlag(patient: Account, turn: string) {
    await t.services.events.append(patient.id, {
      kind: 'alert',
      source: 'chat',
      idempotency_key: `turn:${turn}:red-flag`,
      payload: {
        tier: 'emergency',
        condition: 'red_flag:chest_pain',
        title: 'Red flag: chest pain',
        message: 'The patient said: "chest pain".',
      },
    })
    await settle()
  }

  it('Should deliver, on the next round, an alert appended by an instance that stopped before its listener ran', async () => {
    const { patient, caregiver } = await patientWithCaregiver(t, { caregiverPrefs: everyTier })
    // Another store over the same database, with no listener: the process that wrote it died.
    const orphan = new EventStore(t.services.eventDb.db, t.services.keys, clock.now)
    await orphan.append(patient.id, {
      kind: 'alert',
      source: 'chat',
      payload: {
        tier: 'emergency',
        condition: 'red_flag:stroke',
        title: 'Red flag: stroke signs',
        message: 'The patient said: "face drooping".',
      },
    })
    await t.services.caregiving.scheduler.tick()
    expect(email.to(caregiver)).toHaveLength(0)
    clock.advance(2 * MINUTE)
    expect((await t.services.caregiving.scheduler.tick()).swept_alerts).toBe(1)
    expect(email.to(caregiver).map((m) => m.subject)).toEqual(['EMERGENCY: Asha — Red flag: stroke signs'])
    expect((await t.services.caregiving.scheduler.tick()).swept_alerts).toBe(0)
  })

  describe('thresholds, deduplication and quiet hours', () => {
    it('Should deliver only the tiers at or above each caregiver’s threshold', async () => {
      const { patient, caregiver } = await patientWithCaregiver(t, { caregiverPrefs: { alert_threshold: 'emergency' } })
      const second = await registerUser(t, 'caregiver', 'Meera')
      await link(t, patient, second)
      await setPreferences(t, second, { alert_threshold: 'urgent' })
      await reading(patient, { blood_pressure_systolic: 182, blood_pressure_diastolic: 100 })
      await reading(patient, { spo2: 87 })
      expect(email.to(caregiver).map((m) => m.tier)).toEqual(['emergency'])
      expect(email.to(second).map((m) => m.tier)).toEqual(['urgent', 'emergency'])
    })

    it('Should alert once per condition within six hours, and again after', async () => {
      const { patient, caregiver } = await patientWithCaregiver(t, { caregiverPrefs: everyTier })
      await reading(patient, { blood_pressure_systolic: 185, blood_pressure_diastolic: 100 })
      clock.advance(HOUR)
      await reading(patient, { blood_pressure_systolic: 188, blood_pressure_diastolic: 104 })
      expect(await alertsOf(patient)).toHaveLength(1)
      clock.advance(5 * HOUR + MINUTE)
      await reading(patient, { blood_pressure_systolic: 183, blood_pressure_diastolic: 101 })
      expect(await alertsOf(patient)).toHaveLength(2)
      expect(email.to(caregiver)).toHaveLength(2)
    })

    it('Should let an emergency alert again after 30 minutes, and deliver a repeated red flag once within them', async () => {
      clock.set('2025-03-11T04:00:00.000Z')
      const { patient, caregiver } = await patientWithCaregiver(t, { caregiverPrefs: everyTier })
      await redFlag(patient, 'a')
      clock.advance(10 * MINUTE)
      await redFlag(patient, 'b')
      expect(email.to(caregiver)).toHaveLength(1)
      clock.advance(25 * MINUTE)
      await redFlag(patient, 'c')
      expect(email.to(caregiver)).toHaveLength(2)
      await reading(patient, { spo2: 85 })
      clock.advance(29 * MINUTE)
      await reading(patient, { spo2: 86 })
      expect((await alertsOf(patient)).filter((a) => a.payload.condition === 'spo2:critical')).toHaveLength(1)
      clock.advance(2 * MINUTE)
      await reading(patient, { spo2: 84 })
      expect((await alertsOf(patient)).filter((a) => a.payload.condition === 'spo2:critical')).toHaveLength(2)
    })

    it('Should send emergencies during quiet hours and hold the rest until they end', async () => {
      clock.set('2025-03-12T17:30:00.000Z') // 23:00 IST
      const { patient, caregiver } = await patientWithCaregiver(t, { caregiverPrefs: everyTier })
      await reading(patient, { blood_pressure_systolic: 185, blood_pressure_diastolic: 100 })
      await reading(patient, { spo2: 86 })
      expect(email.to(caregiver).map((m) => m.tier)).toEqual(['emergency'])
      // Acknowledged at once, so it is not repeated through the night (escalation is tested on its own).
      const emergency = (await alertsOf(patient)).find((a) => a.payload.tier === 'emergency')!
      await t.request(`/api/v1/alerts/${emergency.id}/ack`, { method: 'POST', token: caregiver.access_token })
      await settle()

      const held = await careDb(t.services.eventDb.db)
        .selectFrom('care_deliveries')
        .select(['channel', 'status', 'next_attempt_at'])
        .where('caregiver_id', '=', caregiver.id)
        .where('tier', '=', 'urgent')
        .orderBy('channel')
        .execute()
      const sevenIst = new Date('2025-03-13T01:30:00.000Z')
      expect(held).toEqual([
        { channel: 'email', status: 'pending', next_attempt_at: sevenIst },
        { channel: 'in_app', status: 'pending', next_attempt_at: sevenIst },
      ])
      clock.set('2025-03-13T01:29:00.000Z')
      await t.services.caregiving.scheduler.tick()
      expect(email.to(caregiver)).toHaveLength(1)
      clock.set('2025-03-13T01:30:00.000Z')
      await t.services.caregiving.scheduler.tick()
      const alerts = email.to(caregiver).filter((m) => m.kind === 'alert')
      expect(alerts.map((m) => m.tier)).toEqual(['emergency', 'urgent'])
    })
  })

  describe('scheduled checks', () => {
    async function withMetformin(critical = false) {
      const pc = await patientWithCaregiver(t, { caregiverPrefs: everyTier })
      const med = await record(t, pc.patient, 'medication', { name: 'Metformin', dosage: '500 mg', ...(critical ? { critical } : {}) })
      await record(t, pc.patient, 'med_schedule', { medication_id: med.context_id, time_of_day: '08:00' })
      return { ...pc, med }
    }

    it('Should find a dose not taken an hour after its time, once, and urgent for a critical medicine', async () => {
      clock.set('2025-03-14T01:00:00.000Z') // 06:30 IST, before the 08:00 dose
      const plain = await withMetformin()
      const critical = await withMetformin(true)
      const taken = await withMetformin()
      clock.set('2025-03-14T03:25:00.000Z') // 08:55 IST
      await record(t, taken.patient, 'med_dose', { medication_id: taken.med.context_id, medication_name: 'Metformin', status: 'taken' })
      await t.services.caregiving.scheduler.tick()
      expect(await alertsOf(plain.patient)).toEqual([])

      clock.set('2025-03-14T03:31:00.000Z') // 09:01 IST
      const report = await t.services.caregiving.scheduler.tick()
      expect(report.missed_doses).toBe(2)
      const missed = (await alertsOf(plain.patient))[0]!
      expect(missed.payload).toMatchObject({
        tier: 'attention',
        condition: `missed_dose:${plain.med.context_id}`,
        title: 'Missed dose: Metformin 500 mg at 08:00',
      })
      expect((await alertsOf(critical.patient)).map((a) => a.payload.tier)).toEqual(['urgent'])
      expect(await alertsOf(taken.patient)).toEqual([])
      clock.advance(10 * MINUTE)
      expect((await t.services.caregiving.scheduler.tick()).missed_doses).toBe(0)
      expect(await alertsOf(plain.patient)).toHaveLength(1)
    })

    it('Should raise "no check-in" at NO_CHECKIN_HOUR for a patient who logged nothing that day, once', async () => {
      clock.set('2025-03-14T12:00:00.000Z') // the evening before: setting up counts as checking in
      const silent = await patientWithCaregiver(t, { caregiverPrefs: everyTier })
      const active = await patientWithCaregiver(t, { caregiverPrefs: everyTier })
      clock.set('2025-03-15T00:30:00.000Z') // 06:00 IST
      await record(t, active.patient, 'food', { description: 'poha' })
      clock.set('2025-03-15T06:29:00.000Z') // 11:59 IST
      await t.services.caregiving.scheduler.tick()
      expect(await alertsOf(silent.patient)).toEqual([])
      clock.set('2025-03-15T06:30:00.000Z') // 12:00 IST
      await t.services.caregiving.scheduler.tick()
      await t.services.caregiving.scheduler.tick()
      const alerts = await alertsOf(silent.patient)
      expect(alerts.map((a) => [a.payload.tier, a.payload.condition, a.payload.title])).toEqual([
        ['attention', 'no_checkin', 'No check-in by 12:00'],
      ])
      expect(await alertsOf(active.patient)).toEqual([])
    })
  })

  describe('acknowledgement', () => {
    it('Should record the first acknowledgement as a new version of the alert, visible to the patient', async () => {
      const { patient, caregiver } = await patientWithCaregiver(t, { caregiverPrefs: everyTier })
      await reading(patient, { spo2: 86 })
      const alert = (await alertsOf(patient))[0]!
      const ack = (who: Account, id = alert.id) => t.request(`/api/v1/alerts/${id}/ack`, { method: 'POST', token: who.access_token })

      const res = await ack(caregiver)
      expect(res.status).toBe(200)
      const acked = ((await res.json()) as Json).alert
      expect(acked.supersedes).toBe(alert.id)
      expect(acked.payload).toMatchObject({ acknowledged_by: caregiver.id, acknowledged_at: clock.now().toISOString() })
      // The id as delivered still works, and a later acknowledgement does not replace the first.
      const again = ((await (await ack(patient)).json()) as Json).alert
      expect(again.id).toBe(acked.id)
      expect(again.payload.acknowledged_by).toBe(caregiver.id)
      expect((await alertsOf(patient))[0]!.payload.acknowledged_by).toBe(caregiver.id)

      const stranger = await registerUser(t, 'caregiver')
      expect((await ack(stranger)).status).toBe(404)
      expect((await ack(await registerUser(t, 'patient'))).status).toBe(404)
      expect((await t.request(`/api/v1/alerts/${alert.id}/ack`, { method: 'POST' })).status).toBe(401)
    })
  })
})
