import type { Server } from 'node:http'
import type { MiddlewareHandler } from 'hono'
import { openAuthDb, type AuthDb } from './auth/auth-db.js'
import { createPatientKeys } from './auth/data-encryption-key.js'
import { PasswordReset } from './auth/password-reset.js'
import { AuthService } from './auth/auth-service.js'
import { LoginThrottle } from './auth/login-throttle.js'
import { requireAuth } from './auth/require-auth.js'
import { TokenService, resolveJwtSecret } from './auth/tokens.js'
import { CareLinks } from './care/care-links.js'
import { AccountPreferences } from './care/preferences.js'
import { webhookPolicy } from './care/delivery/webhook-target.js'
import { createCaregiving, type Caregiving, type CaregivingDeps } from './care/caregiving.js'
import path from 'node:path'
import type { Config } from './config.js'
import { openEventDb, type EventDbHandle } from '../memory/event-db.js'
import { EventStore } from '../memory/event-store.js'
import type { PatientKeys } from '../memory/encryption/patient-keys.js'
import { purgeOldVersions, sealLegacyEvents, sealLegacyVectors } from '../memory/encryption/seal-legacy-rows.js'
import { createRecall } from '../memory/recall/create-recall.js'
import type { RecallService } from '../memory/recall/recall-service.js'
import { makeRecallTool } from '../agents/general/recall-tool.js'
import { createChatModels } from './graph/chat-models.js'
import { EventDbCheckpointSaver, patientKeyCipher } from './graph/event-db-saver.js'
import { Conversation, graphThreadId, patientOfGraphThread } from './graph/conversation-service.js'
import { AccountErasure } from './privacy/account-erasure.js'
import { WebSocketRoutes } from './http/websockets.js'
import type { AppEnv } from './http/app-env.js'
import { Metrics } from './metrics.js'
import { createLogger, type Logger } from './logger.js'
import { createSpeech } from './voice/speech.js'
import type { SpeechProvider } from './voice/speech-provider.js'

/** A store or client the service depends on, checked by `/ready`. */
export interface ReadinessCheck {
  name: string
  check: () => Promise<void>
}

/** Everything a route, graph or job needs, built once at start-up and closed once at shutdown. */
export interface Services {
  config: Config
  logger: Logger
  metrics: Metrics
  authDb: AuthDb
  tokens: TokenService
  auth: AuthService
  /** Caregiver invitations and links, and who may read a patient's data. */
  care: CareLinks
  preferences: AccountPreferences
  /** Caregiver alerts on appended events, daily summaries, their scheduler and delivery. */
  caregiving: Caregiving
  /** The health event database (PGlite or PostgreSQL) and the store over it. */
  eventDb: EventDbHandle
  events: EventStore
  /** Each patient's data key (wrapped in the auth database): what seals their health data. */
  keys: PatientKeys
  /** The conversations' LangGraph checkpoints (sealed with the patient's key). */
  checkpointer: EventDbCheckpointSaver
  /** Erasing accounts for good (DELETE /auth/me), as jobs a restart finishes. */
  erasure: AccountErasure
  /** "Forgot my password": single-use codes by e-mail. */
  passwordReset: PasswordReset
  /** Search over each patient's own history (chat and the words of events), kept in step with the store. */
  recall: RecallService
  /** Patient turns through the LangGraph conversation, by chat and voice. */
  conversation: Conversation
  /** Authenticated WebSocket endpoints (chat, voice); attached to the HTTP server at start. */
  sockets: WebSocketRoutes
  /** Speech-to-text and text-to-speech: Sarvam when configured, else the offline tools. */
  speech: SpeechProvider
  requireAuth: MiddlewareHandler<AppEnv>
  readiness: ReadinessCheck[]
  /** Registers work that needs the listening HTTP server (WebSocket upgrades). */
  onServer(fn: (server: Server) => void): void
  attachServer(server: Server): void
  /** Closers run in reverse order of registration at shutdown. */
  onClose(fn: () => Promise<void> | void): void
  close(): Promise<void>
}

export interface ServiceOptions {
  logger?: Logger
  /** An event database opened by the caller (tests share one per file); the caller closes it. */
  eventDb?: EventDbHandle
  /** The clock every service reads; tests move it. */
  now?: () => Date
  /** Run the care scheduler (default true; test apps drive it with `tick`). */
  startScheduler?: boolean
  /** Delivery channels replacing the configured ones (tests). */
  careChannels?: CaregivingDeps['channels']
  /** The HTTPS agent Web Push uses (tests trust a local push service's certificate). */
  pushAgent?: CaregivingDeps['pushAgent']
  /** A live bus shared by several service instances in one process (tests of PGlite instances). */
  liveBus?: CaregivingDeps['bus']
}

