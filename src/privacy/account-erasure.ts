import { sql, type Kysely } from 'kysely'
import type { PatientKeys } from '../../memory/encryption/patient-keys.js'
import type { EventDb } from '../../memory/event-db.js'
import type { EventStore } from '../../memory/event-store.js'
import type { RecallService } from '../../memory/recall/recall-service.js'
import type { AccountErasuresTable, AuthDb } from '../auth/auth-db.js'
import type { Role } from '../auth/auth-user.js'
import type { TokenService } from '../auth/tokens.js'
import { PATIENT_TABLES } from '../care/care-tables.js'
import type { Logger } from '../logger.js'
import { PeriodicTask } from '../periodic-task.js'

/**
 * Tables of the event-store database with rows of an account (besides the events, checkpoints
 * and recall vectors, which have their own deletes): care's patient tables, which care lists in
 * PATIENT_TABLES, and the two that also name a caregiver.
 */
const ACCOUNT_ROWS: { table: string; column: string }[] = [
  ...PATIENT_TABLES,
  { table: 'care_summary_jobs', column: 'caregiver_id' },
  { table: 'care_deliveries', column: 'caregiver_id' },
]

export interface AccountErasureDeps {
  authDb: AuthDb
  eventDb: EventDb
  keys: PatientKeys
  events: EventStore
  recall: RecallService
  /** Deletes the conversation threads whose ids start with a prefix (the checkpointer). */
  deleteThreads: (prefix: string) => Promise<void>
  /** The prefix of a patient's conversation thread ids. */
  threadPrefixOf: (userId: string) => string
  tokens: TokenService
  logger: Logger
  now: () => Date
  /**
   * How long after the key is destroyed the rows are deleted a second time: another instance
   * may still hold the key in its cache for this long, and write with it.
   */
  secondPassAfterMs: number
}

export type ErasureStatus = 'deleting' | 'completed'

export interface ErasureReceipt {
  account_id: string
  requested_at: string
  status: ErasureStatus
}

const receipt = (r: Pick<AccountErasuresTable, 'user_id' | 'requested_at' | 'completed_at'>): ErasureReceipt => ({
  account_id: r.user_id,
  requested_at: r.requested_at,
  status: r.completed_at ? 'completed' : 'deleting',
})

/**
 * Erases an account for good (the right to be forgotten), as a job that survives restarts:
 *
 * 1. In one SQLite transaction: the erasure record (account id and times, nothing personal) is
 *    written, the patient's data key destroyed, and the account deleted with its refresh tokens,
 *    caregiver invitations, links and settings, and the access log of their data. From the
 *    commit on, nothing of theirs can be read anywhere, backups of the event store included,
 *    and caregivers have lost access.
 * 2. Every row of theirs in the event-store database goes: events, conversation checkpoints,
 *    recall vectors (the Pinecone namespace too), delivery bookkeeping.
 * 3. Step 2 again once no other instance can still hold the key, then the job is complete.
 *
 * A failure after step 1 leaves the job pending: `runDue` (at start-up and every scheduler
 * round) finishes it.
 */
export class AccountErasure {
  private readonly rounds: PeriodicTask

  constructor(private readonly deps: AccountErasureDeps) {
    this.rounds = new PeriodicTask(() => this.runDue(), deps.logger, 'erasure round failed')
  }

