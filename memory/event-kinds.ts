import { z } from 'zod'

/**
 * Every kind of health event and the zod schema of its payload. Payloads are stored in
 * canonical units (glucose mg/dL, temperature °C, weight kg); what the patient said is kept in
 * `reported` beside them when a unit was converted (see units.ts).
 */

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24-hour)')
const isoDateTime = z.iso.datetime({ offset: true })
const isoDate = z.iso.date()
const text = (max: number) => z.string().trim().min(1).max(max)
const optText = (max: number) => z.string().trim().max(max).optional()
export const isIanaTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}
const timeZone = z.string().refine(isIanaTimeZone, 'must be an IANA time zone, e.g. Asia/Kolkata')
/** A medicine's context id, `medication:<id>`. */
export const MedicationRef = z.string().regex(/^medication:[0-9a-f-]{36}$/i, 'must be a medication context id')

const Reported = z.record(z.string(), z.object({ value: z.union([z.number(), z.string()]), unit: z.string() }))

export const ProfilePayload = z
  .object({
    date_of_birth: isoDate.optional(),
    gender: z.enum(['female', 'male', 'other', 'prefer_not_to_say']).optional(),
    height_cm: z.number().min(40).max(250).optional(),
    weight_kg: z.number().min(10).max(300).optional(),
    blood_type: z.enum(['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-']).optional(),
    allergies: z.array(text(100)).max(50).default([]),
    medical_conditions: z.array(text(100)).max(50).default([]),
    dietary_preferences: optText(200),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language code like hi-IN').default('en-IN'),
    timezone: timeZone.default('Asia/Kolkata'),
    preferred_voice: optText(40),
    communication_style: z.enum(['simple', 'detailed', 'friendly', 'formal']).optional(),
    name: optText(100),
  })
  .strict()

export const BLOOD_SUGAR_CONTEXTS = ['fasting', 'before_meal', 'after_meal', 'random', 'bedtime'] as const

export const VitalsPayload = z
  .object({
    blood_pressure_systolic: z.number().int().optional(),
    blood_pressure_diastolic: z.number().int().optional(),
    heart_rate: z.number().int().optional(),
    blood_sugar: z.number().optional(),
    blood_sugar_context: z.enum(BLOOD_SUGAR_CONTEXTS).optional(),
    temperature: z.number().optional(),
    spo2: z.number().optional(),
    weight_kg: z.number().optional(),
    /** Glycated haemoglobin, % (a lab result: the average of the last 2–3 months). */
    hba1c: z.number().optional(),
    reported: Reported.optional(),
    symptoms: z.array(text(100)).max(20).optional(),
    notes: optText(1000),
  })
  .strict()


export const MEAL_TYPES = ['breakfast', 'lunch', 'dinner', 'snack'] as const

export const FoodItem = z
  .object({
    name: text(100),
    quantity: z.number().positive().max(10_000).optional(),
    unit: optText(30),
    calories: z.number().min(0).max(5000).optional(),
  })
  .strict()

export const FoodPayload = z
  .object({
    description: text(500),
    items: z.array(FoodItem).max(30).default([]),
    calories: z.number().min(0).max(10_000).optional(),
    protein_g: z.number().min(0).max(1000).optional(),
    carbs_g: z.number().min(0).max(2000).optional(),
    fat_g: z.number().min(0).max(1000).optional(),
    meal_type: z.enum(MEAL_TYPES).optional(),
    estimated: z.boolean().optional().describe('Calories and macros are estimates'),
  })
  .strict()

export const WaterPayload = z
  .object({ amount_ml: z.number().positive().max(5000), reported: Reported.optional() })
  .strict()

export const MedicationPayload = z
  .object({
    name: text(100),
    dosage: optText(100),
    frequency: optText(100),
    instructions: optText(500),
    active: z.boolean().default(true),
    critical: z.boolean().optional().describe('Insulin, anticoagulant, anti-epileptic: a missed dose is urgent'),
    missed_after_minutes: z.number().int().min(10).max(720).optional().describe('A dose not taken this long after its time is missed (default 60)'),
    pill_count: z.number().int().min(0).max(10_000).optional().describe('Pills on hand at pill_count_at (or when this version was recorded)'),
    pill_count_at: isoDateTime.optional(),
    pills_per_dose: z.number().positive().max(20).optional().describe('For the refill estimate; default 1'),
  })
  .strict()

export const DAYS_OF_WEEK = ['1', '2', '3', '4', '5', '6', '7'] as const

export const MedSchedulePayload = z
  .object({
    medication_id: MedicationRef,
    time_of_day: HHMM,
    days_of_week: z.array(z.enum(DAYS_OF_WEEK)).min(1).max(7).default([...DAYS_OF_WEEK]),
    dosage: optText(100),
    active: z.boolean().default(true),
  })
  .strict()

export const DOSE_STATUSES = ['taken', 'missed', 'skipped'] as const

export const MedDosePayload = z
  .object({
    medication_id: MedicationRef.optional(),
    medication_name: text(100),
    status: z.enum(DOSE_STATUSES),
    dosage: optText(100),
    scheduled_for: isoDateTime.optional(),
    reason: optText(500),
  })
  .strict()

export const SleepPayload = z
  .object({
    duration_hours: z.number().min(0).max(24).optional(),
    bed_time: HHMM.optional(),
    wake_time: HHMM.optional(),
    quality: z.enum(['poor', 'fair', 'good', 'excellent']).optional(),
    notes: optText(1000),
  })
  .strict()
  .refine((p) => p.duration_hours !== undefined || p.quality !== undefined || p.bed_time || p.notes, {
    message: 'give at least a duration, a quality, a bed time or a note',
  })

