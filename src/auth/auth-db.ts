import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, type ColumnType, type Generated, type Migration } from 'kysely'
import { authMigrations } from './migrations.js'

export interface UsersTable {
  id: string
  email: string
  name: string
  role: 'patient' | 'caregiver' | 'admin'
  password_hash: string
  created_at: string
  updated_at: string
}

export interface RefreshTokensTable {
  id: string
  user_id: string
  family_id: string
  token_hash: string
  created_at: string
  expires_at: string
  revoked_at: string | null
  revoked_reason: string | null
  replaced_by: string | null
}

export interface CaregiverInvitationsTable {
  id: string
  patient_id: string
  code_hash: string
  created_at: string
  expires_at: string
  accepted_at: string | null
  accepted_by: string | null
  revoked_at: string | null
}

export interface CaregiverLinksTable {
  id: string
  patient_id: string
  caregiver_id: string
  invitation_id: string | null
  created_at: string
  revoked_at: string | null
  revoked_by: string | null
  /** What the patient shares over this link (src/care/sharing.ts): a JSON array; null = the default. */
  sharing: ColumnType<string | null, string | null | undefined, string | null>
}

/** A password reset in flight: the token's SHA-256, its expiry, and when it was spent. */
export interface PasswordResetTokensTable {
  id: string
  user_id: string
  token_hash: string
  created_at: string
  expires_at: string
  used_at: string | null
}

/** Every change of what a patient shares with a caregiver, kept with the link. */
export interface CaregiverSharingChangesTable {
  id: Generated<number>
  link_id: string
  patient_id: string
  caregiver_id: string
  categories: string
  changed_at: string
}

export interface AccountSettingsTable {
  user_id: string
  preferences: string
  updated_at: string
}

export interface CaregiverAccessLogTable {
  id: Generated<number>
  caregiver_id: string
  patient_id: string
  resource: string
  accessed_at: string
  request_id: string | null
  /** `read`, or `refused` when the patient's sharing did not allow it (src/care/care-links.ts). */
  outcome: ColumnType<string, string | undefined, string>
}

/** A browser's Web Push subscription (RFC 8030 endpoint and RFC 8291 keys) for an account. */
export interface PushSubscriptionsTable {
  id: string
  user_id: string
  endpoint: string
  p256dh: string
  auth: string
  created_at: string
}

/**
 * Each patient's data key, wrapped under the master key (memory/encryption/patient-keys.ts).
 * Kept here, apart from the event store, so that deleting one small row shreds the patient's
 * data in every copy of the event store (its WAL, replicas and backups).
 */
export interface PatientDataKeysTable {
  user_id: string
  wrapped: Buffer
  master_key_id: string
  created_at: string
}

/**
 * What is left of an erased account: its id and when it was erased, nothing personal. The row
 * is also the erase job: `step` says how far it got, so a restart finishes it.
 */
export interface AccountErasuresTable {
  user_id: string
  role: 'patient' | 'caregiver' | 'admin'
  requested_at: string
  key_destroyed_at: string | null
  rows_deleted_at: string | null
  completed_at: string | null
}

/** SQLite holds only auth data: accounts, credentials, tokens, roles, caregiver links, settings, data keys. */
export interface AuthDatabase {
  users: UsersTable
  refresh_tokens: RefreshTokensTable
  caregiver_invitations: CaregiverInvitationsTable
  caregiver_links: CaregiverLinksTable
  account_settings: AccountSettingsTable
  caregiver_access_log: CaregiverAccessLogTable
  caregiver_sharing_changes: CaregiverSharingChangesTable
  password_reset_tokens: PasswordResetTokensTable
  push_subscriptions: PushSubscriptionsTable
  patient_data_keys: PatientDataKeysTable
  account_erasures: AccountErasuresTable
}

export type AuthDb = Kysely<AuthDatabase>

/** Opens (creating if needed) the auth database in the data dir and brings its schema up to date. */
export async function openAuthDb(dataDir: string): Promise<AuthDb> {
  fs.mkdirSync(dataDir, { recursive: true })
  const sqlite = new Database(path.join(dataDir, 'auth.sqlite'))
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Deleted rows are overwritten, not left in free pages: an erased account's data key and
  // e-mail must not survive in the file (erasure also checkpoints the WAL).
  sqlite.pragma('secure_delete = ON')
  const db = new Kysely<AuthDatabase>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  await migrate(db, authMigrations)
  return db
}

/**
 * Kysely prepares every query anew; preparing costs more than running a small indexed query.
 * Kysely's SQL text is stable per query shape, so statements are cached by their text.
 */
function withStatementCache(sqlite: Database.Database, max = 500) {
  const cache = new Map<string, Database.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql)
      if (!stmt) {
        stmt = sqlite.prepare(sql)
        if (cache.size >= max) cache.delete(cache.keys().next().value!)
        cache.set(sql, stmt)
      }
      return stmt
    },
  }
}

async function migrate(db: Kysely<any>, migrations: Record<string, Migration>): Promise<void> {
  // Engineers add migrations side by side; a data dir that ran a later one still accepts an earlier one.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`Auth database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`)
  }
}
