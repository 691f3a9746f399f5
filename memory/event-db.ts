import { fork } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, Migrator, PostgresDialect, sql, type ColumnType, type Generated, type Migration } from 'kysely'
import pg from 'pg'
import { eventMigrations } from './event-migrations.js'

// The package does not export its package.json; its entry point sits in dist/.
const PGLITE_VERSION: string = JSON.parse(
  fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))), '..', 'package.json'), 'utf8'),
).version

type Timestamp = ColumnType<Date, Date | string, Date | string>

export interface HealthEventsTable {
  seq: Generated<string>
  id: string
  user_id: string
  kind: string
  context_id: string
  event_kind: 'fact' | 'action'
  /** Only in rows written before encryption at rest (sealed by the start-up migration); null otherwise. */
  payload: ColumnType<Record<string, unknown> | null, string | null, string | null>
  /** The payload JSON sealed with the patient's data key (memory/encryption), the event's id and kind as associated data. */
  sealed: Buffer | null
  /** Keyed hashes of the payload fields queries filter on (event-lookup-tags.ts). */
  lookup_tags: string[] | null
  flags: ColumnType<Record<string, unknown> | null, string | null, string | null>
  occurred_at: Timestamp
  recorded_at: Timestamp
  source: string
  supersedes: string | null
  tombstone: boolean
  idempotency_key: string | null
}

/** The event-store database. Other modules (checkpoints, recall) add their tables to it. */
export interface EventDatabase {
  health_events: HealthEventsTable
}

export type EventDb = Kysely<EventDatabase>

export interface EventDbHandle {
  db: EventDb
  engine: 'pglite' | 'postgres'
  /** The schema the tables live in on PostgreSQL (tests use one each); `public` otherwise. */
  schema: string
  /** The node-postgres pool under Kysely; other libraries (the LangGraph saver) share it. */
  pool: pg.Pool
  close(): Promise<void>
}

export interface EventDbOptions {
  /** PostgreSQL URL; when absent the embedded PGlite is used. */
  databaseUrl?: string
  /** Schema for every table on PostgreSQL (tests isolate themselves with one each). */
  schema?: string
  /** PGlite data directory; `undefined` keeps the database in memory. */
  pgliteDir?: string
}

/**
 * A pool whose clients send every query as a named prepared statement (the name is a hash of the
 * SQL). Kysely sends unnamed ones, which Postgres parses and plans on every call; on PGlite,
 * planning a join with subqueries costs several milliseconds, more than running it. The shapes of
 * Podd's queries are few, so each connection prepares each shape once.
 */
export function preparingPool(pool: pg.Pool) {
  const names = new Map<string, string>()
  const nameOf = (text: string) => {
    let name = names.get(text)
    if (!name) {
      name = `k${createHash('sha1').update(text).digest('hex').slice(0, 20)}`
      names.set(text, name)
    }
    return name
  }
  return {
    async connect() {
      const client = await pool.connect()
      return {
        query: (text: unknown, values?: unknown[]) =>
          typeof text === 'string' ? client.query({ name: nameOf(text), text, values }) : client.query(text as never),
        release: (err?: Error | boolean) => client.release(err),
      }
    },
    end: () => pool.end(),
  }
}

/** PostgreSQL when a URL is given, else PGlite (on disk, or in memory for tests), with migrations applied. */
export async function openEventDb(opts: EventDbOptions): Promise<EventDbHandle> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.schema) : openPglite(opts.pgliteDir)
}

