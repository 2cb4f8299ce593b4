/** Bad inputs, each with the words its error must contain: the input, the problem, the right form. */
export interface BadInput {
  name: string
  inputs: Record<string, string>
  /** Each must appear in the error message. */
  expect: (string | RegExp)[]
  /**
   * Also run end to end, as a representative of its kind (conflicting inputs, an id, a
   * structured input that does not parse or holds an unknown key, a switch, the domain,
   * the token). Every entry is checked at unit level (inputs.test.ts); what only the
   * whole step shows (exit status, nothing sent, every output set) is the same for all.
   */
  endToEnd?: true
}

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
const CAPSULE = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b'

export const BAD_INPUTS: BadInput[] = [
  {
    name: 'both ids',
    endToEnd: true,
    inputs: { 'pipeline-id': PIPELINE, 'capsule-id': CAPSULE },
    expect: ["'pipeline-id' and 'capsule-id'", 'both are set', 'exactly one', 'Example: pipeline-id: ']
  },
  {
    name: 'neither id',
    inputs: {},
    expect: ["'pipeline-id' or 'capsule-id'", 'neither is set', 'Example: pipeline-id: ']
  },
  {
    name: 'an id that is not a Code Ocean id',
    endToEnd: true,
    inputs: { 'capsule-id': 'my-capsule' },
    expect: ["Input 'capsule-id'", '"my-capsule" is not a Code Ocean id', 'Example: capsule-id: 4bc97533']
  },
  {
    name: 'a version that is not a positive integer',
    inputs: { 'pipeline-id': PIPELINE, version: '1.5' },
    expect: ["Input 'version'", '"1.5" is not a release version', 'positive whole number', 'Example: version: 2']
  },
  {
    name: 'a version written as a tag',
    inputs: { 'pipeline-id': PIPELINE, version: 'v3' },
    expect: [
      `Input 'version': "v3" is not a release version; it must be a positive whole number. Did you mean 3?`,
      'Example: version: 3'
    ]
  },
  {
    name: 'version zero',
    inputs: { 'pipeline-id': PIPELINE, version: '0' },
    expect: ["Input 'version'", '"0" is not a release version']
  },
  {
    name: 'malformed JSON',
    inputs: { 'pipeline-id': PIPELINE, 'data-assets': '[{"id": "bf8cf993-a583-495c-bebd-2f38f81d1ea1", "mount": "A"]' },
    expect: ["Input 'data-assets'", 'is not valid JSON or YAML at line 1, column', 'Example: data-assets: ']
  },
  {
    name: 'malformed YAML',
    endToEnd: true,
    inputs: { 'pipeline-id': PIPELINE, processes: '- name: a\n  parameters: [1, 2\n- name: b\n' },
    expect: ["Input 'processes'", /is not valid JSON or YAML at line \d+, column \d+/, 'Example: processes: ']
  },
  {
    name: 'a data asset without id',
    inputs: { 'pipeline-id': PIPELINE, 'data-assets': '[{"mount": "Reference"}]' },
    expect: ["Input 'data-assets'", "item 1 has no 'id'", 'Example: data-assets: ']
  },
  {
    name: 'a data asset id that is not a Code Ocean id',
    inputs: { 'pipeline-id': PIPELINE, 'data-assets': '- id: reference-genome\n' },
    expect: ["Input 'data-assets'", '"reference-genome" is not a Code Ocean id']
  },
  {
    name: 'a process without name',
    inputs: { 'pipeline-id': PIPELINE, processes: '- parameters: [1]\n' },
    expect: ["Input 'processes'", "item 1 has no 'name'", 'main.nf', 'Example: processes: ']
  },
  {
    name: 'a parameter value that is an object',
    inputs: { 'capsule-id': CAPSULE, 'named-parameters': 'NumFiles: {count: 10}\n' },
    expect: [
      "Input 'named-parameters'",
      "named parameter 'NumFiles' is a map",
      'single value',
      'Example: named-parameters: '
    ]
  },
  {
    name: 'a parameter value that is a list',
    inputs: { 'capsule-id': CAPSULE, parameters: '[1, [2, 3]]' },
    expect: ["Input 'parameters'", 'parameter 2 is a list', 'single value', 'Example: parameters: ']
  },
  {
    name: 'an unknown key (suggesting the likely one)',
    endToEnd: true,
    inputs: { 'pipeline-id': PIPELINE, processes: '- name: a\n  named_parameter: {NumFiles: 10}\n' },
    expect: ["Input 'processes'", "unknown key 'named_parameter'", "did you mean 'named_parameters'?"]
  },
  {
    name: 'an unknown data-asset key',
    inputs: {
      'pipeline-id': PIPELINE,
      'data-assets': '[{"id": "bf8cf993-a583-495c-bebd-2f38f81d1ea1", "mountpoint": "A"}]'
    },
    expect: ["Input 'data-assets'", "unknown key 'mountpoint'", "did you mean 'mount'?"]
  },
  {
    name: 'a missing domain',
    inputs: { 'pipeline-id': PIPELINE, domain: '' },
    expect: [
      "Input 'domain'",
      'is not set (nor is the environment variable CODEOCEAN_DOMAIN)',
      'create the repository variable CODEOCEAN_DOMAIN in Settings › Secrets and variables › Actions › Variables',
      'Example: domain: ${{ vars.CODEOCEAN_DOMAIN }}'
    ]
  },
  {
    name: 'plain http to a remote host',
    inputs: { 'pipeline-id': PIPELINE, domain: 'http://codeocean.example.com' },
    expect: ["Input 'domain'", 'clear text', 'Example: domain: https://codeocean.example.com']
  },
  {
    name: 'a domain with user-info',
    inputs: { 'pipeline-id': PIPELINE, domain: 'https://me:pw@codeocean.example.com' },
    expect: ["Input 'domain'", 'must not contain a user name or password']
  },
  {
    name: 'a domain with a query',
    inputs: { 'pipeline-id': PIPELINE, domain: 'codeocean.example.com/?x=1' },
    expect: ["Input 'domain'", 'query string']
  },
  {
    name: 'a domain with a fragment',
    inputs: { 'pipeline-id': PIPELINE, domain: 'codeocean.example.com#top' },
    expect: ["Input 'domain'", 'fragment']
  },
  {
    name: 'a missing token',
    endToEnd: true,
    inputs: { 'pipeline-id': PIPELINE, secret: '' },
    expect: [
      "Input 'secret'",
      'is not set',
      'CODEOCEAN_API_TOKEN',
      'Example: secret: ${{ secrets.CODEOCEAN_API_TOKEN }}'
    ]
  },
  {
    name: 'sync-git with a release version',
    inputs: { 'pipeline-id': PIPELINE, version: '2', 'sync-git': 'true' },
    expect: ["'sync-git' and 'version'", 'both are set', 'release version never changes', 'Example: sync-git: true']
  },
  {
    name: 'sync-git that is not a boolean',
    inputs: { 'capsule-id': CAPSULE, 'sync-git': 'yes' },
    expect: ["Input 'sync-git'", '"yes" is not true or false']
  },
  {
    name: 'resume-run-id together with resume-on-rerun',
    inputs: {
      'pipeline-id': PIPELINE,
      'resume-run-id': '9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60',
      'resume-on-rerun': 'true'
    },
    expect: ["'resume-run-id' and 'resume-on-rerun'", 'both are set', 'not both', 'Example: resume-on-rerun: true']
  },
  {
    name: 'a resume-run-id that is not a Code Ocean id',
    inputs: { 'pipeline-id': PIPELINE, 'resume-run-id': 'last-run' },
    expect: ["Input 'resume-run-id'", '"last-run" is not a Code Ocean id', 'Example: resume-run-id: ']
  },
  {
    name: 'processes for a capsule',
    inputs: { 'capsule-id': CAPSULE, processes: '- name: a\n' },
    expect: ["Input 'processes'", 'is for pipeline runs']
  },
  {
    name: 'a poll interval under 5 seconds',
    inputs: { 'pipeline-id': PIPELINE, 'poll-interval': '2' },
    expect: ["Input 'poll-interval'", 'at least 5 seconds', 'Example: poll-interval: 30']
  },
  {
    name: 'a poll interval longer than a timer can wait',
    inputs: { 'pipeline-id': PIPELINE, 'poll-interval': '2147484' },
    expect: [
      "Input 'poll-interval'",
      '2147484 seconds is longer than the action can wait',
      'at most 2147483 seconds',
      'Example: poll-interval: 30'
    ]
  },
  {
    name: 'a wait-timeout longer than a timer can wait',
    endToEnd: true,
    inputs: { 'pipeline-id': PIPELINE, 'wait-timeout': '40000', 'stop-on-timeout': 'true' },
    expect: [
      "Input 'wait-timeout'",
      '40000 minutes is longer than the action can wait',
      'at most 35791 minutes (about 25 days)',
      '0 for no limit',
      'Example: wait-timeout: 90'
    ]
  },
  {
    name: 'a wait-timeout that is not a number of minutes',
    inputs: { 'pipeline-id': PIPELINE, 'wait-timeout': '1h' },
    expect: ["Input 'wait-timeout'", '"1h" is not a number of minutes', 'Example: wait-timeout: 90']
  },
  {
    name: 'a results-timeout that is not a number of minutes',
    inputs: { 'pipeline-id': PIPELINE, 'results-timeout': '1h' },
    expect: ["Input 'results-timeout'", '"1h" is not a number of minutes', 'Example: results-timeout: 60']
  },
  {
    name: "a results-timeout longer than Node's timers can hold",
    inputs: { 'pipeline-id': PIPELINE, 'results-timeout': '35792' },
    expect: [
      "Input 'results-timeout'",
      '35792 minutes is longer than the action can wait',
      'at most 35791 minutes (about 25 days)',
      '0 for no limit',
      'Example: results-timeout: 60'
    ]
  },
  {
    name: 'a wait that is not a boolean',
    endToEnd: true,
    inputs: { 'pipeline-id': PIPELINE, wait: 'yes please' },
    expect: ["Input 'wait'", 'is not true or false', "Example: wait: 'false'"]
  },
  {
    name: 'a check-run that is not a boolean',
    inputs: { 'pipeline-id': PIPELINE, 'check-run': 'yes' },
    expect: ["Input 'check-run'", '"yes" is not true or false']
  },
  {
    name: 'a check-run without a GitHub token',
    inputs: { 'pipeline-id': PIPELINE, 'check-run': 'true', 'github-token': '' },
    expect: ["Input 'github-token'", 'check-run needs a token that may write check runs', 'checks: write']
  },
  {
    name: 'YAML indented with a tab',
    inputs: { 'pipeline-id': PIPELINE, processes: '- name: a\n\tparameters: [1]\n' },
    expect: [
      "Input 'processes'",
      'line 2 is indented with a tab',
      'YAML does not allow tabs for indentation',
      'Example: processes: |'
    ]
  },
  {
    name: 'a YAML input gets its example in YAML',
    inputs: { 'pipeline-id': PIPELINE, 'data-assets': '- mount: Reference\n' },
    expect: ["Input 'data-assets'", "item 1 has no 'id'", /Example: data-assets: \|\n\s+- id: bf8cf993/]
  },
  {
    name: 'an unquoted ~ as a parameter value',
    inputs: { 'capsule-id': CAPSULE, parameters: '["75", ~]' },
    expect: [
      "Input 'parameters'",
      'parameter 2 is an unquoted ~',
      "quote it ('~')",
      "write ''",
      'Example: parameters: '
    ]
  },
  {
    name: 'an unquoted null as a named parameter value',
    inputs: { 'capsule-id': CAPSULE, 'named-parameters': 'Mode: null\n' },
    expect: ["Input 'named-parameters'", "named parameter 'Mode' is an unquoted null", "write ''"]
  },
  {
    name: 'a JSON null as a process parameter',
    inputs: { 'pipeline-id': PIPELINE, processes: '[{"name": "a", "parameters": ["1", null]}]' },
    expect: ["Input 'processes'", "process 'a': parameter 2 is an unquoted null"]
  },
  {
    name: 'a domain with one slash after the scheme',
    inputs: { 'pipeline-id': PIPELINE, domain: 'https:/codeocean.example.com' },
    expect: ["Input 'domain'", 'malformed scheme', 'Example: domain: https://codeocean.example.com']
  },
  {
    name: "a capsule page's address pasted as domain",
    endToEnd: true,
    inputs: { 'pipeline-id': PIPELINE, domain: 'https://codeocean.example.com/capsule/1234567/tree' },
    expect: ["Input 'domain'", 'the address of a page in Code Ocean', 'Example: domain: https://codeocean.example.com']
  },
  {
    name: "a pipeline page's address pasted as domain",
    inputs: { 'pipeline-id': PIPELINE, domain: 'codeocean.example.com/pipeline/4bc97533-6eb4-48ac-966f-648548a756d2' },
    expect: ["Input 'domain'", 'the address of a page in Code Ocean', 'Example: domain: https://codeocean.example.com']
  },
  {
    name: "a data asset page's address pasted as domain",
    inputs: {
      'pipeline-id': PIPELINE,
      domain: 'https://co.example.com/prefix/data-assets/bf8cf993-a583-495c-bebd-2f38f81d1ea1'
    },
    expect: ["Input 'domain'", 'the address of a page in Code Ocean', 'Example: domain: https://co.example.com/prefix']
  }
]
