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
 * Then the whole table is rewritten (VACUUM FULL), so both sides' rows sit on pages as full as
 * appends leave them. An UPDATE moves the rows it touches onto new, densely packed pages, and the
 * rows it does not touch stay among the holes: the sealed rows were left on twice as many pages as
 * the yardstick's (2,269 against 1,201 for 30,000 rows each), and a read of the sealed side
 * touched twice the pages for reasons that had nothing to do with encryption. (Rewriting the
 * sealed rows with an UPDATE of their own did not help: a heap-only update puts a row back on its
 * own page, into the space the yardstick's rows had left.)
 */
export async function asUnencryptedRows(db: EventDb, userIds: string[]): Promise<void> {
  for (let i = 0; i < userIds.length; i += 500) {
    await sql`update health_events set payload = convert_from(sealed, 'UTF8')::jsonb, sealed = null, lookup_tags = null
      where user_id = any(${userIds.slice(i, i + 500)}::text[]) and sealed is not null`.execute(db)
  }
  await sql`vacuum full analyze health_events`.execute(db)
}
