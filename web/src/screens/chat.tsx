import { useEffect, useRef, useState } from 'preact/hooks'
import { api, ApiError, request, sse } from '../api/client'
import type { HealthEvent, Thread, ThreadMessage, TurnResult } from '../api/types'
import { EditEventDialog } from '../components/edit-event'
import { Icon } from '../components/icons'
import { errorText } from '../components/notices'
import { EmergencyCard } from '../components/safety'
import { langAttr, t, type MessageKey } from '../i18n'
import { describeEvent } from '../lib/describe'
import { formatDateTime, formatTime } from '../lib/format'
import { useLoad } from '../lib/use-load'
import { useTitle } from '../lib/use-title'
import { navigate } from '../router'

interface ChatMessage {
  key: string
  role: 'user' | 'assistant'
  text: string
  at: string
  routes?: string[]
  emergency?: boolean
  /** Events written by this turn, shown as chips; null marks one removed since. */
  events?: (HealthEvent | { removed: string })[]
  streaming?: boolean
  error?: string
}

const SUGGESTIONS: MessageKey[] = ['chat.try_bp', 'chat.try_dose', 'chat.try_food', 'chat.try_question']

/** Chips under a reply: what the turn logged, each opening the correction dialog. */
function EventChips({ events, onChange }: { events: NonNullable<ChatMessage['events']>; onChange: (i: number, next: HealthEvent | null) => void }) {
  const [editing, setEditing] = useState<number | null>(null)
  if (events.length === 0) return null
  return (
    <ul class="chips" aria-label={t('chat.logged_this_turn')}>
      {events.map((e, i) =>
        'removed' in e ? (
          <li key={i} class="chip removed">
            {t('chat.chip_removed', { what: e.removed })}
          </li>
        ) : (
          <li key={e.id}>
            <button type="button" class="chip" onClick={() => setEditing(i)}>
              <Icon name="check" size={18} />
              <span>{t('chat.chip', { what: describeEvent(e) })}</span>
            </button>
            {editing === i && <EditEventDialog event={e} onClose={() => setEditing(null)} onChanged={(next) => onChange(i, next)} />}
          </li>
        ),
      )}
    </ul>
  )
}

function Message({ m, onEventChange }: { m: ChatMessage; onEventChange: (i: number, next: HealthEvent | null) => void }) {
  const lang = langAttr(m.text)
  if (m.role === 'assistant' && m.emergency && !m.streaming) {
    return (
      <li class="message emergency">
        <EmergencyCard text={m.text} lang={lang} />
      </li>
    )
  }
  return (
    <li class={`message ${m.role}`} aria-busy={m.streaming ? 'true' : undefined}>
      <div class="bubble">
        <span class="visually-hidden">{m.role === 'user' ? t('chat.you_said') : t('chat.podd_said')}</span>
        <p lang={lang} class="message-text">
          {m.text || (m.streaming ? <span class="typing">{t('chat.thinking')}</span> : '')}
        </p>
        {m.error && (
          <p class="form-error" role="alert">
            {m.error}
          </p>
        )}
      </div>
      <div class="meta">
        <span>{formatTime(m.at)}</span>
        {m.routes && m.routes.length > 0 && <span class="routes">{m.routes.map((r) => t(`route.${r}` as MessageKey)).join(' · ')}</span>}
      </div>
      {m.events && <EventChips events={m.events} onChange={onEventChange} />}
    </li>
  )
}

