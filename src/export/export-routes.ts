import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { badRequest } from '../../core/errors.js'
import { addDays, patientToday } from '../../memory/insights.js'
import { insightsFor } from '../../memory/insights.js'
import { dayRange } from '../../memory/local-time.js'
import { requireRole } from '../auth/require-auth.js'
import { DateRangeQuery } from '../events/event-schemas.js'
import type { AppEnv } from '../http/app-env.js'
import { errorResponses, validationHook } from '../http/openapi.js'
import { needs } from '../care/sharing.js'
import type { Services } from '../services.js'
import { csvZip } from './csv-export.js'
import { doctorReportPdf } from './doctor-report.js'
import { fhirBundle } from './fhir-bundle.js'
import { eventsOf, loadPatientRecord } from './patient-record.js'

const ReportQuery = DateRangeQuery

const PatientParam = z.object({
  id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, description: 'The patient’s user id' }),
})

const file = (mime: string, description: string) => ({ description, content: { [mime]: { schema: z.string().openapi({ format: 'binary' }) } } })
const common = { tags: ['export'], security: [{ Bearer: [] }] }

// The envelope of the Bundle; each resource is as FHIR R4 defines it (https://hl7.org/fhir/R4/).
const FhirBundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  id: z.string(),
  type: z.literal('collection'),
  timestamp: z.string(),
  meta: z.object({ lastUpdated: z.string() }),
  entry: z.array(z.object({ fullUrl: z.string(), resource: z.record(z.string(), z.unknown()).describe('A FHIR R4 resource') })),
})

const fhir = createRoute({
  ...common,
  method: 'get',
  path: '/export/fhir',
  summary: 'Everything recorded, as a FHIR R4 Bundle (collection) for a doctor’s system',
  description:
    'Patient; Observations (LOINC, UCUM: blood pressure panel 85354-9, heart rate 8867-4, glucose 2339-0, ' +
    'temperature 8310-5, SpO2 59408-5 + 2708-6, weight 29463-7, HbA1c 4548-4); MedicationStatements; ' +
    'MedicationAdministrations for doses; Conditions for conditions and symptoms; Appointments; and every ' +
    'caregiver read of the record as an AuditEvent (IHE BALP PatientRead). Patients only.',
  middleware: [requireRole('patient')],
  responses: { 200: { description: 'A Bundle', content: { 'application/fhir+json': { schema: FhirBundleSchema } } }, ...errorResponses(401, 403) },
})

const csv = createRoute({
  ...common,
  method: 'get',
  path: '/export/csv',
  summary: 'Everything recorded, as a zip of CSV files (one per kind of event, and the access log)',
  middleware: [requireRole('patient')],
  responses: { 200: file('application/zip', 'A zip of UTF-8 CSV files'), ...errorResponses(401, 403) },
})

const report = createRoute({
  ...common,
  method: 'get',
  path: '/export/report',
  summary: 'A PDF report for the doctor: medicines and adherence, BP and glucose charts, symptoms, alerts',
  description: 'Local dates `from`–`to` (default: the last 30 days, at most 366). Patients only; a caregiver uses `/patients/{id}/report`.',
  middleware: [requireRole('patient')],
  request: { query: ReportQuery },
  responses: { 200: file('application/pdf', 'One or two A4 pages'), ...errorResponses(400, 401, 403) },
})

const patientReport = createRoute({
  ...common,
  method: 'get',
  path: '/patients/{id}/report',
  summary: 'The doctor’s report of a patient, for the patient or a linked caregiver the patient shares it with',
  description: 'As `/export/report`. Each caregiver download is in the patient’s access log.',
  request: { params: PatientParam, query: ReportQuery },
  responses: { 200: file('application/pdf', 'One or two A4 pages'), ...errorResponses(400, 401, 403, 404) },
})

/** Headers of a download of someone's health data: a file name, and never a cached copy. */
function attachment(c: Context<AppEnv>, mime: string, name: string) {
  c.header('Content-Type', mime)
  c.header('Content-Disposition', `attachment; filename="${name}"`)
  c.header('Cache-Control', 'no-store')
}

/**
 * `/api/v1/export/…` (the patient's own record: FHIR, CSV, the doctor's PDF) and
 * `/api/v1/patients/{id}/report` (the PDF for a linked caregiver).
 */
export function exportRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.use('/export/*', s.requireAuth)
  app.use('/patients/:id/report', s.requireAuth)
  const now = () => s.caregiving.now()
  const stamp = () => now().toISOString().slice(0, 10)
  const recordOf = (patientId: string, range?: { from: Date; to: Date }) =>
    loadPatientRecord({ authDb: s.authDb, events: s.events, care: s.care }, patientId, range)

  app.openapi(fhir, async (c) => {
    const bundle = fhirBundle(await recordOf(c.get('user').id), now())
    attachment(c, 'application/fhir+json', `podd-record-${stamp()}.fhir.json`)
    return c.body(JSON.stringify(bundle), 200) as never
  })

  app.openapi(csv, async (c) => {
    const zip = csvZip(await recordOf(c.get('user').id), now())
    attachment(c, 'application/zip', `podd-record-${stamp()}.zip`)
    return c.body(zip as Uint8Array<ArrayBuffer>, 200) as never
  })

  /** The PDF of a period of local dates; medicines and schedules from before it count too. */
  const pdf = async (patientId: string, q: { from?: string; to?: string }) => {
    const { date: today, timezone } = await patientToday(s.events, patientId, now())
    const to = q.to ?? today
    const from = q.from ?? addDays(to, -29)
    if (from > today) throw badRequest(`${from} has not begun yet for the patient (today is ${today})`)
    // First, as it refuses a period of more than a year (one end given, the other defaulted) before anything is read.
    const insights = await insightsFor(s.events, patientId, { from, to, timezone }, now())
    const period = { from: dayRange(from, timezone).start, to: dayRange(to, timezone).end }
    const record = await recordOf(patientId, period)
    const standing = await s.events.scan(patientId, { kinds: ['medication', 'med_schedule', 'profile'], to: period.to })
    const events = [...standing, ...record.events.filter((e) => !['medication', 'med_schedule', 'profile'].includes(e.kind))]
    return doctorReportPdf({
      patient: record.patient,
      profile: eventsOf({ events: standing }, 'profile').at(-1)?.payload,
      period: { from, to, timezone },
      insights,
      events,
      generatedAt: now(),
    })
  }

  app.openapi(report, async (c) => {
    const bytes = await pdf(c.get('user').id, c.req.valid('query'))
    attachment(c, 'application/pdf', `podd-report-${stamp()}.pdf`)
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200) as never
  })

  app.openapi(patientReport, async (c) => {
    const { id } = c.req.valid('param')
    await s.care.readScope(c.get('user'), id, 'report', c.get('requestId'), needs('doctor_report'))
    const bytes = await pdf(id, c.req.valid('query'))
    attachment(c, 'application/pdf', `podd-report-${stamp()}.pdf`)
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200) as never
  })

  return app
}
