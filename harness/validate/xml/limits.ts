/**
 * Limits applied to every untrusted XML document (CDA, XDS/SOAP, XDM metadata...).
 * Kept generic: each format passes its own values when the defaults do not fit. Nesting depth
 * is bounded by libxml2 itself (256 levels; XML_PARSE_HUGE, which would lift it, is never set).
 */
export interface XmlLimits {
  /** Largest document accepted, in bytes; larger input is refused before it is parsed. */
  readonly maxBytes: number
  /** A DTD is never loaded; with false (the default) any DOCTYPE is refused outright. */
  readonly allowDoctype: boolean
}

/** 64 MiB: a CDA N1 carrying a scanned PDF stays well under it; 200 MB is refused. */
export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxBytes: 64 * 1024 * 1024,
  allowDoctype: false,
}

export function withLimits(overrides?: Partial<XmlLimits>): XmlLimits {
  return { ...DEFAULT_XML_LIMITS, ...overrides }
}
