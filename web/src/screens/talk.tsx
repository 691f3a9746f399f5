import { useEffect, useRef, useState } from 'preact/hooks'
import { openSocket } from '../api/client'
import type { HealthEvent, TurnResult } from '../api/types'
import { Icon } from '../components/icons'
import { EmergencyCard } from '../components/safety'
import { langAttr, t, type MessageKey } from '../i18n'
import { describeEvent } from '../lib/describe'
import { useTitle } from '../lib/use-title'
import { Microphone, SPEECH_RATE } from '../voice/microphone'
import { PcmPlayer } from '../voice/player'

type Phase = 'idle' | 'listening' | 'thinking' | 'speaking'

interface Turn {
  id: number
  transcript: string
  reply: string
  emergency: boolean
  events: HealthEvent[]
}

/** How long a press must last to count as hold-to-talk (released = done); shorter is tap-to-toggle. */
const HOLD_MS = 600

/**
 * Talk to Podd: press (or hold) the big button and speak. The speech streams to the voice socket
 * as you talk; the transcript, the reply and its voice come back. Pressing while Podd speaks
 * stops it (barge-in) and listens.
 */
export function TalkScreen() {
  useTitle(t('nav.talk'))
  const [phase, setPhase] = useState<Phase>('idle')
  const [level, setLevel] = useState(0)
  const [turns, setTurns] = useState<Turn[]>([])
  const [notice, setNotice] = useState<{ key: MessageKey; text?: string } | null>(null)
  const socket = useRef<WebSocket | null>(null)
  const mic = useRef<Microphone | null>(null)
  const player = useRef(new PcmPlayer())
  const press = useRef({ at: 0, started: false })
  const heardThisPress = useRef(false)
  const nextId = useRef(1)
  const newest = useRef<HTMLLIElement>(null)
  // The newest exchange comes into view as it is heard and answered.
  const latest = turns.at(-1)
  useEffect(() => newest.current?.scrollIntoView({ block: 'nearest' }), [latest?.id, latest?.reply])

  useEffect(() => {
    player.current.onIdle = () => setPhase((p) => (p === 'speaking' ? 'idle' : p))
    return () => {
      void mic.current?.close()
      socket.current?.close()
      void player.current.close()
    }
  }, [])

  const updateLast = (change: (turn: Turn) => Turn) => setTurns((list) => (list.length ? [...list.slice(0, -1), change(list.at(-1)!)] : list))

  const onFrame = (frame: Record<string, any>) => {
    switch (frame.type) {
      case 'transcript':
        heardThisPress.current = true
        setTurns((list) => [...list, { id: nextId.current++, transcript: frame.text, reply: '', emergency: false, events: [] }])
        setPhase('thinking')
        break
      case 'no_speech':
        if (!heardThisPress.current) {
          setNotice({ key: 'talk.no_speech' })
          setPhase((p) => (p === 'thinking' ? 'idle' : p))
        }
        break
      case 'route':
        updateLast((turn) => ({ ...turn, emergency: frame.emergency }))
        break
      case 'token':
        updateLast((turn) => ({ ...turn, reply: turn.reply + frame.text }))
        break
      case 'event':
        updateLast((turn) => ({ ...turn, events: [...turn.events, frame.event] }))
        break
      case 'done': {
        const result = (frame.result ?? frame) as TurnResult
        updateLast((turn) => ({ ...turn, reply: result.reply, emergency: result.emergency, events: result.events }))
        setPhase((p) => (p === 'thinking' && !player.current.playing ? 'idle' : p))
        break
      }
      case 'audio_start':
        player.current.begin(frame.sample_rate ?? SPEECH_RATE)
        setPhase((p) => (p === 'listening' ? p : 'speaking'))
        break
      case 'audio_end':
        player.current.end()
        break
      case 'error':
        setNotice({ key: frame.error?.code === 'SERVICE_UNAVAILABLE' ? 'talk.unavailable' : 'talk.error', text: frame.error?.message })
        setPhase((p) => (p === 'listening' ? p : 'idle'))
        break
    }
  }

  const connect = async (): Promise<WebSocket> => {
    const open = socket.current
    if (open && (open.readyState === WebSocket.OPEN || open.readyState === WebSocket.CONNECTING)) return open
    const ws = await openSocket('/voice/stream')
    if (!ws) throw new Error(t('talk.error'))
    ws.binaryType = 'arraybuffer'
    ws.onmessage = (e) => {
      if (typeof e.data === 'string') onFrame(JSON.parse(e.data))
      else player.current.push(e.data as ArrayBuffer)
    }
    ws.onclose = () => {
      if (socket.current === ws) socket.current = null
    }
    ws.onopen = () => ws.send(JSON.stringify({ type: 'start', sample_rate: SPEECH_RATE }))
    socket.current = ws
    return ws
  }

  const start = async () => {
    setNotice(null)
    // Barge-in: Podd stops talking and listens.
    if (player.current.playing) {
      player.current.stop()
      socket.current?.readyState === WebSocket.OPEN && socket.current.send('{"type":"interrupt"}')
    }
    heardThisPress.current = false
    setPhase('listening')
    try {
      const ws = await connect()
      const send = (pcm: ArrayBuffer) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(pcm)
        else if (ws.readyState === WebSocket.CONNECTING) ws.addEventListener('open', () => ws.send(pcm), { once: true })
      }
      mic.current = await Microphone.open(send, setLevel)
    } catch (err) {
      const denied = err instanceof DOMException && (err.name === 'NotAllowedError' || err.name === 'SecurityError')
      const missing = err instanceof DOMException && err.name === 'NotFoundError'
      setNotice({ key: denied ? 'talk.mic_denied' : missing ? 'talk.no_mic' : 'talk.error' })
      setPhase('idle')
      mic.current = null
    }
  }

  const stop = async () => {
    const m = mic.current
    mic.current = null
    setLevel(0)
    if (!m) return
    setPhase('thinking')
    await m.close()
    if (socket.current?.readyState === WebSocket.OPEN) socket.current.send('{"type":"end"}')
  }

  const listening = phase === 'listening'
  const label: MessageKey = listening ? 'talk.button_stop' : phase === 'speaking' ? 'talk.button_interrupt' : 'talk.button_start'

  return (
    <div class="screen talk">
      <header class="screen-head">
        <h1>{t('talk.title')}</h1>
        <p class="muted">{t('talk.hint')}</p>
      </header>
      <div class="talk-stage">
        <button
          type="button"
          class={`talk-button ${phase}`}
          aria-pressed={listening}
          onPointerDown={() => {
            if (listening) return
            press.current = { at: Date.now(), started: true }
            void start()
          }}
          onPointerUp={() => {
            if (press.current.started && Date.now() - press.current.at >= HOLD_MS) void stop()
          }}
          onClick={() => {
            // The click that ends a press which already started (or stopped) listening does nothing more.
            if (press.current.started) {
              press.current.started = false
              return
            }
            void (listening ? stop() : start())
          }}
        >
          <Icon name={listening ? 'stop' : 'talk'} size={56} />
          <span>{t(label)}</span>
        </button>
        <div class="level" aria-hidden="true">
          <div class="level-bar" style={{ transform: `scaleX(${level})` }} />
        </div>
        <p class="talk-status" role="status">
          {t(`talk.phase_${phase}`)}
        </p>
        {phase === 'speaking' && (
          <button type="button" class="button secondary" onClick={() => player.current.stop()}>
            <Icon name="stop" /> {t('talk.stop_speaking')}
          </button>
        )}
        {notice && (
          <p class="form-error" role="alert">
            {t(notice.key)}
            {notice.text && notice.key === 'talk.unavailable' ? ` (${notice.text})` : ''}
          </p>
        )}
      </div>
      <ol class="talk-turns stack" reversed aria-label={t('talk.conversation')}>
        {[...turns].reverse().map((turn, i) => (
          <li key={turn.id} class="talk-turn" ref={i === 0 ? newest : undefined}>
            <p class="transcript">
              <span class="label">{t('talk.you_said')}</span> <span lang={langAttr(turn.transcript)} data-testid="transcript">{turn.transcript}</span>
            </p>
            {turn.emergency && turn.reply ? (
              <EmergencyCard text={turn.reply} lang={langAttr(turn.reply)} />
            ) : (
              <p class="reply">
                <span class="label">{t('talk.podd_said')}</span>{' '}
                <span lang={langAttr(turn.reply)} data-testid="reply">
                  {turn.reply || <span class="typing">{t('chat.thinking')}</span>}
                </span>
              </p>
            )}
            {turn.events.length > 0 && (
              <ul class="chips static">
                {turn.events.map((e) => (
                  <li key={e.id} class="chip">
                    <Icon name="check" size={18} /> {t('chat.chip_static', { what: describeEvent(e) })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  )
}
