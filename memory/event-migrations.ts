import { sql, type Kysely, type Migration } from 'kysely'

/**
 * Schema of the event-store database (PGlite or PostgreSQL, same SQL). Every module that keeps
 * tables there (the conversation checkpointer, the recall index) adds its migrations here, in
 * order. Never edit a released migration: add a new one.
 */
export const eventMigrations: Record<string, Migration> = {
  '001_health_events': {
    async up(db: Kysely<any>) {
      await sql`
        create table health_events (
          seq bigserial not null unique,
          id uuid primary key,
          user_id text not null,
          kind text not null,
          context_id text not null,
          event_kind text not null check (event_kind in ('fact', 'action')),
          payload jsonb not null,
          flags jsonb,
          occurred_at timestamptz not null,
          recorded_at timestamptz not null default now(),
          source text not null check (source in ('chat', 'voice', 'api', 'system')),
          supersedes uuid references health_events (id),
          tombstone boolean not null default false,
          idempotency_key text
        )`.execute(db)
      // A retry with the same key finds the first event instead of writing a second one.
      await sql`create unique index health_events_idempotency on health_events (user_id, idempotency_key)
        where idempotency_key is not null`.execute(db)
      // History is a line, never a fork: an event can be superseded (or removed) only once.
      await sql`create unique index health_events_supersedes on health_events (supersedes)
        where supersedes is not null`.execute(db)
      await sql`create index health_events_user_time on health_events (user_id, occurred_at desc, id desc)`.execute(db)
      await sql`create index health_events_user_kind_time on health_events (user_id, kind, occurred_at desc, id desc)`.execute(db)
      await sql`create index health_events_context on health_events (user_id, context_id)`.execute(db)
    },
  },
}
