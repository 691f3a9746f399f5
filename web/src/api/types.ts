/** The shapes of the API this app reads (see /api/v1/openapi.json). */
export type EventKind =
  | 'profile' | 'vitals' | 'food' | 'water' | 'medication' | 'med_schedule' | 'med_dose' | 'sleep' | 'exercise'
  | 'mood' | 'symptom' | 'appointment' | 'emergency_contact' | 'alarm' | 'notification' | 'chat' | 'alert' | 'summary'

export interface HealthEvent {
  id: string
  user_id: string
  kind: EventKind
  context_id: string
  payload: Record<string, any>
  flags: Record<string, { category?: string; [k: string]: unknown }> | null
  occurred_at: string
  recorded_at: string
  source: 'chat' | 'voice' | 'api' | 'system'
  supersedes: string | null
}

export interface EventPage {
  events: HealthEvent[]
  next_cursor: string | null
}

export interface Dose {
  medication_id: string
  medication_name: string
  dosage: string | null
  date: string
  time_of_day: string
  scheduled_for: string
  status: 'taken' | 'missed' | 'skipped' | 'due'
  dose_event_id: string | null
  taken_at: string | null
  reason: string | null
}

interface Latest { value: number; at: string; category?: string }
export interface NumericStats { count: number; latest: Latest | null; min: number | null; max: number | null; mean: number | null }
export interface DayInsight {
  date: string
  calories: number
  meals: number
  water_ml: number
  readings: number
  doses: { scheduled: number; taken: number; missed: number; skipped: number; due: number }
}
export interface Insights {
  period: { from: string; to: string; timezone: string }
  vitals: {
    blood_pressure: { count: number; latest: { systolic: number; diastolic: number; at: string; category?: string } | null; mean: { systolic: number; diastolic: number } | null }
    heart_rate: NumericStats
    blood_sugar: NumericStats
    temperature: NumericStats
    spo2: NumericStats
    weight_kg: NumericStats
  }
  days: DayInsight[]
  nutrition: { total_calories: number; mean_daily_calories: number; total_water_ml: number; mean_daily_water_ml: number }
  medication: { scheduled: number; taken: number; missed: number; skipped: number; due: number; adherence_pct: number | null; doses: Dose[] }
  /** For a caregiver: the sections the patient does not share with them, which come as null. */
  not_shared?: SharingCategory[]
}

export interface Thread { thread_id: string; title: string; last_message_at: string; messages: number }
export interface ThreadMessage { id: string; role: 'user' | 'assistant'; text: string; at: string; routes?: string[]; emergency?: boolean }

export interface TurnResult {
  thread_id: string
  reply: string
  routes: string[]
  events: HealthEvent[]
  emergency: boolean
}

export const SHARING_CATEGORIES = ['vitals', 'food_and_water', 'medicines_and_doses', 'symptoms_and_mood', 'alerts', 'daily_summaries', 'chat_transcripts', 'doctor_report'] as const
export type SharingCategory = (typeof SHARING_CATEGORIES)[number]
export interface LinkedPerson { link_id: string; id: string; name: string; linked_at: string; email?: string; sharing?: SharingCategory[] }
export interface AccessLogEntry { id: number; caregiver: { id: string; name: string | null }; resource: string; accessed_at: string; outcome?: 'read' | 'refused' }

export interface Preferences {
  notifications: { email: boolean; sms: boolean; push: boolean; webhook: boolean }
  alert_threshold: 'emergency' | 'urgent' | 'attention' | 'info'
  quiet_hours: { enabled: boolean; start: string; end: string }
  daily_summary_time: string
  timezone: string
  language: string
  email: string | null
  webhook_url: string | null
  phone: string | null
}

/** A reminder or alert pushed on the patient's socket (the reminders contract). */
export interface AppNotification {
  id: string
  kind: string
  title: string
  body: string
  medication_id?: string
  slot?: string
  actions?: ('taken' | 'skip' | 'snooze')[]
  created_at: string
}
