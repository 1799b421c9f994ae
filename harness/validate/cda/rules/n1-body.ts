import { attr, defineCdaRule, first } from '../context.ts'
import { findConcept, n1MediaTypes } from '../value-sets.ts'

/** Base64 as XDS-SD carries it: line breaks and blanks allowed between groups. */
function decodeBase64Strict(text: string): Buffer | undefined {
  const compact = text.replace(/\s+/g, '')
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined
  return Buffer.from(compact, 'base64')
}

export const n1Body = defineCdaRule({
  id: 'cda/n1-body',
  requirements: ['DOC-006'],
  description: 'Corps non structuré : nonXMLBody/text avec un @mediaType de la table ASS_A12, @representation="B64", contenu base64 décodable ; un PDF commence par %PDF.',
  appliesTo: (ctx) => ctx.header.body === 'non-xml',
  check(ctx, report) {
    const body = first(ctx, 'cda:component/cda:nonXMLBody')
    const text = body && first(ctx, 'cda:text', body)
    if (!text) {
      report({ code: 'required', message: 'nonXMLBody/text (contenu du document non structuré) est obligatoire.', at: body })
      return
    }
    const mediaType = attr(text, 'mediaType')
    if (!findConcept(n1MediaTypes, mediaType)) {
      report({
        code: 'code-invalid',
        message: `nonXMLBody/text/@mediaType doit être l’un de ${n1MediaTypes.concepts.map((c) => c.code).join(', ')} (trouvé « ${mediaType ?? ''} »).`,
        at: text,
        params: { mediaType, allowed: n1MediaTypes.concepts.map((c) => c.code) },
      })
    }
    const representation = attr(text, 'representation')
    if (representation !== 'B64') {
      report({ code: 'value', message: `nonXMLBody/text/@representation doit valoir « B64 » (trouvé « ${representation ?? ''} »).`, at: text, params: { expected: 'B64', actual: representation } })
      return
    }
    const bytes = decodeBase64Strict(text.content)
    if (!bytes || bytes.length === 0) {
      report({ code: 'invalid', message: 'Le contenu de nonXMLBody/text n’est pas un base64 valide et non vide.', at: text })
      return
    }
    if (mediaType === 'application/pdf' && bytes.subarray(0, 4).toString('latin1') !== '%PDF') {
      report({ code: 'invalid', message: 'Le contenu décodé de nonXMLBody/text n’est pas un PDF : il ne commence pas par « %PDF ».', at: text, params: { firstBytes: bytes.subarray(0, 8).toString('hex') } })
    }
  },
})
