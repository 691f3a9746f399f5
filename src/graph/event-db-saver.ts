import type { RunnableConfig } from '@langchain/core/runnables'
import {
  BaseCheckpointSaver,
  type ChannelVersions,
  type Checkpoint,
  type CheckpointListOptions,
  type CheckpointMetadata,
  type CheckpointPendingWrite,
  type CheckpointTuple,
  compareWritesSortKeys,
  copyCheckpoint,
  getCheckpointId,
  maxChannelVersion,
  type PendingWrite,
  type SerializerProtocol,
  TASKS,
  WRITES_IDX_MAP,
  writesSortKey,
} from '@langchain/langgraph-checkpoint'
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely'
import { DataKeyMissingError, type PatientKeys } from '../../memory/encryption/patient-keys.js'

interface CheckpointsTable {
  thread_id: string
  checkpoint_ns: string
  checkpoint_id: string
  parent_checkpoint_id: string | null
  type: string
  /** The checkpoint without its channel values, which are blobs. */
  checkpoint: Uint8Array
  channel_versions: unknown
  metadata: unknown
}

interface BlobsTable {
  thread_id: string
  checkpoint_ns: string
  channel: string
  version: string
  type: string
  blob: Uint8Array | null
}

interface WritesTable {
  thread_id: string
  checkpoint_ns: string
  checkpoint_id: string
  task_id: string
  idx: number
  channel: string
  type: string
  value: Uint8Array
  task_path: string
}

interface SaverTables {
  conversation_checkpoints: CheckpointsTable
  conversation_blobs: BlobsTable
  conversation_writes: WritesTable
}

interface Row extends CheckpointsTable {
  writes: [string, string, string, string, string, number][] | null
  /** channel, version, type, blob */
  blobs: [string, string, string, string | null][] | null
  /** type, value, task id, idx */
  parent_sends: [string, string, string, number][] | null
}

/**
 * Seals the serialised checkpoint, channel values and pending writes of a thread (they hold
 * the conversation's messages) with a key chosen by thread id, binding each to its row by the
 * associated data. Metadata and ids stay clear: lookups use them.
 */
export interface CheckpointCipher {
  seal(threadId: string, bytes: Uint8Array, aad: string): Promise<Uint8Array>
  open(threadId: string, bytes: Uint8Array, aad: string): Promise<Uint8Array>
}

/** A sealed value's `type` column: the serialiser's type behind this prefix (older rows have none). */
const SEALED = 'sealed:'

/** The cipher of Podd's threads: each is sealed with its patient's data key (`patientOf` reads the id). */
export function patientKeyCipher(keys: PatientKeys, patientOf: (threadId: string) => string): CheckpointCipher {
  return {
    async seal(threadId, bytes, aad) {
      return (await keys.forWrite(patientOf(threadId))).seal(Buffer.from(bytes), aad)
    },
    async open(threadId, bytes, aad) {
      const patient = patientOf(threadId)
      const key = await keys.forRead(patient)
      if (!key) throw new DataKeyMissingError(`checkpoints of account ${patient} are sealed but no data key exists for it`)
      return key.open(bytes, aad)
    },
  }
}

const aad = {
  checkpoint: (thread: string, ns: string, id: string) => `checkpoint|${thread}|${ns}|${id}`,
  blob: (thread: string, ns: string, channel: string, version: string) => `blob|${thread}|${ns}|${channel}|${version}`,
  write: (thread: string, ns: string, checkpointId: string, taskId: string, idx: number) =>
    `write|${thread}|${ns}|${checkpointId}|${taskId}|${idx}`,
}

/**
 * The LangGraph checkpointer of Podd's conversations, in the event-store database (PGlite or
 * PostgreSQL) through Kysely. Like the official Postgres saver it keeps each channel value once
 * per version, but a checkpoint and its changed values are written in one statement and read
 * back, with pending writes, in one query: a turn costs two statements instead of a dozen.
 * Checked by @langchain/langgraph-checkpoint-validation.
 */
export class EventDbCheckpointSaver extends BaseCheckpointSaver {
  private readonly db: Kysely<SaverTables>

  constructor(
    db: Kysely<any>,
    serde?: SerializerProtocol,
    private readonly cipher?: CheckpointCipher,
  ) {
    super(serde)
    this.db = db as Kysely<SaverTables>
  }

  /** Serialises a value, sealed when a cipher is set. */
  private async dump(threadId: string, value: unknown, bind: string): Promise<[string, Uint8Array]> {
    const [type, bytes] = await this.serde.dumpsTyped(value)
    if (!this.cipher) return [type, bytes]
    return [SEALED + type, await this.cipher.seal(threadId, bytes, bind)]
  }

