import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, type Generated, type Migration } from 'kysely'
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

/** SQLite holds only auth data: accounts, credentials, tokens, roles, caregiver links, settings. */
export interface AuthDatabase {
  users: UsersTable
  refresh_tokens: RefreshTokensTable
  caregiver_invitations: CaregiverInvitationsTable
  caregiver_links: CaregiverLinksTable
  account_settings: AccountSettingsTable
  caregiver_access_log: CaregiverAccessLogTable
  push_subscriptions: PushSubscriptionsTable
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
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`Auth database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`)
  }
}
