/**
 * A queue that one side pushes into and the other reads with `for await`: how tokens and
 * sentences cross from callbacks (a socket, a turn's frames) into the async iterables the
 * speech providers read.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = []
  private ended = false
  private wake: (() => void) | undefined

  push(item: T): void {
    if (this.ended) return
    this.items.push(item)
    this.notify()
  }

  /** No more items: the reader finishes once it has taken what is queued. */
  end(): void {
    this.ended = true
    this.notify()
  }

  get isEnded(): boolean {
    return this.ended
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      if (this.items.length) {
        yield this.items.shift()!
        continue
      }
      if (this.ended) return
      await new Promise<void>((resolve) => (this.wake = resolve))
    }
  }

  private notify(): void {
    const w = this.wake
    this.wake = undefined
    w?.()
  }
}
