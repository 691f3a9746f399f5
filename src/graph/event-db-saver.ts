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
  blobs: [string, string, string | null][] | null
  parent_sends: [string, string][] | null
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

  constructor(db: Kysely<any>, serde?: SerializerProtocol) {
    super(serde)
    this.db = db as Kysely<SaverTables>
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
          select json_agg(json_build_array(w.type, encode(w.value, 'base64')) order by w.task_path, w.task_id, w.idx)
          from conversation_writes w
          where w.thread_id = c.thread_id and w.checkpoint_ns = c.checkpoint_ns
            and w.checkpoint_id = c.parent_checkpoint_id and w.channel = ${TASKS}
        )`.as('parent_sends'),
      )
      .select(
        // A key lookup per channel, not a join over every blob the thread ever stored: `offset 0`
        // keeps the planner (without statistics on PGlite) from flattening it into a hash join.
        sql<Row['blobs']>`(
          select json_agg(json_build_array(v.key, b.type, encode(b.blob, 'base64')))
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
    const pendingWrites: CheckpointPendingWrite[] = await Promise.all(
      writes.map(async ({ w: [taskId, channel, type, value] }) => [taskId, channel, await this.serde.loadsTyped(type, Buffer.from(value, 'base64'))]),
    )
    const checkpoint = (await this.serde.loadsTyped(row.type, row.checkpoint)) as Checkpoint
    const values: Record<string, unknown> = {}
    for (const [channel, type, blob] of row.blobs ?? []) {
      if (type !== 'empty' && blob !== null) values[channel] = await this.serde.loadsTyped(type, Buffer.from(blob, 'base64'))
    }
    if (checkpoint.v < 4 && row.parent_checkpoint_id) {
      values[TASKS] = await Promise.all((row.parent_sends ?? []).map(([type, v]) => this.serde.loadsTyped(type, Buffer.from(v, 'base64'))))
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
    const { channel_values: values, ...rest } = copyCheckpoint(checkpoint)
    const [type, bytes] = await this.serde.dumpsTyped({ ...rest, channel_values: {} })
    const row = {
      thread_id: String(threadId),
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
        const [blobType, blob] = value === undefined ? ['empty', null] : await this.serde.dumpsTyped(value)
        return { thread_id: row.thread_id, checkpoint_ns: checkpointNs, channel, version: String(version), type: blobType, blob }
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
    const rows = await Promise.all(
      writes.map(async ([channel, value], i) => {
        const [type, bytes] = await this.serde.dumpsTyped(value)
        return {
          thread_id: String(c.thread_id),
          checkpoint_ns: c.checkpoint_ns ?? '',
          checkpoint_id: c.checkpoint_id,
          task_id: taskId,
          idx: WRITES_IDX_MAP[channel] ?? i,
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
}