function ThreadList({ current, threads }: { current?: string; threads: Thread[] }) {
  if (threads.length === 0) return <p class="muted small">{t('chat.no_threads')}</p>
  return (
    <nav class="threads" aria-label={t('chat.threads')}>
      <ul>
        {threads.map((th) => (
          <li key={th.thread_id}>
            <a href={`/chat/${th.thread_id}`} aria-current={th.thread_id === current ? 'page' : undefined}>
              <span class="thread-title" lang={langAttr(th.title)}>
                {th.title}
              </span>
              <span class="muted small">{formatDateTime(th.last_message_at)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** Chat with Podd: streamed replies, what each turn logged, and earlier conversations. */
export function ChatScreen({ threadId }: { threadId?: string }) {
  useTitle(t('nav.chat'))
  const [messages, setMessages] = useState<ChatMessage[]>([])
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [announce, setAnnounce] = useState('')
  const [loadError, setLoadError] = useState('')
  const ownThread = useRef<string | undefined>(undefined)
  const controller = useRef<AbortController | null>(null)
  const composer = useRef<HTMLFormElement>(null)
  const input = useRef<HTMLTextAreaElement>(null)
  const threads = useLoad(() => api<{ threads: Thread[] }>('/threads?limit=30').then((r) => r.threads))

  // A thread opened from the list (not the one this page just started) loads its messages.
  useEffect(() => {
    // The thread this page just started already shows its messages (and its chips).
    const own = threadId !== undefined && threadId === ownThread.current
    ownThread.current = undefined
    if (own) return
    controller.current?.abort()
    setMessages([])
    setLoadError('')
    if (!threadId) return
    let live = true
    api<{ messages: ThreadMessage[] }>(`/threads/${threadId}/messages`)
      .then((r) => live && setMessages(r.messages.map((m) => ({ key: m.id, role: m.role, text: m.text, at: m.at, routes: m.routes, emergency: m.emergency }))))
      .catch((err) => live && setLoadError(err instanceof ApiError && err.status === 404 ? t('chat.thread_missing') : errorText(err)))
    return () => void (live = false)
  }, [threadId])

  useEffect(() => () => controller.current?.abort(), [])
  // The newest message stays in view just above the message box.
  // An emergency answer is shown from its top, so its call buttons are the first thing seen.
  useEffect(() => {
    const last = messages.at(-1)
    if (last?.emergency && !last.streaming) document.querySelector('.message.emergency:last-child')?.scrollIntoView({ block: 'start' })
    else if (last) composer.current?.scrollIntoView({ block: 'end' })
  }, [messages])

  const update = (key: string, change: (m: ChatMessage) => ChatMessage) =>
    setMessages((list) => list.map((m) => (m.key === key ? change(m) : m)))

  const send = async (message: string) => {
    if (!message.trim() || busy) return
    const now = new Date().toISOString()
    const replyKey = `reply-${Date.now()}`
    setMessages((list) => [...list, { key: `user-${Date.now()}`, role: 'user', text: message, at: now }, { key: replyKey, role: 'assistant', text: '', at: now, streaming: true, events: [] }])
    setText('')
    setBusy(true)
    setAnnounce('')
    const aborter = new AbortController()
    controller.current = aborter
    // Agents may answer in parallel: their words are kept apart until the final reply arrives.
    const parts = new Map<string, string>()
    try {
      const res = await request('/chat', { json: { message, ...(threadId ? { thread_id: threadId } : {}) }, accept: 'text/event-stream', signal: aborter.signal })
      for await (const frame of sse(res)) {
        const data = JSON.parse(frame.data)
        if (frame.event === 'route') update(replyKey, (m) => ({ ...m, routes: data.routes, emergency: data.emergency }))
        else if (frame.event === 'token') {
          parts.set(data.agent, (parts.get(data.agent) ?? '') + data.text)
          const streamed = [...parts.values()].join('\n\n')
          update(replyKey, (m) => ({ ...m, text: streamed }))
        } else if (frame.event === 'event') update(replyKey, (m) => ({ ...m, events: [...(m.events ?? []), data.event] }))
        else if (frame.event === 'done') {
          const result = data as TurnResult
          update(replyKey, (m) => ({ ...m, text: result.reply, routes: result.routes, emergency: result.emergency, events: result.events, streaming: false }))
          setAnnounce(result.reply)
          if (result.thread_id !== threadId) {
            ownThread.current = result.thread_id
            navigate(`/chat/${result.thread_id}`, { replace: !threadId })
          }
          void threads.reload()
        } else if (frame.event === 'error') update(replyKey, (m) => ({ ...m, streaming: false, error: data.error?.message ?? t('chat.failed') }))
      }
    } catch (err) {
      if (!aborter.signal.aborted) update(replyKey, (m) => ({ ...m, streaming: false, error: errorText(err) }))
    } finally {
      update(replyKey, (m) => (m.streaming ? { ...m, streaming: false, error: m.error ?? t('chat.failed') } : m))
      setBusy(false)
      input.current?.focus()
    }
  }

  const onEventChange = (key: string) => (i: number, next: HealthEvent | null) =>
    update(key, (m) => ({
      ...m,
      events: m.events?.map((e, j) => (j !== i ? e : next ?? { removed: 'removed' in e ? e.removed : describeEvent(e) })),
    }))

  return (
    <div class="screen chat">
      <header class="screen-head with-action">
        <h1>{t('nav.chat')}</h1>
        {threadId && (
          <a class="button secondary" href="/chat">
            <Icon name="plus" /> {t('chat.new')}
          </a>
        )}
      </header>
      <div class="chat-layout">
        <details class="threads-panel">
          <summary>{t('chat.threads')}</summary>
          {threads.data && <ThreadList current={threadId} threads={threads.data} />}
        </details>
        <section class="conversation" aria-label={t('chat.conversation')}>
          {loadError && <p class="form-error">{loadError}</p>}
          {messages.length === 0 && !loadError && (
            <div class="empty-chat">
              <p class="lead">{t('chat.intro')}</p>
              <p class="muted">{t('chat.try')}</p>
              <ul class="suggestions">
                {SUGGESTIONS.map((s) => (
                  <li key={s}>
                    <button type="button" class="button secondary" onClick={() => void send(t(s))}>
                      {t(s)}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ol class="messages">
            {messages.map((m) => (
              <Message key={m.key} m={m} onEventChange={onEventChange(m.key)} />
            ))}
          </ol>
          <p class="visually-hidden" aria-live="polite">
            {announce}
          </p>
          <form
            ref={composer}
            class="composer"
            onSubmit={(e) => {
              e.preventDefault()
              void send(text)
            }}
          >
            <label for="message">{t('field.message')}</label>
            <div class="composer-row">
              <textarea
                id="message"
                ref={input}
                rows={2}
                value={text}
                placeholder={t('chat.placeholder')}
                onInput={(e) => setText(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
                    e.preventDefault()
                    void send(text)
                  }
                }}
              />
              <button class="button primary" type="submit" disabled={busy || !text.trim()}>
                <Icon name="send" /> {t('chat.send')}
              </button>
            </div>
          </form>
        </section>
      </div>
    </div>
  )
}