  /** Reads a value back, opening it first when it was sealed. */
  private async load(threadId: string, type: string, bytes: Uint8Array, bind: string): Promise<unknown> {
    if (!type.startsWith(SEALED)) return this.serde.loadsTyped(type, bytes)
    if (!this.cipher) throw new Error('a sealed checkpoint cannot be read by a saver without a cipher')
    return this.serde.loadsTyped(type.slice(SEALED.length), await this.cipher.open(threadId, bytes, bind))
  }

  /**
   * The chosen checkpoints with their blobs and pending writes. The rows are picked first (in a
   * CTE, with the caller's filters and limit) so the aggregates run for those rows only, not for
   * every checkpoint of the thread.
   */
  private selectWithWrites(
    pick: (qb: SelectQueryBuilder<SaverTables, 'conversation_checkpoints', CheckpointsTable>) => SelectQueryBuilder<SaverTables, 'conversation_checkpoints', CheckpointsTable>,
  ) {
    return this.db
      .with('c', (db) => pick(db.selectFrom('conversation_checkpoints').selectAll()))
      .selectFrom('c')
      .selectAll('c')
      .select(
        sql<Row['writes']>`(
          select json_agg(json_build_array(w.task_id, w.channel, w.type, encode(w.value, 'base64'), w.task_path, w.idx))
          from conversation_writes w
          where w.thread_id = c.thread_id and w.checkpoint_ns = c.checkpoint_ns and w.checkpoint_id = c.checkpoint_id
        )`.as('writes'),
      )
      .select(
        // Checkpoints older than format 4 kept pending sends as writes of their parent.
        sql<Row['parent_sends']>`(
          select json_agg(json_build_array(w.type, encode(w.value, 'base64'), w.task_id, w.idx) order by w.task_path, w.task_id, w.idx)
          from conversation_writes w
          where w.thread_id = c.thread_id and w.checkpoint_ns = c.checkpoint_ns
            and w.checkpoint_id = c.parent_checkpoint_id and w.channel = ${TASKS}
        )`.as('parent_sends'),
      )
      .select(
        // A key lookup per channel, not a join over every blob the thread ever stored: `offset 0`
        // keeps the planner (without statistics on PGlite) from flattening it into a hash join.
        sql<Row['blobs']>`(
          select json_agg(json_build_array(v.key, v.value, b.type, encode(b.blob, 'base64')))
          from jsonb_each_text(c.channel_versions) v
          cross join lateral (
            select b.type, b.blob from conversation_blobs b
            where b.thread_id = c.thread_id and b.checkpoint_ns = c.checkpoint_ns and b.channel = v.key and b.version = v.value
            offset 0
          ) b
        )`.as('blobs'),
      )
      .orderBy('c.checkpoint_id', 'desc')
  }

  private async toTuple(row: Row): Promise<CheckpointTuple> {
    const writes = [...(row.writes ?? [])]
      .map((w) => ({ w, key: writesSortKey(w[4], w[0], w[5]) }))
      .sort((a, b) => compareWritesSortKeys(a.key, b.key))
    const { thread_id: thread, checkpoint_ns: ns } = row
    const pendingWrites: CheckpointPendingWrite[] = await Promise.all(
      writes.map(async ({ w: [taskId, channel, type, value, , idx] }) => {
        const bind = aad.write(thread, ns, row.checkpoint_id, taskId, idx)
        return [taskId, channel, await this.load(thread, type, Buffer.from(value, 'base64'), bind)] as CheckpointPendingWrite
      }),
    )
    const checkpoint = (await this.load(thread, row.type, row.checkpoint, aad.checkpoint(thread, ns, row.checkpoint_id))) as Checkpoint
    const values: Record<string, unknown> = {}
    for (const [channel, version, type, blob] of row.blobs ?? []) {
      if (type === 'empty' || blob === null) continue
      values[channel] = await this.load(thread, type, Buffer.from(blob, 'base64'), aad.blob(thread, ns, channel, version))
    }
    if (checkpoint.v < 4 && row.parent_checkpoint_id) {
      const parent = row.parent_checkpoint_id
      values[TASKS] = await Promise.all(
        (row.parent_sends ?? []).map(([type, v, taskId, idx]) =>
          this.load(thread, type, Buffer.from(v, 'base64'), aad.write(thread, ns, parent, taskId, idx)),
        ),
      )
      const versions = Object.values(checkpoint.channel_versions)
      checkpoint.channel_versions = {
        ...checkpoint.channel_versions,
        [TASKS]: versions.length ? maxChannelVersion(...versions) : this.getNextVersion(undefined),
      }
    }
    const tuple: CheckpointTuple = {
      config: { configurable: { thread_id: row.thread_id, checkpoint_ns: row.checkpoint_ns, checkpoint_id: row.checkpoint_id } },
      checkpoint: { ...checkpoint, channel_values: values },
      metadata: row.metadata as CheckpointMetadata,
      pendingWrites,
    }
    if (row.parent_checkpoint_id) {
      tuple.parentConfig = {
        configurable: { thread_id: row.thread_id, checkpoint_ns: row.checkpoint_ns, checkpoint_id: row.parent_checkpoint_id },
      }
    }
    return tuple
  }

