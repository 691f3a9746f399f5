/**
 * Plays the spoken reply as it arrives: s16le PCM chunks scheduled back to back on one
 * AudioContext. `stop()` silences it at once (barge-in).
 */
export class PcmPlayer {
  private context: AudioContext | null = null
  private sources = new Set<AudioBufferSourceNode>()
  private nextAt = 0
  private rate = 16000
  private finished = false
  onIdle: () => void = () => {}

  get playing(): boolean {
    return this.sources.size > 0 || (this.context !== null && !this.finished)
  }

  begin(sampleRate: number): void {
    this.context ??= new AudioContext()
    void this.context.resume()
    this.rate = sampleRate
    this.finished = false
    this.nextAt = Math.max(this.nextAt, this.context.currentTime + 0.05)
  }

  push(chunk: ArrayBuffer): void {
    if (!this.context) return
    const pcm = new Int16Array(chunk)
    if (pcm.length === 0) return
    const buffer = this.context.createBuffer(1, pcm.length, this.rate)
    const data = buffer.getChannelData(0)
    for (let i = 0; i < pcm.length; i++) data[i] = pcm[i]! / 0x8000
    const source = this.context.createBufferSource()
    source.buffer = buffer
    source.connect(this.context.destination)
    const at = Math.max(this.nextAt, this.context.currentTime + 0.02)
    source.start(at)
    this.nextAt = at + buffer.duration
    this.sources.add(source)
    source.onended = () => {
      this.sources.delete(source)
      if (this.finished && this.sources.size === 0) this.onIdle()
    }
  }

  /** No more audio for this reply: idle once what is queued has played. */
  end(): void {
    this.finished = true
    if (this.sources.size === 0) this.onIdle()
  }

  stop(): void {
    this.finished = true
    for (const source of this.sources) {
      source.onended = null
      source.stop()
    }
    this.sources.clear()
    this.nextAt = 0
    this.onIdle()
  }

  async close(): Promise<void> {
    this.stop()
    await this.context?.close()
    this.context = null
  }
}
