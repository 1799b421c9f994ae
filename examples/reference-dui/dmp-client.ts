import { Client } from 'fhir-kit-client'

/** Outcome of a submission to the DMP, as the DUI shows it to the user. */
export type SubmissionOutcome = { readonly ok: true; readonly locations: readonly string[] } | { readonly ok: false; readonly error: string }

/** Talks to the DMP's PDSm (FHIR R4 / IHE MHD) endpoint. */
export class DmpClient {
  readonly #client: Client

  constructor(fhirBaseUrl: string) {
    this.#client = new Client({ baseUrl: fhirBaseUrl })
  }

  /** ITI-65 Provide Document Bundle. */
  async provide(bundle: fhir4.Bundle): Promise<SubmissionOutcome> {
    try {
      const response = (await this.#client.transaction({ body: bundle as never })) as unknown as fhir4.Bundle
      const locations = (response.entry ?? []).map((entry) => entry.response?.location ?? '')
      return { ok: true, locations }
    } catch (error) {
      return { ok: false, error: describe(error) }
    }
  }
}

/** Turns a client error into the message the DMP gave (OperationOutcome diagnostics). */
function describe(error: unknown): string {
  const response = (error as { response?: { status?: number; data?: unknown } }).response
  if (!response) return error instanceof Error ? error.message : String(error)
  const data = typeof response.data === 'string' ? safeJson(response.data) : response.data
  const issues = (data as fhir4.OperationOutcome | undefined)?.issue ?? []
  const diagnostics = issues.map((issue) => issue.diagnostics).filter(Boolean).join(' ; ')
  return `le DMP a refusé la transaction (HTTP ${response.status ?? '?'})${diagnostics ? ` : ${diagnostics}` : ''}`
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
