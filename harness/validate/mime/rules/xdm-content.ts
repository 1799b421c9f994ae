import type { ValidationRule } from '../../rule.ts'
import type { MimeContext } from '../context.ts'

/** The IHE_XDM archive's own findings (zip safety, layout, METADATA.XML, CDA), located in the message. */
export const xdmContentRule: ValidationRule<MimeContext> = {
  id: 'mime/xdm-content',
  requirements: ['MSS-006', 'MSS-007'],
  description: 'L\'archive IHE_XDM jointe est lisible sans risque, bien structurée et cohérente avec ses documents CDA',
  appliesTo: (ctx) => ctx.xdm.length > 0,
  check: (ctx) => ctx.xdm.flatMap((xdm) => xdm.issues.map((issue) => ({ ...issue, location: { path: `IHE_XDM.zip!${issue.location?.path ?? '/'}` } }))),
}
