import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { htmlOptionsFor, renderHtml } from '../../reports/html.ts'
import { COVERAGE_LABELS, SECTION_LABELS, VERDICT_LABELS } from '../../reports/labels.ts'
import { REPO_ROOT } from '../helpers/cli.ts'
import { INJECTED, makeSampleRun, type SampleRun } from '../fixtures/reports/sample-run.ts'

/**
 * The HTML report in a real headless Chromium driven by playwright-core: the page renders, the
 * filter controls change the visible rows, a failing requirement opens to its issues and evidence,
 * injected markup stays text, nothing is fetched. Playwright never downloads a browser here: it
 * drives the system one (Debian `chromium`, or $CHROMIUM_PATH).
 */

/** A Chromium binary: $CHROMIUM_PATH, else the usual names on PATH (Debian installs `chromium`). */
function findChromium(): string | undefined {
  const explicit = process.env['CHROMIUM_PATH']
  if (explicit && existsSync(explicit)) return explicit
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) if (dir && existsSync(join(dir, name))) return join(dir, name)
  }
  return undefined
}

const executablePath = findChromium()
const SKIP_REASON =
  'aucun navigateur Chromium trouvé (ni $CHROMIUM_PATH, ni chromium sur le PATH) : rapport HTML non testé dans un navigateur — installer le paquet Debian « chromium » (apt-get install chromium) ou définir CHROMIUM_PATH'
if (!executablePath) console.warn(`reports-browser : ${SKIP_REASON}`)

/** Screenshots are kept here for a person to look at (gitignored). */
const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output', 'reports')
const SCREENSHOT = join(SCREENSHOT_DIR, 'report-failed.png')

/** Flags for a quiet, offline, container-friendly Chromium. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
/** Bounds every browser action: a stuck page fails the test instead of hanging the run. */
const ACTION_TIMEOUT = 15_000

interface Session {
  readonly context: BrowserContext
  readonly page: Page
  /** Every request the page made (URLs), to prove nothing leaves the file. */
  readonly requests: string[]
  /** Uncaught exceptions and console errors (a CSP violation is one). */
  readonly errors: string[]
}

// Where no browser exists, the reason shows in the test list, not only in the log.
if (!executablePath) {
  describe('HTML report in headless Chromium', () => {
    it.skip(`ignoré : ${SKIP_REASON}`, () => {})
  })
}

