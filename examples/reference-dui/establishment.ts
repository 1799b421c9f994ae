/**
 * The fictitious ESSMS this reference DUI is installed in, and its professional user.
 * Test data only: the FINESS uses department 99 (none exists), the RPPS the 8997 test range.
 */
export const establishment = {
  name: 'EHPAD Résidence des Tilleuls (établissement fictif de test)',
  /** FINESS géographique. */
  finess: '990000018',
  /** National structure id (IDNST) = 1 + FINESS. */
  idNat: '1990000018',
  /** Secteur d'activité (TRE_R02): SA17 établissement pour personnes âgées. */
  activitySector: { code: 'SA17', display: 'Etablissement pour personnes âgées' },
  /** Cadre d'exercice (TRE_A01). */
  practiceSetting: { code: 'ESSMS', display: 'Etablissement ou service social ou médico-social' },
  address: { houseNumber: '1', streetName: 'rue des Tilleuls', postalCode: '51100', city: 'REIMS' },
  phone: '0326990000',
} as const

/** Root OID of this installation's local identifiers (IPP): a fixed 2.25 UUID-based OID. */
export const INSTALLATION_OID = '2.25.299792458314159265358979323846264338327'

export const professional = {
  /** Identifiant national PS (8 + RPPS), test range. */
  idNat: '899700000017',
  family: 'MARTIN',
  given: 'Claire',
  /** Profession (TRE_G15): infirmier. */
  profession: { code: 'G15_60', display: 'Infirmier' },
} as const

/** The médecin coordonnateur, who signs the medical documents (DLU, VSM, synthesis). Test RPPS. */
export const coordinatingPhysician = {
  idNat: '899700000021',
  family: 'BERNARD',
  given: 'Louis',
  /** Profession/spécialité (TRE_G15): médecin qualifié en médecine générale. */
  profession: { code: 'G15_10/SM26', display: 'Médecin - Qualifié en Médecine Générale (SM)' },
} as const

/** The médecin traitant of the residents (a local general practitioner). Test RPPS. */
export const attendingPhysician = {
  idNat: '899700000039',
  family: 'LEROY',
  given: 'Anne',
  address: { houseNumber: '5', streetName: 'place Drouet d\'Erlon', postalCode: '51100', city: 'REIMS' },
  phone: '0326000000',
} as const

/** The hospital the residents are sent to in an emergency (établissement de santé de préférence). */
export const referenceHospital = {
  name: 'Centre hospitalier de test (établissement fictif)',
  /** National structure id (1 + FINESS, department 99). */
  idNat: '1990000028',
  /** Secteur d'activité (TRE_R02): SA01 établissement public de santé. */
  activitySector: { code: 'SA01', display: 'Etablissement public de santé' },
  address: { houseNumber: '45', streetName: 'rue Cognacq-Jay', postalCode: '51100', city: 'REIMS' },
  phone: '0326780000',
} as const

/** OID of national PS ids, national structure ids, secteur d'activité, cadre d'exercice. */
export const OID = {
  psIdNat: '1.2.250.1.71.4.2.1',
  structureIdNat: '1.2.250.1.71.4.2.2',
  activitySector: '1.2.250.1.71.4.2.4',
  practiceSetting: '1.2.250.1.213.1.1.4.9',
  profession: '1.2.250.1.213.1.1.4.5',
} as const
