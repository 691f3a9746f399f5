import { createHash } from 'node:crypto'
import type { Flag } from '../../memory/clinical-thresholds.js'
import type { HealthEvent } from '../../memory/event-store.js'
import type { AccessLogEntry } from '../care/care-links.js'
import { eventsOf, type PatientRecord } from './patient-record.js'

/**
 * A patient's record as a FHIR R4 `Bundle` of type `collection`, for their doctor's system:
 * Patient; vital signs and labs as Observations (LOINC codes, UCUM units); MedicationStatements
 * for medicines; MedicationAdministrations for doses; Conditions for known conditions and
 * reported symptoms; Appointments; and the caregivers' reads of the record as AuditEvents
 * shaped as IHE BALP "PatientRead". Codes are in ../shared/reference/clinical.md.
 */

export type FhirResource = { resourceType: string; id: string } & Record<string, unknown>

export interface FhirBundle {
  resourceType: 'Bundle'
  id: string
  type: 'collection'
  timestamp: string
  meta: { lastUpdated: string }
  entry: { fullUrl: string; resource: FhirResource }[]
}

const LOINC = 'http://loinc.org'
const UCUM = 'http://unitsofmeasure.org'
const SNOMED = 'http://snomed.info/sct'
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category'
const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation'
const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category'
const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical'
/** Podd's own identifiers: the account of a patient or caregiver, an event of the store. */
export const PODD_ACCOUNT = 'urn:podd:account'
const PODD_EVENT = 'urn:podd:event'

/**
 * A stable UUID for a resource made from a name (an event id and what was measured), so an
 * export made twice has the same ids and every `fullUrl` is a `urn:uuid:` as FHIR wants.
 */
