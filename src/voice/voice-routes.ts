import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { requireRole } from '../auth/require-auth.js'
import { HealthEventSchema } from '../events/event-schemas.js'
import { AGENTS } from '../graph/turn-types.js'
import type { AppEnv } from '../http/app-env.js'
import { PoddError, validationError } from '../../core/errors.js'
import { errorResponses, validationHook } from '../http/openapi.js'
import type { Services } from '../services.js'
import { ACCEPTED_AUDIO_TYPES, assertMp3Available, audioLimits, decodeAudioUpload, wavToMp3 } from './audio.js'
import { assertSpeechAvailable } from './speech.js'
import { REPLY_MIME, replyFormat, TURN_HEADERS, turnHeaders, type ReplyFormat } from './voice-headers.js'
import { listeningLanguage, runVoiceTurn, voicePrefs, type VoiceTurnOutcome } from './voice-turn.js'

const VoiceQuery = z.object({
  language: z
    .string()
    .trim()
    .max(20)
    .optional()
    .describe("The language spoken, e.g. hi-IN; `auto` detects it (Sarvam only). Default: the patient's profile language"),
  thread_id: z.string().uuid().optional().describe('Continue a thread; omit to start one'),
})

const Binary = z.string().openapi({ type: 'string', format: 'binary' })

const Timings = z
  .object({ stt_ms: z.number(), graph_ms: z.number(), tts_ms: z.number(), total_ms: z.number() })
  .openapi('VoiceTimings')

const VoiceTurnResponse = z
  .object({
    transcript: z.string().describe('What was heard; empty when it was not understood'),
    understood: z
      .boolean()
      .describe('False when speech was heard but not understood well enough to act on: nothing was written and the reply asks the patient to say it again'),
    confidence: z.number().nullable().describe("The recogniser's confidence, 0-1 (offline recognition only; null for Sarvam)"),
    language: z.string().nullable().describe('The language heard (detected or as asked); null when unknown'),
    reply: z.string(),
    routes: z.array(z.enum(AGENTS)),
    events: z.array(HealthEventSchema).describe('Events written this turn, with source "voice"'),
    emergency: z.boolean().describe('A red flag: the reply is the fixed emergency text'),
    thread_id: z.string().nullable().describe('The thread of the turn; null when no turn ran and none was given'),
    audio: z
      .object({ mime_type: z.literal('audio/wav'), sample_rate: z.number(), data: z.string().describe('base64') })
      .nullable()
      .describe('The spoken reply; null when it could not be synthesised (see audio_error)'),
    audio_error: z.object({ code: z.string(), message: z.string() }).optional(),
    speech_provider: z.enum(['sarvam', 'offline']),
    timings: Timings,
  })
  .openapi('VoiceTurn')

const audioContent = Object.fromEntries(ACCEPTED_AUDIO_TYPES.map((t) => [t, { schema: Binary }]))

