import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, zonedInstant } from '../../memory/local-time.js'
import { TestClock, link, type Account } from '../../test/fakes/care-fixtures.js'
import { fhirErrors, type VitalsProfile } from '../../test/fhir-validator.js'
import { createTestApp, registerUser, tempDir, type TestApp } from '../../test/helpers.js'

type Json = Record<string, any>
const TZ = 'Asia/Kolkata'
const LAST = '2025-03-30'
const FIRST = addDays(LAST, -29)
const at = (date: string, time: string) => zonedInstant(date, time, TZ).toISOString()

/** poppler-utils (pdftotext, pdfinfo, pdftoppm) read the PDF back; .ci/run installs them. */
const poppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return { missing: false, note: '' }
  } catch {
    return { missing: true, note: ' (SKIPPED: poppler-utils is not installed, so the PDF cannot be read back; apt-get install poppler-utils)' }
  }
})()

/**
 * RFC 4180 parsing, written here so the test does not trust the exporter's own idea of quoting:
 * quoted fields may hold commas, CRLFs and doubled quotes; records end with CRLF.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"' && cell === '') quoted = true
    else if (ch === ',') row.push(cell), (cell = '')
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++
    else if (ch === '"' || ch === '\r' || ch === '\n') throw new Error(`not RFC 4180 at ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))}`)
    else cell += ch
  }
  if (quoted || cell !== '' || row.length) throw new Error('the last record does not end with CRLF')
  return rows
}

/** A month of a patient's life: medicines on a schedule, readings, doses (some missed), symptoms, a visit. */
async function seedMonth(t: TestApp, patient: Account, caregiver: Account) {
  const add = (kind: string, payload: Json, occurred_at: string) =>
    t.services.events.append(patient.id, { kind: kind as never, payload, occurred_at, source: 'api' }).then((r) => r.event)
  const setup = addDays(FIRST, -3)
  await add('profile', { name: 'आशा वर्मा (Asha Verma)', timezone: TZ, date_of_birth: '1956-07-14', gender: 'female', medical_conditions: ['Type 2 diabetes', 'Hypertension'], allergies: ['Penicillin'] }, at(setup, '09:00'))
  const metformin = await add('medication', { name: 'Metformin', dosage: '500 mg', frequency: 'twice daily' }, at(setup, '09:00'))
  const amlodipine = await add('medication', { name: 'Amlodipine', dosage: '5 mg' }, at(setup, '09:00'))
  await add('med_schedule', { medication_id: metformin.context_id, time_of_day: '08:00' }, at(setup, '09:01'))
  await add('med_schedule', { medication_id: metformin.context_id, time_of_day: '20:00' }, at(setup, '09:01'))
  await add('med_schedule', { medication_id: amlodipine.context_id, time_of_day: '08:00' }, at(setup, '09:01'))
  for (let d = 0; d < 30; d++) {
    const date = addDays(FIRST, d)
    const taken = (m: Json, name: string, time: string) => add('med_dose', { medication_id: m.context_id, medication_name: name, status: 'taken' }, at(date, time))
    await taken(metformin, 'Metformin', '08:05')
    if (d % 5 !== 0) await taken(metformin, 'Metformin', '20:05')
    if (d % 10 === 3) await add('med_dose', { medication_id: amlodipine.context_id, medication_name: 'Amlodipine', status: 'skipped', reason: 'felt dizzy', scheduled_for: at(date, '08:00') }, at(date, '08:30'))
    else await taken(amlodipine, 'Amlodipine', '08:06')
    await add('vitals', { blood_pressure_systolic: 128 + (d % 7) * 4, blood_pressure_diastolic: 80 + (d % 5) * 3, heart_rate: 70 + (d % 9) }, at(date, '08:30'))
    await add('vitals', { blood_sugar: 105 + (d % 6) * 9, blood_sugar_context: 'fasting' }, at(date, '07:30'))
    if (d % 3 === 0) await add('vitals', { blood_sugar: 150 + (d % 4) * 30, blood_sugar_context: 'after_meal' }, at(date, '14:30'))
    if (d % 7 === 0) await add('vitals', { weight_kg: 68.4 - d * 0.05, spo2: 97, temperature: 36.8 }, at(date, '09:00'))
  }
  await add('vitals', { hba1c: 7.4 }, at(addDays(FIRST, 10), '11:00'))
  await add('vitals', { blood_pressure_systolic: 184, blood_pressure_diastolic: 122 }, at(addDays(LAST, -2), '21:00'))
  await add('symptom', { name: 'dizzy when standing up', severity: 'mild', notes: 'after the morning tablets' }, at(addDays(LAST, -17), '09:30'))
  await add('symptom', { name: 'सिर दर्द (headache)', severity: 'moderate', duration: '2 hours' }, at(addDays(LAST, -2), '21:05'))
  await add('symptom', { name: '=HYPERLINK("http://evil.example","click")', severity: 'mild' }, at(addDays(LAST, -1), '10:00'))
  await add('appointment', { title: 'Diabetes review', doctor: 'Dr Mehta', location: 'City Clinic', scheduled_for: at(addDays(LAST, 5), '10:30') }, at(addDays(LAST, -4), '12:00'))
  await add('alert', { tier: 'urgent', condition: 'blood_pressure:crisis', title: 'Blood pressure 184/122 mmHg: very high blood pressure', message: 'Re-measure in 5 minutes.' }, at(addDays(LAST, -2), '21:00'))
  // The caregiver looks, twice: the access log has two reads.
  await t.request(`/api/v1/patients/${patient.id}/events`, { token: caregiver.access_token })
  await t.request(`/api/v1/patients/${patient.id}/alerts`, { token: caregiver.access_token })
}

