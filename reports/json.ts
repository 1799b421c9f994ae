import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RunReport } from '../harness/core/report.ts'
import type { Reporter } from '../harness/core/events.ts'
import { redactText } from '../harness/evidence/redact.ts'

export const REPORT_FILE = 'report.json'

/** The canonical report; every other format is derived from it. Secrets quoted in messages are masked. */
export function renderJson(report: RunReport): string {
  return redactText(`${JSON.stringify(report, null, 2)}\n`)
}

export class JsonReporter implements Reporter {
  constructor(private readonly runDir: string) {}

  onRunEnd(report: RunReport): void {
    writeFileSync(join(this.runDir, REPORT_FILE), renderJson(report))
  }
}