async function openPostgres(url: string, schema?: string): Promise<EventDbHandle> {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`)
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  const db = new Kysely<EventDatabase>({ dialect: new PostgresDialect({ pool: preparingPool(pool) as never }) })
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db)
  await migrate(db, schema)
  return { db, engine: 'postgres', schema: schema ?? 'public', pool, close: () => db.destroy() }
}

/**
 * PGlite's own start parameters, plus a 32 MB buffer cache: Postgres's 128 MB default is sized
 * for a server of its own, and the OS page cache keeps the rest of a patient-sized database warm.
 */
const PGLITE_OPTIONS = {
  startParams: [...((PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams ?? []), '-c', 'shared_buffers=32MB'],
}

/**
 * Runs initdb for a new data dir in a child process: initdb's WASM instance (~400 MB) stays
 * resident for as long as the PGlite that ran it, and V8 frees a closed one only eventually.
 */
async function initialiseInChild(dir: string): Promise<void> {
  const self = fileURLToPath(import.meta.url)
  const ext = path.extname(self)
  const script = path.join(path.dirname(self), `pglite-init${ext}`)
  // From source (tests, tsx) the child needs a TypeScript loader; the compiled build does not.
  const execArgv = ext === '.ts' ? ['--import', 'tsx'] : []
  const child = fork(script, [dir, JSON.stringify(PGLITE_OPTIONS.startParams)], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += String(d)))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', resolve)
  })
  if (code !== 0) throw new Error(`initialising the event store in ${dir} failed (exit ${code}): ${stderr.trim().slice(-500)}`)
}

async function openPglite(dir?: string): Promise<EventDbHandle> {
  const release = dir ? lockDataDir(dir) : () => {}
  let pglite: PGlite
  try {
    if (dir) {
      fs.mkdirSync(dir, { recursive: true })
      if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await initialiseInChild(dir)
      pglite = await PGlite.create(dir, PGLITE_OPTIONS)
    } else {
      pglite = await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: await migratedTemplate() })
    }
  } catch (err) {
    release()
    throw err
  }
  // PGlite is one connection: a pool of one serialises queries and keeps transactions whole.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 })
  const db = new Kysely<EventDatabase>({ dialect: new PostgresDialect({ pool: preparingPool(pool) as never }) })
  await migrate(db)
  return {
    db,
    engine: 'pglite',
    schema: 'public',
    pool,
    close: async () => {
      await db.destroy()
      await pglite.close()
      release()
    },
  }
}

/**
 * A dump of a fresh, migrated in-memory database, cached on disk per schema version. Creating a
 * PGlite runs initdb (~4 s); loading this dump takes under a second, which is what lets every
 * test file and eval run start from an empty store quickly.
 */
async function migratedTemplate(): Promise<Blob> {
  const version = createHash('sha256')
    .update(PGLITE_VERSION)
    .update(Object.entries(eventMigrations).map(([name, m]) => name + String(m.up)).join('\n'))
    .digest('hex')
    .slice(0, 16)
  const file = path.join(os.tmpdir(), `podd-pglite-template-${version}.tar`)
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)])
  const fresh = await PGlite.create(PGLITE_OPTIONS)
  const pool = new pg.Pool({ ...createPgConfig(fresh), max: 1, idleTimeoutMillis: 0 })
  const db = new Kysely<EventDatabase>({ dialect: new PostgresDialect({ pool }) })
  await migrate(db)
  await db.destroy()
  const dump = await fresh.dumpDataDir('none')
  await fresh.close()
  // Written aside and renamed, so parallel test workers never read half a file.
  const partial = `${file}.${process.pid}.partial`
  fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
  fs.renameSync(partial, file)
  return dump
}

/**
 * PGlite has no lock of its own and two processes on one data dir corrupt it, so a lock file
 * with the owner's pid guards it. A lock left by a dead process is taken over.
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true })
  const lockFile = path.join(dir, '.podd.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx', 0o600)
      fs.writeSync(fd, String(process.pid))
      fs.closeSync(fd)
      return () => fs.rmSync(lockFile, { force: true })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const owner = Number(fs.readFileSync(lockFile, 'utf8').trim())
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `The event store in ${dir} is in use by another Podd process (pid ${owner}). ` +
            'Stop it, or give this one its own DATA_DIR.',
        )
      }
      fs.rmSync(lockFile, { force: true })
    }
  }
  throw new Error(`could not lock ${dir}`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function migrate(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    // Kysely's bookkeeping tables live beside ours; otherwise it finds another schema's on the
    // search path and skips creating its own.
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: { getMigrations: async () => eventMigrations },
    // Modules add their migrations side by side; a data dir that already ran a later one must
    // still accept an earlier one added afterwards.
    allowUnorderedMigrations: true,
  })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) throw new Error(`Event store migration ${failed?.migrationName ?? ''} failed: ${String(error)}`)
}
