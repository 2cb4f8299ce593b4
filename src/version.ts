/** Sent in the User-Agent header; kept equal to package.json's version by a test. */
export const ACTION_VERSION = '1.0.0'
export const USER_AGENT = `codeocean-run-action/${ACTION_VERSION}`
