/**
 * App panels as Code Ocean sends them (the SDK's AppPanel), for the pre-flight tests:
 * a capsule with typed, ranged, patterned and listed parameters, and a pipeline whose
 * processes each declare their own (one of them as a single object, the shape the SDK
 * types it as). __tests__/sim/sdk-models.test.ts checks each against the SDK's model.
 */
export const CAPSULE_PANEL = {
  general: { title: 'Read simulation' },
  data_assets: [
    {
      id: 'bf8cf993-a583-495c-bebd-2f38f81d1ea1',
      mount: 'Reference',
      name: 'GRCh38',
      kind: 'internal',
      accessible: true
    },
    {
      id: 'eeefcc52-b445-4e3c-80c5-0e65526cd712',
      mount: 'Private',
      name: 'Cohort',
      kind: 'internal',
      accessible: false
    }
  ],
  parameters: [
    {
      name: 'Read length',
      type: 'text',
      param_name: 'ReadLength',
      value_type: 'integer',
      minimum: 50,
      maximum: 300,
      default_value: '100'
    },
    {
      name: 'Mode',
      type: 'list',
      param_name: 'Mode',
      value_type: 'string',
      value_options: ['fast', 'exact'],
      default_value: 'fast'
    },
    { name: 'Sample', type: 'text', param_name: 'Sample', value_type: 'string', pattern: 'S[0-9]{3}', required: true }
  ]
}

export const PIPELINE_PANEL = {
  processes: [
    {
      name: 'capsule_art_simulation_illumina_1',
      parameters: [
        { name: 'Length', type: 'text', param_name: 'Length', value_type: 'integer', minimum: 25, maximum: 250 },
        { name: 'Platform', type: 'list', param_name: 'Platform', value_options: ['HS25', 'MSv3'] }
      ]
    },
    {
      name: 'capsule_np_create_folders_test_1',
      parameters: { name: 'Number of files', type: 'text', param_name: 'NumFiles', value_type: 'integer', minimum: 1 }
    }
  ]
}

/** A panel that declares one parameter none of the tests' requests name. */
export const UNRELATED_PANEL = { parameters: [{ name: 'Other', type: 'text', param_name: 'Other' }] }
