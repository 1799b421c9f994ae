import type { Coded } from './cda/clinical-document.ts'

const CIM10 = '2.16.840.1.113883.6.3'
const CIM11 = '2.16.840.1.113883.6.347'
const SNOMED = '2.16.840.1.113883.6.96'
const CIS = '1.2.250.1.213.2.3.1'
const CCAM = '1.2.250.1.215.300.1'
const EMDN = '1.2.250.1.213.2.68'

export interface Condition {
  readonly code: Coded
  /** YYYY-MM-DD */
  readonly since: string
}

export interface Allergy {
  /** Kind of allergy (SNOMED CT). */
  readonly kind: Coded
  readonly agent: Coded
  readonly since: string
}

export interface Treatment {
  /** The medicinal product (CIS code of the ANSM database). */
  readonly product: Coded
  /** Brand name as prescribed. */
  readonly name: string
  /** Tablets per intake. */
  readonly unitsPerIntake: number
  readonly intakesPerDay: number
  readonly since: string
}

/** Something observed about the resident, from the CI-SIS value sets (état psychique, déplacements…). */
export interface Finding {
  readonly code: Coded
  readonly present: boolean
}

/**
 * The care record (dossier de soins) the DUI keeps for a resident: what its structured documents
 * report. The reference DUI has no care screens, so every usager gets this fictitious record.
 */
export interface CareRecord {
  readonly activeProblems: readonly Condition[]
  readonly pastIllnesses: readonly Condition[]
  readonly surgeries: readonly Condition[]
  readonly allergies: readonly Allergy[]
  readonly treatments: readonly Treatment[]
  readonly vitalSigns: { readonly pulse: number; readonly temperature: number; readonly weight: number; readonly systolic: number; readonly diastolic: number }
  readonly findings: readonly Finding[]
  /** Prothèses et objets personnels (JDV_ProtheseObjetPersonnel_CISIS). */
  readonly belongings: readonly Coded[]
  /** Medical devices the resident uses (EMDN category), since when. */
  readonly devices: readonly Condition[]
  readonly advanceDirectives: boolean
  readonly palliativeCare: boolean
  /** Carries a multi-resistant bacterium (BMR). */
  readonly multiResistantBacteria: boolean
}

export function fictitiousCareRecord(): CareRecord {
  return {
    activeProblems: [
      { code: { code: 'I10', displayName: 'Hypertension essentielle (primitive)', codeSystem: CIM10 }, since: '2015-03-10' },
      { code: { code: 'J41.0', displayName: 'Bronchite chronique simple', codeSystem: CIM10 }, since: '2020-01-15' },
    ],
    pastIllnesses: [{ code: { code: 'I21', displayName: 'Infarctus aigu du myocarde', codeSystem: CIM10 }, since: '2018-08-11' }],
    surgeries: [{ code: { code: 'DDAF004', displayName: 'Dilatation intraluminale de 2 vaisseaux coronaires avec pose d\'endoprothèse, par voie artérielle transcutanée', codeSystem: CCAM }, since: '2018-08-12' }],
    allergies: [
      {
        kind: { code: '416098002', displayName: 'allergie médicamenteuse', codeSystem: SNOMED },
        agent: { code: 'XM5DJ7', displayName: 'Paracétamol', codeSystem: CIM11 },
        since: '2014-01-07',
      },
    ],
    treatments: [{ product: { code: '63564053', displayName: 'PLAVIX 75 mg, comprimé pelliculé', codeSystem: CIS }, name: 'PLAVIX 75 mg', unitsPerIntake: 1, intakesPerDay: 1, since: '2018-08-14' }],
    vitalSigns: { pulse: 76, temperature: 37.1, weight: 62, systolic: 135, diastolic: 80 },
    findings: [
      { code: { code: '288575003', displayName: 'capable de communiquer', codeSystem: SNOMED }, present: true },
      { code: { code: '62476001', displayName: 'désorienté(e)', codeSystem: SNOMED }, present: true },
      { code: { code: '15188001', displayName: 'perte auditive', codeSystem: SNOMED }, present: true },
      { code: { code: '161898004', displayName: 'chutes', codeSystem: SNOMED }, present: true },
      { code: { code: '285304000', displayName: 'à risque d\'escarre', codeSystem: SNOMED }, present: false },
    ],
    belongings: [
      { code: 'Q021003', displayName: 'LUNETTES PRÊTES À PORTER (OU LUNETTES MONTÉES)', codeSystem: EMDN },
      { code: 'Y2145', displayName: 'DISPOSITIFS ACCOUSTIQUES D\'AIDE À L\'AUDITION', codeSystem: EMDN },
    ],
    devices: [{ code: { code: 'Y2145', displayName: 'DISPOSITIFS ACCOUSTIQUES D\'AIDE À L\'AUDITION', codeSystem: EMDN }, since: '2019-05-02' }],
    advanceDirectives: true,
    palliativeCare: false,
    multiResistantBacteria: false,
  }
}
