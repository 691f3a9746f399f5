import { sql } from 'kysely'
import { DataKey, MemoryWrappedKeyStore, PatientKeys } from '../memory/encryption/patient-keys.js'
import type { EventDb } from '../memory/event-db.js'

/**
 * BENCHMARKS ONLY — the yardstick "encryption off" is measured against. A data key that seals
 * nothing: its bytes go into the same column as they came, and its lookup tags are the values
 * themselves (no keyed hash). It lives in bench/ and nothing in the service can reach it; the service has no
 * way to store a payload in the clear.
 */
class ClearDataKey extends DataKey {
  constructor() {
    super(Buffer.alloc(32))
  }
  override seal(plaintext: Buffer | string): Buffer {
    return Buffer.from(plaintext)
  }
  override open(sealed: Uint8Array): Buffer {
    return Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
  }
  override tag(text: string): string {
    // A tag is `field\0value`; a NUL cannot go into a text column.
    return text.replaceAll('\0', '=')
  }
}

/** BENCHMARKS ONLY: every patient's key is the clear one (see ClearDataKey). */
export class ClearPatientKeys extends PatientKeys {
  private readonly clear = new ClearDataKey()
  constructor() {
    super(new MemoryWrappedKeyStore(), { master: { key: Buffer.alloc(32), id: 'bench-clear' } })
  }
  override cached(): DataKey {
    return this.clear
  }
  override async forWrite(): Promise<DataKey> {
    return this.clear
  }
  override async forRead(): Promise<DataKey> {
    return this.clear
  }
}

/**
 * BENCHMARKS ONLY: turns the clear rows of these patients into rows as the store kept them
 * before encryption at rest (the payload as jsonb, nothing sealed), which the store still reads
 * (rows written before the start-up migration sealed them). Reads of the "off" side then cost
 * what they cost before encryption.
 *
 * The rows of `sealedUserIds` (the "on" side) are written anew by the same statements, batch for
 * batch, unchanged: an UPDATE moves every row it touches to new, densely packed pages, and when
 * only the yardstick's rows moved, its patients' rows sat on half as many pages as the sealed
 * ones (left among the holes the moved rows left behind) — a read of the "off" side touched fewer
 * pages for reasons that had nothing to do with encryption.
 */
export async function asUnencryptedRows(db: EventDb, userIds: string[], sealedUserIds: string[]): Promise<void> {
  for (let i = 0; i < Math.max(userIds.length, sealedUserIds.length); i += 500) {
    await sql`update health_events set payload = convert_from(sealed, 'UTF8')::jsonb, sealed = null, lookup_tags = null
      where user_id = any(${userIds.slice(i, i + 500)}::text[]) and sealed is not null`.execute(db)
    await sql`update health_events set sealed = sealed where user_id = any(${sealedUserIds.slice(i, i + 500)}::text[])`.execute(db)
  }
  await sql`vacuum analyze health_events`.execute(db)
}
