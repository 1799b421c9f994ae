import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Repository root, from this file's location. */
export const repoRoot = resolve(fileURLToPath(new URL('../../', import.meta.url)))
/** The shared ANS kit used as test material (never copied into the repository). */
export const kitDir = resolve(repoRoot, '../shared/ans-kit')
/** Where the tests keep the kit's compiled schematrons: only a machine's first run pays for them. */
export const kitTestCacheDir = process.env['DUI_HARNESS_TEST_KIT_CACHE'] ?? join(tmpdir(), 'dui-harness-test-cache')
export const kitAvailable = existsSync(resolve(kitDir, 'ExemplesCDA'))
if (!kitAvailable) console.warn(`[dui-harness tests] kit CI-SIS absent (${kitDir}) : les tests sur le kit sont ignorés`)

/** Kit examples of the médico-social scope of issue 3, with the model each must be recognised as. */
export const MEDICO_SOCIAL_EXAMPLES: readonly (readonly [string, string | undefined])[] = [
  ['DOC_NON_STRUCTURE_CDA-R2-N1.xml', undefined],
  ['DLU-EHPAD-DLU_2022.01.xml', 'dlu'],
  ['DLU-EHPAD-FLUDT_2022.01.xml', 'fludt'],
  ['DLU-EHPAD-FLUDR_2022.01.xml', 'fludr'],
  ['VSM_1.4_2022.01.xml', 'vsm'],
  ['LDL-EES_2022.01.xml', 'ldl-ees'],
  ['LDL-SES_2022.01.xml', 'ldl-ses'],
  ['IPS-FR_2024.01_DLU.xml', 'ips-fr-dlu'],
]
