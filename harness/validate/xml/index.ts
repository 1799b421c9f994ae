// Safe XML parsing shared by every XML format (CDA, XDS/SOAP, XDM metadata).
export { DEFAULT_XML_LIMITS, withLimits, type XmlLimits } from './limits.ts'
export { InputTooLargeError, readFileLimited, readStreamLimited } from './read-limited.ts'
export { findDoctype, parseXmlSafely, type SafeParseOptions, type SafeParseResult } from './safe-parse.ts'
export { xpathOf } from './xpath-location.ts'
