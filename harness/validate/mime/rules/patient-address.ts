import type { Issue } from '../../../core/issue.ts'
import { insFormatProblem } from '../../identity/ins.ts'
import type { ValidationRule } from '../../rule.ts'
import { header } from '../mime-tree.ts'
import { addresses, mimeIssue, PATIENT_DOMAIN, type MimeContext } from '../context.ts'

const RULE = 'mime/patient-address'

/**
 * ECO.2.2.6 [S]: a patient address `<INS>@patient.mssante.fr` is built only from a qualified INS:
 * a well-formed matricule, the one the documents designate (not a local identifier standing for
 * an unqualified INS), of an identity the DUI qualified.
 */
export const patientAddressRule: ValidationRule<MimeContext> = {
  id: RULE,
  requirements: ['MSS-005'],
  description: 'Une adresse patient <INS>@patient.mssante.fr est construite à partir d\'un INS qualifié, celui des documents',
  appliesTo: () => true,
  check(ctx) {
    const issues: Issue[] = []
    const recipients = new Set([...(ctx.options.envelope?.to ?? []).map((a) => a.toLowerCase()), ...['To', 'Cc', 'Bcc'].flatMap((name) => addresses(header(ctx.root, name)))])
    const designated = new Set(ctx.xdm.flatMap((xdm) => xdm.patients.map((p) => p.split('|')[1])))
    const onlyLocal = designated.size === 0 && ctx.xdm.some((xdm) => xdm.localPatients.length > 0)
    for (const address of recipients) {
      const [local = '', domain] = address.split('@')
      if (domain !== PATIENT_DOMAIN) continue
      const format = insFormatProblem(local.toUpperCase())
      if (format) issues.push(mimeIssue(RULE, 'MSS-005', 'value', `adresse patient ${address} : ${format}`))
      else if (designated.size > 0 && !designated.has(local.toUpperCase())) issues.push(mimeIssue(RULE, 'MSS-005', 'invariant', `adresse patient ${address} : l'INS ne correspond pas au patient des documents (${[...designated].join(', ')})`))
      // An IPP in METADATA.XML says the DUI holds no qualified INS for the patient: no patient address either.
      if (onlyLocal) issues.push(mimeIssue(RULE, 'MSS-005', 'invariant', `adresse patient ${address} utilisée alors que l'archive IHE_XDM ne désigne le patient que par un identifiant local, sans INS qualifié`))
      if (ctx.options.identityStatus && ctx.options.identityStatus !== 'QUAL') {
        issues.push(mimeIssue(RULE, 'MSS-005', 'security', `adresse patient ${address} utilisée alors que l'identité de l'usager n'est pas qualifiée (statut ${ctx.options.identityStatus})`))
      }
    }
    return issues
  },
}
