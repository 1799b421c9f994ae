import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { XmlDocument } from 'libxml2-wasm'
import type { Issue } from '../../../core/issue.ts'
import type { CdaHeaderInfo } from '../header.ts'
import { defaultCacheDir, prepareKitMirror, toUtf8Xml } from './cache.ts'
import { runSchematron } from './schematron-runner.ts'
import { loadSchematron } from './schematron-store.ts'
import { ALL_KIT_PROFILES, PROFILE_SCHEMATRONS, selectVoletSchematron, type KitProfile } from './select-schematrons.ts'
import { CDA_XSD, validateXsd } from './xsd.ts'

export { ALL_KIT_PROFILES, type KitProfile } from './select-schematrons.ts'
export { defaultCacheDir } from './cache.ts'

export interface KitOptions {
  readonly kitDir: string
  readonly cacheDir?: string
  /** Which checks to run (default: all of the kit's checks). */
  readonly profiles?: readonly KitProfile[]
}

export interface KitResult {
  readonly issues: Issue[]
  readonly xsd: boolean
  readonly schematrons: string[]
  /** Schematrons compiled by this call (cache misses). */
  readonly compiled: string[]
}

const REQUIREMENT = 'DOC-001'

/**
 * Official kit mode: the kit's XSD, then its profile schematrons and the volet schematron chosen
 * from the document's templateIds, all run by our own schematron engine on SaxonJS.
 */
export async function validateWithKit(xml: Buffer | Uint8Array | string, doc: XmlDocument, header: CdaHeaderInfo, options: KitOptions): Promise<KitResult> {
  const kitDir = resolve(options.kitDir)
  const profiles = new Set(options.profiles ?? ALL_KIT_PROFILES)
  const issues: Issue[] = []
  const xsd = profiles.has('xsd') && existsSync(join(kitDir, CDA_XSD))
  if (profiles.has('xsd') && !xsd) issues.push(kitProblem(`schéma ${CDA_XSD} absent du kit`, 'error'))
  if (xsd) issues.push(...validateXsd(kitDir, doc, REQUIREMENT))

  const wanted: string[] = []
  for (const profile of profiles) {
    if (profile === 'xsd') continue
    if (profile === 'volet') {
      const volet = selectVoletSchematron(kitDir, header.templateIds)
      if (volet) wanted.push(volet)
      continue
    }
    wanted.push(PROFILE_SCHEMATRONS[profile])
  }
  const present = wanted.filter((file) => existsSync(join(kitDir, file)))
  // Asked-for checks that cannot run must not let the document pass as valid.
  for (const missing of wanted.filter((file) => !present.includes(file))) issues.push(kitProblem(`schématron ${missing} absent du kit`, 'error'))
  const compiled: string[] = []
  if (present.length > 0) {
    const mirror = prepareKitMirror(kitDir, options.cacheDir ?? defaultCacheDir())
    const text = typeof xml === 'string' ? xml : toUtf8Xml(Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength))
    for (const file of present) {
      const schematron = await loadSchematron(kitDir, mirror, file)
      if (schematron.compiled) compiled.push(file)
      for (const note of schematron.notes) issues.push(kitProblem(`${file} : ${note}`, 'warning'))
      try {
        issues.push(...runSchematron(schematron, text, doc, REQUIREMENT))
      } catch (error) {
        // A kit that cannot run (missing value-set file...) must not pass for a valid document.
        issues.push({
          severity: 'fatal',
          code: 'exception',
          rule: 'kit/engine',
          message: `Le schématron ${file} n’a pas pu s’exécuter : ${error instanceof Error ? error.message : String(error)}`,
          location: { path: '/' },
          requirement: REQUIREMENT,
          params: { schematron: file },
        })
      }
    }
  }
  return { issues, xsd, schematrons: present, compiled }
}

function kitProblem(message: string, severity: 'warning' | 'error'): Issue {
  return { severity, code: 'not-found', rule: 'kit/material', message: `Kit CI-SIS : ${message}.`, location: { path: '/' }, requirement: REQUIREMENT }
}
