import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { htmlOptionsFor, renderHtml } from '../../reports/html.ts'
import { REPO_ROOT } from '../helpers/cli.ts'
import { makeSampleRun } from '../fixtures/reports/sample-run.ts'

/** A Chromium binary: $CHROMIUM_PATH, else the usual names on PATH (Debian installs `chromium`). */
function findChromium(): string | undefined {
  if (process.env['CHROMIUM_PATH'] && existsSync(process.env['CHROMIUM_PATH'])) return process.env['CHROMIUM_PATH']
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) if (dir && existsSync(join(dir, name))) return join(dir, name)
  }
  return undefined
}

const chromium = findChromium()
if (!chromium) {
  console.warn('reports-browser : aucun Chromium trouvé (apt-get install chromium, ou CHROMIUM_PATH) — tests du rapport HTML dans un navigateur ignorés')
}

/** Screenshots are kept here for a person to look at (gitignored). */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output', 'reports')

const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'))
afterAll(() => rmSync(profile, { recursive: true, force: true }))

function browse(args: readonly string[]): Promise<string> {
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`]
  return new Promise((resolve, reject) => {
    execFile(chromium!, [...flags, ...args], { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`))
      else resolve(stdout)
    })
  })
}

/** The DOM after the page's script ran, as Chromium serialises it. */
const dom = (url: string) => browse(['--dump-dom', url])

const sample = makeSampleRun()
const file = join(sample.dir, 'report.html')
writeFileSync(file, renderHtml(sample.report, await htmlOptionsFor(sample.dir, sample.report)))
const url = pathToFileURL(file).href

describe.skipIf(!chromium)('HTML report in headless Chromium', () => {

  /** data-id of the matrix rows left visible. */
  const visibleRows = (html: string) => [...html.matchAll(/<tr [^>]*data-id="([^"]+)"[^>]*>/g)].filter((m) => !/\shidden(=|\s|>)/.test(m[0])).map((m) => m[1])

  it('renders: the script ran, every requirement is listed, the injected markup stayed text', async () => {
    const html = await dom(url)
    expect(html).toContain('<h1>Rapport de conformité DUI — Ségur numérique vague 1</h1>')
    expect(html).toContain('<output id="filtre-compte">4 exigence(s) affichée(s) sur 4</output>')
    expect(visibleRows(html)).toEqual(['DMP-001', 'DMP-003', 'MSS-001', 'MSS-002'])
    expect(html).not.toMatch(/<img[^>]*onerror/)
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;')
  })

  it('filters by status and by section', async () => {
    const failed = await dom(`${url}?statut=failed`)
    expect(visibleRows(failed)).toEqual(['DMP-003'])
    expect(failed).toContain('1 exigence(s) affichée(s) sur 4')
    expect(failed).toMatch(/<tbody class="section-group" data-section="MSS" hidden="">/)
    const mss = await dom(`${url}?section=MSS`)
    expect(visibleRows(mss)).toEqual(['MSS-001', 'MSS-002'])
    const none = await dom(`${url}?section=MSS&statut=verified`)
    expect(visibleRows(none)).toEqual([])
    expect(none).toContain('0 exigence(s) affichée(s) sur 4')
  })

  it('opens a failing requirement to its evidence', async () => {
    for (const target of ['?ouvrir=DMP-003', '#req-DMP-003']) {
      const html = await dom(`${url}${target}`)
      const details = html.slice(html.indexOf('id="req-DMP-003"') - 40, html.indexOf('</details>', html.indexOf('<details class="evidence"', html.indexOf('id="req-DMP-003"'))))
      expect(details, target).toMatch(/<details class="req failed" id="req-DMP-003" data-status="failed" open="">/)
      expect(details, target).toMatch(/<details class="evidence" id="ev-e-0001-in-dmp-feed_share-r-DMP-003" open="">/)
      expect(details, target).toMatch(/<pre>POST \/fhir HTTP\/1\.1/)
    }
    const closed = await dom(url)
    expect(closed).toMatch(/<details class="req failed" id="req-DMP-003" data-status="failed">/)
  })

  it('keeps a screenshot of the failing requirement opened', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    const png = join(SCREENSHOT_DIR, 'report-failed.png')
    rmSync(png, { force: true })
    await browse(['--window-size=1200,2400', `--screenshot=${png}`, `${url}?statut=failed&ouvrir=DMP-003`])
    const bytes = readFileSync(png)
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    console.info(`reports-browser : capture d'écran ${png}`)
  })
})
