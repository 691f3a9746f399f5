import fs from 'node:fs'
import path from 'node:path'
import { sql, type Kysely } from 'kysely'
import type { EventDbHandle } from '../memory/event-db.js'

/**
 * Raw looks at stored data, below every API: for tests that prove what is (not) stored readable.
 */

/** The forms a text could take in storage: as it is, and hex-encoded (how `bytea` prints). */
function forms(text: string): string[] {
  return [text, Buffer.from(text).toString('hex')]
}

/**
 * Rows of every table of the event database (its current schema) that contain one of the texts,
 * as `table: row` lines; `bytea` columns are searched in their hex form too.
 */
export async function rowsContaining(handle: EventDbHandle, texts: string[]): Promise<string[]> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(handle.db)
  const found: string[] = []
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table_name)} t`.execute(handle.db)
    for (const { row } of rows.rows) {
      const lower = row.toLowerCase()
      if (texts.some((t) => forms(t).some((f) => lower.includes(f.toLowerCase())))) found.push(`${table_name}: ${row.slice(0, 200)}`)
    }
  }
  return found
}

/** Files under `dir` (recursively) whose bytes contain one of the texts (UTF-8 or UTF-16LE). */
export function filesContaining(dir: string, texts: string[]): string[] {
  const needles = texts.flatMap((t) => [Buffer.from(t, 'utf8'), Buffer.from(t, 'utf16le')])
  const hits: string[] = []
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name)
      if (entry.isDirectory()) walk(p)
      else if (entry.isFile()) {
        const bytes = fs.readFileSync(p)
        if (needles.some((n) => bytes.includes(n))) hits.push(path.relative(dir, p))
      }
    }
  }
  walk(dir)
  return hits
}

/** Rows of every table of the auth database (SQLite) that contain one of the texts. */
export async function authRowsContaining(db: Kysely<any>, texts: string[]): Promise<string[]> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
  const found: string[] = []
  for (const { name } of tables.rows) {
    const rows = await db.selectFrom(name).selectAll().execute()
    for (const row of rows) {
      const text = JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) || v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v))
      if (texts.some((t) => forms(t).some((f) => text.toLowerCase().includes(f.toLowerCase())))) found.push(`${name}: ${text.slice(0, 200)}`)
    }
  }
  return found
}
