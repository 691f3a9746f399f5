import workletUrl from './capture-worklet.js?url'

export const SPEECH_RATE = 16000

/**
 * The microphone while the talk button is down: 16 kHz s16le PCM frames and a loudness level
 * (0–1) for the meter. Opened per utterance, so the browser's "recording" sign is on only then.
 */
export class Microphone {
  private constructor(
    private readonly stream: MediaStream,
    private readonly context: AudioContext,
    private readonly node: AudioWorkletNode,
  ) {}

  static async open(onPcm: (pcm: ArrayBuffer) => void, onLevel: (level: number) => void): Promise<Microphone> {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    })
    const context = new AudioContext()
    try {
      await context.audioWorklet.addModule(workletUrl)
      const node = new AudioWorkletNode(context, 'podd-capture')
      node.port.onmessage = (e: MessageEvent<{ pcm: ArrayBuffer; level: number }>) => {
        onPcm(e.data.pcm)
        onLevel(Math.min(1, e.data.level * 4))
      }
      context.createMediaStreamSource(stream).connect(node)
      return new Microphone(stream, context, node)
    } catch (err) {
      for (const track of stream.getTracks()) track.stop()
      await context.close()
      throw err
    }
  }

  /** Sends what is left, then lets go of the microphone. */
  async close(): Promise<void> {
    this.node.port.postMessage('flush')
    // The flushed frame arrives on the next message-loop turn.
    await new Promise((r) => setTimeout(r, 50))
    for (const track of this.stream.getTracks()) track.stop()
    this.node.disconnect()
    await this.context.close()
  }
}