describe('export for the patient and their doctor', () => {
  let t: TestApp
  let patient: Account
  let caregiver: Account
  let linkId: string
  const clock = new TestClock(new Date(at(LAST, '20:00')))
  const dir = tempDir('podd-export-')

  beforeAll(async () => {
    t = await createTestApp({}, { now: clock.now })
    patient = await registerUser(t, 'patient', 'Asha Verma')
    caregiver = await registerUser(t, 'caregiver', 'Ravi')
    linkId = await link(t, patient, caregiver)
    await seedMonth(t, patient, caregiver)
  })
  afterAll(async () => {
    await t?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  describe('FHIR R4 bundle', () => {
    let bundle: Json
    const resources = (type: string) => bundle.entry.map((e: Json) => e.resource).filter((r: Json) => r.resourceType === type)
    const coded = (code: string) => resources('Observation').filter((o: Json) => o.code.coding.some((c: Json) => c.code === code))

    beforeAll(async () => {
      const res = await t.request('/api/v1/export/fhir', { token: patient.access_token })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/fhir+json')
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="podd-record-\d{4}-\d\d-\d\d\.fhir\.json"/)
      bundle = (await res.json()) as Json
    })

    it('Should be a valid collection Bundle of valid resources, every reference resolving inside it', () => {
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' })
      expect(fhirErrors({ ...bundle, entry: [] } as never)).toEqual([])
      const fullUrls = new Set(bundle.entry.map((e: Json) => e.fullUrl))
      for (const { fullUrl, resource } of bundle.entry as Json[]) {
        expect(fullUrl).toBe(`urn:uuid:${resource.id}`)
        expect(fhirErrors(resource), `${resource.resourceType} ${resource.id}`).toEqual([])
      }
      const refs = JSON.stringify(bundle).match(/"reference":"([^"]+)"/g) ?? []
      for (const ref of refs) expect(fullUrls.has(ref.slice(13, -1))).toBe(true)
      const types = bundle.entry.map((e: Json) => e.resource.resourceType)
      for (const type of ['Patient', 'Observation', 'MedicationStatement', 'MedicationAdministration', 'Condition', 'Appointment', 'AuditEvent']) {
        expect(types).toContain(type)
      }
    })

    it('Should code vitals with LOINC and UCUM and meet the vital-signs profiles', () => {
      const profiles: [string, VitalsProfile, string][] = [
        ['8867-4', 'heartrate', '/min'],
        ['8310-5', 'bodytemp', 'Cel'],
        ['29463-7', 'bodyweight', 'kg'],
        ['59408-5', 'oxygensat', '%'],
      ]
      for (const [code, profile, unit] of profiles) {
        const observations = coded(code)
        expect(observations.length, code).toBeGreaterThan(0)
        for (const o of observations) {
          expect(fhirErrors(o, profile), `${code} against ${profile}`).toEqual([])
          expect(fhirErrors(o, 'vitalsigns')).toEqual([])
          expect(o.valueQuantity).toMatchObject({ system: 'http://unitsofmeasure.org', code: unit })
          expect(o.category[0].coding[0].code).toBe('vital-signs')
        }
      }
      // SpO2 carries 2708-6 beside the pulse-oximetry code, as the oxygensat profile requires.
      expect(coded('59408-5')[0].code.coding.map((c: Json) => c.code)).toEqual(['59408-5', '2708-6'])
      for (const [code, unit] of [['2339-0', 'mg/dL'], ['4548-4', '%']] as const) {
        expect(coded(code).length).toBeGreaterThan(0)
        for (const o of coded(code)) expect(o.valueQuantity).toMatchObject({ system: 'http://unitsofmeasure.org', code: unit })
      }
      expect(coded('4548-4')[0].valueQuantity.value).toBe(7.4)
      expect(coded('2339-0').length).toBe(30 + 10)
    })

    it('Should give each blood pressure reading a panel with systolic and diastolic components', () => {
      // Checked here rather than by the core `bp` profile, whose component slicing rejects a
      // correct panel (field notes): base Observation above, and the panel's own shape below.
      const panels = coded('85354-9')
      expect(panels).toHaveLength(31)
      for (const p of panels) {
        expect(p.code.coding).toEqual([{ system: 'http://loinc.org', code: '85354-9', display: 'Blood pressure panel with all children optional' }])
        expect(p.valueQuantity).toBeUndefined()
        expect(p.component).toHaveLength(2)
        const [sys, dia] = p.component
        expect(sys.code.coding[0]).toMatchObject({ system: 'http://loinc.org', code: '8480-6' })
        expect(dia.code.coding[0]).toMatchObject({ system: 'http://loinc.org', code: '8462-4' })
        for (const c of p.component) expect(c.valueQuantity).toMatchObject({ system: 'http://unitsofmeasure.org', code: 'mm[Hg]', unit: 'mmHg' })
        expect(sys.valueQuantity.value).toBeGreaterThan(dia.valueQuantity.value)
      }
      const crisis = panels.find((p: Json) => p.component[0].valueQuantity.value === 184)
      expect(crisis.interpretation[0].coding[0].code).toBe('HH')
    })

    it('Should have the patient, their medicines, doses, conditions, visit and who read their record', () => {
      const [p] = resources('Patient')
      expect(p).toMatchObject({ id: patient.id, gender: 'female', birthDate: '1956-07-14', name: [{ text: 'आशा वर्मा (Asha Verma)' }] })
      expect(resources('MedicationStatement').map((m: Json) => [m.medicationCodeableConcept.text, m.status])).toEqual([
        ['Metformin', 'active'],
        ['Amlodipine', 'active'],
      ])
      const doses = resources('MedicationAdministration')
      expect(doses).toHaveLength(30 + 24 + 30)
      const skipped = doses.filter((d: Json) => d.status === 'not-done')
      expect(skipped).toHaveLength(3)
      expect(skipped[0].statusReason[0].text).toBe('skipped: felt dizzy')
      const conditions = resources('Condition').map((c: Json) => c.code.text)
      expect(conditions).toEqual(expect.arrayContaining(['Type 2 diabetes', 'Hypertension', 'dizzy when standing up', 'सिर दर्द (headache)']))
      expect(resources('Condition').find((c: Json) => c.code.text === 'सिर दर्द (headache)').severity.coding[0].code).toBe('6736007')
      const [visit] = resources('Appointment')
      expect(visit).toMatchObject({ status: 'booked', description: 'Diabetes review' })
      expect(visit.participant.map((x: Json) => x.actor.display)).toEqual(['आशा वर्मा (Asha Verma)', 'Dr Mehta'])
      const audits = resources('AuditEvent')
      expect(audits).toHaveLength(2)
      for (const a of audits) {
        expect(a).toMatchObject({ action: 'R', outcome: '0', type: { code: 'rest' }, subtype: [{ code: 'read' }] })
        expect(a.agent[0]).toMatchObject({ requestor: true, who: { identifier: { value: caregiver.id }, display: 'Ravi' } })
        expect(a.entity[0]).toMatchObject({ what: { reference: `urn:uuid:${patient.id}` }, role: { code: '1' } })
      }
      expect(audits.map((a: Json) => a.entity[1].what.display).sort()).toEqual(['Alerts', 'Health events'])
    })

    it('Should be validated by a validator that does catch what is wrong', () => {
      const [o] = coded('59408-5')
      expect(fhirErrors({ ...o, status: 'done' })).toEqual([expect.stringContaining('Observation.status')])
      expect(fhirErrors({ ...o, code: { coding: [o.code.coding[0]] } }, 'oxygensat').length).toBeGreaterThan(0)
      expect(fhirErrors({ ...o, valueQuantity: undefined, dataAbsentReason: { text: 'x' }, component: [{}] }).length).toBeGreaterThan(0)
      expect(fhirErrors({ ...resources('Patient')[0], gender: 'woman' })).toEqual([expect.stringContaining('Patient.gender')])
      expect(fhirErrors({ ...resources('Appointment')[0], end: undefined })).toEqual([expect.stringContaining('Constraint app-2')])
    })
  })

  describe('PDF report for the doctor, read back', () => {
    let pdfPath: string
    let text: string

    beforeAll(async () => {
      if (poppler.missing) return
      const res = await t.request(`/api/v1/export/report?from=${FIRST}&to=${LAST}`, { token: patient.access_token })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/pdf')
      pdfPath = path.join(dir, 'report.pdf')
      fs.writeFileSync(pdfPath, Buffer.from(await res.arrayBuffer()))
      text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
    })

    it.skipIf(poppler.missing)(`Should fit on one or two pages and say who, when and what was taken${poppler.note}`, () => {
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))![1])
      expect(pages).toBeGreaterThanOrEqual(1)
      expect(pages).toBeLessThanOrEqual(2)
      expect(text).toContain('Health report for the doctor')
      expect(text).toContain('Asha Verma')
      expect(text).toMatch(/68 years/)
      expect(text).toContain('Type 2 diabetes, Hypertension')
      expect(text).toContain('Penicillin')
      // Metformin: 30 morning and 24 evening doses taken of 60; amlodipine 27 taken, 3 skipped.
      expect(text).toMatch(/Metformin\s+500 mg\s+08:00, 20:00\s+54\s+6\s+0\s+90 %/)
      expect(text).toMatch(/Amlodipine\s+5 mg\s+08:00\s+27\s+0\s+3\s+90 %/)
    })

    it.skipIf(poppler.missing)(`Should give the averages and extremes the charts show, and the symptoms and alerts${poppler.note}`, () => {
      expect(text).toMatch(/31 readings\. Average \d+(\.\d)?\/\d+(\.\d)? mmHg; lowest 128\/80, highest 184\/122/)
      expect(text).toMatch(/40 readings\. Average [\d.]+ mg\/dL/)
      for (const label of ['Crisis ≥ 180', 'Stage 2 ≥ 140', 'Target 70–180', 'Level 2 low < 54']) expect(text).toContain(label)
      expect(text).toContain('dizzy when standing up')
      expect(text).toContain('Blood pressure 184/122 mmHg')
      expect(text).toMatch(/HbA1c\s+1\s+7\.4 %/)
    })

    it.skipIf(poppler.missing)(`Should render as a page an image viewer can show${poppler.note}`, () => {
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdfPath, path.join(dir, 'page')])
      const png = fs.readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'))!
      const bytes = fs.readFileSync(path.join(dir, png))
      expect(bytes.subarray(1, 4).toString()).toBe('PNG')
      // The rendered page for a person to look at (tests write it where it can be opened).
      fs.mkdirSync(path.join(process.cwd(), 'dist', 'screenshots'), { recursive: true })
      fs.copyFileSync(path.join(dir, png), path.join(process.cwd(), 'dist', 'screenshots', 'doctor-report-page-1.png'))
      fs.copyFileSync(pdfPath, path.join(process.cwd(), 'dist', 'screenshots', 'doctor-report.pdf'))
    })
  })

  describe('PDF report: who may have it', () => {
    it('Should be a PDF for the patient whether or not poppler is there to read it', async () => {
      const res = await t.request(`/api/v1/export/report?from=${FIRST}&to=${LAST}`, { token: patient.access_token })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="podd-report-\d{4}-\d\d-\d\d\.pdf"/)
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
    })

    it('Should refuse periods that cannot be reported and callers who may not', async () => {
      const get = (q: string, token = patient.access_token) => t.request(`/api/v1/export/report${q}`, { token })
      expect((await get(`?from=${LAST}&to=${FIRST}`)).status).toBe(400)
      expect((await get('?from=2023-01-01&to=2025-03-30')).status).toBe(400)
      expect((await get('?from=2099-01-01')).status).toBe(400)
      expect((await get('?from=yesterday')).status).toBe(400)
      expect((await get('?from=1899-12-31&to=1900-01-05')).status).toBe(400)
      expect((await get('?from=2025-02-30')).status).toBe(400)
      expect((await get('?from=2020-01-01')).status).toBe(400) // to defaults to today: six years
      const bad = await get(`?from=${LAST}&to=${FIRST}`)
      expect(await bad.json()).toMatchObject({ status: 'error', error: { code: 'VALIDATION_ERROR' }, request_id: expect.any(String) })
      expect((await get('', caregiver.access_token)).status).toBe(403)
      expect((await t.request('/api/v1/export/report')).status).toBe(401)
      expect((await t.request('/api/v1/export/fhir', { token: caregiver.access_token })).status).toBe(403)
    })

    it('Should let a linked caregiver download it (logged), and no one else', async () => {
      const res = await t.request(`/api/v1/patients/${patient.id}/report`, { token: caregiver.access_token })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/pdf')
      const log = (await (await t.request('/api/v1/caregivers/access-log', { token: patient.access_token })).json()) as Json
      expect(log.entries[0]).toMatchObject({ resource: 'report', caregiver: { id: caregiver.id } })
      const stranger = await registerUser(t, 'caregiver', 'Stranger')
      const unlinked = await t.request(`/api/v1/patients/${patient.id}/report`, { token: stranger.access_token })
      expect(unlinked.status).toBe(404)
      expect(await unlinked.json()).toMatchObject({ status: 'error', error: { code: 'NOT_FOUND' } })
    })

    it('Should refuse it when the patient stops sharing it, and log the refusal as one (an AuditEvent with outcome 4)', async () => {
      const share = (categories: string[]) =>
        t.request(`/api/v1/caregivers/links/${linkId}/sharing`, { method: 'PUT', token: patient.access_token, json: { categories } })
      // Only the report shared: the caregiver has it, and nothing else of the record.
      expect((await share(['doctor_report'])).status).toBe(200)
      expect((await t.request(`/api/v1/patients/${patient.id}/report`, { token: caregiver.access_token })).status).toBe(200)
      expect((await t.request(`/api/v1/patients/${patient.id}/events?kind=vitals`, { token: caregiver.access_token })).status).toBe(403)
      expect((await share(['vitals', 'alerts'])).status).toBe(200)
      const refused = await t.request(`/api/v1/patients/${patient.id}/report`, { token: caregiver.access_token, headers: { 'x-request-id': 'refused-report-1' } })
      expect(refused.status).toBe(403)
      expect(await refused.json()).toMatchObject({ status: 'error', error: { code: 'FORBIDDEN', message: 'The patient does not share the doctor’s report with you' } })
      const log = (await (await t.request('/api/v1/caregivers/access-log', { token: patient.access_token })).json()) as Json
      expect(log.entries.slice(0, 3).map((e: Json) => [e.resource, e.outcome])).toEqual([
        ['report', 'refused'],
        ['events', 'refused'],
        ['report', 'read'],
      ])
      const bundle = (await (await t.request('/api/v1/export/fhir', { token: patient.access_token })).json()) as Json
      const audits = bundle.entry.map((e: Json) => e.resource).filter((r: Json) => r.resourceType === 'AuditEvent')
      const denied = audits.find((a: Json) => a.entity[1].detail?.[0].valueString === 'refused-report-1')
      expect(denied).toMatchObject({ action: 'R', outcome: '4', outcomeDesc: expect.stringContaining('Refused'), agent: [{ who: { identifier: { value: caregiver.id } } }] })
      expect(fhirErrors(denied)).toEqual([])
      expect(audits.filter((a: Json) => a.outcome === '0').length).toBeGreaterThanOrEqual(3)
      expect((await share(['vitals', 'food_and_water', 'medicines_and_doses', 'symptoms_and_mood', 'alerts', 'daily_summaries', 'doctor_report'])).status).toBe(200)
    })
  })

  describe('CSV export', () => {
    let files: Record<string, string>

    beforeAll(async () => {
      const res = await t.request('/api/v1/export/csv', { token: patient.access_token })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/zip')
      files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(await res.arrayBuffer()))).map(([n, b]) => [n, Buffer.from(b).toString('utf8')]))
    })

    /** A CSV of the zip as records of named cells (after its byte-order mark). */
    const table = (name: string) => {
      const [header, ...rows] = parseCsv(files[name]!.replace(/^\uFEFF/, ''))
      for (const r of rows) expect(r).toHaveLength(header!.length)
      return { header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) }
    }

    it('Should hold one CSV per kind of event and the access log, every row of the record', () => {
      expect(Object.keys(files).sort()).toEqual(
        ['access-log.csv', 'alert.csv', 'appointment.csv', 'med_dose.csv', 'med_schedule.csv', 'medication.csv', 'profile.csv', 'symptom.csv', 'vitals.csv'].sort(),
      )
      for (const text of Object.values(files)) expect(text.startsWith('\uFEFF')).toBe(true)
      const vitals = table('vitals.csv')
      expect(vitals.header.join(',')).toBe('id,occurred_at,recorded_at,source,context_id,supersedes,blood_pressure_systolic,blood_pressure_diastolic,heart_rate,blood_sugar,blood_sugar_context,temperature,spo2,weight_kg,hba1c')
      expect(vitals.rows).toHaveLength(30 + 30 + 10 + 5 + 1 + 1)
      expect(vitals.rows.find((r) => r.blood_pressure_systolic === '184')).toMatchObject({ blood_pressure_diastolic: '122', source: 'api', blood_sugar: '' })
      expect(table('med_dose.csv').rows).toHaveLength(84)
      expect(table('med_dose.csv').rows.filter((r) => r.status === 'skipped').map((r) => r.reason)).toEqual(['felt dizzy', 'felt dizzy', 'felt dizzy'])
      const access = table('access-log.csv')
      expect(access.header).toEqual(['accessed_at', 'caregiver_id', 'caregiver_name', 'what', 'outcome', 'request_id'])
      expect(access.rows.map((r) => `${r.what}:${r.outcome}`)).toEqual(expect.arrayContaining(['alerts:read', 'events:read', 'report:read', 'report:refused']))
      expect(access.rows.every((r) => r.caregiver_id === caregiver.id && r.caregiver_name === 'Ravi')).toBe(true)
      const [profile] = table('profile.csv').rows
      expect(profile!.name).toBe('आशा वर्मा (Asha Verma)')
      expect(JSON.parse(profile!.medical_conditions!)).toEqual(['Type 2 diabetes', 'Hypertension'])
    })

    it('Should defuse a cell a spreadsheet would run as a formula, and quote what needs it', () => {
      const names = table('symptom.csv').rows.map((r) => r.name)
      expect(names).toContain(`'=HYPERLINK("http://evil.example","click")`)
      expect(names.filter((n) => /^[=+\-@]/.test(n!))).toEqual([])
      expect(files['symptom.csv']).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`)
      expect(files['symptom.csv']).toContain('dizzy when standing up,mild')
      expect(files['profile.csv']).toContain('"[""Type 2 diabetes"",""Hypertension""]"')
    })
  })
})
