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
  '002_recall_vectors': {
    async up(db: Kysely<any>) {
      // Recall's local index: one vector per remembered event, packed (memory/recall/packed-vector.ts).
      // The primary key leads with the patient, so loading one patient's vectors is one range scan.
      await sql`
        create table recall_vectors (
          user_id text not null,
          event_id uuid not null,
          embedder text not null,
          kind text not null,
          occurred_at timestamptz not null,
          vector bytea not null,
          primary key (user_id, event_id)
        )`.execute(db)
      // Packed vectors are mostly small floats that compress poorly; storing them uncompressed
      // saves the decompression on every load.
      await sql`alter table recall_vectors alter column vector set storage external`.execute(db)
      // A patient's vectors change version with every write (values from one sequence, so a
      // version is never reused, even after the patient's vectors are deleted); processes
      // that cache a patient's vectors compare versions to know their copy is current.
      await sql`create sequence recall_version_seq`.execute(db)
      await sql`create table recall_versions (user_id text primary key, version bigint not null)`.execute(db)
    },
  },
  '003_care_delivery': {
    async up(db: Kysely<any>) {
      // Caregiver delivery bookkeeping (src/care/care-tables.ts): operational data beside the
      // alert and summary events it is about. One daily summary job per patient, caregiver and
      // local date: the primary key is what makes several schedulers produce exactly one.
      await sql`
        create table care_summary_jobs (
          patient_id text not null,
          caregiver_id text not null,
          date text not null,
          status text not null check (status in ('claimed', 'done')),
          claimed_by text not null,
          claimed_at timestamptz not null,
          summary_event_id uuid,
          done_at timestamptz,
          primary key (patient_id, caregiver_id, date)
        )`.execute(db)
      await sql`create index care_summary_jobs_date on care_summary_jobs (date)`.execute(db)
      // An alert's deliveries are planned once, by whichever instance inserts this row first.
      await sql`
        create table care_alert_dispatch (
          alert_event_id uuid primary key,
          patient_id text not null,
          outcome text not null check (outcome in ('planned', 'duplicate')),
          created_at timestamptz not null
        )`.execute(db)
      // One row per item, caregiver and channel: attempts, the next retry and the last failure.
      await sql`
        create table care_deliveries (
          id uuid primary key,
          patient_id text not null,
          caregiver_id text not null,
          channel text not null,
          item_kind text not null check (item_kind in ('alert', 'summary')),
          item_event_id uuid not null,
          tier text,
          status text not null check (status in ('pending', 'sending', 'waiting', 'sent', 'failed', 'cancelled')),
          attempts integer not null default 0,
          next_attempt_at timestamptz not null,
          lease_until timestamptz,
          last_error text,
          created_at timestamptz not null,
          updated_at timestamptz not null,
          sent_at timestamptz,
          unique (item_event_id, caregiver_id, channel)
        )`.execute(db)
      await sql`create index care_deliveries_due on care_deliveries (next_attempt_at) where status in ('pending', 'sending')`.execute(db)
      await sql`create index care_deliveries_waiting on care_deliveries (caregiver_id) where status = 'waiting'`.execute(db)
      // The scheduler sweeps recent alerts whose deliveries were never planned (a crash between
      // the append and its listener); this keeps that sweep off the rest of the table.
      await sql`create index health_events_recent_alerts on health_events (recorded_at)
        where kind = 'alert' and supersedes is null`.execute(db)
    },
  },
  '004_conversation_checkpoints': {
    async up(db: Kysely<any>) {
      // LangGraph checkpoints of conversation threads (src/graph/event-db-saver.ts).
      await sql`
        create table conversation_checkpoints (
          thread_id text not null,
          checkpoint_ns text not null default '',
          checkpoint_id text not null,
          parent_checkpoint_id text,
          type text not null,
          checkpoint bytea not null,
          channel_versions jsonb not null default '{}',
          metadata jsonb not null default '{}',
          created_at timestamptz not null default now(),
          primary key (thread_id, checkpoint_ns, checkpoint_id)
        )`.execute(db)
      // A channel's value is stored once per version and shared by the checkpoints that have it.
      await sql`
        create table conversation_blobs (
          thread_id text not null,
          checkpoint_ns text not null default '',
          channel text not null,
          version text not null,
          type text not null,
          blob bytea,
          primary key (thread_id, checkpoint_ns, channel, version)
        )`.execute(db)
      await sql`
        create table conversation_writes (
          thread_id text not null,
          checkpoint_ns text not null default '',
          checkpoint_id text not null,
          task_id text not null,
          idx integer not null,
          channel text not null,
          type text not null,
          value bytea not null,
          task_path text not null default '',
          primary key (thread_id, checkpoint_ns, checkpoint_id, task_id, idx)
        )`.execute(db)
    },
  },
  '005_care_reminders': {
    async up(db: Kysely<any>) {
      // Patient reminders, escalation and activity (src/care/care-tables.ts). Every table is
      // keyed by the patient's id, so erasing a patient is one delete per table (PATIENT_TABLES).
      // Due work of every kind (a medicine's next reminder, a repeat, a snooze, an appointment,
      // an escalation step, an inactivity check): one row per patient and key, claimed with a lease.
      await sql`
        create table care_timers (
          patient_id text not null,
          key text not null,
          kind text not null,
          due_at timestamptz not null,
          ref jsonb not null default '{}',
          lease_until timestamptz,
          primary key (patient_id, key)
        )`.execute(db)
      await sql`create index care_timers_due on care_timers (due_at)`.execute(db)
      // What the patient was sent and what they answered. The primary key is the claim: the first
      // reminder of a dose slot is `dose:<medication>:<slot>`, so of several schedulers exactly
      // one inserts it and sends. `id` is the notification event's: the words are there, never here.
      await sql`
        create table care_reminders (
          patient_id text not null,
          claim_key text not null,
          id uuid not null unique,
          kind text not null,
          medication_id text,
          slot_at timestamptz,
          status text not null check (status in ('open', 'answered', 'snoozed', 'missed', 'info')),
          response text,
          late boolean not null default false,
          created_at timestamptz not null,
          responded_at timestamptz,
          primary key (patient_id, claim_key)
        )`.execute(db)
      await sql`create index care_reminders_list on care_reminders (patient_id, created_at desc, id desc)`.execute(db)
      await sql`create index care_reminders_slot on care_reminders (patient_id, medication_id, slot_at)`.execute(db)
      // One row per emergency alert being escalated; `step` only moves forward, one instance at a time.
      await sql`
        create table care_escalations (
          alert_event_id uuid primary key,
          patient_id text not null,
          started_at timestamptz not null,
          step integer not null default 0,
          contacts_reached integer not null default 0,
          status text not null check (status in ('active', 'acknowledged', 'exhausted')),
          ended_at timestamptz
        )`.execute(db)
      await sql`create index care_escalations_patient on care_escalations (patient_id)`.execute(db)
      // Heartbeats from the patient's app or device, one row per local day and device.
      await sql`
        create table care_heartbeats (
          patient_id text not null,
          day text not null,
          device text not null,
          app_version text not null,
          count integer not null,
          first_at timestamptz not null,
          last_at timestamptz not null,
          primary key (patient_id, day, device)
        )`.execute(db)
      // Deliveries go out again: an emergency repeats every few minutes (round 1, 2, …), and a
      // patient's own reminders go out on their channels like alerts do.
      await sql`alter table care_deliveries add column round integer not null default 0`.execute(db)
      await sql`alter table care_deliveries drop constraint care_deliveries_item_event_id_caregiver_id_channel_key`.execute(db)
      await sql`alter table care_deliveries add constraint care_deliveries_item_round
        unique (item_event_id, caregiver_id, channel, round)`.execute(db)
      await sql`alter table care_deliveries drop constraint care_deliveries_item_kind_check`.execute(db)
      await sql`alter table care_deliveries add constraint care_deliveries_item_kind_check
        check (item_kind in ('alert', 'summary', 'reminder'))`.execute(db)
      // How far the reminder planner has read the event log (by seq), so a restart resumes there.
      await sql`create table care_sync_marks (name text primary key, seq bigint not null)`.execute(db)
    },
  },
  '006_encryption_at_rest': {
    async up(db: Kysely<any>) {
      // Payloads are sealed with the patient's data key (memory/encryption); `payload` stays only
      // for rows written before, until the start-up migration seals them (encrypt-legacy.ts).
      await sql`alter table health_events add column sealed bytea`.execute(db)
      await sql`alter table health_events alter column payload drop not null`.execute(db)
      await sql`alter table health_events add constraint health_events_payload_present
        check (payload is not null or sealed is not null)`.execute(db)
      // What a query filters on inside a payload (a chat's thread, a summary's date) as keyed hashes.
      await sql`alter table health_events add column lookup_tags text[]`.execute(db)
      // Recall vectors are sealed too (a hashed word vector gives its words away to a dictionary).
      await sql`alter table recall_vectors add column sealed boolean not null default false`.execute(db)
    },
  },
}