  async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    const threadId = config.configurable?.thread_id
    if (threadId === undefined) return undefined
    const checkpointId = getCheckpointId(config)
    const row = (await this.selectWithWrites((qb) => {
      const q = qb.where('thread_id', '=', String(threadId)).where('checkpoint_ns', '=', config.configurable?.checkpoint_ns ?? '')
      return checkpointId ? q.where('checkpoint_id', '=', checkpointId) : q.orderBy('checkpoint_id', 'desc').limit(1)
    }).executeTakeFirst()) as Row | undefined
    return row ? this.toTuple(row) : undefined
  }

  async *list(config: RunnableConfig, options?: CheckpointListOptions): AsyncGenerator<CheckpointTuple> {
    const { limit, before, filter } = options ?? {}
    const c = config.configurable ?? {}
    const query = this.selectWithWrites((qb) => {
      let q = qb
      if (c.thread_id !== undefined) q = q.where('thread_id', '=', String(c.thread_id))
      if (c.checkpoint_ns !== undefined) q = q.where('checkpoint_ns', '=', c.checkpoint_ns)
      if (c.checkpoint_id !== undefined) q = q.where('checkpoint_id', '=', c.checkpoint_id)
      if (before?.configurable?.checkpoint_id) q = q.where('checkpoint_id', '<', before.configurable.checkpoint_id)
      if (filter && Object.keys(filter).length) q = q.where(sql<boolean>`metadata @> ${JSON.stringify(filter)}::jsonb`)
      q = q.orderBy('checkpoint_id', 'desc')
      return limit !== undefined ? q.limit(limit) : q
    })
    for (const row of (await query.execute()) as Row[]) yield await this.toTuple(row)
  }

  async put(config: RunnableConfig, checkpoint: Checkpoint, metadata: CheckpointMetadata, newVersions: ChannelVersions): Promise<RunnableConfig> {
    const threadId = config.configurable?.thread_id
    if (threadId === undefined) throw new Error('Cannot save a checkpoint without configurable.thread_id')
    const checkpointNs = config.configurable?.checkpoint_ns ?? ''
    const thread = String(threadId)
    const { channel_values: values, ...rest } = copyCheckpoint(checkpoint)
    const [type, bytes] = await this.dump(thread, { ...rest, channel_values: {} }, aad.checkpoint(thread, checkpointNs, checkpoint.id))
    const row = {
      thread_id: thread,
      checkpoint_ns: checkpointNs,
      checkpoint_id: checkpoint.id,
      parent_checkpoint_id: config.configurable?.checkpoint_id ?? null,
      type,
      checkpoint: bytes,
      channel_versions: JSON.stringify(Object.fromEntries(Object.entries(checkpoint.channel_versions).map(([k, v]) => [k, String(v)]))),
      metadata: JSON.stringify(metadata ?? {}),
    }
    // Only channels whose version changed get a new blob; the others are already stored.
    const blobs = await Promise.all(
      Object.entries(newVersions).map(async ([channel, version]) => {
        const value = values[channel]
        const bind = aad.blob(thread, checkpointNs, channel, String(version))
        const [blobType, blob] = value === undefined ? ['empty', null] : await this.dump(thread, value, bind)
        return { thread_id: thread, checkpoint_ns: checkpointNs, channel, version: String(version), type: blobType, blob }
      }),
    )
    const upsert = (qb: Pick<Kysely<SaverTables>, 'insertInto'>) =>
      qb
        .insertInto('conversation_checkpoints')
        .values(row as never)
        .onConflict((oc) =>
          oc
            .columns(['thread_id', 'checkpoint_ns', 'checkpoint_id'])
            .doUpdateSet({ type, checkpoint: bytes, channel_versions: row.channel_versions, metadata: row.metadata } as never),
        )
    // One statement: the blobs go in through a data-modifying CTE of the checkpoint's insert.
    const insertBlobs = this.db
      .insertInto('conversation_blobs')
      .values(blobs as never)
      .onConflict((oc) => oc.columns(['thread_id', 'checkpoint_ns', 'channel', 'version']).doNothing())
    await (blobs.length ? upsert(this.db.with('blobs', () => insertBlobs as never)) : upsert(this.db)).execute()
    return { configurable: { thread_id: threadId, checkpoint_ns: checkpointNs, checkpoint_id: checkpoint.id } }
  }

  async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string, taskPath = ''): Promise<void> {
    const c = config.configurable ?? {}
    if (c.thread_id === undefined || c.checkpoint_id === undefined) {
      throw new Error('Cannot save writes without configurable.thread_id and checkpoint_id')
    }
    if (writes.length === 0) return
    const thread = String(c.thread_id)
    const ns = c.checkpoint_ns ?? ''
    const rows = await Promise.all(
      writes.map(async ([channel, value], i) => {
        const idx = WRITES_IDX_MAP[channel] ?? i
        const [type, bytes] = await this.dump(thread, value, aad.write(thread, ns, c.checkpoint_id, taskId, idx))
        return {
          thread_id: thread,
          checkpoint_ns: ns,
          checkpoint_id: c.checkpoint_id,
          task_id: taskId,
          idx,
          channel,
          type,
          value: bytes,
          task_path: taskPath,
        }
      }),
    )
    // Special channels (errors, interrupts, resumes) replace what was there; ordinary writes of a
    // task are written once, so a retried task cannot duplicate them.
    const special = writes.every(([channel]) => channel in WRITES_IDX_MAP)
    await this.db
      .insertInto('conversation_writes')
      .values(rows)
      .onConflict((oc) => {
        const target = oc.columns(['thread_id', 'checkpoint_ns', 'checkpoint_id', 'task_id', 'idx'])
        return special
          ? target.doUpdateSet((eb) => ({ channel: eb.ref('excluded.channel'), type: eb.ref('excluded.type'), value: eb.ref('excluded.value') }))
          : target.doNothing()
      })
      .execute()
  }

  async deleteThread(threadId: string): Promise<void> {
    await this.db.deleteFrom('conversation_writes').where('thread_id', '=', threadId).execute()
    await this.db.deleteFrom('conversation_blobs').where('thread_id', '=', threadId).execute()
    await this.db.deleteFrom('conversation_checkpoints').where('thread_id', '=', threadId).execute()
  }

  /**
   * Seals what was stored before the saver had a cipher (run once at start-up); returns how many
   * values it sealed. Rows already sealed are left alone, so it is safe to run every time.
   */
  async sealUnsealed(): Promise<number> {
    const cipher = this.cipher
    if (!cipher) return 0
    type AnyRow = Record<string, any>
    const tables: { table: keyof SaverTables; value: string; key: string[]; bind: (r: AnyRow) => string }[] = [
      {
        table: 'conversation_checkpoints',
        value: 'checkpoint',
        key: ['thread_id', 'checkpoint_ns', 'checkpoint_id'],
        bind: (r) => aad.checkpoint(r.thread_id, r.checkpoint_ns, r.checkpoint_id),
      },
      {
        table: 'conversation_blobs',
        value: 'blob',
        key: ['thread_id', 'checkpoint_ns', 'channel', 'version'],
        bind: (r) => aad.blob(r.thread_id, r.checkpoint_ns, r.channel, r.version),
      },
      {
        table: 'conversation_writes',
        value: 'value',
        key: ['thread_id', 'checkpoint_ns', 'checkpoint_id', 'task_id', 'idx'],
        bind: (r) => aad.write(r.thread_id, r.checkpoint_ns, r.checkpoint_id, r.task_id, r.idx),
      },
    ]
    const db = this.db as Kysely<any>
    let sealed = 0
    for (const t of tables) {
      const rows = await db
        .selectFrom(t.table)
        .selectAll()
        .where(sql<boolean>`type not like ${SEALED + '%'} and type <> 'empty'`)
        .where(t.value, 'is not', null)
        .execute()
      for (const r of rows as AnyRow[]) {
        const value = await cipher.seal(r.thread_id, r[t.value], t.bind(r))
        let update = db.updateTable(t.table).set({ type: SEALED + r.type, [t.value]: value })
        for (const column of t.key) update = update.where(column, '=', r[column])
        await update.execute()
        sealed++
      }
    }
    return sealed
  }

  /** Deletes every thread whose id starts with `prefix` (all of a patient's threads, when erasing them). */
  async deleteThreadsWithPrefix(prefix: string): Promise<void> {
    if (!prefix) throw new Error('refusing to delete every thread')
    // starts_with, not a range or LIKE: collation-proof and free of wildcard escaping.
    for (const table of ['conversation_writes', 'conversation_blobs', 'conversation_checkpoints'] as const) {
      await this.db.deleteFrom(table).where(sql<boolean>`starts_with(thread_id, ${prefix})`).execute()
    }
  }
}
