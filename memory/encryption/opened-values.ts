/**
 * Sealed values already opened, kept as text so that reading the same event again does not pay
 * for its decryption: Node sets up a cipher for every value opened, and that set-up is most of
 * what encryption adds to a read (README, "What it costs"). Only values that are never rewritten
 * under their associated data belong here (an event version's payload: a correction is a new
 * event with an id of its own).
 *
 * A value is remembered with the sealed bytes it came from and answered only for those very
 * bytes: sealed bytes altered or moved in the database miss, and fail to open as they would
 * without this memory.
 *
 * Bounded by the characters it holds (text and sealed bytes); when it is full the value stored
 * longest ago goes first. Not the least recently used: moving an entry of a large Map on every
 * read cost more than opening the value, and what is read most (a patient's latest events) was
 * mostly stored last. But a value stored less than `minStayMs` ago is never pushed out: when
 * the oldest is that young, the new value is not kept. A run that reads more payloads than the
 * memory holds, once each (the night's daily summaries, an export), would otherwise turn the
 * whole memory over again and again and find nothing in it: storing and evicting a value cost
 * more than opening it (summaries of 1,000 patients, encryption on against off: +25.7 % CPU with
 * the memory turning over, +6.1 % with no memory at all). Entries are filed under their patient,
 * so PatientKeys drops a patient's all at once whenever it lets go of their key (erasure,
 * eviction, expiry): plaintext is never kept longer than the key that opens it.
 */
export class OpenedValues {
  /** Each patient's values by associated data: looked up with strings the caller has, none built. */
  private readonly byUser = new Map<string, Map<string, Entry>>()
  /**
   * Every value in the order stored, `head` the oldest still to look at; values removed meanwhile
   * stay as emptied husks until the line is compacted. (Taking the first of a Map or Set that is
   * emptied from the front walks every hole left behind: eviction went quadratic.)
   */
  private line: Entry[] = []
  private head = 0
  private values = 0
  private chars = 0

  constructor(
    private readonly maxChars: number,
    /** How long a value stays at least, before a newer one may push it out (default a minute). */
    private readonly minStayMs = 60_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get(userId: string, aad: string, sealed: Uint8Array): string | undefined {
    const hit = this.byUser.get(userId)?.get(aad)
    return hit && sameBytes(hit.sealed, sealed) ? hit.text : undefined
  }

  set(userId: string, aad: string, sealed: Uint8Array, text: string): void {
    const size = text.length + sealed.length
    // One value never pushes out a tenth of the rest.
    if (size > this.maxChars / 10) return
    const old = this.byUser.get(userId)?.get(aad)
    if (old) this.remove(old)
    const now = this.now()
    while (this.chars + size > this.maxChars) {
      const oldest = this.oldest()!
      if (now - oldest.at < this.minStayMs) return this.compact()
      this.remove(oldest)
    }
    let mine = this.byUser.get(userId)
    if (!mine) this.byUser.set(userId, (mine = new Map()))
    // A copy of its own (a query result's Buffer may share a slab with many others), one byte a
    // character: a string lives in the JavaScript heap, where tens of thousands of small Buffers
    // (each an ArrayBuffer with memory of its own) made the garbage collector's work heavier.
    const entry: Entry = { userId, aad, sealed: Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength).toString('latin1'), text, held: true, at: now }
    mine.set(aad, entry)
    this.line.push(entry)
    this.values++
    this.chars += size
    this.compact()
  }

  /** The value stored longest ago still held (husks before it are passed over for good). */
  private oldest(): Entry | undefined {
    while (this.head < this.line.length && !this.line[this.head]!.held) this.head++
    return this.line[this.head]
  }

  /** Forgets every value of a patient. */
  drop(userId: string): void {
    for (const entry of this.byUser.get(userId)?.values() ?? []) this.remove(entry)
    this.compact()
  }

  /** Values held, and their characters, sealed bytes included (for tests and metrics). */
  get size(): { values: number; chars: number } {
    return { values: this.values, chars: this.chars }
  }

  /** Once husks are most of the line, the line keeps only what is held (amortised: each husk goes once). */
  private compact(): void {
    const husks = this.line.length - this.values
    if (husks < 1024 || husks * 2 < this.line.length) return
    this.line = this.line.slice(this.head).filter((e) => e.held)
    this.head = 0
  }

  private remove(entry: Entry): void {
    if (!entry.held) return
    const mine = this.byUser.get(entry.userId)!
    mine.delete(entry.aad)
    if (mine.size === 0) this.byUser.delete(entry.userId)
    this.values--
    this.chars -= entry.text.length + entry.sealed.length
    // The husk left in the line keeps no plaintext.
    entry.held = false
    entry.text = ''
    entry.sealed = ''
  }
}

/** Whether `bytes` are the sealed bytes kept as `kept` (one byte a character). */
function sameBytes(kept: string, bytes: Uint8Array): boolean {
  if (kept.length !== bytes.length) return false
  for (let i = 0; i < bytes.length; i++) if (kept.charCodeAt(i) !== bytes[i]) return false
  return true
}

interface Entry {
  userId: string
  aad: string
  /** The sealed bytes, one byte a character (latin1). */
  sealed: string
  text: string
  /** Still in the memory (false once removed: only an emptied husk in the line is left). */
  held: boolean
  /** When it was stored (ms). */
  at: number
}
