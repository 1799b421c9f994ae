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
  address: { street: '1 rue des Tilleuls', postalCode: '51100', city: 'REIMS' },
} as const

export const professional = {
  /** Identifiant national PS (8 + RPPS), test range. */
  idNat: '899700000017',
  family: 'MARTIN',
  given: 'Claire',
  /** Profession (TRE_G15): infirmier. */
  profession: { code: 'G15_60', display: 'Infirmier' },
} as const

/** OID of national PS ids, national structure ids, secteur d'activité, cadre d'exercice. */
export const OID = {
  psIdNat: '1.2.250.1.71.4.2.1',
  structureIdNat: '1.2.250.1.71.4.2.2',
  activitySector: '1.2.250.1.71.4.2.4',
  practiceSetting: '1.2.250.1.213.1.1.4.9',
  profession: '1.2.250.1.213.1.1.4.5',
} as const