describe.skipIf(!executablePath)('HTML report in headless Chromium', () => {
  let browser: Browser
  let sample: SampleRun
  let url: string
  const sessions: Session[] = []

  beforeAll(async () => {
    sample = makeSampleRun()
    const file = join(sample.dir, 'report.html')
    writeFileSync(file, renderHtml(sample.report, await htmlOptionsFor(sample.dir, sample.report)))
    url = pathToFileURL(file).href
    // One browser for the whole file; each test gets its own context (fresh URL, history, storage).
    browser = await chromium.launch({ executablePath: executablePath!, args: CHROMIUM_ARGS, timeout: 30_000 })
  })

  afterAll(async () => {
    for (const s of sessions) await s.context.close().catch(() => undefined)
    await browser?.close()
    if (sample) rmSync(sample.dir, { recursive: true, force: true })
  })

  /** A fresh page on the report, network offline, every request and error recorded. */
  async function open(): Promise<Session> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'fr-FR', offline: true })
    const page = await context.newPage()
    page.setDefaultTimeout(ACTION_TIMEOUT)
    page.setDefaultNavigationTimeout(ACTION_TIMEOUT)
    const session: Session = { context, page, requests: [], errors: [] }
    sessions.push(session)
    page.on('request', (request) => session.requests.push(request.url()))
    page.on('pageerror', (error) => session.errors.push(`exception : ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') session.errors.push(`console : ${message.text()}`)
    })
    await page.goto(url, { waitUntil: 'load' })
    return session
  }

  /** No error on the page, and the only requests were for the report file itself. */
  function expectSealed(session: Session): void {
    expect(session.errors).toEqual([])
    expect(session.requests.length).toBeGreaterThan(0)
    for (const request of session.requests) expect(request.split('#')[0]!.split('?')[0]).toBe(url)
  }

  /** data-id of the matrix rows a reader can see. */
  const visibleRows = (page: Page) =>
    page.locator('#matrice tr[data-id]').filter({ visible: true }).evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['id'] ?? ''))

  /** A filter control, found as a reader finds it: by its label (the label wraps the list, so its name starts with it). */
  const filter = (page: Page, label: string) => page.getByRole('combobox', { name: new RegExp(`^${label}`) })

  const counter = (page: Page) => page.locator('#filtre-compte').textContent()

  it('renders: title, verdict, the requirement matrix by section, the script ran', async () => {
    const session = await open()
    const { page } = session
    expect(await page.title()).toBe('Rapport de conformité — DUI Exemple — 20261122-100000-abcd')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Rapport de conformité DUI — Ségur numérique vague 1')
    expect(await page.locator('.banner .verdict').textContent()).toBe(VERDICT_LABELS.fail)
    expect(await page.locator('.banner').innerText()).toMatch(/Candidat DUI Exemple version 4\.2\.0 — code de sortie 3/)
    // The matrix, grouped by Ségur section, each group headed by its label.
    const groups = page.locator('#matrice tbody.section-group')
    expect(await groups.evaluateAll((gs) => gs.map((g) => (g as HTMLElement).dataset['section']))).toEqual(['DMP', 'MSS'])
    expect(await groups.locator('th').allTextContents()).toEqual([SECTION_LABELS['DMP'], SECTION_LABELS['MSS']])
    expect(await groups.nth(0).locator('tr[data-id]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['id']))).toEqual(['DMP-001', 'DMP-003'])
    expect(await groups.nth(1).locator('tr[data-id]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['id']))).toEqual(['MSS-001', 'MSS-002'])
    expect(await page.locator('#matrice tr[data-id="DMP-003"] .badge').textContent()).toBe(COVERAGE_LABELS.failed)
    expect(await visibleRows(page)).toEqual(['DMP-001', 'DMP-003', 'MSS-001', 'MSS-002'])
    // Written by the page's script: it ran.
    expect(await counter(page)).toBe('4 exigence(s) affichée(s) sur 4')
    // Failures start closed: the evidence is one click away, not in the reader's face.
    expect(await page.locator('#req-DMP-003').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false)
    expect(await page.locator('#req-DMP-003 table.issues').isVisible()).toBe(false)
    expectSealed(session)
  })

  it('filters the matrix with the real controls', async () => {
    const session = await open()
    const { page } = session
    const statut = filter(page, 'Statut')
    const section = filter(page, 'Section')
    const niveau = filter(page, 'Niveau')

    await statut.selectOption({ label: COVERAGE_LABELS.failed })
    expect(await visibleRows(page)).toEqual(['DMP-003'])
    expect(await counter(page)).toBe('1 exigence(s) affichée(s) sur 4')
    // A section left without a visible row disappears, header included.
    expect(await page.locator('#matrice tbody.section-group[data-section="MSS"]').isVisible()).toBe(false)
    expect(await page.locator('#matrice tbody.section-group[data-section="DMP"] th').isVisible()).toBe(true)
    // The filtered view can be shared: its state is in the URL.
    expect(new URL(page.url()).searchParams.get('statut')).toBe('failed')

    await statut.selectOption({ label: 'tous' })
    await section.selectOption({ label: SECTION_LABELS['MSS']! })
    expect(await visibleRows(page)).toEqual(['MSS-001', 'MSS-002'])
    expect(await page.locator('#matrice tbody.section-group[data-section="DMP"]').isVisible()).toBe(false)

    await niveau.selectOption({ label: 'préconisation' })
    expect(await visibleRows(page)).toEqual(['MSS-002'])
    expect(await counter(page)).toBe('1 exigence(s) affichée(s) sur 4')

    await statut.selectOption({ label: COVERAGE_LABELS.verified })
    expect(await visibleRows(page)).toEqual([])
    expect(await counter(page)).toBe('0 exigence(s) affichée(s) sur 4')

    for (const select of [statut, section, niveau]) await select.selectOption('')
    expect(await visibleRows(page)).toEqual(['DMP-001', 'DMP-003', 'MSS-001', 'MSS-002'])
    expect(await counter(page)).toBe('4 exigence(s) affichée(s) sur 4')
    expect(new URL(page.url()).search).toBe('')
    expectSealed(session)
  })

  it('opens a failing requirement from the matrix to its issues and evidence', async () => {
    const session = await open()
    const { page } = session
    const req = page.locator('#req-DMP-003')
    await page.locator('#matrice').getByRole('link', { name: 'DMP-003', exact: true }).click()

    const issue = req.locator('table.issues tr[data-rule="mhd/attachment-size-hash"]')
    await issue.waitFor({ state: 'visible' })
    expect(await req.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
    expect(await issue.innerText()).toContain('Bundle.entry[0].resource.content[0].attachment.size')
    expect(await req.locator('table.issues tr[data-rule="mhd/title"]').innerText()).toContain('titre absent')

    // The evidence of the failing exchange is opened with it: the request the candidate sent, and the answer.
    const request = req.locator('details.evidence figure[data-role="request"] pre').first()
    const response = req.locator('details.evidence figure[data-role="response"] pre').first()
    await request.waitFor({ state: 'visible' })
    expect(await request.innerText()).toMatch(/^POST \/fhir HTTP\/1\.1\s+host: 127\.0\.0\.1\s+authorization: Bearer \[masqué\]/)
    expect(await response.isVisible()).toBe(true)
    expect(await response.innerText()).toMatch(/^HTTP\/1\.1 400\s/)
    expect(new URL(page.url()).hash).toBe('#req-DMP-003')
    expectSealed(session)
  })

  it('opens a failing requirement by hand: summary, then the evidence linked from an issue', async () => {
    const session = await open()
    const { page } = session
    const req = page.locator('#req-DMP-003')
    await req.locator('> summary').click()
    const issue = req.locator('table.issues tr[data-rule="mhd/attachment-size-hash"]')
    await issue.waitFor({ state: 'visible' })
    // A plain click on the summary opens the requirement; its evidence stays folded until asked for.
    const evidence = req.locator('details.evidence').first()
    expect(await evidence.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false)
    expect(await evidence.locator('figure[data-role="request"] pre').isVisible()).toBe(false)

    await issue.getByRole('link').click()
    await evidence.locator('figure[data-role="request"] pre').waitFor({ state: 'visible' })
    expect(await evidence.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
    expect(await evidence.locator('figure[data-role="response"] pre').innerText()).toContain('OperationOutcome')
    expectSealed(session)
  })

  it('shows injected markup as text and never runs it', async () => {
    const session = await open()
    const { page } = session
    await page.getByRole('button', { name: 'Tout déplier' }).click()
    const message = page.locator('#req-DMP-003 table.issues tr[data-rule="mhd/attachment-size-hash"] td').nth(2)
    await message.waitFor({ state: 'visible' })
    expect(await message.textContent()).toBe(`attachment.size déclare 893 octets ${INJECTED}`)
    expect(await message.evaluate((td) => td.childElementCount)).toBe(0)
    // Also in the step message and inside the evidence (the simulator's OperationOutcome).
    expect(await page.locator('#req-DMP-003 .step > p').first().textContent()).toContain(INJECTED)
    expect(await page.locator('#req-DMP-003 figure[data-role="response"] pre').first().textContent()).toContain('<script>window.__pwned = 1</script>')
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
    expect(await page.locator('main img, main [onerror]').count()).toBe(0)
    // Only the page's own two scripts exist (embedded data, filter code).
    expect(await page.locator('script').evaluateAll((ss) => ss.map((s) => (s as HTMLScriptElement).type || 'text/javascript'))).toEqual(['application/json', 'text/javascript'])
    // No element points outside the file.
    const external = await page.locator('[src], [href]').evaluateAll((els) =>
      els.map((e) => e.getAttribute('src') ?? e.getAttribute('href') ?? '').filter((v) => !v.startsWith('#')),
    )
    expect(external).toEqual([])
    expectSealed(session)
  })

  it('keeps a screenshot of the failing requirement opened', async () => {
    const session = await open()
    const { page } = session
    await filter(page, 'Statut').selectOption('failed')
    await page.locator('#matrice').getByRole('link', { name: 'DMP-003', exact: true }).click()
    await page.locator('#req-DMP-003 figure[data-role="request"] pre').first().waitFor({ state: 'visible' })
    await page.evaluate(() => window.scrollTo(0, 0))
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    rmSync(SCREENSHOT, { force: true })
    await page.screenshot({ path: SCREENSHOT, fullPage: true, timeout: 30_000 })
    const bytes = readFileSync(SCREENSHOT)
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    // IHDR: the full page, wider than nothing and taller than one screen.
    expect(bytes.readUInt32BE(16)).toBe(1200)
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(900)
    console.info(`reports-browser : capture d'écran ${SCREENSHOT}`)
    expectSealed(session)
  })
})
