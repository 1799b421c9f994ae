import type { InsiCode } from '../../harness/validate/identity/index.ts'
import type { StrictTraits } from '../../harness/validate/identity/index.ts'

/** OID the CNAM test platform answers with: production NIR, even for test identities (brief §7). */
export const INSI_NIR_OID = '1.2.250.1.213.1.4.8'

/** One row of the simulator's table: the search traits, and what the INSi answers. */
export interface InsiTestIdentity {
  /** Search key: NomNaissance, Prenom, Sexe, DateNaissance. */
  readonly search: { readonly birthFamilyName: string; readonly firstGivenName: string; readonly sex: 'F' | 'M'; readonly birthDate: string }
  readonly code: InsiCode
  /** For CR 00: the active INS and the qualifying traits (TIQ). */
  readonly found?: { readonly ins: { readonly value: string; readonly oid: string }; readonly traits: StrictTraits }
  /** Where the row comes from. */
  readonly origin: string
}

/**
 * Test identities (brief §7). ADRTROIS DOMINIQUE is a CNAM test-platform identity with its
 * published NIR; the other rows are fictitious, their matricules computed by the harness with a
 * valid key. Unknown traits get CR 01, as on the real service.
 */
export const INSI_TEST_IDENTITIES: readonly InsiTestIdentity[] = [
  {
    search: { birthFamilyName: 'ADRTROIS', firstGivenName: 'DOMINIQUE', sex: 'F', birthDate: '1997-02-26' },
    code: '00',
    found: {
      ins: { value: '297022A02077878', oid: INSI_NIR_OID },
      traits: { birthFamilyName: 'ADRTROIS', firstBirthGivenName: 'DOMINIQUE', birthGivenNames: 'DOMINIQUE', sex: 'F', birthDate: '1997-02-26', birthPlaceCode: '2A020' },
    },
    origin: 'plateforme de test CNAM (NIR publié, TLSI fixtures)',
  },
  {
    search: { birthFamilyName: 'ADRUN', firstGivenName: 'ZOE', sex: 'F', birthDate: '1975-12-31' },
    code: '00',
    found: {
      ins: { value: '275126322002126', oid: INSI_NIR_OID },
      traits: { birthFamilyName: 'ADRUN', firstBirthGivenName: 'ZOE', birthGivenNames: 'ZOE MARIE', sex: 'F', birthDate: '1975-12-31', birthPlaceCode: '63220' },
    },
    origin: 'identité de test CNAM, matricule fictif calculé par le banc',
  },
  {
    search: { birthFamilyName: 'SANSINS', firstGivenName: 'PAUL', sex: 'M', birthDate: '1962-04-15' },
    code: '01',
    origin: 'fictive : aucune identité (CR 01)',
  },
  {
    search: { birthFamilyName: 'HOMONYME', firstGivenName: 'CAMILLE', sex: 'F', birthDate: '1988-08-08' },
    code: '02',
    origin: 'fictive : plusieurs identités (CR 02)',
  },
]
