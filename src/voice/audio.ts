import fs from 'node:fs/promises'
import path from 'node:path'
import type { Config } from '../config.js'
import { PoddError } from '../../core/errors.js'
import { findBinary, runTool, ToolError, withTempDir } from './binaries.js'
import { SPEECH_SAMPLE_RATE, toMono16k } from './resample.js'
import { durationSeconds, parseWav, pcmFromBytes, WavFormatError, type Pcm16Audio } from './wav.js'

/**
 * Turning what a browser or phone uploads into the 16 kHz mono PCM the speech engines want,
 * and refusing bad uploads with a clear 4xx before any provider is called.
 */

/** Containers recognised by their first bytes. */
export type AudioContainer = 'wav' | 'webm' | 'ogg' | 'mp3' | 'aac' | 'mp4' | 'flac' | 'amr' | 'aiff'

const CONTAINER_NAMES: Record<AudioContainer, string> = {
  wav: 'WAV',
  webm: 'WebM',
  ogg: 'Ogg',
  mp3: 'MP3',
  aac: 'AAC',
  mp4: 'MP4/M4A',
  flac: 'FLAC',
  amr: 'AMR',
  aiff: 'AIFF',
}

// Content types a client may declare. `octet-stream` (or none) means "look at the bytes".
const DECLARED_TYPES: Record<string, AudioContainer | 'any'> = {
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/webm': 'webm',
  'video/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/opus': 'ogg',
  'application/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/aac': 'aac',
  'audio/x-aac': 'aac',
  'audio/mp4': 'mp4',
  'audio/m4a': 'mp4',
  'audio/x-m4a': 'mp4',
  'video/mp4': 'mp4',
  'audio/3gpp': 'mp4',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
  'audio/amr': 'amr',
  'audio/aiff': 'aiff',
  'audio/x-aiff': 'aiff',
  'application/octet-stream': 'any',
}

/** Content types an upload may carry, for API docs. */
export const ACCEPTED_AUDIO_TYPES: readonly string[] = Object.keys(DECLARED_TYPES)

const FORMATS_HINT = 'send WAV, WebM/Opus, Ogg, MP3, M4A or FLAC audio'
const WAV_ONLY_HINT = 'this server accepts only 16-bit PCM WAV audio'
// Codec frames pad a clip by a few tens of milliseconds; do not refuse a 30 s recording for that.
const LENGTH_TOLERANCE_SECONDS = 0.2
// ffmpeg stops decoding this far past the limit: a long file costs little, and is still known to be too long.
const DECODE_MARGIN_SECONDS = 1

/** The container the bytes really are, whatever the request said; undefined when not audio we know. */
export function sniffAudioType(buf: Uint8Array): AudioContainer | undefined {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
  const ascii = (from: number, to: number) => b.toString('latin1', from, to)
  if (b.length < 4) return undefined
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav'
  if (ascii(0, 4) === 'OggS') return 'ogg'
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'webm'
  if (ascii(0, 4) === 'fLaC') return 'flac'
  if (ascii(4, 8) === 'ftyp') return 'mp4'
  if (ascii(0, 5) === '#!AMR') return 'amr'
  if (ascii(0, 4) === 'FORM' && /^AIF[FC]$/.test(ascii(8, 12))) return 'aiff'
  if (ascii(0, 3) === 'ID3') return 'mp3'
  // An MPEG audio frame header: 11 sync bits, then the layer bits tell MP3 from ADTS AAC.
  if (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0) {
    const layer = (b[1]! >> 1) & 0x3
    const version = (b[1]! >> 3) & 0x3
    if (layer === 0 && (b[1]! & 0xf6) === 0xf0) return 'aac'
    if (layer !== 0 && version !== 1) return 'mp3'
  }
  return undefined
}

export interface AudioLimits {
  maxBytes: number
  maxSeconds: number
}

/** The upload limits set by VOICE_MAX_BYTES and VOICE_MAX_SECONDS. */
export function audioLimits(config: Pick<Config, 'VOICE_MAX_BYTES' | 'VOICE_MAX_SECONDS'>): AudioLimits {
  return { maxBytes: config.VOICE_MAX_BYTES, maxSeconds: config.VOICE_MAX_SECONDS }
}

export interface DecodeAudioOptions extends AudioLimits {
  /** ffmpeg's path, `false` to decode WAV only; by default ffmpeg is used when it is on PATH. */
  ffmpeg?: string | false
  timeoutMs?: number
  signal?: AbortSignal
}

/**
 * An uploaded recording as 16 kHz mono PCM, or an PoddError saying what is wrong with it:
 * 400 empty, damaged or undecodable; 413 too many bytes or seconds; 415 not audio, or a format
 * this server cannot decode. WAV is read here; everything else goes through ffmpeg when installed.
 */
