import type { Family } from './case.ts'

/** An ITI-41 request as MTOM/XOP: what goes on the wire. */
export interface MtomRequest {
  readonly contentType: string
  readonly body: Buffer
}

const BOUNDARY = 'MIMEBoundary_hostile_42'
const CONTENT_TYPE = `multipart/related; type="application/xop+xml"; boundary="${BOUNDARY}"; start="<root@hostile>"; start-info="application/soap+xml"`

function part(contentType: string, contentId: string, bytes: Buffer, boundary = BOUNDARY): Buffer {
  return Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Type: ${contentType}\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <${contentId}>\r\n\r\n`), bytes, Buffer.from('\r\n')])
}

/** A well-formed MTOM body: the envelope (root) and the document its xop:Include points to. */
export function mtom(envelope: Buffer, document: Buffer): MtomRequest {
  return {
    contentType: CONTENT_TYPE,
    body: Buffer.concat([part('application/xop+xml; charset=UTF-8; type="application/soap+xml"', 'root@hostile', envelope), part('text/xml', 'doc1@hostile', document), Buffer.from(`--${BOUNDARY}--\r\n`)]),
  }
}

/** The Content-ID the envelope's xop:Include must name (`cid:` + this, URL-encoded). */
export const DOCUMENT_HREF = 'cid:doc1%40hostile'

/**
 * Broken MTOM framings of a valid ITI-41 request. `status` is the DMP's answer: 400 with a SOAP
 * Fault when the transport cannot be read, 200 with a RegistryResponse Failure when it can but the
 * metadata or the document references are wrong.
 */
export interface MtomAttack {
  readonly variant: string
  readonly family: Family
  build(envelope: Buffer, document: Buffer): MtomRequest
  readonly status: 200 | 400
  readonly rule: string
  readonly requirement: string
  readonly reason: RegExp
}

const TRANSPORT = { rule: 'xds/soap-transport', requirement: 'DMP-008' } as const

export const MTOM_ATTACKS: readonly MtomAttack[] = [
  {
    variant: 'no-closing-delimiter',
    family: 'mtom',
    build: (e, d) => {
      const whole = mtom(e, d)
      return { ...whole, body: whole.body.subarray(0, whole.body.length - `--${BOUNDARY}--\r\n`.length - 2) }
    },
    status: 400,
    ...TRANSPORT,
    reason: /corps MTOM tronqué/,
  },
  {
    variant: 'cut-inside-envelope',
    family: 'mtom',
    build: (e, d) => {
      const whole = mtom(e, d)
      return { ...whole, body: whole.body.subarray(0, Math.floor(e.length / 2)) }
    },
    status: 400,
    ...TRANSPORT,
    reason: /corps MTOM tronqué/,
  },
  {
    variant: 'boundary-mismatch',
    family: 'mtom',
    build: (e, d) => ({ ...mtom(e, d), contentType: CONTENT_TYPE.replace(BOUNDARY, 'AutreFrontiere') }),
    status: 400,
    ...TRANSPORT,
    reason: /la frontière « --AutreFrontiere » annoncée par le Content-Type n'apparaît pas dans le corps/,
  },
  {
    variant: 'no-boundary-parameter',
    family: 'mtom',
    build: (e, d) => ({ ...mtom(e, d), contentType: CONTENT_TYPE.replace(`; boundary="${BOUNDARY}"`, '') }),
    status: 400,
    ...TRANSPORT,
    reason: /n'a pas de paramètre boundary/,
  },
  {
    variant: 'start-names-no-part',
    family: 'mtom',
    build: (e, d) => ({ ...mtom(e, d), contentType: CONTENT_TYPE.replace('start="<root@hostile>"', 'start="<absente@hostile>"') }),
    status: 400,
    ...TRANSPORT,
    reason: /partie racine absente/,
  },
  {
    variant: 'root-not-xop',
    family: 'mtom',
    build: (e, d) => ({
      contentType: CONTENT_TYPE,
      body: Buffer.concat([part('text/plain', 'root@hostile', e), part('text/xml', 'doc1@hostile', d), Buffer.from(`--${BOUNDARY}--\r\n`)]),
    }),
    status: 400,
    ...TRANSPORT,
    reason: /application\/xop\+xml est attendu pour l'enveloppe SOAP/,
  },
  {
    variant: 'type-not-xop',
    family: 'mtom',
    build: (e, d) => ({ ...mtom(e, d), contentType: CONTENT_TYPE.replace('type="application/xop+xml"', 'type="text/xml"') }),
    status: 400,
    ...TRANSPORT,
    reason: /MTOM\/XOP attend type="application\/xop\+xml"/,
  },
  {
    variant: 'headers-without-blank-line',
    family: 'mtom',
    build: (e, d) => ({
      contentType: CONTENT_TYPE,
      body: Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Type: application/xop+xml\r\nContent-ID: <root@hostile>\r\n`), e, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
    }),
    status: 400,
    ...TRANSPORT,
    reason: /n'a pas d'en-têtes séparés du contenu par une ligne vide/,
  },
  {
    variant: 'bare-lf-framing',
    family: 'mtom',
    build: (e, d) => {
      const whole = mtom(e, d)
      return { ...whole, body: Buffer.from(whole.body.toString('latin1').replace(/\r\n/g, '\n'), 'latin1') }
    },
    status: 400,
    ...TRANSPORT,
    reason: /corps MTOM tronqué|ligne vide/,
  },
  {
    variant: 'too-many-parts',
    family: 'mtom',
    build: (e, d) => ({
      contentType: CONTENT_TYPE,
      body: Buffer.concat([part('application/xop+xml; type="application/soap+xml"', 'root@hostile', e), ...Array.from({ length: 250 }, (_, i) => part('text/xml', `p${i}@hostile`, d.subarray(0, 64))), Buffer.from(`--${BOUNDARY}--\r\n`)]),
    }),
    status: 400,
    ...TRANSPORT,
    reason: /plus de 200 parties MIME/,
  },
  {
    variant: 'empty-multipart',
    family: 'mtom',
    build: () => ({ contentType: CONTENT_TYPE, body: Buffer.alloc(0) }),
    status: 400,
    ...TRANSPORT,
    reason: /n'apparaît pas dans le corps/,
  },
  {
    variant: 'include-names-absent-part',
    family: 'mtom',
    build: (e, d) => mtom(Buffer.from(e.toString('utf8').replace(DOCUMENT_HREF, 'cid:absente%40hostile')), d),
    status: 200,
    ...TRANSPORT,
    reason: /aucune partie MIME n'a le Content-ID <absente@hostile>/,
  },
  {
    variant: 'boundary-inside-document',
    family: 'mtom',
    // The document holds the delimiter: the part ends early, so the bytes no longer match the metadata.
    build: (e, d) => {
      const cut = Math.floor(d.length / 2)
      const spoiled = Buffer.concat([d.subarray(0, cut), Buffer.from(`\r\n--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\n`), d.subarray(cut)])
      return mtom(e, spoiled)
    },
    status: 200,
    rule: 'xds/size-hash',
    requirement: 'DMP-003',
    reason: /la taille déclarée est \d+ octets, le document envoyé en compte \d+/,
  },
]