export function nameUuid(name: string): string {
  const h = createHash('sha1').update(`podd-fhir:${name}`).digest()
  h[6] = (h[6]! & 0x0f) | 0x50
  h[8] = (h[8]! & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}

const coding = (system: string, code: string, display: string) => ({ system, code, display })
const quantity = (value: number, unit: string, code = unit) => ({ value, unit, system: UCUM, code })
const eventIdentifier = (e: { id: string }) => [{ system: PODD_EVENT, value: e.id }]

/** One measured value: its LOINC code(s), unit, and which flag (if any) classified it. */
interface Measure {
  key: string
  codes: { code: string; display: string }[]
  text: string
  unit: [display: string, ucum: string]
  value: (p: Record<string, any>) => number | undefined
  category: 'vital-signs' | 'laboratory'
  flag?: 'blood_sugar' | 'temperature' | 'spo2' | 'heart_rate'
}

/** Single-valued measurements (blood pressure is a panel of two, below). */
export const MEASURES: Measure[] = [
  { key: 'hr', codes: [{ code: '8867-4', display: 'Heart rate' }], text: 'Heart rate', unit: ['beats/minute', '/min'], value: (p) => p.heart_rate, category: 'vital-signs', flag: 'heart_rate' },
  { key: 'glucose', codes: [{ code: '2339-0', display: 'Glucose [Mass/volume] in Blood' }], text: 'Blood glucose', unit: ['mg/dL', 'mg/dL'], value: (p) => p.blood_sugar, category: 'laboratory', flag: 'blood_sugar' },
  { key: 'temp', codes: [{ code: '8310-5', display: 'Body temperature' }], text: 'Body temperature', unit: ['°C', 'Cel'], value: (p) => p.temperature, category: 'vital-signs', flag: 'temperature' },
  {
    key: 'spo2',
    // The vital-signs profile wants 2708-6 beside the pulse oximetry code.
    codes: [
      { code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' },
      { code: '2708-6', display: 'Oxygen saturation in Arterial blood' },
    ],
    text: 'Oxygen saturation (SpO2)',
    unit: ['%', '%'],
    value: (p) => p.spo2,
    category: 'vital-signs',
    flag: 'spo2',
  },
  { key: 'weight', codes: [{ code: '29463-7', display: 'Body weight' }], text: 'Body weight', unit: ['kg', 'kg'], value: (p) => p.weight_kg, category: 'vital-signs' },
  { key: 'hba1c', codes: [{ code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' }], text: 'HbA1c', unit: ['%', '%'], value: (p) => p.hba1c, category: 'laboratory' },
]

/** Podd's clinical categories as HL7 interpretation codes (low, critically low, normal, high, critically high). */
const INTERPRETATIONS: Record<string, [code: string, display: string]> = {
  normal: ['N', 'Normal'],
  hypotension: ['L', 'Low'],
  elevated: ['H', 'High'],
  stage_1: ['H', 'High'],
  stage_2: ['H', 'High'],
  crisis: ['HH', 'Critical high'],
  level_2_low: ['LL', 'Critical low'],
  level_1_low: ['L', 'Low'],
  above_target: ['H', 'High'],
  high: ['H', 'High'],
  very_high: ['HH', 'Critical high'],
  hypothermia: ['L', 'Low'],
  fever: ['H', 'High'],
  high_fever: ['H', 'High'],
  very_high_fever: ['HH', 'Critical high'],
  below_normal: ['L', 'Low'],
  low: ['L', 'Low'],
  critical: ['LL', 'Critical low'],
  very_low: ['LL', 'Critical low'],
}

function interpretation(flag: Flag | undefined) {
  const mapped = flag && INTERPRETATIONS[flag.category]
  return mapped ? { interpretation: [{ coding: [coding(INTERPRETATION, mapped[0], mapped[1])], text: flag.label }] } : {}
}

function observationBase(e: Pick<HealthEvent, 'id' | 'supersedes' | 'occurred_at'> & { payload: { notes?: string } }, key: string, patientRef: string, category: 'vital-signs' | 'laboratory') {
  return {
    resourceType: 'Observation',
    id: nameUuid(`${e.id}:${key}`),
    identifier: eventIdentifier(e),
    // A value corrected by the patient is the amended version of what they first logged.
    status: e.supersedes ? 'amended' : 'final',
    category: [
      {
        coding: [coding(OBSERVATION_CATEGORY, category, category === 'vital-signs' ? 'Vital Signs' : 'Laboratory')],
      },
    ],
    subject: { reference: patientRef },
    effectiveDateTime: e.occurred_at,
    ...(e.payload.notes ? { note: [{ text: String(e.payload.notes) }] } : {}),
  }
}

/** The Observations of one vitals event: a BP panel and one per other value it holds. */
export function vitalsObservations(e: HealthEvent<'vitals'>, patientRef: string): FhirResource[] {
  const p = e.payload
  const out: FhirResource[] = []
  if (p.blood_pressure_systolic !== undefined && p.blood_pressure_diastolic !== undefined) {
    const component = (code: string, display: string, value: number) => ({
      code: { coding: [coding(LOINC, code, display)], text: display },
      valueQuantity: quantity(value, 'mmHg', 'mm[Hg]'),
    })
    out.push({
      ...observationBase(e, 'bp', patientRef, 'vital-signs'),
      code: { coding: [coding(LOINC, '85354-9', 'Blood pressure panel with all children optional')], text: 'Blood pressure' },
      component: [
        component('8480-6', 'Systolic blood pressure', p.blood_pressure_systolic),
        component('8462-4', 'Diastolic blood pressure', p.blood_pressure_diastolic),
      ],
      ...interpretation(e.flags?.blood_pressure),
    })
  }
  for (const m of MEASURES) {
    const value = m.value(p)
    if (value === undefined) continue
    out.push({
      ...observationBase(e, m.key, patientRef, m.category),
      code: { coding: m.codes.map((c) => coding(LOINC, c.code, c.display)), text: m.text },
      valueQuantity: quantity(value, m.unit[0], m.unit[1]),
      ...interpretation(m.flag ? e.flags?.[m.flag] : undefined),
      ...(m.key === 'glucose' && p.blood_sugar_context ? { method: { text: `Measured ${String(p.blood_sugar_context).replace('_', ' ')}` } } : {}),
    })
  }
  return out
}

function patientResource(record: PatientRecord): FhirResource {
  const profile = eventsOf(record, 'profile').at(-1)?.payload
  const name = profile?.name ?? record.patient.name
  const gender = profile?.gender === 'prefer_not_to_say' ? 'unknown' : profile?.gender
  return {
    resourceType: 'Patient',
    id: record.patient.id,
    identifier: [{ system: PODD_ACCOUNT, value: record.patient.id }],
    active: true,
    name: [{ text: name }],
    telecom: [{ system: 'email', value: record.patient.email, use: 'home' }],
    ...(gender ? { gender } : {}),
    ...(profile?.date_of_birth ? { birthDate: profile.date_of_birth } : {}),
    ...(profile?.language ? { communication: [{ language: { coding: [coding('urn:ietf:bcp:47', profile.language, profile.language)] }, preferred: true }] } : {}),
  }
}

function medicationStatement(e: HealthEvent<'medication'>, patientRef: string): FhirResource {
  const p = e.payload
  const dosage = [p.dosage, p.frequency, p.instructions].filter(Boolean).join(', ')
  return {
    resourceType: 'MedicationStatement',
    id: nameUuid(`${e.context_id}:statement`),
    identifier: eventIdentifier(e),
    status: p.active === false ? 'stopped' : 'active',
    medicationCodeableConcept: { text: p.name },
    subject: { reference: patientRef },
    effectivePeriod: { start: e.occurred_at },
    dateAsserted: e.recorded_at,
    ...(dosage ? { dosage: [{ text: dosage }] } : {}),
  }
}

function medicationAdministration(e: HealthEvent<'med_dose'>, patientRef: string): FhirResource {
  const p = e.payload
  const given = p.status === 'taken'
  return {
    resourceType: 'MedicationAdministration',
    id: nameUuid(`${e.id}:dose`),
    identifier: eventIdentifier(e),
    // Missed and skipped doses were not given: `not-done`, with the reason.
    status: given ? 'completed' : 'not-done',
    ...(!given ? { statusReason: [{ text: p.reason ? `${p.status}: ${p.reason}` : p.status }] } : {}),
    medicationCodeableConcept: { text: p.medication_name },
    subject: { reference: patientRef },
    effectiveDateTime: given ? e.occurred_at : (p.scheduled_for ?? e.occurred_at),
    ...(p.dosage ? { dosage: { text: p.dosage } } : {}),
  }
}

/** SNOMED CT severity codes (the R4 Condition severity value set). */
const SEVERITY: Record<string, [string, string]> = {
  mild: ['255604002', 'Mild'],
  moderate: ['6736007', 'Moderate'],
  severe: ['24484000', 'Severe'],
}

function conditions(record: PatientRecord, patientRef: string): FhirResource[] {
  const profile = eventsOf(record, 'profile').at(-1)
  const known = (profile?.payload.medical_conditions ?? []).map((text) => ({
    resourceType: 'Condition',
    id: nameUuid(`${record.patient.id}:condition:${text.toLowerCase()}`),
    clinicalStatus: { coding: [coding(CONDITION_CLINICAL, 'active', 'Active')] },
    category: [{ coding: [coding(CONDITION_CATEGORY, 'problem-list-item', 'Problem List Item')] }],
    code: { text },
    subject: { reference: patientRef },
    recordedDate: profile!.recorded_at,
  }))
  const symptoms = eventsOf(record, 'symptom').map((e) => {
    const p = e.payload
    const severity = p.severity ? SEVERITY[p.severity] : undefined
    return {
      resourceType: 'Condition',
      id: nameUuid(`${e.id}:symptom`),
      identifier: eventIdentifier(e),
      clinicalStatus: { coding: [coding(CONDITION_CLINICAL, 'active', 'Active')] },
      category: [{ coding: [coding(CONDITION_CATEGORY, 'problem-list-item', 'Problem List Item')], text: 'Symptom reported by the patient' }],
      ...(severity ? { severity: { coding: [coding(SNOMED, severity[0], severity[1])] } } : {}),
      code: { text: p.name },
      ...(p.body_part ? { bodySite: [{ text: p.body_part }] } : {}),
      subject: { reference: patientRef },
      onsetDateTime: p.started_at ?? e.occurred_at,
      recordedDate: e.recorded_at,
      ...(p.notes || p.duration ? { note: [{ text: [p.duration && `for ${p.duration}`, p.notes].filter(Boolean).join('; ') }] } : {}),
    }
  })
  return [...known, ...symptoms]
}

const APPOINTMENT_STATUS = { scheduled: 'booked', completed: 'fulfilled', cancelled: 'cancelled' } as const
const ASSUMED_VISIT_MINUTES = 30

function appointment(e: HealthEvent<'appointment'>, patientRef: string, patientName: string): FhirResource {
  const p = e.payload
  const participant: Record<string, unknown>[] = [{ actor: { reference: patientRef, display: patientName }, status: 'accepted' }]
  if (p.doctor) participant.push({ actor: { display: p.doctor }, status: 'accepted' })
  return {
    resourceType: 'Appointment',
    id: nameUuid(`${e.context_id}:appointment`),
    identifier: eventIdentifier(e),
    status: APPOINTMENT_STATUS[p.status ?? 'scheduled'],
    description: p.title,
    start: p.scheduled_for,
    // FHIR wants an end for a booked visit (app-3); Podd knows only when it starts.
    end: new Date(Date.parse(p.scheduled_for) + ASSUMED_VISIT_MINUTES * 60_000).toISOString(),
    minutesDuration: ASSUMED_VISIT_MINUTES,
    comment: [p.location && `At ${p.location}`, p.notes, `Length not recorded; ${ASSUMED_VISIT_MINUTES} minutes assumed`].filter(Boolean).join('. '),
    participant,
  }
}

/** What part of the record a caregiver's read was of, for the AuditEvent's entity. */
const READ_WHAT: Record<string, string> = {
  events: 'Health events',
  insights: 'Insights',
  alerts: 'Alerts',
  summaries: 'Daily summaries',
  activity: 'Activity (last seen)',
  report: 'Report for the doctor',
}

/**
 * A caregiver's read as IHE BALP "PatientRead": a RESTful read, by the caregiver, of the patient's
 * data. One the patient's sharing refused has outcome 4 (minor failure: the request was denied,
 * nothing was disclosed) and says why.
 */
export function auditEvent(entry: AccessLogEntry, patientRef: string, patientId: string): FhirResource {
  return {
    resourceType: 'AuditEvent',
    id: nameUuid(`${patientId}:access:${entry.id}`),
    meta: { profile: ['https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientRead'] },
    type: coding('http://terminology.hl7.org/CodeSystem/audit-event-type', 'rest', 'Restful Operation'),
    subtype: [coding('http://hl7.org/fhir/restful-interaction', 'read', 'read')],
    action: 'R',
    recorded: entry.accessed_at,
    ...(entry.outcome === 'refused' ? { outcome: '4', outcomeDesc: 'Refused: the patient does not share this with the caregiver' } : { outcome: '0' }),
    agent: [
      {
        type: { coding: [coding('http://terminology.hl7.org/CodeSystem/v3-ParticipationType', 'IRCP', 'information recipient')] },
        who: { identifier: { system: PODD_ACCOUNT, value: entry.caregiver.id }, display: entry.caregiver.name ?? 'A caregiver whose account was erased' },
        requestor: true,
      },
    ],
    source: {
      observer: { display: 'Podd' },
      type: [coding('http://terminology.hl7.org/CodeSystem/security-source-type', '4', 'Application Server')],
    },
    entity: [
      {
        what: { reference: patientRef },
        type: coding('http://terminology.hl7.org/CodeSystem/audit-entity-type', '1', 'Person'),
        role: coding('http://terminology.hl7.org/CodeSystem/object-role', '1', 'Patient'),
      },
      {
        what: { display: READ_WHAT[entry.resource] ?? entry.resource },
        type: coding('http://terminology.hl7.org/CodeSystem/audit-entity-type', '2', 'System Object'),
        role: coding('http://terminology.hl7.org/CodeSystem/object-role', '4', 'Domain Resource'),
        ...(entry.request_id ? { detail: [{ type: 'request_id', valueString: entry.request_id }] } : {}),
      },
    ],
  }
}

/** The whole record as one Bundle, oldest first within each resource type. */
export function fhirBundle(record: PatientRecord, now: Date): FhirBundle {
  const patientRef = `urn:uuid:${record.patient.id}`
  const patient = patientResource(record)
  const resources: FhirResource[] = [
    patient,
    ...eventsOf(record, 'vitals').flatMap((e) => vitalsObservations(e, patientRef)),
    ...eventsOf(record, 'medication').map((e) => medicationStatement(e, patientRef)),
    ...eventsOf(record, 'med_dose').map((e) => medicationAdministration(e, patientRef)),
    ...conditions(record, patientRef),
    ...eventsOf(record, 'appointment').map((e) => appointment(e, patientRef, String((patient.name as { text: string }[])[0]!.text))),
    ...record.accessLog.map((entry) => auditEvent(entry, patientRef, record.patient.id)),
  ]
  return {
    resourceType: 'Bundle',
    id: nameUuid(`${record.patient.id}:export:${now.toISOString()}`),
    type: 'collection',
    timestamp: now.toISOString(),
    meta: { lastUpdated: now.toISOString() },
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  }
}