export async function decodeAudioUpload(
  body: Uint8Array,
  contentType: string | undefined,
  opts: DecodeAudioOptions,
): Promise<Pcm16Audio> {
  if (body.byteLength === 0) throw new PoddError('BAD_REQUEST', 'The audio is empty')
  if (body.byteLength > opts.maxBytes) {
    throw new PoddError('PAYLOAD_TOO_LARGE', `The audio is larger than ${formatBytes(opts.maxBytes)}`, {
      max_bytes: opts.maxBytes,
    })
  }
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() || undefined
  const declared = mediaType === undefined ? 'any' : DECLARED_TYPES[mediaType]
  if (declared === undefined) {
    throw new PoddError('UNSUPPORTED_MEDIA_TYPE', `Content type ${mediaType} is not accepted; ${FORMATS_HINT}`, {
      accepted: ACCEPTED_AUDIO_TYPES,
    })
  }
  const container = sniffAudioType(body)
  if (!container) {
    if (declared !== 'any') {
      throw new PoddError('BAD_REQUEST', `The body is not valid ${CONTAINER_NAMES[declared]} audio`)
    }
    throw new PoddError('UNSUPPORTED_MEDIA_TYPE', `The body is not audio in a format we recognise; ${FORMATS_HINT}`)
  }

  const ffmpeg = opts.ffmpeg === undefined ? findBinary('ffmpeg') : opts.ffmpeg || undefined
  let audio: Pcm16Audio
  if (container === 'wav') {
    let decodedUpTo = Infinity
    try {
      audio = parseWav(body)
    } catch (err) {
      if (!(err instanceof WavFormatError)) throw err
      if (!err.unsupportedEncoding) throw new PoddError('BAD_REQUEST', `The WAV file is damaged: ${err.message}`)
      if (!ffmpeg) throw new PoddError('UNSUPPORTED_MEDIA_TYPE', `This WAV is not 16-bit PCM; ${WAV_ONLY_HINT}`)
      audio = await decodeWithFfmpeg(ffmpeg, body, container, opts)
      decodedUpTo = opts.maxSeconds + DECODE_MARGIN_SECONDS
    }
    assertSpeechLength(audio, opts.maxSeconds, decodedUpTo)
    return toMono16k(audio)
  }
  if (!ffmpeg) {
    const name = CONTAINER_NAMES[container]
    throw new PoddError('UNSUPPORTED_MEDIA_TYPE', `${name} audio cannot be decoded here; ${WAV_ONLY_HINT}`)
  }
  audio = await decodeWithFfmpeg(ffmpeg, body, container, opts)
  assertSpeechLength(audio, opts.maxSeconds, opts.maxSeconds + DECODE_MARGIN_SECONDS)
  return audio
}


/**
 * 413 when the audio is longer than allowed, 400 when it holds no samples at all. `decodedUpTo`
 * is where decoding was cut off, if it was: audio that long may have been longer still.
 */
export function assertSpeechLength(audio: Pcm16Audio, maxSeconds: number, decodedUpTo = Infinity): void {
  if (audio.samples.length === 0) throw new PoddError('BAD_REQUEST', 'The audio contains no sound samples')
  const seconds = durationSeconds(audio)
  if (seconds > maxSeconds + LENGTH_TOLERANCE_SECONDS) {
    const cut = seconds >= decodedUpTo - 0.05
    const length = cut ? `over ${decodedUpTo} s` : `${seconds.toFixed(1)} s`
    throw new PoddError('PAYLOAD_TOO_LARGE', `The audio is ${length} long; the limit is ${maxSeconds} s`, {
      max_seconds: maxSeconds,
      ...(cut ? {} : { seconds: Math.round(seconds * 10) / 10 }),
    })
  }
}

/**
 * Decodes any container ffmpeg knows to 16 kHz mono s16le. The input goes through a temp file,
 * not a pipe: MP4/M4A from phones keep their index at the end, which a pipe cannot seek to.
 * Decoding stops a second past the limit so a long (or malicious) file costs little.
 */
async function decodeWithFfmpeg(
  ffmpeg: string,
  body: Uint8Array,
  container: AudioContainer,
  opts: DecodeAudioOptions,
): Promise<Pcm16Audio> {
  return withTempDir(async (dir) => {
    const input = path.join(dir, `input.${container}`)
    await fs.writeFile(input, body)
    const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-i', input, '-map', '0:a:0', '-vn']
    args.push('-t', String(opts.maxSeconds + DECODE_MARGIN_SECONDS))
    args.push('-ac', '1', '-ar', String(SPEECH_SAMPLE_RATE), '-f', 's16le', 'pipe:1')
    try {
      const { stdout } = await runTool(ffmpeg, args, { timeoutMs: opts.timeoutMs ?? 20_000, signal: opts.signal })
      return pcmFromBytes(stdout, SPEECH_SAMPLE_RATE, 1)
    } catch (err) {
      if (!(err instanceof ToolError)) throw err
      if (err.timedOut) throw new PoddError('UNPROCESSABLE', 'The audio took too long to decode')
      if (/matches no streams/i.test(err.stderr)) throw new PoddError('BAD_REQUEST', 'The file contains no audio track')
      throw new PoddError('BAD_REQUEST', `The ${CONTAINER_NAMES[container]} audio could not be decoded`)
    }
  })
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`
}

/** MP3 replies need ffmpeg; this says so before a turn is run for nothing. */
export function assertMp3Available(ffmpeg: string | undefined = findBinary('ffmpeg')): asserts ffmpeg is string {
  if (!ffmpeg) {
    throw new PoddError('SERVICE_UNAVAILABLE', 'MP3 replies need ffmpeg on the server: install ffmpeg, or ask for audio/wav')
  }
}

/** A WAV file as mono 64 kbit/s MP3, through ffmpeg's stdin and stdout. */
export async function wavToMp3(wav: Buffer, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<Buffer> {
  const ffmpeg = findBinary('ffmpeg')
  assertMp3Available(ffmpeg)
  const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-f', 'wav', '-i', 'pipe:0']
  args.push('-ac', '1', '-codec:a', 'libmp3lame', '-b:a', '64k', '-f', 'mp3', 'pipe:1')
  const { stdout } = await runTool(ffmpeg, args, { input: wav, timeoutMs: opts.timeoutMs ?? 20_000, signal: opts.signal })
  return stdout
}
