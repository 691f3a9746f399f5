import { sql, type Kysely, type Migration } from 'kysely'

/** Auth schema, in order. Never edit a released migration: add a new one. */
export const authMigrations: Record<string, Migration> = {
  '001_users_and_tokens': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('patient','caregiver','admin')`))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('refresh_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('family_id', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('revoked_reason', 'text')
        .addColumn('replaced_by', 'text')
        .execute()
      await db.schema.createIndex('refresh_tokens_family').on('refresh_tokens').column('family_id').execute()
      await db.schema.createIndex('refresh_tokens_user').on('refresh_tokens').column('user_id').execute()
    },
  },
  '002_caregivers_and_settings': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('caregiver_invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('patient_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('code_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('accepted_at', 'text')
        .addColumn('accepted_by', 'text')
        .addColumn('revoked_at', 'text')
        .execute()
      await db.schema
        .createTable('caregiver_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('patient_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('caregiver_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('invitation_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('revoked_by', 'text')
        .execute()
      // One live link per patient and caregiver; revoked links stay for the audit trail.
      await sql`create unique index caregiver_links_active on caregiver_links (patient_id, caregiver_id) where revoked_at is null`.execute(db)
      await db.schema.createIndex('caregiver_links_caregiver').on('caregiver_links').column('caregiver_id').execute()
      await db.schema
        .createTable('account_settings')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('preferences', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('caregiver_access_log')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('caregiver_id', 'text', (c) => c.notNull())
        .addColumn('patient_id', 'text', (c) => c.notNull())
        .addColumn('resource', 'text', (c) => c.notNull())
        .addColumn('accessed_at', 'text', (c) => c.notNull())
        .addColumn('request_id', 'text')
        .execute()
      await db.schema
        .createIndex('caregiver_access_log_patient')
        .on('caregiver_access_log')
        .columns(['patient_id', 'accessed_at'])
        .execute()
    },
  },
  '003_push_subscriptions': {
    async up(db: Kysely<any>) {
      // A browser's Web Push subscription belongs to the account signed in on it; an endpoint
      // subscribed again by another account moves to it (a shared or handed-on device).
      await db.schema
        .createTable('push_subscriptions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('endpoint', 'text', (c) => c.notNull().unique())
        .addColumn('p256dh', 'text', (c) => c.notNull())
        .addColumn('auth', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('push_subscriptions_user').on('push_subscriptions').column('user_id').execute()
    },
  },
  '004_data_keys_and_erasures': {
    async up(db: Kysely<any>) {
      // No foreign key to users: a key is destroyed on purpose, first, when an account is erased.
      await db.schema
        .createTable('patient_data_keys')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('wrapped', 'blob', (c) => c.notNull())
        .addColumn('master_key_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('patient_data_keys_master').on('patient_data_keys').column('master_key_id').execute()
      await db.schema
        .createTable('account_erasures')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('key_destroyed_at', 'text')
        .addColumn('rows_deleted_at', 'text')
        .addColumn('completed_at', 'text')
        .execute()
    },
  },
  '005_caregiver_sharing': {
    async up(db: Kysely<any>) {
      // What the patient shares over each link; null until they first change it (the default).
      await db.schema.alterTable('caregiver_links').addColumn('sharing', 'text').execute()
      await db.schema
        .createTable('caregiver_sharing_changes')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('link_id', 'text', (c) => c.notNull().references('caregiver_links.id').onDelete('cascade'))
        .addColumn('patient_id', 'text', (c) => c.notNull())
        .addColumn('caregiver_id', 'text', (c) => c.notNull())
        .addColumn('categories', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('caregiver_sharing_changes_link').on('caregiver_sharing_changes').columns(['link_id', 'id']).execute()
    },
  },
  '006_password_reset_tokens': {
    async up(db: Kysely<any>) {
      // Single-use reset tokens, only their SHA-256 kept; gone with the account.
      await db.schema
        .createTable('password_reset_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute()
      await db.schema.createIndex('password_reset_tokens_user').on('password_reset_tokens').column('user_id').execute()
    },
  },
  '007_access_log_outcome': {
    async up(db: Kysely<any>) {
      // A caregiver's read the patient's sharing refused is kept too, as such (rows before were reads).
      await db.schema
        .alterTable('caregiver_access_log')
        .addColumn('outcome', 'text', (c) => c.notNull().defaultTo('read'))
        .execute()
    },
  },
}
