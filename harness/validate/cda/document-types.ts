/**
 * Médico-social document models the built-in rules know (brief §2.4). Template ids, codes and
 * serviceEvent rules come from the CI-SIS volets' header schematrons (named in `basis`); they are
 * facts written here by hand, never read from a kit at run time.
 */
export type MedicoSocialKind =
  | 'dlu'
  | 'fludt'
  | 'fludr'
  | 'vsm'
  | 'ldl-ees'
  | 'ldl-ses'
  | 'ips-fr-dlu'
  | 'ldl-esms-entree'
  | 'ldl-esms-sortie'
  | 'projet-personnalise'

export interface MedicoSocialType {
  readonly kind: MedicoSocialKind
  /** French label used in messages. */
  readonly label: string
  /** Our requirement id (scenarios/requirements/doc.json). */
  readonly requirement: string
  /** Volet templateId (root, and extension when the volet fixes one); absent for N1-only types. */
  readonly templateId?: { readonly root: string; readonly extension?: string }
  /** Other templateIds the model requires (IPS-FR). */
  readonly otherTemplateIds?: readonly string[]
  readonly code: { readonly codes: readonly string[]; readonly codeSystem: string }
  readonly serviceEventCode?: string
  readonly birthTimeRequired: boolean
  readonly serviceEventEffectiveTimeRequired: boolean
  /** A nullFlavor on serviceEvent/effectiveTime (or its low) is forbidden. */
  readonly serviceEventNullFlavorForbidden: boolean
  /** participant[@typeCode='INF'] with functionCode PCP (médecin traitant) is required. */
  readonly informantPcpRequired: boolean
  /** XDS formatCode this model is usually shared with (JDV_J10); `guess` when no source maps it. */
  readonly formatCode?: { readonly code: string; readonly certainty: 'mapped' | 'guess' }
  readonly basis: string
}

const LOINC = '2.16.840.1.113883.6.1'
const TRE_A05 = '1.2.250.1.213.1.1.4.12'

export const MEDICO_SOCIAL_TYPES: readonly MedicoSocialType[] = [
  {
    kind: 'dlu',
    label: 'DLU (document de liaison d’urgence, EHPAD)',
    requirement: 'DOC-010',
    templateId: { root: '1.2.250.1.213.1.1.1.22', extension: '2022.01' },
    code: { codes: ['74207-2'], codeSystem: LOINC },
    serviceEventCode: '34117-2',
    birthTimeRequired: true,
    serviceEventEffectiveTimeRequired: true,
    serviceEventNullFlavorForbidden: true,
    informantPcpRequired: true,
    formatCode: { code: 'urn:asip:ci-sis:dlu:2015', certainty: 'guess' },
    basis: 'CI-SIS volet DLU-EHPAD-DLU_2022.01, schematron Entete_DLU-DLU.sch',
  },
  {
    kind: 'fludt',
    label: 'FLUDT (fiche de transfert EHPAD vers les urgences)',
    requirement: 'DOC-011',
    templateId: { root: '1.2.250.1.213.1.1.1.23', extension: '2022.01' },
    code: { codes: ['74207-2'], codeSystem: LOINC },
    serviceEventCode: '28651-8',
    birthTimeRequired: true,
    serviceEventEffectiveTimeRequired: true,
    serviceEventNullFlavorForbidden: true,
    informantPcpRequired: false,
    formatCode: { code: 'urn:asip:ci-sis:fludt:2017', certainty: 'guess' },
    basis: 'CI-SIS volet DLU-EHPAD-FLUDT_2022.01, schematron Entete_DLU-FLUDT.sch',
  },
  {
    kind: 'fludr',
    label: 'FLUDR (fiche de retour des urgences vers l’EHPAD)',
    requirement: 'DOC-011',
    templateId: { root: '1.2.250.1.213.1.1.1.24', extension: '2022.01' },
    code: { codes: ['74207-2'], codeSystem: LOINC },
    serviceEventCode: '28651-8',
    birthTimeRequired: true,
    serviceEventEffectiveTimeRequired: true,
    serviceEventNullFlavorForbidden: true,
    informantPcpRequired: false,
    formatCode: { code: 'urn:asip:ci-sis:fludr:2017', certainty: 'guess' },
    basis: 'CI-SIS volet DLU-EHPAD-FLUDR_2022.01, schematron Entete_DLU-FLUDR.sch',
  },
  {
    kind: 'vsm',
    label: 'VSM (volet de synthèse médicale)',
    requirement: 'DOC-012',
    templateId: { root: '1.2.250.1.213.1.1.1.13' },
    code: { codes: ['SYNTH'], codeSystem: TRE_A05 },
    serviceEventCode: '34117-2',
    birthTimeRequired: false,
    serviceEventEffectiveTimeRequired: false,
    serviceEventNullFlavorForbidden: false,
    informantPcpRequired: true,
    formatCode: { code: 'urn:asip:ci-sis:vsm:2012', certainty: 'guess' },
    basis: 'CI-SIS volet VSM 1.4 (CI-SIS_VSM_1.4_2022.01.sch) et VSM_2023.01 (Entete_VSM_2023.sch)',
  },
  {
    kind: 'ldl-ees',
    label: 'LDL-EES (lettre de liaison à l’entrée en établissement de santé)',
    requirement: 'DOC-013',
    templateId: { root: '1.2.250.1.213.1.1.1.21', extension: '2022.01' },
    code: { codes: ['18761-7'], codeSystem: LOINC },
    serviceEventCode: 'IMP',
    birthTimeRequired: true,
    serviceEventEffectiveTimeRequired: true,
    serviceEventNullFlavorForbidden: false,
    informantPcpRequired: false,
    basis: 'CI-SIS volet LDL-EES_2022.01, schematron Entete_LDL-EES.sch',
  },
  {
    kind: 'ldl-ses',
    label: 'LDL-SES (lettre de liaison à la sortie d’établissement de santé)',
    requirement: 'DOC-013',
    templateId: { root: '1.2.250.1.213.1.1.1.29', extension: '2022.01' },
    code: { codes: ['11490-0'], codeSystem: LOINC },
    birthTimeRequired: true,
    serviceEventEffectiveTimeRequired: true,
    serviceEventNullFlavorForbidden: false,
    informantPcpRequired: false,
    basis: 'CI-SIS volet LDL-SES_2022.01, schematron Entete_LDL-SES.sch',
  },
  {
    kind: 'ips-fr-dlu',
    label: 'IPS-FR au format DLU',
    requirement: 'DOC-014',
    templateId: { root: '1.2.250.1.213.1.1.1.51', extension: '2024.01' },
    otherTemplateIds: ['2.16.840.1.113883.10.22.1.1'],
    code: { codes: ['74207-2'], codeSystem: LOINC },
    birthTimeRequired: false,
    serviceEventEffectiveTimeRequired: false,
    serviceEventNullFlavorForbidden: false,
    informantPcpRequired: false,
    formatCode: { code: 'urn:asip:ci-sis:dlu:2024', certainty: 'guess' },
    basis: 'CI-SIS volet IPS-FR_2024.01, schematron Entete_IPS-FR.sch',
  },
  {
    kind: 'ldl-esms-entree',
    label: 'Lettre de liaison d’entrée en structure sociale ou médico-sociale',
    requirement: 'DOC-013',
    code: { codes: ['88348-8'], codeSystem: LOINC },
    birthTimeRequired: false,
    serviceEventEffectiveTimeRequired: false,
    serviceEventNullFlavorForbidden: false,
    informantPcpRequired: false,
    basis: 'JDV_J07_XdsTypeCode_CISIS (brief §2.4)',
  },
  {
    kind: 'ldl-esms-sortie',
    label: 'Lettre de liaison à la sortie d’une structure sociale ou médico-sociale',
    requirement: 'DOC-013',
    code: { codes: ['83981-1'], codeSystem: LOINC },
    birthTimeRequired: false,
    serviceEventEffectiveTimeRequired: false,
    serviceEventNullFlavorForbidden: false,
    informantPcpRequired: false,
    basis: 'JDV_J07_XdsTypeCode_CISIS (brief §2.4)',
  },
  {
    kind: 'projet-personnalise',
    label: 'Projet personnalisé d’accompagnement',
    requirement: 'DOC-015',
    code: { codes: ['80788-3'], codeSystem: LOINC },
    birthTimeRequired: false,
    serviceEventEffectiveTimeRequired: false,
    serviceEventNullFlavorForbidden: false,
    informantPcpRequired: false,
    basis: 'JDV_J07_XdsTypeCode_CISIS (brief §2.4)',
  },
]

