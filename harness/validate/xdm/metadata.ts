import { XmlElement } from 'libxml2-wasm'
import type { Issue } from '../../core/issue.ts'
import { NS } from '../xds/ebrim-constants.ts'
import { slot, submissionFromEbrim } from '../xds/from-ebrim.ts'
import type { Submission } from '../xds/index.ts'
import { parseXmlSafely } from '../xml/index.ts'

export interface XdmMetadata {
  readonly submission: Submission
  /** Per document entry (same order), the `URI` slot: the file name next to METADATA.XML. */
  readonly uris: readonly (string | undefined)[]
}

/**
 * Reads METADATA.XML (ebRIM 3.0 SubmitObjectsRequest) with the same ebRIM adapter as ITI-41, so
 * the XDM is judged by the same DocumentEntry rules as the DMP side. `documents` resolves each
 * entry's `URI` slot to the bytes found in the archive.
 */
export function readXdmMetadata(xml: Buffer, documents: (uri: string) => Buffer | undefined, path: string): { metadata?: XdmMetadata; issues: Issue[] } {
  const parsed = parseXmlSafely(xml, { requirement: 'MSS-006', name: path })
  if (!parsed.ok) return { issues: parsed.issues }
  const doc = parsed.doc
  try {
    const list = doc.get('//rim:RegistryObjectList', { rim: NS.rim })
    if (!(list instanceof XmlElement)) {
      return { issues: [{ severity: 'error', code: 'structure', rule: 'xds/ebrim-structure', requirement: 'MSS-007', message: `${path} ne contient pas de RegistryObjectList ebRIM`, location: { path } }] }
    }
    const objects = list.find('rim:ExtrinsicObject', { rim: NS.rim }).filter((node): node is XmlElement => node instanceof XmlElement)
    const uris = objects.map((object) => slot(object, 'URI'))
    const bytes = new Map<string, Buffer>()
    objects.forEach((object, index) => {
      const uri = uris[index]
      const found = uri ? documents(uri) : undefined
      if (found) bytes.set(object.attr('id')?.value ?? `#${index + 1}`, found)
    })
    const ebrim = submissionFromEbrim(list, bytes, 'MSS-007')
    return { metadata: { submission: ebrim.submission, uris }, issues: [...parsed.issues, ...ebrim.issues] }
  } finally {
    doc.dispose()
  }
}
