/**
 * The phases that talk to Code Ocean, in one place for main.ts to load once the
 * inputs are good: a step that stops at an input error never loads the API client,
 * axios, or anything after them.
 */
export { beforeRun } from '../prepare/before-run.js'
export { followRun } from './follow.js'
export { attachToRun } from './attach.js'
export { connect, leaveRunning, preflight, startRun } from './start.js'