export interface IdentifiedType {
  readonly type: MedicoSocialType
  /** `template`: the volet templateId is present; `code`: only the document code points to it. */
  readonly by: 'template' | 'code'
}

/**
 * Recognises the médico-social model of a document: by its volet templateId first; then, for
 * a structured document without any known volet templateId, by its code (so a DLU that lost
 * its templateId is still judged as a DLU). N1 documents carry no volet templateId.
 */
export function identifyMedicoSocialType(
  templateRoots: readonly string[],
  code: string | undefined,
  structured: boolean,
): IdentifiedType | undefined {
  const byTemplate = MEDICO_SOCIAL_TYPES.find(
    (t) => t.templateId !== undefined && templateRoots.includes(t.templateId.root) && (t.kind !== 'ips-fr-dlu' || code === '74207-2'),
  )
  if (byTemplate) return { type: byTemplate, by: 'template' }
  if (code === undefined) return undefined
  const templated = MEDICO_SOCIAL_TYPES.filter((t) => t.templateId !== undefined && t.code.codes.includes(code))
  if (structured && templated.length > 0 && !templateRoots.includes('1.2.250.1.213.1.1.1.51')) {
    return { type: templated[0] as MedicoSocialType, by: 'code' }
  }
  const untemplated = MEDICO_SOCIAL_TYPES.find((t) => t.templateId === undefined && t.code.codes.includes(code))
  return untemplated ? { type: untemplated, by: 'code' } : undefined
}

/** Every volet templateId root the built-in rules know, for messages. */
export function knownTemplatesFor(code: string): string[] {
  return MEDICO_SOCIAL_TYPES.filter((t) => t.templateId && t.code.codes.includes(code)).map((t) => t.templateId?.root as string)
}

/** The médico-social model of an already-read header (see `identifyMedicoSocialType`). */
export function medicoSocialTypeOf(header: {
  readonly templateIds: readonly { readonly root?: string }[]
  readonly typeCode?: { readonly code?: string }
  readonly body: string
}): IdentifiedType | undefined {
  return identifyMedicoSocialType(
    header.templateIds.map((t) => t.root ?? ''),
    header.typeCode?.code,
    header.body === 'structured',
  )
}
