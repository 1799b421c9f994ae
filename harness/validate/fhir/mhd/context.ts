/** What the ITI-65 rules look at: the parsed bundle with its entries sorted by kind. */
export type Json = Record<string, unknown>

export interface BundleEntry {
  readonly index: number
  readonly fullUrl?: string
  readonly resource: Json
  readonly request?: Json
}

export interface ProvideBundleContext {
  readonly bundle: Json
  readonly entries: readonly BundleEntry[]
  readonly submissionSets: readonly BundleEntry[]
  readonly documentReferences: readonly BundleEntry[]
  readonly binaries: readonly BundleEntry[]
}

export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function buildContext(bundle: Json): ProvideBundleContext {
  const entries: BundleEntry[] = []
  asArray(bundle['entry']).forEach((raw, index) => {
    if (!isJson(raw) || !isJson(raw['resource'])) return
    entries.push({
      index,
      resource: raw['resource'],
      ...(typeof raw['fullUrl'] === 'string' ? { fullUrl: raw['fullUrl'] } : {}),
      ...(isJson(raw['request']) ? { request: raw['request'] } : {}),
    })
  })
  const ofType = (type: string) => entries.filter((entry) => entry.resource['resourceType'] === type)
  return {
    bundle,
    entries,
    submissionSets: ofType('List').filter(isSubmissionSet),
    documentReferences: ofType('DocumentReference'),
    binaries: ofType('Binary'),
  }
}

function isSubmissionSet(entry: BundleEntry): boolean {
  const code = entry.resource['code']
  return isJson(code) && asArray(code['coding']).some((coding) => isJson(coding) && coding['code'] === 'submissionset')
}

/** FHIRPath-like location of an entry's resource, for issue locations. */
export function entryPath(entry: BundleEntry, suffix = ''): string {
  return `Bundle.entry[${entry.index}].resource${suffix}`
}

/** The Binary entry an attachment URL points to, if it is in the bundle. */
export function findBinary(ctx: ProvideBundleContext, url: unknown): BundleEntry | undefined {
  if (typeof url !== 'string') return undefined
  return ctx.binaries.find((entry) => entry.fullUrl === url || `Binary/${String(entry.resource['id'])}` === url)
}
