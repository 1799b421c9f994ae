import { MAILBOX_MSS_EXTENSION } from '../../harness/validate/identity/index.ts'

/**
 * Directory entries the Annuaire Santé simulator serves (fictitious; shapes of the Annuaire IG:
 * MSSanté mailboxes as telecom emails with the `as-ext-mailbox-mss-metadata` extension, next to
 * ordinary emails that are not MSSanté).
 */
const IDNPS = 'urn:oid:1.2.250.1.71.4.2.1'
const IDNST = 'urn:oid:1.2.250.1.71.4.2.2'
const TYPE_BAL = 'https://mos.esante.gouv.fr/NOS/TRE_R257-TypeBAL/FHIR/TRE-R257-TypeBAL'

function mailbox(address: string, type: 'PER' | 'ORG'): fhir4.ContactPoint {
  return {
    system: 'email',
    value: address,
    extension: [
      {
        url: MAILBOX_MSS_EXTENSION,
        extension: [
          { url: 'type', valueCodeableConcept: { coding: [{ system: TYPE_BAL, code: type }] } },
          { url: 'digitization', valueBoolean: true },
          { url: 'listeRouge', valueBoolean: false },
        ],
      },
    ],
  } as fhir4.ContactPoint
}

export const ANNUAIRE_PRACTITIONERS: readonly fhir4.Practitioner[] = [
  {
    resourceType: 'Practitioner',
    id: 'ann-pr-durand',
    identifier: [{ system: IDNPS, value: '899700000025' }],
    active: true,
    name: [{ family: 'DURAND', given: ['Sophie'], prefix: ['DR'] }],
    // An ordinary email first: a DUI must not take it for the MSSanté address.
    telecom: [{ system: 'email', value: 'sophie.durand@exemple.fr' }, mailbox('sophie.durand@test.mssante.fr', 'PER')],
    qualification: [{ code: { coding: [{ system: 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante', code: '10', display: 'Médecin' }] } }],
  },
  {
    resourceType: 'Practitioner',
    id: 'ann-pr-petit',
    identifier: [{ system: IDNPS, value: '899700000033' }],
    active: true,
    name: [{ family: 'PETIT', given: ['Louis'] }],
    telecom: [mailbox('louis.petit@test.mssante.fr', 'PER')],
  },
]

export const ANNUAIRE_ORGANIZATIONS: readonly fhir4.Organization[] = [
  {
    resourceType: 'Organization',
    id: 'ann-org-cabinet',
    identifier: [{ system: IDNST, value: '1990000042' }],
    active: true,
    name: 'Cabinet médical des Tilleuls (fictif)',
    telecom: [mailbox('secretariat.cabinet-tilleuls@test.mssante.fr', 'ORG')],
  },
]

export const ANNUAIRE_PRACTITIONER_ROLES: readonly fhir4.PractitionerRole[] = [
  {
    resourceType: 'PractitionerRole',
    id: 'ann-role-durand-cabinet',
    active: true,
    practitioner: { reference: 'Practitioner/ann-pr-durand' },
    organization: { reference: 'Organization/ann-org-cabinet' },
    code: [{ coding: [{ system: 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante', code: '10', display: 'Médecin' }] }],
  },
]
