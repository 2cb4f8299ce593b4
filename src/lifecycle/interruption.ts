import * as core from '@actions/core'

/** Why the wait ended before the run did. */
export type Interruption = 'cancel' | 'timeout'

/**
 * Turns the runner's cancel signals and the `wait-timeout` into one AbortSignal that
 * every waiting call takes, and remembers which of the two came first.
 */
export class Interrupter {
  reason: Interruption | undefined
  private readonly controller = new AbortController()
  /** Aborted by a cancel only: what follows a finished run has no wait-timeout, but must end on a cancel. */
  private readonly cancelController = new AbortController()
  private timer: NodeJS.Timeout | undefined
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    if (this.reason === 'cancel') return
    this.reason = 'cancel'
    core.info(`Received ${signal}: the workflow is being cancelled.`)
    this.controller.abort()
    this.cancelController.abort()
  }

  constructor() {
    process.on('SIGINT', this.onSignal)
    process.on('SIGTERM', this.onSignal)
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  /** Aborted when the workflow is cancelled, and never by the wait-timeout. */
  get cancelSignal(): AbortSignal {
    return this.cancelController.signal
  }

  /** Interrupts the wait after `minutes`, unless a cancel came first; 0 means never. */
  timeoutAfter(minutes: number): void {
    if (minutes <= 0) return
    this.timer = setTimeout(() => {
      this.reason ??= 'timeout'
      this.controller.abort()
    }, minutes * 60_000)
  }

  dispose(): void {
    clearTimeout(this.timer)
    process.off('SIGINT', this.onSignal)
    process.off('SIGTERM', this.onSignal)
  }
}
