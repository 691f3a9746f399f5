import type { AuthDb } from '../../auth/auth-db.js'
import { newId } from '../../../core/ids.js'

export interface PushSubscriptionInput {
  endpoint: string
  keys: { p256dh: string; auth: string }
}

export interface StoredPushSubscription extends PushSubscriptionInput {
  id: string
  created_at: string
}

/** A browser keeps few subscriptions; more than this per account are old devices. */
export const MAX_SUBSCRIPTIONS_PER_ACCOUNT = 10

/**
 * Web Push subscriptions of accounts, in SQLite beside the account they belong to (erasing the
 * account removes them). An endpoint is one browser profile: subscribing it again, from any
 * account, moves it there, so a handed-on device never shows the last owner's reminders.
 */
export class PushSubscriptions {
  constructor(
    private readonly db: AuthDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async save(userId: string, input: PushSubscriptionInput): Promise<StoredPushSubscription> {
    const row = {
      id: newId(),
      user_id: userId,
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      created_at: this.now().toISOString(),
    }
    const saved = await this.db.transaction().execute(async (trx) => {
      const stored = await trx
        .insertInto('push_subscriptions')
        .values(row)
        .onConflict((oc) =>
          oc.column('endpoint').doUpdateSet({ user_id: row.user_id, p256dh: row.p256dh, auth: row.auth, created_at: row.created_at }),
        )
        .returning(['id', 'created_at'])
        .executeTakeFirstOrThrow()
      const surplus = await trx
        .selectFrom('push_subscriptions')
        .select('id')
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .offset(MAX_SUBSCRIPTIONS_PER_ACCOUNT)
        .limit(100)
        .execute()
      if (surplus.length) await trx.deleteFrom('push_subscriptions').where('id', 'in', surplus.map((s) => s.id)).execute()
      return stored
    })
    return { ...saved, endpoint: input.endpoint, keys: input.keys }
  }

  /** Removes one of the account's subscriptions by its endpoint; false when it has none such. */
  async remove(userId: string, endpoint: string): Promise<boolean> {
    const res = await this.db
      .deleteFrom('push_subscriptions')
      .where('user_id', '=', userId)
      .where('endpoint', '=', endpoint)
      .executeTakeFirst()
    return Number(res.numDeletedRows) > 0
  }

  /** The push service said the subscription is gone (404/410): it will never work again. */
  async forget(endpoint: string): Promise<void> {
    await this.db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint).execute()
  }

  async forUser(userId: string): Promise<StoredPushSubscription[]> {
    const rows = await this.db
      .selectFrom('push_subscriptions')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute()
    return rows.map((r) => ({ id: r.id, endpoint: r.endpoint, keys: { p256dh: r.p256dh, auth: r.auth }, created_at: r.created_at }))
  }
}
