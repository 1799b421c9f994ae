import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import MailComposer from 'nodemailer/lib/mail-composer/index.js'
import { describe, expect, it } from 'vitest'
import { DocumentStore } from '../../../../examples/reference-dui/documents.ts'
import { INSTALLATION_OID } from '../../../../examples/reference-dui/establishment.ts'
import { documentMessage } from '../../../../examples/reference-dui/mssante-message.ts'
import type { Usager } from '../../../../examples/reference-dui/usagers.ts'
import { buildXdm } from '../../../../examples/reference-dui/xdm.ts'
import { validateMessage } from '../../../../harness/validate/mime/index.ts'
import { validateXdm } from '../../../../harness/validate/xdm/index.ts'
import { validateSubmission } from '../../../../harness/validate/xds/index.ts'
import { localPatientId } from '../../../../harness/validate/xds/rules/patient-id.ts'
import { socialDocumentType } from '../../../../scenarios/fixtures/document-types.ts'

// Usagers whose INS was only retrieved (RECUP): the reference DUI designates them by their IPP (CX.5 PI). Test INS only.
const gaelle: Usager = { localId: 'USG-LOC-01', status: 'RECUP', ins: { value: '293026912345735', oid: '1.2.250.1.213.1.4.10' }, birthFamilyName: 'LOCAL-UN', firstBirthGivenName: 'GAELLE', birthGivenNames: 'GAELLE', sex: 'F', birthDate: '1993-02-14', birthPlaceCode: '75112' }
const hugo: Usager = { ...gaelle, localId: 'USG-LOC-02', ins: { value: '185037511234594', oid: '1.2.250.1.213.1.4.10' }, birthFamilyName: 'LOCAL-DEUX', firstBirthGivenName: 'HUGO', birthGivenNames: 'HUGO', sex: 'M' }

const documentFor = (usager: Usager) => new DocumentStore().produceN1(usager, 'Synthèse de l\'accompagnement', socialDocumentType)
const blockingRules = (issues: readonly { rule: string; severity: string }[]) => [...new Set(issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => i.rule))]

/** The archive with its METADATA.XML rewritten by `edit`. */
function withMetadata(zip: Buffer, edit: (metadata: string) => string): Buffer {
  const files = unzipSync(new Uint8Array(zip))
  const path = 'IHE_XDM/SUBSET01/METADATA.XML'
  files[path] = strToU8(edit(strFromU8(files[path]!)))
  return Buffer.from(zipSync(files))
}

describe('IHE_XDM patient designated by the sender\'s local identifier (identity not qualified)', () => {
  it('accepts the IPP (CX.5 PI) the CDA header carries, and reports it apart from INS', async () => {
    const result = await validateXdm(buildXdm([documentFor(gaelle)], gaelle))
    expect(blockingRules(result.issues).filter((rule) => rule.startsWith('xdm/') || rule.startsWith('xds/'))).toEqual([])
    expect(result.patients).toEqual([])
    expect(result.localPatients).toEqual([`${INSTALLATION_OID}|${gaelle.localId}`])
  })

  it('keeps the DMP rule: the same metadata fed to the DMP is refused for want of an INS (DMP-002)', async () => {
    const result = await validateXdm(buildXdm([documentFor(gaelle)], gaelle))
    const dmp = validateSubmission(result.metadata!.submission).filter((issue) => issue.rule === 'xds/patient-id-ins')
    expect(dmp.length).toBeGreaterThan(0)
    expect(dmp.every((issue) => issue.requirement === 'DMP-002' && issue.severity === 'error')).toBe(true)
    expect(dmp[0]!.message).toMatch(/ne désigne pas le patient par son INS/)
  })

  it('reports a local identifier the CDA header does not carry (xdm/metadata-vs-cda, MSS-007)', async () => {
    const result = await validateXdm(buildXdm([documentFor(hugo)], gaelle))
    const found = result.issues.find((issue) => issue.rule === 'xdm/metadata-vs-cda')
    expect(found).toMatchObject({ severity: 'error', requirement: 'MSS-007' })
    expect(found?.message).toMatch(new RegExp(`identifiant local ${gaelle.localId} .* que l'en-tête du document CDA ne porte pas`))
  })

  it('refuses CX.5 PI under an INS authority: an INS is designated with NH (MSS-007)', async () => {
    expect(localPatientId(`${gaelle.ins!.value}^^^&1.2.250.1.213.1.4.10&ISO^PI`)).toBeUndefined()
    expect(localPatientId(`${gaelle.localId}^^^&${INSTALLATION_OID}&ISO^PI`)).toEqual({ value: gaelle.localId, oid: INSTALLATION_OID })
    const zip = withMetadata(buildXdm([documentFor(gaelle)], gaelle), (metadata) => metadata.replaceAll(`${gaelle.localId}^^^&amp;${INSTALLATION_OID}`, `${gaelle.ins!.value}^^^&amp;1.2.250.1.213.1.4.10`))
    const result = await validateXdm(zip)
    const found = result.issues.find((issue) => issue.rule === 'xds/patient-id-ins')
    expect(found).toMatchObject({ severity: 'error', requirement: 'MSS-007', params: { sharedRequirement: 'DMP-002' } })
    expect(found?.message).toMatch(/&ISO\^PI/)
    expect(result.localPatients).toEqual([])
  })

  it('reports a message whose archives designate two patients by local identifiers (MSS-001)', async () => {
    const mail = documentMessage('dui@dui-harness.test-ci-sis.mssante.fr', 'coordination.test@ch-fictif.test-ci-sis.mssante.fr', [documentFor(gaelle)], gaelle, {})
    const attachments = [...(mail.attachments ?? []), { filename: 'IHE_XDM.zip', content: buildXdm([documentFor(hugo)], hugo), contentType: 'application/zip' }]
    const raw = await new Promise<Buffer>((resolve, reject) => new MailComposer({ ...mail, attachments }).compile().build((error, message) => (error ? reject(error) : resolve(message))))
    const result = await validateMessage(raw)
    expect(result.localPatients).toEqual([gaelle.localId, hugo.localId])
    expect(result.issues.find((issue) => issue.rule === 'mime/single-patient')?.message).toMatch(/2 patients \(identifiants locaux/)
  })
})
