import type { Logger } from './logger.js'

/**
 * Work that runs now and then every interval (unref'd, so it never keeps the process alive),
 * one round at a time: a round still running when the next is due is not doubled. A failed
 * round is logged; the next one tries again.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout
  private running?: Promise<void>

  constructor(
    private readonly round: () => Promise<unknown>,
    private readonly logger: Logger,
    private readonly failure: string,
  ) {}

  /** Runs a round now (catching up what was missed while down) and then every `intervalMs`. */
  start(intervalMs: number): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.runOnce(), intervalMs)
    this.timer.unref()
    void this.runOnce()
  }

  /** Stops the timer and waits for a round in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.running
  }

  /** One round, unless one is still running. */
  runOnce(): Promise<void> {
    this.running ??= this.round()
      .then(() => undefined)
      .catch((err) => this.logger.error({ err }, this.failure))
      .finally(() => (this.running = undefined))
    return this.running
  }
}
