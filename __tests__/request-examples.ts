import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/** A request example: the inputs a user writes and the body Code Ocean must receive. */
export interface RequestExample {
  name: string
  inputs: Record<string, string>
  golden: string
  /**
   * Also run end to end, as a representative of its kind (a pipeline's processes in both
   * forms with data assets, top-level parameters, a resumed run, a capsule's named
   * parameters): the body must reach Code Ocean byte for byte. Every example is checked
   * at unit level (run-request.test.ts).
   */
  endToEnd?: true
}

/** What must exist in Code Ocean for the example to start: its data assets, and the run it resumes from. */
export function existingFor(example: RequestExample): { dataAssets: string[]; resumeRunId?: string } {
  const ids = example.inputs['data-assets']?.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)
  return { dataAssets: ids ?? [], resumeRunId: example.inputs['resume-run-id'] }
}

export function goldenBody(example: RequestExample): unknown {
  return JSON.parse(readFileSync(join(here, 'golden', example.golden), 'utf8'))
}

const ARTS_PARAMETERS = '["75","1","HS25","SingleEnded","","","1","","","","","","","False","False"]'

export const REQUEST_EXAMPLES: RequestExample[] = [
  {
    name: 'pipeline only',
    golden: 'pipeline-only.json',
    inputs: { 'pipeline-id': '4bc97533-6eb4-48ac-966f-648548a756d2' }
  },
  {
    name: 'pipeline with data assets (JSON)',
    golden: 'pipeline-data-assets.json',
    inputs: {
      'pipeline-id': '4bc97533-6eb4-48ac-966f-648548a756d2',
      'data-assets': '[{"id": "bf8cf993-a583-495c-bebd-2f38f81d1ea1", "mount": "Alignment"}]'
    }
  },
  {
    name: 'pipeline with data assets and ordered parameters (YAML, unquoted values)',
    golden: 'pipeline-ordered-parameters.json',
    inputs: {
      'pipeline-id': 'e7a77780-b8ae-439e-89ac-fac2549da91b',
      'data-assets': '- id: eeefcc52-b445-4e3c-80c5-0e65526cd712\n  mount: Reference\n',
      processes:
        '- name: capsule_art_simulation_illumina_1\n' +
        '  parameters: [75, 1, HS25, SingleEnded, "", "", 1, "", "", "", "", "", "", False, False]\n'
    }
  },
  {
    name: 'pipeline with named parameters (YAML map)',
    golden: 'pipeline-named-parameters.json',
    inputs: {
      'pipeline-id': '4c4cd610-83bf-4a9b-9dfb-3faf6c29d11b',
      'data-assets': '[{"id": "eeefcc52-b445-4e3c-80c5-0e65526cd712", "mount": "Reference"}]',
      processes: '- name: capsule_np_create_folders_test_1\n  named_parameters: {NumFiles: 10}\n'
    }
  },
  {
    name: 'pipeline with ordered and named parameters (the API list form, JSON)',
    endToEnd: true,
    golden: 'pipeline-ordered-and-named.json',
    inputs: {
      'pipeline-id': 'cd4ef788-b404-4406-8bda-76b5e41a7b8d',
      'data-assets': '[{"id": "eeefcc52-b445-4e3c-80c5-0e65526cd712", "mount": "Reference"}]',
      processes: JSON.stringify([
        { name: 'capsule_np_create_files_test_3', named_parameters: [{ param_name: 'NumFiles', value: '10' }] },
        { name: 'capsule_art_simulation_illumina_1', parameters: JSON.parse(ARTS_PARAMETERS) as unknown }
      ])
    }
  },
  {
    name: 'a pipeline version',
    golden: 'pipeline-version.json',
    inputs: { 'pipeline-id': '4bc97533-6eb4-48ac-966f-648548a756d2', version: '1' }
  },
  {
    name: 'pipeline with top-level named parameters (nf-core style, no processes)',
    endToEnd: true,
    golden: 'pipeline-top-level-named-parameters.json',
    inputs: {
      'pipeline-id': '2c8a3f5e-7d41-4b6a-9e0f-3a5b7c9d1e2f',
      'nextflow-profile': 'docker',
      'named-parameters': 'input: samplesheet.csv\ngenome: GRCh38\nskip_qc: false\n'
    }
  },
  {
    name: 'pipeline with top-level ordered parameters next to processes',
    golden: 'pipeline-processes-and-top-level.json',
    inputs: {
      'pipeline-id': '4bc97533-6eb4-48ac-966f-648548a756d2',
      parameters: '[GRCh38, ""]',
      processes: '- name: capsule_art_simulation_illumina_1\n  parameters: [75, HS25]\n'
    }
  },
  {
    name: 'a resumed pipeline run',
    endToEnd: true,
    golden: 'pipeline-resumed-run.json',
    inputs: {
      'pipeline-id': '4bc97533-6eb4-48ac-966f-648548a756d2',
      'resume-run-id': '9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60',
      processes: '- name: capsule_np_create_folders_test_1\n  named_parameters: {NumFiles: 10}\n'
    }
  },
  {
    name: 'capsule with ordered parameters (YAML list, values as written)',
    golden: 'capsule-parameters.json',
    inputs: {
      'capsule-id': '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      parameters: '- 75\n- 0075\n- False\n- ""\n- HS25\n'
    }
  },
  {
    name: 'capsule with named parameters (YAML map)',
    endToEnd: true,
    golden: 'capsule-named-parameters.json',
    inputs: {
      'capsule-id': '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      'named-parameters': 'NumFiles: 10\nVerbose: False\n'
    }
  },
  {
    name: 'capsule with data assets, one without a mount',
    golden: 'capsule-data-assets.json',
    inputs: {
      'capsule-id': '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      'data-assets':
        '- {id: bf8cf993-a583-495c-bebd-2f38f81d1ea1, mount: Alignment}\n- id: eeefcc52-b445-4e3c-80c5-0e65526cd712\n'
    }
  }
]
