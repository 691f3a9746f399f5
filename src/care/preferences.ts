import { z } from '@hono/zod-openapi'
import type { AuthDb } from '../auth/auth-db.js'
import { notFound, ValidationError, validationError } from '../../core/errors.js'
import { OPEN_INTERNET, webhookUrlProblem, type WebhookTargetPolicy } from './delivery/webhook-target.js'

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/
// IANA names only: V8 also accepts offsets like "+05:30", which have no daylight-saving rules.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/

/**
 * Checked, not canonicalised: ICU versions disagree on canonical names (Node 20 turns
 * Asia/Kolkata into Asia/Calcutta), and the name as given works in every engine.
 */
function isTimeZone(name: string): boolean {
  if (!IANA_NAME.test(name)) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

function canonicalLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0]
  } catch {
    return undefined
  }
}


const clockTime = z.string().regex(CLOCK_TIME, 'Use a 24-hour time as HH:MM').openapi({ example: '22:00' })

const timeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, 'Use an IANA time zone such as Asia/Kolkata')
  .openapi({ example: 'Asia/Kolkata' })

const language = z
  .string()
  .max(35)
  .refine((tag) => canonicalLanguage(tag) !== undefined, 'Use a BCP-47 language tag such as en-IN or hi-IN')
  .overwrite((tag) => canonicalLanguage(tag) ?? tag)
  .openapi({ example: 'hi-IN' })

const notificationChannels = { email: z.boolean(), sms: z.boolean(), push: z.boolean(), webhook: z.boolean() }
const quietHours = { enabled: z.boolean(), start: clockTime, end: clockTime }
const settings = {
  alert_threshold: z
    .enum(['emergency', 'urgent', 'attention', 'info'])
    .describe('The least severe alert tier still delivered to this account'),
  daily_summary_time: clockTime.describe('Local time the daily summary is sent'),
  timezone: timeZone,
  language,
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email())
    .nullable()
    .describe('Delivery address; null means the account e-mail'),
  webhook_url: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable()
    .describe('An https URL on the public internet (checked again at every delivery)'),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'Use an E.164 number such as +919876543210')
    .nullable(),
  inactivity_hours: z
    .number()
    .int()
    .min(1)
    .max(48)
    .nullable()
    .describe('Caregivers: alert after this many waking hours with no heartbeat and no event from the patient; null turns it off'),
}

export const PreferencesSchema = z
  .object({ notifications: z.object(notificationChannels), quiet_hours: z.object(quietHours), ...settings })
  .openapi('Preferences')
export type Preferences = z.infer<typeof PreferencesSchema>

/** Any subset of the preferences, nested objects included; unknown keys are refused. */
export const PreferencesPatchSchema = z
  .strictObject({
    notifications: z.strictObject(notificationChannels).partial(),
    quiet_hours: z.strictObject(quietHours).partial(),
    ...settings,
  })
  .partial()
  .openapi('PreferencesPatch')
export type PreferencesPatch = z.infer<typeof PreferencesPatchSchema>

/** Rules between fields, checked on the merged result so a patch may fix both sides at once. */
const ConsistentPreferences = PreferencesSchema.superRefine((p, ctx) => {
  if (p.notifications.sms && !p.phone) {
    ctx.addIssue({ code: 'custom', path: ['phone'], message: 'SMS notifications need a phone number' })
  }
  if (p.notifications.webhook && !p.webhook_url) {
    ctx.addIssue({ code: 'custom', path: ['webhook_url'], message: 'Webhook notifications need a webhook_url' })
  }
  if (p.quiet_hours.start === p.quiet_hours.end) {
    const message = 'Quiet hours cannot start and end at the same time'
    ctx.addIssue({ code: 'custom', path: ['quiet_hours', 'end'], message })
  }
})

export const DEFAULT_PREFERENCES: Preferences = {
  notifications: { email: true, sms: false, push: false, webhook: false },
  alert_threshold: 'urgent',
  quiet_hours: { enabled: true, start: '22:00', end: '07:00' },
  daily_summary_time: '20:00',
  timezone: 'Asia/Kolkata',
  language: 'en-IN',
  email: null,
  webhook_url: null,
  phone: null,
  inactivity_hours: 8,
}

