import { readFileSync } from 'node:fs'

/**
 * Peak resident memory (VmHWM, Linux) of a process, sampled every 20 ms until it exits:
 * start it from the harness's `onSpawn`, call the returned function after the run.
 * VmHWM is the kernel's own high-water mark, so a short spike between samples counts too.
 * With `killAbove`, a process whose memory grows past it is killed at once, so a test of
 * a memory bound that regresses fails quickly instead of taking the machine's memory.
 */
export function watchPeakMemory(pid: number, killAbove?: number): () => number {
  let peakKiB = 0
  const read = (): void => {
    try {
      const kib = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
      peakKiB = Math.max(peakKiB, kib)
      if (killAbove !== undefined && peakKiB * 1024 > killAbove) process.kill(pid, 'SIGKILL')
    } catch {
      // The process has exited; the last sample stands.
    }
  }
  const timer = setInterval(read, 20)
  read()
  return () => {
    clearInterval(timer)
    return peakKiB * 1024
  }
}
