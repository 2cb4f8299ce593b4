import { State } from './names.js'

// The post step's own entry point (`runs.post` in action.yml): a bundle of its own, so
// whether it runs as the post step is decided by action.yml, never by state.

// Nearly always there is nothing to do: the main step settled its run. That is read
// from the state as @actions/core's getState reads it (the runner passes each state
// value as STATE_<name>), so this common case ends before the rest of the bundle loads.
if (process.env[`STATE_${State.Watching}`] === 'true') {
  const [core, { errorMessage }, { post }, { redactRegistered }] = await Promise.all([
    import('@actions/core'),
    import('./errors.js'),
    import('./lifecycle/run/post-step.js'),
    import('./redact.js')
  ])
  // The job's outcome is decided by now: an error nobody anticipated is a warning, and
  // only its message is shown, with secrets scrubbed.
  const lastResort = (error: unknown): void => {
    core.warning(redactRegistered(`Unexpected error in the post step: ${errorMessage(error)}`))
    process.exit(0)
  }
  process.on('uncaughtException', lastResort)
  process.on('unhandledRejection', lastResort)
  await post()
}
