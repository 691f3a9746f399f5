import { validate } from '@langchain/langgraph-checkpoint-validation'
import { sql } from 'kysely'
import type { EventDbHandle } from '../../memory/event-db.js'
import { eventEngines } from '../../test/event-engines.js'
import { ephemeralPatientKeys } from '../../memory/encryption/patient-keys.js'
import { EventDbCheckpointSaver, patientKeyCipher } from './event-db-saver.js'

// The official conformance suite for LangGraph checkpointers (~720 cases per engine). The suite
// needs empty storage for every set of validations: one database per engine, emptied between sets.
// The saver runs as the service runs it, sealing what it stores (the suite's thread ids name no
// patient, so all of them use one key).
for (const engine of eventEngines()) {
  let handle: EventDbHandle | undefined
  validate({
    checkpointerName: `EventDbCheckpointSaver (${engine.name})`,
    beforeAllTimeout: 60_000,
    async beforeAll() {
      handle = await engine.open()
    },
    async afterAll() {
      await handle?.close()
    },
    createCheckpointer: () =>
      new EventDbCheckpointSaver(handle!.db, undefined, patientKeyCipher(ephemeralPatientKeys(), () => 'validation-patient')),
    async destroyCheckpointer() {
      await sql`truncate conversation_checkpoints, conversation_blobs, conversation_writes`.execute(handle!.db)
    },
  })
}
