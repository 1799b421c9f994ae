/**
 * Test professionals the Pro Santé Connect simulator authenticates, with the userinfo claims of
 * brief §8 ([S]: shape of a sandbox sample; values fictitious). National ids of RPPS
 * professionals use the 8997 test range; the médico-social professional has no RPPS and a
 * national id of the form the sandbox gives test accounts (`ANS…`).
 */
export interface PscProfessional {
  /** SubjectNameID / preferred_username: the national id (idNat). */
  readonly nationalId: string
  readonly familyName: string
  readonly givenName: string
  /** `SubjectRefPro.exercices[].codeProfession` (TRE_G15) and its label. */
  readonly profession: { readonly code: string; readonly display: string }
  /** RPPS professionals have exercices in the RPPS; médico-social ones may not. */
  readonly rpps: boolean
  readonly organization: { readonly name: string; readonly finess: string }
}

export const PSC_TEST_PROFESSIONALS = {
  /** The ESSMS nurse, RPPS. */
  nurse: {
    nationalId: '899700000017',
    familyName: 'MARTIN',
    givenName: 'Claire',
    profession: { code: '60', display: 'Infirmier' },
    rpps: true,
    organization: { name: 'EHPAD Résidence des Tilleuls (établissement fictif de test)', finess: '990000018' },
  },
  /** A médico-social professional without RPPS (éducateur spécialisé). */
  educator: {
    nationalId: 'ANS20260101090000',
    familyName: 'BERNARD',
    givenName: 'Hugo',
    profession: { code: 'EDUC_SPE', display: 'Educateur spécialisé (profil médico-social hors RPPS, fictif)' },
    rpps: false,
    organization: { name: 'IME Les Peupliers (établissement fictif de test)', finess: '990000034' },
  },
} as const satisfies Record<string, PscProfessional>

/** The userinfo claims PSC returns for a professional (brief §8). `sub` is `f:<uuid>:<idNat>`. */
export function userinfoClaims(professional: PscProfessional, sub: string): Record<string, unknown> {
  return {
    sub,
    preferred_username: professional.nationalId,
    SubjectNameID: professional.nationalId,
    given_name: professional.givenName,
    family_name: professional.familyName,
    codeCivilite: 'M',
    SubjectRole: [`${professional.profession.code}^1.2.250.1.213.1.1.5.5`],
    SubjectOrganization: professional.organization.name,
    SubjectOrganizationID: `1${professional.organization.finess}`,
    Secteur_Activite: 'SA07^1.2.250.1.71.4.2.4',
    Palier_Authentification: 'APPPRIP3^1.2.250.1.213.1.5.1.1.1',
    otherIds: professional.rpps ? [{ identifiant: professional.nationalId.slice(1), origine: 'RPPS', qualite: 1 }] : [],
    SubjectRefPro: {
      codeCivilite: 'M',
      exercices: [
        {
          codeProfession: professional.profession.code,
          codeCategorieProfessionnelle: 'C',
          nomDexercice: professional.familyName,
          prenomDexercice: professional.givenName,
          activities: [{ codeModeExercice: 'S', numeroFinessSite: professional.organization.finess, raisonSocialeSite: professional.organization.name }],
        },
      ],
    },
  }
}