/**
 * A patient's own defaults: reminders in the app and by push, nothing by e-mail, and no quiet
 * hours — a patient who asks for a 10 pm reminder gets it at 10 pm until they choose quiet
 * hours themselves (then only their app shows what falls in them).
 */
export const PATIENT_DEFAULT_PREFERENCES: Preferences = {
  ...DEFAULT_PREFERENCES,
  notifications: { email: false, sms: false, push: true, webhook: false },
  quiet_hours: { ...DEFAULT_PREFERENCES.quiet_hours, enabled: false },
}

const defaultsFor = (role: string) => (role === 'patient' ? PATIENT_DEFAULT_PREFERENCES : DEFAULT_PREFERENCES)

function merge<T extends PreferencesPatch>(base: T, patch: PreferencesPatch): T {
  return {
    ...base,
    ...patch,
    notifications: { ...base.notifications, ...patch.notifications },
    quiet_hours: { ...base.quiet_hours, ...patch.quiet_hours },
  }
}

/**
 * Notification and delivery settings of an account, kept in SQLite as JSON. Only what the user
 * set is stored, so a default changed later reaches everyone who never touched it.
 */
export class AccountPreferences {
  constructor(
    private readonly db: AuthDb,
    private readonly now: () => Date = () => new Date(),
    private readonly webhooks: WebhookTargetPolicy = OPEN_INTERNET,
  ) {}

  /** The effective preferences, with `email` resolved to the account's e-mail when unset. */
  async getPreferences(userId: string): Promise<Preferences> {
    const [account, stored] = await Promise.all([this.account(this.db, userId), this.stored(this.db, userId)])
    return this.effective(merge(defaultsFor(account.role), stored), account.email)
  }

  async updatePreferences(userId: string, patch: PreferencesPatch): Promise<Preferences> {
    return this.db.transaction().execute(async (trx) => {
      const account = await this.account(trx, userId)
      const stored = merge(await this.stored(trx, userId), patch)
      const checked = ConsistentPreferences.safeParse(merge(defaultsFor(account.role), stored))
      if (!checked.success) throw validationError(checked.error, 'These preferences do not fit together')
      const webhook = checked.data.webhook_url && webhookUrlProblem(checked.data.webhook_url, this.webhooks)
      if (webhook) throw new ValidationError('This webhook URL is not allowed', [{ path: 'webhook_url', message: webhook }])
      const update = { preferences: JSON.stringify(stored), updated_at: this.now().toISOString() }
      await trx
        .insertInto('account_settings')
        .values({ user_id: userId, ...update })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(update))
        .execute()
      return this.effective(checked.data, account.email)
    })
  }

  /** The account's name and role with its preferences, for addressing a message to it. */
  async getRecipient(userId: string): Promise<{ name: string; role: string; prefs: Preferences }> {
    const [account, stored] = await Promise.all([this.account(this.db, userId), this.stored(this.db, userId)])
    return { name: account.name, role: account.role, prefs: this.effective(merge(defaultsFor(account.role), stored), account.email) }
  }

  private effective(prefs: Preferences, accountEmail: string): Preferences {
    return { ...prefs, email: prefs.email ?? accountEmail }
  }

  private async account(db: AuthDb, userId: string): Promise<{ email: string; name: string; role: string }> {
    const user = await db.selectFrom('users').select(['email', 'name', 'role']).where('id', '=', userId).executeTakeFirst()
    if (!user) throw notFound('Account')
    return user
  }

  /** What the user set. It was validated on the way in, so it is trusted on the way out. */
  private async stored(db: AuthDb, userId: string): Promise<PreferencesPatch> {
    const row = await db
      .selectFrom('account_settings')
      .select('preferences')
      .where('user_id', '=', userId)
      .executeTakeFirst()
    return row ? (JSON.parse(row.preferences) as PreferencesPatch) : {}
  }
}
