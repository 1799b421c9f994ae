import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import type { RunReport } from '../harness/core/report.ts'

/** A report.json that cannot be read or does not match docs/report.schema.json. */
export class ReportInputError extends Error {
  override readonly name = 'ReportInputError'
}

const SCHEMA_URL = new URL('../docs/report.schema.json', import.meta.url)
let validator: ValidateFunction<RunReport> | undefined

/** Reads and validates a report.json: every format is rendered from this data alone. */
export function loadReport(path: string): RunReport {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    const reason = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error)
    throw new ReportInputError(`rapport ${path} illisible : ${reason}`)
  }
  validator ??= new Ajv({ allErrors: true }).compile<RunReport>(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object)
  if (!validator(data)) {
    const first = validator.errors?.[0]
    throw new ReportInputError(`rapport ${path} non conforme au schéma : ${first?.instancePath || '/'} ${first?.message ?? 'invalide'}`)
  }
  return data
}
