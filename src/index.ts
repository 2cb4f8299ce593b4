import { isMainThread } from 'node:worker_threads'

// This bundle is also the code of the download worker (src/results/transfer-worker.ts):
// started in a worker thread, it serves transfers and loads nothing of the step.
if (isMainThread) {
  const [core, { errorMessage }, { run }, { redactRegistered }, { useTransferWorker }] = await Promise.all([
    import('@actions/core'),
    import('./errors.js'),
    import('./main.js'),
    import('./redact.js'),
    import('./results/worker-entry.js')
  ])
  // Anything that escapes run() must not print a whole error object (an HTTP error's
  // config holds the credentials): only its message, with secrets scrubbed.
  const lastResort = (error: unknown): void => {
    core.setFailed(redactRegistered(`Unexpected error: ${errorMessage(error)}`))
    process.exit(1)
  }
  process.on('uncaughtException', lastResort)
  process.on('unhandledRejection', lastResort)
  useTransferWorker(new URL(import.meta.url))
  // The main step. The post step has an entry point of its own (src/post.ts,
  // `runs.post` in action.yml), so nothing printed can turn one into the other.
  await run()
} else {
  const { serveTransfers } = await import('./results/transfer-worker.js')
  serveTransfers()
}
