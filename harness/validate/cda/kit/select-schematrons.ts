import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { InstanceIdentifier } from '../header.ts'

/** The profile schematrons the ANS kit runs on every document (brief §3.4). */
export const PROFILE_SCHEMATRONS = {
  ihe: 'schematrons/profils/IHE.sch',
  'structuration-minimale': 'schematrons/profils/structurationMinimale/ASIP-STRUCT-MIN-StrucMin.sch',
  'modeles-contenus': 'schematrons/profils/CI-SIS_ModelesDeContenusCDA.sch',
  'modeles-ans': 'schematrons/profils/CI-SIS_Modeles_ANS.sch',
} as const

export type KitProfile = keyof typeof PROFILE_SCHEMATRONS | 'volet' | 'xsd'

export const ALL_KIT_PROFILES: readonly KitProfile[] = ['xsd', 'volet', 'structuration-minimale', 'ihe', 'modeles-contenus', 'modeles-ans']

const STRUCTURATION_MINIMALE = '1.2.250.1.213.1.1.1.1'

interface VoletEntry {
  readonly file: string
  /** e.g. `2022.01`, from `CI-SIS_<volet>_<version>.sch`. */
  readonly version: string
}

const indexes = new Map<string, Map<string, VoletEntry[]>>()

/**
 * Index of the kit's volet schematrons by the CI-SIS document templateIds (1.2.250.1.213.1.1.1.*)
 * their header ("Entete") rules require; read once per kit.
 */
function voletIndex(kitDir: string): Map<string, VoletEntry[]> {
  const known = indexes.get(kitDir)
  if (known) return known
  const index = new Map<string, VoletEntry[]>()
  const dir = join(kitDir, 'schematrons')
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const match = /^CI-SIS_(.+)_(\d{4}\.\d{2})\.sch$/.exec(name)
    if (!match) continue
    const main = join(dir, name)
    const text = readFileSync(main, 'utf8')
    const headerFiles = [...text.matchAll(/href="([^"]*Entete[^"]*\.sch)"/g)].map((m) => resolve(dirname(main), m[1] as string))
    const roots = new Set<string>()
    for (const file of [main, ...headerFiles]) {
      if (!existsSync(file)) continue
      for (const m of readFileSync(file, 'utf8').matchAll(/templateId\[@root\s*=\s*'(1\.2\.250\.1\.213\.1\.1\.1\.\d+)'\]/g)) {
        // 1.2.250.1.213.1.1.1.1 is the structuration minimale every document declares.
        if (m[1] !== STRUCTURATION_MINIMALE) roots.add(m[1] as string)
      }
    }
    for (const root of roots) {
      const entries = index.get(root) ?? []
      entries.push({ file: `schematrons/${name}`, version: match[2] as string })
      index.set(root, entries)
    }
  }
  indexes.set(kitDir, index)
  return index
}

/**
 * Volet schematrons of the médico-social models (issue 3 scope), by volet templateId: explicit,
 * because their header rules do not all repeat the volet templateId (LDL) and VSM 1.4 and
 * VSM 2023.01 share it.
 */
const MEDICO_SOCIAL_VOLETS: readonly { readonly root: string; readonly extension?: string; readonly file: string }[] = [
  { root: '1.2.250.1.213.1.1.1.22', file: 'schematrons/CI-SIS_DLU-EHPAD-DLU_2022.01.sch' },
  { root: '1.2.250.1.213.1.1.1.23', file: 'schematrons/CI-SIS_DLU-EHPAD-FLUDT_2022.01.sch' },
  { root: '1.2.250.1.213.1.1.1.24', file: 'schematrons/CI-SIS_DLU-EHPAD-FLUDR_2022.01.sch' },
  { root: '1.2.250.1.213.1.1.1.13', extension: '2023.01', file: 'schematrons/CI-SIS_VSM_2023.01.sch' },
  { root: '1.2.250.1.213.1.1.1.13', file: 'schematrons/CI-SIS_VSM_1.4_2022.01.sch' },
  { root: '1.2.250.1.213.1.1.1.21', file: 'schematrons/CI-SIS_LDL-EES_2022.01.sch' },
  { root: '1.2.250.1.213.1.1.1.29', file: 'schematrons/CI-SIS_LDL-SES_2022.01.sch' },
  { root: '1.2.250.1.213.1.1.1.51', file: 'schematrons/CI-SIS_IPS-FR_2024.01.sch' },
]

/** The médico-social volet schematrons (compiled ahead of a campaign in kit mode). */
export const MEDICO_SOCIAL_VOLET_FILES: readonly string[] = [...new Set(MEDICO_SOCIAL_VOLETS.map((volet) => volet.file))]

/**
 * The volet schematron of a document. Médico-social models come from the table above; other
 * models from the kit's index: the volet whose header rules name the most of the document's
 * CI-SIS templateIds, then the version equal to the templateId extension, else the most recent.
 * Undefined for N1 documents and unknown models.
 */
export function selectVoletSchematron(kitDir: string, templateIds: readonly InstanceIdentifier[]): string | undefined {
  for (const template of templateIds) {
    const known = MEDICO_SOCIAL_VOLETS.find((v) => v.root === template.root && (v.extension === undefined || v.extension === template.extension))
    if (known && existsSync(join(kitDir, known.file))) return known.file
  }
  const index = voletIndex(kitDir)
  const scores = new Map<string, { entry: VoletEntry; score: number; sameVersion: boolean }>()
  for (const template of templateIds) {
    for (const entry of (template.root !== undefined ? index.get(template.root) : undefined) ?? []) {
      const current = scores.get(entry.file) ?? { entry, score: 0, sameVersion: false }
      current.score++
      current.sameVersion ||= entry.version === template.extension
      scores.set(entry.file, current)
    }
  }
  const ranked = [...scores.values()].sort(
    (a, b) => b.score - a.score || Number(b.sameVersion) - Number(a.sameVersion) || b.entry.version.localeCompare(a.entry.version),
  )
  return ranked[0]?.entry.file
}
