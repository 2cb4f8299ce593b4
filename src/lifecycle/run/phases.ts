/**
 * The phases that talk to Code Ocean, in one place for main.ts to load once the
 * inputs are good: a step that stops at an input error never loads the API client,
 * axios, or anything after them. It is the main bundle's one split: the others a
 * measurement could not tell from noise went (see CONTRIBUTING.md, "Start-up").
 */
export { preflight } from '../prepare/preflight.js'
export { prepareRun } from '../prepare/prepare.js'
export { attachToRun } from './attach.js'
export { openCheckRun } from './check-open.js'
export { followRun } from './follow.js'
export { connect, leaveRunning, startRun } from './start.js'