const turnRoute = createRoute({
  method: 'post',
  path: '/voice/turn',
  tags: ['voice'],
  security: [{ Bearer: [] }],
  summary: 'One spoken turn: speech in, the reply spoken back',
  description:
    'Send a recording (WAV; WebM/Opus, Ogg, MP3, M4A or FLAC when ffmpeg is installed) as the body with its ' +
    '`Content-Type`, or as the `audio` field of a multipart form. Podd transcribes it, runs the turn (events are ' +
    'written with source `voice`) and speaks the reply. With `Accept: audio/wav` or `audio/mpeg` the body is the ' +
    `spoken reply and the turn's fields are in headers (${TURN_HEADERS.join(', ')}), text percent-encoded.`,
  request: {
    query: VoiceQuery,
    body: {
      required: true,
      content: {
        ...audioContent,
        'multipart/form-data': {
          schema: z.object({ audio: Binary, language: z.string().optional(), thread_id: z.string().optional() }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The turn, as JSON or as the spoken reply',
      content: {
        'application/json': { schema: VoiceTurnResponse },
        'audio/wav': { schema: Binary },
        'audio/mpeg': { schema: Binary },
      },
    },
    ...errorResponses(400, 401, 403, 404, 413, 415, 422, 502, 503, 504),
  },
})

interface Upload {
  bytes: Uint8Array
  contentType: string | undefined
  fields: { language?: string; thread_id?: string }
}

/** The recording and its declared type, from a raw body or a multipart form's `audio` field. */
async function readUpload(c: Context<AppEnv>): Promise<Upload> {
  const contentType = c.req.header('content-type')
  if (contentType?.split(';')[0]?.trim().toLowerCase() !== 'multipart/form-data') {
    return { bytes: new Uint8Array(await c.req.arrayBuffer()), contentType, fields: {} }
  }
  let form: FormData
  try {
    form = await c.req.formData()
  } catch {
    throw new PoddError('BAD_REQUEST', 'The multipart body could not be read')
  }
  const audio = form.get('audio')
  if (!(audio instanceof File)) {
    throw new PoddError('VALIDATION_ERROR', 'The form needs the recording as a file field named "audio"', {
      issues: [{ path: 'audio', message: 'required file', code: 'custom' }],
    })
  }
  const field = (name: string) => {
    const v = form.get(name)
    return typeof v === 'string' && v.trim() ? v.trim() : undefined
  }
  const fields = { language: field('language'), thread_id: field('thread_id') }
  return { bytes: new Uint8Array(await audio.arrayBuffer()), contentType: audio.type || undefined, fields }
}

/** The query merged with the form's fields (the query wins), validated. */
function turnParams(c: Context<AppEnv>, fields: Upload['fields']) {
  const parsed = VoiceQuery.safeParse({ ...fields, ...c.req.query() })
  if (!parsed.success) throw validationError(parsed.error)
  return parsed.data
}

/**
 * `POST /voice/turn`. Bad uploads are refused (400/413/415) before any speech provider is
 * called, and a server that cannot listen says what to install (503); a speech provider's
 * failure is its mapped 502/503/504, already logged once by the provider.
 */
export function voiceRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.use('/voice/turn', s.requireAuth, requireRole('patient'))
  app.openAPIRegistry.registerPath(turnRoute)

  app.post('/voice/turn', async (c) => {
    const receivedAt = performance.now()
    const signal = c.req.raw.signal
    const format = replyFormat(c.req.header('accept'))
    if (format === 'mp3') assertMp3Available()
    const upload = await readUpload(c)
    const params = turnParams(c, upload.fields)
    const userId = c.get('user').id
    const [audio, prefs] = await Promise.all([
      decodeAudioUpload(upload.bytes, upload.contentType, { ...audioLimits(s.config), signal }),
      voicePrefs(s, userId),
    ])
    assertSpeechAvailable(s.speech, 'stt')
    if (format !== 'json') assertSpeechAvailable(s.speech, 'tts')
    const language = listeningLanguage(params.language, prefs, s.speech)

    let outcome: VoiceTurnOutcome
    try {
      outcome = await runVoiceTurn(s, {
        userId,
        audio,
        language,
        prefs,
        threadId: params.thread_id,
        speak: s.speech.availability().tts.available,
        signal,
        requestId: c.get('requestId'),
        receivedAt,
      })
    } catch (err) {
      // The client has gone: nobody reads the answer, and it is not a server failure to log.
      if (signal.aborted) throw new PoddError('BAD_REQUEST', 'The request was cancelled by the client')
      throw err
    }
    const threadId = outcome.turn?.thread_id ?? params.thread_id ?? null
    return format === 'json' ? jsonReply(c, s, outcome, threadId) : await audioReply(c, s, outcome, format, threadId)
  })
  return app
}

function jsonReply(c: Context<AppEnv>, s: Services, o: VoiceTurnOutcome, threadId: string | null) {
  const unspoken = o.speechError ?? (o.speech ? undefined : s.speech.availability().tts.message)
  return c.json(
    {
      transcript: o.transcription.text,
      understood: o.turn !== undefined,
      confidence: o.transcription.confidence ?? null,
      language: o.transcription.language,
      reply: o.reply,
      routes: o.turn?.routes ?? [],
      events: o.turn?.events ?? [],
      emergency: o.turn?.emergency ?? false,
      thread_id: threadId,
      audio: o.speech
        ? { mime_type: o.speech.mimeType, sample_rate: o.speech.sampleRate, data: o.speech.audio.toString('base64') }
        : null,
      ...(unspoken
        ? {
            audio_error:
              typeof unspoken === 'string'
                ? { code: 'SERVICE_UNAVAILABLE', message: unspoken }
                : { code: unspoken.code, message: unspoken.message },
          }
        : {}),
      speech_provider: s.speech.name,
      timings: o.timings,
    },
    200,
  )
}

async function audioReply(
  c: Context<AppEnv>,
  s: Services,
  o: VoiceTurnOutcome,
  format: Exclude<ReplyFormat, 'json'>,
  threadId: string | null,
) {
  if (!o.speech) {
    // The turn is done and stays done: the error says so, so the client shows the reply instead of retrying.
    const err = o.speechError!
    const done = { turn_completed: o.turn !== undefined, thread_id: threadId, transcript: o.transcription.text, reply: o.reply }
    throw new PoddError(err.code, err.message, { ...err.details, ...done }, { retryAfterSeconds: err.retryAfterSeconds })
  }
  const body = format === 'mp3' ? await wavToMp3(o.speech.audio, { signal: c.req.raw.signal }) : o.speech.audio
  const headers = turnHeaders({
    transcript: o.transcription.text,
    language: o.transcription.language,
    reply: o.reply,
    routes: o.turn?.routes ?? [],
    emergency: o.turn?.emergency ?? false,
    threadId: threadId ?? '',
    eventIds: o.turn?.events.map((e) => e.id) ?? [],
    understood: o.turn !== undefined,
    confidence: o.transcription.confidence,
    timings: o.timings,
  })
  const origin = c.req.header('origin')
  if (origin && s.config.CORS_ORIGINS.includes(origin)) {
    headers['Access-Control-Expose-Headers'] = ['X-Request-Id', 'Retry-After', ...TURN_HEADERS].join(', ')
  }
  return c.body(new Uint8Array(body), 200, { ...headers, 'Content-Type': REPLY_MIME[format] })
}
