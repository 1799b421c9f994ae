import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import type { Code, DocumentEntry, Located } from '../model.ts'
import { classCodes, confidentialityCodes, findConcept, formatCodes, HEALTHCARE_FACILITY_TYPE, practiceSettingCodes, typeCodes, type ValueSet } from '../value-sets.ts'
import { problem, type SubmissionContext } from './context.ts'

const RULE = 'xds/coded-metadata'
const REQUIREMENT = 'DMP-005'

/**
 * The coded metadata of each document are present and taken from their value sets (PDSm4DMP
 * DocumentEntry bindings): typeCode, classCode, formatCode, confidentialityCode,
 * healthcareFacilityTypeCode (1..1) and practiceSettingCode (0..1). A code outside a value set
 * the harness only partly knows is a warning, never an error.
 */
export const codedMetadataRule: ValidationRule<SubmissionContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Les métadonnées codées des fiches sont présentes et prises dans leurs jeux de valeurs',
  appliesTo: (ctx) => ctx.submission.entries.length > 0,
  check({ submission }) {
    return submission.entries.flatMap((entry) => [
      ...inValueSet(entry, entry.typeCode, 'typeCode', typeCodes, true),
      ...inValueSet(entry, entry.classCode, 'classCode', classCodes, true),
      ...inValueSet(entry, entry.formatCode, 'formatCode', formatCodes, true),
      ...confidentiality(entry),
      ...facilityType(entry),
      ...inValueSet(entry, entry.practiceSettingCode, 'practiceSettingCode', practiceSettingCodes, false),
    ])
  },
}

function inValueSet(entry: DocumentEntry, at: Located<Code | undefined> | undefined, name: string, set: ValueSet, required: boolean): Issue[] {
  const code = at?.value
  if (!code) return required ? [problem(RULE, REQUIREMENT, 'required', `${entry.label} : ${name} est absent (obligatoire)`, at ?? { path: entry.path })] : []
  if (findConcept(set, code.code)) return []
  const message = `${entry.label} : ${name} « ${code.code} » n'est pas dans ${set.id}`
  if (!set.complete) return [{ ...problem(RULE, REQUIREMENT, 'code-invalid', `${message} (partie connue du banc ; à vérifier contre le jeu de valeurs complet)`, at), severity: 'warning' }]
  return [problem(RULE, REQUIREMENT, 'code-invalid', message, at, { valueSet: set.id })]
}

function confidentiality(entry: DocumentEntry): Issue[] {
  const at = entry.confidentialityCodes
  const codes = at?.value ?? []
  if (!at || codes.length === 0) return [problem(RULE, REQUIREMENT, 'required', `${entry.label} : confidentialityCode est absent (obligatoire ; N au minimum)`, at ?? { path: entry.path })]
  const issues = codes.filter((code) => !findConcept(confidentialityCodes, code.code)).map((code) => problem(RULE, REQUIREMENT, 'code-invalid', `${entry.label} : confidentialityCode « ${code.code} » n'est pas dans ${confidentialityCodes.id}`, at))
  const levels = codes.filter((code) => ['N', 'R', 'V'].includes(code.code))
  if (levels.length !== 1) issues.push(problem(RULE, REQUIREMENT, 'invariant', `${entry.label} : un et un seul niveau de confidentialité N, R ou V est attendu (trouvé : ${levels.map((c) => c.code).join(', ') || 'aucun'})`, at))
  return issues
}

function facilityType(entry: DocumentEntry): Issue[] {
  const at = entry.healthcareFacilityTypeCode
  const code = at?.value
  if (!code) return [problem(RULE, REQUIREMENT, 'required', `${entry.label} : healthcareFacilityTypeCode est absent (obligatoire, secteur d'activité TRE_R02)`, at ?? { path: entry.path })]
  return HEALTHCARE_FACILITY_TYPE.test(code.code) ? [] : [problem(RULE, REQUIREMENT, 'code-invalid', `${entry.label} : healthcareFacilityTypeCode « ${code.code} » n'est pas un secteur d'activité TRE_R02 (SA01 à SA59, EXP_PATIENT, SNR)`, at)]
}
