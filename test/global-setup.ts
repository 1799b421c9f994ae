import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Every temporary folder of a test run (run directories, evidence, 100 MB hostile bodies, the
 * CLI's own children) goes under one folder removed at the end: a run leaves about 300 MB
 * otherwise. The compiled-kit cache stays in the system temp folder, so that only a machine's
 * first run pays its compile. DUI_HARNESS_KEEP_TEST_TMP=1 keeps the folder to look into.
 */
export default function setup(): () => void {
  const system = tmpdir()
  process.env['DUI_HARNESS_TEST_KIT_CACHE'] ??= join(system, 'dui-harness-test-cache')
  const runTmp = mkdtempSync(join(system, 'dui-harness-tests-'))
  // Read by os.tmpdir() in the test workers, which start after this, and in their children.
  process.env['TMPDIR'] = runTmp
  return () => {
    if (process.env['DUI_HARNESS_KEEP_TEST_TMP'] === '1') console.log(`dossiers temporaires des tests conservés : ${runTmp}`)
    else rmSync(runTmp, { recursive: true, force: true })
  }
}
