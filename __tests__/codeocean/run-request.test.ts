import { describe, expect, it } from '@jest/globals'
import { getSettings, type Settings } from '../../src/inputs/settings.js'
import { buildRunRequest } from '../../src/codeocean/models/run-request.js'
import { REQUEST_EXAMPLES, goldenBody } from '../request-examples.js'

const BASE = { domain: 'codeocean.example.com' }

async function bodyFor(inputs: Record<string, string>): Promise<unknown> {
  const all: Record<string, string> = { ...BASE, ...inputs }
  const settings = getSettings('cop_test_token', (name) => all[name] ?? '', {}) as Settings
  return buildRunRequest(settings.run)
}

describe('request bodies', () => {
  it.each(REQUEST_EXAMPLES.map((e) => [e.name, e] as const))('%s', async (_name, example) => {
    expect(await bodyFor(example.inputs)).toStrictEqual(goldenBody(example))
  })

  it('leaves every unset input out of the body instead of sending null', async () => {
    const body = await bodyFor({ 'pipeline-id': '4bc97533-6eb4-48ac-966f-648548a756d2', processes: '[]' })
    expect(JSON.stringify(body)).toBe('{"pipeline_id":"4bc97533-6eb4-48ac-966f-648548a756d2"}')
  })

  it('sends parameter values spelled exactly as written', async () => {
    // A bare null or ~ is refused (see bad-inputs.ts): quoted, it is sent as the text.
    const body = await bodyFor({
      'capsule-id': '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      parameters: '[False, 0075, 10, 1.50, true, "null", "", 1e3, "x y"]'
    })
    expect(body).toMatchObject({ parameters: ['False', '0075', '10', '1.50', 'true', 'null', '', '1e3', 'x y'] })
  })

  it('reads named parameters given as the API list, keeping their order', async () => {
    const body = await bodyFor({
      'capsule-id': '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      'named-parameters': '- {param_name: b, value: 2}\n- {param_name: a, value: 0010}\n'
    })
    expect(body).toMatchObject({
      named_parameters: [
        { param_name: 'b', value: '2' },
        { param_name: 'a', value: '0010' }
      ]
    })
  })

  it('passes the Nextflow profile of a pipeline run', async () => {
    const body = await bodyFor({ 'pipeline-id': '4bc97533-6eb4-48ac-966f-648548a756d2', 'nextflow-profile': 'docker' })
    expect(body).toStrictEqual({ pipeline_id: '4bc97533-6eb4-48ac-966f-648548a756d2', nextflow_profile: 'docker' })
  })
})
