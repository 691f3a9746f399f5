/*
 * Runs on the audio thread: turns the microphone into 16 kHz s16le mono PCM, the format the
 * voice socket takes, in 100 ms frames. Averaging each output sample's input span is a crude
 * low-pass that keeps speech clear when the device runs at 44.1 or 48 kHz.
 */
const OUT_RATE = 16000
const FRAME = 1600

class PoddCapture extends AudioWorkletProcessor {
  constructor() {
    super()
    this.ratio = sampleRate / OUT_RATE
    this.pos = 0
    this.sum = 0
    this.count = 0
    this.frame = new Int16Array(FRAME)
    this.length = 0
    this.energy = 0
    this.port.onmessage = (e) => {
      if (e.data === 'flush') this.flush()
    }
  }

  flush() {
    if (this.length === 0) return
    const out = this.frame.slice(0, this.length)
    const level = Math.sqrt(this.energy / this.length)
    this.port.postMessage({ pcm: out.buffer, level }, [out.buffer])
    this.length = 0
    this.energy = 0
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0]
    if (!channel) return true
    for (let i = 0; i < channel.length; i++) {
      this.sum += channel[i]
      this.count++
      this.pos += 1
      if (this.pos < this.ratio) continue
      this.pos -= this.ratio
      const v = Math.max(-1, Math.min(1, this.sum / this.count))
      this.sum = 0
      this.count = 0
      this.frame[this.length++] = v < 0 ? v * 0x8000 : v * 0x7fff
      this.energy += v * v
      if (this.length === FRAME) this.flush()
    }
    return true
  }
}

registerProcessor('podd-capture', PoddCapture)
