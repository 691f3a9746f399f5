import { sql } from 'kysely'
import type { WrappedKey, WrappedKeyStore } from '../../memory/encryption/patient-keys.js'
import type { AuthDb } from './auth-db.js'

/** Patients' wrapped data keys in the auth database (SQLite), beside the erasure records. */
export class SqliteWrappedKeyStore implements WrappedKeyStore {
  constructor(
    private readonly db: AuthDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(userId: string): Promise<WrappedKey | undefined> {
    const row = await this.db
      .selectFrom('patient_data_keys')
      .select(['wrapped', 'master_key_id'])
      .where('user_id', '=', userId)
      .executeTakeFirst()
    return row ? { wrapped: Buffer.from(row.wrapped), masterKeyId: row.master_key_id } : undefined
  }

  async insert(userId: string, key: WrappedKey): Promise<WrappedKey> {
    await this.db
      .insertInto('patient_data_keys')
      .values({ user_id: userId, wrapped: key.wrapped, master_key_id: key.masterKeyId, created_at: this.now().toISOString() })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute()
    return (await this.get(userId))!
  }

  async destroy(userId: string): Promise<void> {
    await this.db.deleteFrom('patient_data_keys').where('user_id', '=', userId).execute()
    // secure_delete zeroes the row in the page, but the page's earlier image may still be in the
    // WAL: a checkpoint copies the new one into the file and empties the log.
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(this.db)
  }

  async isErased(userId: string): Promise<boolean> {
    const row = await this.db.selectFrom('account_erasures').select('user_id').where('user_id', '=', userId).executeTakeFirst()
    return row !== undefined
  }

  async listNotUnder(masterKeyId: string, limit: number): Promise<{ userId: string; key: WrappedKey }[]> {
    const rows = await this.db
      .selectFrom('patient_data_keys')
      .select(['user_id', 'wrapped', 'master_key_id'])
      .where('master_key_id', '!=', masterKeyId)
      .orderBy('user_id')
      .limit(limit)
      .execute()
    return rows.map((r) => ({ userId: r.user_id, key: { wrapped: Buffer.from(r.wrapped), masterKeyId: r.master_key_id } }))
  }

  async replace(userId: string, from: WrappedKey, to: WrappedKey): Promise<boolean> {
    const result = await this.db
      .updateTable('patient_data_keys')
      .set({ wrapped: to.wrapped, master_key_id: to.masterKeyId })
      .where('user_id', '=', userId)
      .where('wrapped', '=', from.wrapped)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  }

  async masterKeyIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('patient_data_keys').select('master_key_id').distinct().execute()
    return rows.map((r) => r.master_key_id)
  }
}
