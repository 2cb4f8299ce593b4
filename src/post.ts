import { State } from './names.js'

// The post step's own entry point (`runs.post` in action.yml): a bundle of its own, so
// whether it runs as the post step is decided by action.yml, never by state.

// Nearly always there is nothing to do: the main step settled its run. That is read
// from the state as @actions/core's getState reads it (the runner passes each state
// value as STATE_<name>), so this common case ends before the rest of the bundle
// (@actions/core, the API client) loads: the one split the bundle keeps for the post step.
// A check run the main step left in progress (`check-run`) is the other thing to do.
if (process.env[`STATE_${State.Watching}`] === 'true' || process.env[`STATE_${State.CheckRunId}`]) {
  const { post, lastResortInPost } = await import('./lifecycle/run/post-step.js')
  process.on('uncaughtException', lastResortInPost)
  process.on('unhandledRejection', lastResortInPost)
  await post()
}
