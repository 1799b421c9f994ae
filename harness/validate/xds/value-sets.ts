import { readFileSync } from 'node:fs'
import { findConcept, typeCodes, type ValueSet } from '../cda/value-sets.ts'

export { findConcept, typeCodes, type ValueSet }

function load(file: string): ValueSet {
  return JSON.parse(readFileSync(new URL(`./value-sets/${file}`, import.meta.url), 'utf8')) as ValueSet
}

export const classCodes = load('class-code.json')
export const formatCodes = load('format-code.json')
export const confidentialityCodes = load('confidentiality-code.json')
export const practiceSettingCodes = load('practice-setting-code.json')

/** TRE_R02 secteur d'activité: SA01…SA59, plus EXP_PATIENT and SNR (brief §4.2). */
export const HEALTHCARE_FACILITY_TYPE = /^(SA[0-5][0-9]|EXP_PATIENT|SNR)$/