export const ExercisePayload = z
  .object({
    activity: text(100),
    duration_minutes: z.number().min(0).max(1440).optional(),
    intensity: z.enum(['light', 'moderate', 'vigorous']).optional(),
    distance_km: z.number().min(0).max(500).optional(),
    steps: z.number().int().min(0).max(200_000).optional(),
    calories_burned: z.number().min(0).max(10_000).optional(),
    notes: optText(1000),
  })
  .strict()

export const MOODS = ['very_bad', 'bad', 'neutral', 'good', 'very_good'] as const

export const MoodPayload = z
  .object({
    mood: z.enum(MOODS),
    score: z.number().int().min(1).max(5).optional(),
    energy: z.enum(['low', 'normal', 'high']).optional(),
    notes: optText(1000),
  })
  .strict()

export const SymptomPayload = z
  .object({
    name: text(200),
    severity: z.enum(['mild', 'moderate', 'severe']).optional(),
    body_part: optText(100),
    duration: optText(100),
    started_at: isoDateTime.optional(),
    notes: optText(1000),
  })
  .strict()

export const AppointmentPayload = z
  .object({
    title: text(200),
    doctor: optText(100),
    location: optText(200),
    scheduled_for: isoDateTime,
    status: z.enum(['scheduled', 'completed', 'cancelled']).default('scheduled'),
    notes: optText(2000),
  })
  .strict()

export const EmergencyContactPayload = z
  .object({
    name: text(100),
    phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number'),
    relationship: optText(50),
    is_primary: z.boolean().optional(),
  })
  .strict()

export const AlarmPayload = z
  .object({
    label: text(200),
    time_of_day: HHMM,
    days_of_week: z.array(z.enum(DAYS_OF_WEEK)).min(1).max(7).default([...DAYS_OF_WEEK]),
    medication_id: MedicationRef.optional(),
    active: z.boolean().default(true),
  })
  .strict()

export const NotificationPayload = z
  .object({
    channel: z.enum(['in_app', 'email', 'sms', 'push', 'webhook', 'voice']),
    recipient_id: z.string().optional(),
    title: text(200),
    body: text(5000),
    status: z.enum(['pending', 'sent', 'failed', 'read']),
    related_event_id: z.string().optional(),
    attempts: z.number().int().min(0).optional(),
    error: optText(500),
  })
  .strict()

export const ChatPayload = z
  .object({
    role: z.enum(['user', 'assistant']),
    text: z.string().max(20_000),
    thread_id: text(200),
    routes: z.array(z.string()).optional(),
    emergency: z.boolean().optional(),
    language: optText(20),
  })
  .strict()

export const ALERT_TIERS = ['emergency', 'urgent', 'attention', 'info'] as const
export type AlertTier = (typeof ALERT_TIERS)[number]

export const AlertPayload = z
  .object({
    tier: z.enum(ALERT_TIERS),
    condition: text(100).describe('What triggered it, e.g. bp_crisis, glucose_low_l2, red_flag:chest_pain'),
    title: text(200),
    message: text(2000),
    source_event_id: z.string().optional(),
    dedupe_key: optText(200),
    acknowledged_by: z.string().optional(),
    acknowledged_at: isoDateTime.optional(),
  })
  .strict()

export const SummaryPayload = z
  .object({
    date: isoDate,
    caregiver_id: z.string().optional(),
    headline: z.enum(['ok', 'attention', 'urgent']),
    narrative: text(5000),
    facts: z.record(z.string(), z.unknown()),
    generated_by: z.enum(['llm', 'template']),
  })
  .strict()

export const PAYLOAD_SCHEMAS = {
  profile: ProfilePayload,
  vitals: VitalsPayload,
  food: FoodPayload,
  water: WaterPayload,
  medication: MedicationPayload,
  med_schedule: MedSchedulePayload,
  med_dose: MedDosePayload,
  sleep: SleepPayload,
  exercise: ExercisePayload,
  mood: MoodPayload,
  symptom: SymptomPayload,
  appointment: AppointmentPayload,
  emergency_contact: EmergencyContactPayload,
  alarm: AlarmPayload,
  notification: NotificationPayload,
  chat: ChatPayload,
  alert: AlertPayload,
  summary: SummaryPayload,
} as const

export type EventKind = keyof typeof PAYLOAD_SCHEMAS
export const EVENT_KINDS = Object.keys(PAYLOAD_SCHEMAS) as EventKind[]
export type PayloadOf<K extends EventKind> = z.output<(typeof PAYLOAD_SCHEMAS)[K]>

/** Facts are what happened or was observed; actions are what the system or patient set in motion. */
const ACTION_KINDS: ReadonlySet<EventKind> = new Set(['med_schedule', 'alarm', 'notification', 'alert', 'summary'])
export const eventKindOf = (kind: EventKind): 'fact' | 'action' => (ACTION_KINDS.has(kind) ? 'action' : 'fact')

/** Kinds only the system writes: a patient cannot forge an alert or a summary through the API. */
export const SYSTEM_ONLY_KINDS: ReadonlySet<EventKind> = new Set(['alert', 'summary', 'notification', 'chat'])

export const SOURCES = ['chat', 'voice', 'api', 'system'] as const
export type EventSource = (typeof SOURCES)[number]

export const EventKindSchema = z.enum(EVENT_KINDS as [EventKind, ...EventKind[]])