  /** Erases the account now; resolves once its data is unreadable and (normally) deleted. */
  async erase(user: { id: string; role: Role }): Promise<ErasureReceipt> {
    const { authDb, keys, tokens } = this.deps
    const now = this.deps.now()
    await authDb.transaction().execute(async (tx) => {
      await tx
        .insertInto('account_erasures')
        .values({ user_id: user.id, role: user.role, requested_at: now.toISOString(), key_destroyed_at: null, rows_deleted_at: null, completed_at: null })
        .onConflict((oc) => oc.column('user_id').doNothing())
        .execute()
      await tx.deleteFrom('patient_data_keys').where('user_id', '=', user.id).execute()
      await tx.deleteFrom('caregiver_access_log').where('patient_id', '=', user.id).execute()
      // The invitations a patient made that a caregiver accepted name the caregiver; links and
      // everything else of the account go with it (foreign keys cascade).
      await tx.updateTable('caregiver_invitations').set({ accepted_by: null }).where('accepted_by', '=', user.id).execute()
      await tx.deleteFrom('users').where('id', '=', user.id).execute()
      await tx.updateTable('account_erasures').set({ key_destroyed_at: now.toISOString() }).where('user_id', '=', user.id).execute()
    })
    keys.forget(user.id)
    tokens.revokeAll(user.id)
    // secure_delete zeroed the rows in their pages; the pages' earlier images in the WAL go now.
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(authDb)
    this.deps.logger.info({ account_id: user.id, role: user.role }, 'account erased; deleting its rows')
    try {
      await this.deleteRows(user.id)
      await authDb.updateTable('account_erasures').set({ rows_deleted_at: this.deps.now().toISOString() }).where('user_id', '=', user.id).execute()
    } catch (err) {
      this.deps.logger.error({ err, account_id: user.id }, 'erasure interrupted; it is finished by the next round')
    }
    return this.receipt(user.id)
  }

  /** The erasure record of an account, if it was erased. */
  async receipt(userId: string): Promise<ErasureReceipt> {
    const row = await this.deps.authDb.selectFrom('account_erasures').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow()
    return receipt(row)
  }

  /**
   * Finishes what is pending: jobs whose rows were never (fully) deleted, and second passes that
   * are due. Returns the accounts completed.
   */
  async runDue(): Promise<number> {
    const { authDb } = this.deps
    const now = this.deps.now()
    const pending = await authDb.selectFrom('account_erasures').selectAll().where('completed_at', 'is', null).execute()
    let completed = 0
    for (const job of pending) {
      try {
        if (!job.rows_deleted_at) {
          await this.deleteRows(job.user_id)
          await authDb.updateTable('account_erasures').set({ rows_deleted_at: now.toISOString() }).where('user_id', '=', job.user_id).execute()
          continue
        }
        if (new Date(job.rows_deleted_at).getTime() + this.deps.secondPassAfterMs > now.getTime()) continue
        await this.deleteRows(job.user_id)
        await authDb.updateTable('account_erasures').set({ completed_at: now.toISOString() }).where('user_id', '=', job.user_id).execute()
        completed++
      } catch (err) {
        this.deps.logger.error({ err, account_id: job.user_id }, 'erasure step failed; retried next round')
      }
    }
    return completed
  }

  /** Voids the access tokens of accounts erased within a token's lifetime (after a restart). */
  async revokeRecentTokens(lifetimeMs: number): Promise<void> {
    const since = new Date(this.deps.now().getTime() - lifetimeMs).toISOString()
    const rows = await this.deps.authDb.selectFrom('account_erasures').select('user_id').where('requested_at', '>=', since).execute()
    for (const r of rows) this.deps.tokens.revokeAll(r.user_id)
  }

  /** Runs `runDue` now and every `intervalMs` until `stop`. */
  start(intervalMs: number): void {
    this.rounds.start(intervalMs)
  }

  stop(): Promise<void> {
    return this.rounds.stop()
  }

  /** Every row of the account in the event-store database and the vector index. */
  private async deleteRows(userId: string): Promise<void> {
    const { events, recall, eventDb } = this.deps
    await events.deleteAllOf(userId)
    await this.deps.deleteThreads(this.deps.threadPrefixOf(userId))
    await recall.deletePatient(userId)
    const db = eventDb as unknown as Kysely<any>
    for (const { table, column } of ACCOUNT_ROWS) await db.deleteFrom(table).where(column, '=', userId).execute()
  }
}