export async function createServices(config: Config, opts: ServiceOptions = {}): Promise<Services> {
  const logger = opts.logger ?? createLogger({ level: config.LOG_LEVEL })
  const closers: (() => Promise<void> | void)[] = []
  const onClose = (fn: () => Promise<void> | void) => void closers.push(fn)
  const serverHooks: ((server: Server) => void)[] = []

  const metrics = new Metrics()
  const now = opts.now ?? (() => new Date())
  const authDb = await openAuthDb(config.DATA_DIR)
  onClose(() => authDb.destroy())

  const eventDb =
    opts.eventDb ??
    (await openEventDb({ databaseUrl: config.DATABASE_URL, pgliteDir: path.join(config.DATA_DIR, 'events') }))
  if (!opts.eventDb) onClose(() => eventDb.close())
  const keys = createPatientKeys(config, authDb, logger, now)
  const { underPrevious } = await keys.assertMasterKeys()
  if (underPrevious) logger.warn('some data keys are still wrapped under the previous master key: run npm run keys:rotate')
  const checkpointer = new EventDbCheckpointSaver(eventDb.db, undefined, patientKeyCipher(keys, patientOfGraphThread))
  // Data written before encryption at rest is sealed once, before anything reads it.
  const sealed = {
    events: await sealLegacyEvents(eventDb.db, keys),
    vectors: await sealLegacyVectors(eventDb.db, keys),
    checkpoints: await checkpointer.sealUnsealed(),
  }
  if (sealed.events + sealed.vectors + sealed.checkpoints) {
    await purgeOldVersions(eventDb.db, ['health_events', 'recall_vectors', 'conversation_checkpoints', 'conversation_blobs', 'conversation_writes'])
    logger.info(sealed, 'sealed data written before encryption at rest')
  }
  const events = new EventStore(eventDb.db, keys, now, (err) => logger.error({ err }, 'event listener failed'))
  const recall = createRecall(config, events, eventDb, {
    onError: (err, userId) => logger.warn({ err, userId }, 'recall indexing failed; npm run recall:reindex repairs it'),
  })
  recall.start()
  onClose(() => recall.close())

  const tokens = new TokenService(
    resolveJwtSecret(config, logger),
    config.JWT_ISSUER,
    config.JWT_AUDIENCE,
    config.ACCESS_TOKEN_TTL_SECONDS,
  )
  const throttle = new LoginThrottle({
    perAccountAndIp: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    perAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT * 10,
    perIp: config.LOGIN_MAX_FAILURES_PER_IP,
    windowMs: config.LOGIN_THROTTLE_WINDOW_SECONDS * 1000,
  })
  // Registrations are rationed per address only (the per-account limits never bind).
  const registrations = new LoginThrottle({
    perAccountAndIp: Number.MAX_SAFE_INTEGER,
    perAccount: Number.MAX_SAFE_INTEGER,
    perIp: config.REGISTER_MAX_PER_IP,
    windowMs: config.REGISTER_WINDOW_SECONDS * 1000,
  })
  const passwordReset = new PasswordReset({
    db: authDb,
    tokens,
    logger,
    now,
    smtpUrl: config.SMTP_URL,
    from: config.SMTP_FROM,
    publicUrl: config.PUBLIC_URL,
  })
  onClose(() => passwordReset.close())
  const auth = new AuthService(authDb, tokens, { logins: throttle, registrations }, config.REFRESH_TOKEN_TTL_DAYS)

  const sockets = new WebSocketRoutes(tokens, config.CORS_ORIGINS, logger)
  serverHooks.push((server) => sockets.attach(server))
  onClose(() => sockets.close())

  const care = new CareLinks(authDb, now)
  const preferences = new AccountPreferences(authDb, now, webhookPolicy(config))
  const models = createChatModels(config)
  const caregiving = createCaregiving({
    config,
    logger,
    metrics,
    events,
    eventDb,
    authDb,
    care,
    preferences,
    now,
    models,
    channels: opts.careChannels,
    pushAgent: opts.pushAgent,
    bus: opts.liveBus,
  })
  onClose(() => caregiving.close())
  if (opts.startScheduler ?? true) caregiving.scheduler.start()

  const conversation = new Conversation({
    store: events,
    models: createChatModels(config),
    checkpointer,
    recallTool: makeRecallTool(recall),
    reminders: caregiving.doses,
    logger,
    metrics,
    now,
  })

  const erasure = new AccountErasure({
    authDb,
    eventDb: eventDb.db,
    keys,
    events,
    recall,
    deleteThreads: (prefix) => checkpointer.deleteThreadsWithPrefix(prefix),
    threadPrefixOf: (userId) => graphThreadId(userId, ''),
    tokens,
    logger,
    now,
    secondPassAfterMs: keys.cacheTtlMs + 60_000,
  })
  // Tokens of accounts erased a moment before a restart stay void; unfinished erasures finish.
  await erasure.revokeRecentTokens(config.ACCESS_TOKEN_TTL_SECONDS * 1000)
  if (opts.startScheduler ?? true) erasure.start(config.SCHEDULER_INTERVAL_SECONDS * 1000)
  onClose(() => erasure.stop())

  const readiness: ReadinessCheck[] = [
    { name: 'auth_db', check: async () => void (await authDb.selectFrom('users').select('id').limit(1).execute()) },
    { name: 'event_store', check: async () => void (await eventDb.db.selectFrom('health_events').select('id').limit(1).execute()) },
  ]

  let closed: Promise<void> | undefined
  return {
    config,
    logger,
    metrics,
    authDb,
    tokens,
    auth,
    eventDb,
    events,
    keys,
    checkpointer,
    erasure,
    passwordReset,
    recall,
    conversation,
    sockets,
    speech: createSpeech(config, logger),
    care,
    preferences,
    caregiving,
    requireAuth: requireAuth(tokens),
    readiness,
    onServer: (fn) => void serverHooks.push(fn),
    attachServer: (server) => serverHooks.forEach((fn) => fn(server)),
    onClose,
    close() {
      closed ??= (async () => {
        for (const fn of closers.reverse()) {
          try {
            await fn()
          } catch (err) {
            logger.error({ err }, 'error while closing a service')
          }
        }
      })()
      return closed
    },
  }
}
