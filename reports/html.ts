import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Evidence } from '../harness/core/evidence.ts'
import type { Reporter } from '../harness/core/events.ts'
import type { CoverageStatus, RequirementCoverage, RunReport, StepResult } from '../harness/core/report.ts'
import { loadArchiveViews, type ArchiveView, type ArchiveViews } from './archive-view.ts'
import { renderDiffSection } from './diff-html.ts'
import type { ReportDiff } from './diff.ts'
import { anchor, esc, frNumber } from './html-escape.ts'
import { isIndicatorsView, renderIndicatorsSection, type IndicatorsView } from './html-indicators.ts'
import { renderOfficialGridSection } from './html-official-grid.ts'
import { renderManualProofsSection } from './html-manual-proofs.ts'
import { htmlPage } from './html-page.ts'
import { DEFAULT_BUDGET, loadEvidenceViews, runDirReader, type EvidenceBudget, type EvidenceFileView, type EvidenceReader } from './evidence-view.ts'
import { COVERAGE_LABELS, LEVEL_LABELS, AUTOMATION_LABELS, SECTION_LABELS, VERDICT_LABELS } from './labels.ts'

export const HTML_FILE = 'report.html'
/** Indicators computed for a run are picked up from this file of the run directory, when present. */
export const INDICATORS_FILE = 'indicators.json'

export interface HtmlOptions {
  /** Reads evidence files (run-relative paths); without it the viewer lists files only. */
  readonly evidence?: EvidenceReader
  readonly budget?: EvidenceBudget
  /** Zips found in evidence (IHE_XDM), listed beforehand: reading them is asynchronous. */
  readonly archives?: ArchiveViews
  /** Usage indicators; the section is rendered only when they are given. */
  readonly indicators?: IndicatorsView
  /** Comparison with a previous run; the section is rendered only when given. */
  readonly diff?: ReportDiff
}

const STATUS_ORDER: readonly CoverageStatus[] = ['failed', 'error', 'not-run', 'manual', 'verified']
const BROKEN: readonly StepResult['verdict'][] = ['fail', 'error']

/** The self-contained French HTML report, derived from report.json (and its evidence files). */
export function renderHtml(report: RunReport, options: HtmlOptions = {}): string {
  const steps = report.scenarios.flatMap((s) => s.steps)
  const stepById = new Map(steps.map((s) => [s.id, s]))
  const failedReqs = report.coverage.filter((c) => c.status === 'failed' || c.status === 'error')
  // Evidence of failing steps first, so the budget goes where a reader looks.
  const priority = [...steps.filter((s) => BROKEN.includes(s.verdict)), ...steps].flatMap((s) => [...s.evidence, ...s.issues.flatMap((i) => (i.evidence ? [i.evidence] : []))])
  const views = loadEvidenceViews(report, [...new Set([...priority, ...report.evidence.map((e) => e.id)])], options.evidence, options.budget ?? DEFAULT_BUDGET)
  const ctx: Ctx = { report, stepById, views, archives: options.archives ?? new Map(), shown: new Map() }
  const body = [
    header(report),
    figures(report),
    matrix(report),
    renderOfficialGridSection(report),
    failures(ctx, failedReqs),
    orphanFailures(ctx, steps),
    renderManualProofsSection(report),
    scenarios(report),
    options.indicators ? renderIndicatorsSection(options.indicators) : '',
    options.diff ? renderDiffSection(options.diff) : '',
    unhandled(ctx),
    evidenceAnnex(ctx),
  ].join('\n')
  return htmlPage({ title: `Rapport de conformité — ${report.candidate.name} — ${report.runId}`, body, data: report })
}

interface Ctx {
  readonly report: RunReport
  readonly stepById: ReadonlyMap<string, StepResult>
  readonly views: ReadonlyMap<string, EvidenceFileView[]>
  readonly archives: ArchiveViews
  /** Evidence whose content is already on the page (the annex then links instead of repeating it). */
  readonly shown: Map<string, string>
}

function header(report: RunReport): string {
  const version = report.candidate.version ?? 'non déclarée'
  return `<header>
<h1>Rapport de conformité DUI — Ségur numérique vague 1</h1>
<div class="banner v-${esc(report.verdict)}"><span class="verdict">${esc(VERDICT_LABELS[report.verdict])}</span>
<span>Candidat <strong>${esc(report.candidate.name)}</strong> version <strong>${esc(version)}</strong> — code de sortie ${esc(report.exitCode)}${report.interrupted ? ' — <strong>campagne interrompue</strong>' : ''}</span></div>
<dl class="ident">
<dt>Candidat</dt><dd>${esc(report.candidate.name)}</dd>
<dt>Version du candidat</dt><dd>${esc(version)}</dd>
<dt>Pilote</dt><dd>${esc(report.candidate.driver)}</dd>
<dt>Version du banc</dt><dd>dui-harness ${esc(report.harnessVersion)} (format de rapport ${esc(report.schemaVersion)})</dd>
<dt>Campagne</dt><dd>${esc(report.runId)}</dd>
<dt>Début — fin</dt><dd>${esc(report.startedAt)} — ${esc(report.finishedAt)}</dd>
<dt>Empreinte de la configuration</dt><dd><code>${esc(report.configDigest)}</code></dd>
</dl>
</header>`
}

function figures(report: RunReport): string {
  const count = (status: CoverageStatus) => report.coverage.filter((c) => c.status === status).length
  const automatic = report.coverage.filter((c) => c.automation === 'automatic')
  const autoVerified = automatic.filter((c) => c.status === 'verified').length
  const exigences = report.coverage.filter((c) => c.level === 'EXIGENCE')
  const percent = automatic.length > 0 ? Math.round((autoVerified / automatic.length) * 100) : 0
  const total = report.coverage.length || 1
  const bar = STATUS_ORDER.map((s) => `<span class="s-${s}" style="width:${((count(s) / total) * 100).toFixed(2)}%" title="${esc(COVERAGE_LABELS[s])} : ${count(s)}"></span>`).join('')
  const stepCounts = Object.entries(report.summary).filter(([, n]) => n > 0).map(([v, n]) => `${n} ${VERDICT_LABELS[v as keyof typeof VERDICT_LABELS]}`).join(', ')
  return `<section id="chiffres"><h2>Couverture</h2>
<div class="cards">
<div class="card"><b>${frNumber(report.coverage.length)}</b>exigences au catalogue</div>
<div class="card"><b>${frNumber(autoVerified)} / ${frNumber(automatic.length)}</b>automatiques vérifiées (${percent} %)</div>
<div class="card"><b>${frNumber(count('failed'))}</b>non conformes</div>
<div class="card"><b>${frNumber(count('error'))}</b>en erreur du banc</div>
<div class="card"><b>${frNumber(count('not-run'))}</b>non exécutées</div>
<div class="card"><b>${frNumber(count('manual'))}</b>preuves manuelles attendues</div>
<div class="card"><b>${frNumber(exigences.filter((c) => c.status === 'verified').length)} / ${frNumber(exigences.length)}</b>exigences (niveau EXIGENCE) vérifiées</div>
</div>
<div class="bar" role="img" aria-label="répartition des statuts">${bar}</div>
<p>Étapes : ${esc(stepCounts || 'aucune')}. Preuves enregistrées : ${frNumber(report.evidence.length)}.</p>
</section>`
}

function matrix(report: RunReport): string {
  const sections = [...new Set(report.coverage.map((c) => c.section))]
  const option = (value: string, label: string) => `<option value="${esc(value)}">${esc(label)}</option>`
  const groups = sections.map((section) => {
    const rows = report.coverage.filter((c) => c.section === section).map(matrixRow)
    return `<tbody class="section-group" data-section="${esc(section)}"><tr><th colspan="7">${esc(SECTION_LABELS[section] ?? section)}</th></tr>${rows.join('')}</tbody>`
  })
  return `<section id="matrice-exigences"><h2>Matrice des exigences</h2>
<form class="filters" onsubmit="return false">
<label>Statut<select id="filtre-statut"><option value="">tous</option>${STATUS_ORDER.map((s) => option(s, COVERAGE_LABELS[s])).join('')}</select></label>
<label>Section<select id="filtre-section"><option value="">toutes</option>${sections.map((s) => option(s, SECTION_LABELS[s] ?? s)).join('')}</select></label>
<label>Niveau<select id="filtre-niveau"><option value="">tous</option>${option('EXIGENCE', LEVEL_LABELS.EXIGENCE)}${option('PRECONISATION', LEVEL_LABELS.PRECONISATION)}</select></label>
<output id="filtre-compte">${report.coverage.length} exigence(s)</output>
<button type="button" id="tout-deplier">Tout déplier</button>
</form>
<table id="matrice"><thead><tr><th>Exigence</th><th>Réf. officielle</th><th>Titre</th><th>Niveau</th><th>Mode</th><th>Statut</th><th>Vérifiée par</th></tr></thead>
${groups.join('\n')}
</table></section>`
}

function matrixRow(c: RequirementCoverage): string {
  const id = c.status === 'failed' || c.status === 'error' ? `<a href="#${anchor('req', c.id)}">${esc(c.id)}</a>` : esc(c.id)
  const note = c.note ? `<br><small>${esc(c.note)}</small>` : ''
  return `<tr data-id="${esc(c.id)}" data-status="${esc(c.status)}" data-section="${esc(c.section)}" data-level="${esc(c.level)}" data-automation="${esc(c.automation)}">` +
    `<td>${id}</td><td>${esc(c.officialRef ?? '—')}</td><td>${esc(c.title)}${note}</td><td>${esc(LEVEL_LABELS[c.level])}</td>` +
    `<td>${esc(AUTOMATION_LABELS[c.automation])}</td><td><span class="badge ${esc(c.status)}">${esc(COVERAGE_LABELS[c.status])}</span></td>` +
    `<td>${c.verifiedBy.map((s) => `<code>${esc(s)}</code>`).join('<br>')}</td></tr>`
}

function failures(ctx: Ctx, reqs: readonly RequirementCoverage[]): string {
  if (reqs.length === 0) return `<section id="ecarts"><h2>Écarts constatés</h2><p>Aucune exigence non satisfaite.</p></section>`
  const items = reqs.map((req) => {
    const steps = req.verifiedBy.map((id) => ctx.stepById.get(id)).filter((s): s is StepResult => s !== undefined && BROKEN.includes(s.verdict))
    return `<details class="req ${esc(req.status)}" id="${anchor('req', req.id)}" data-status="${esc(req.status)}">
<summary>${esc(req.id)} — ${esc(req.title)} <span class="badge ${esc(req.status)}">${esc(COVERAGE_LABELS[req.status])}</span></summary>
<p><small>${esc(LEVEL_LABELS[req.level])}, ${esc(AUTOMATION_LABELS[req.automation])}${req.officialRef ? `, réf. officielle ${esc(req.officialRef)}` : ''}</small></p>
${steps.map((step) => stepDetail(ctx, step, req.id)).join('\n')}
</details>`
  })
  return `<section id="ecarts"><h2>Écarts constatés</h2>${items.join('\n')}</section>`
}

/** Failing steps that name no failed requirement must still be shown. */
function orphanFailures(ctx: Ctx, steps: readonly StepResult[]): string {
  const covered = new Set(ctx.report.coverage.filter((c) => c.status === 'failed' || c.status === 'error').flatMap((c) => c.verifiedBy))
  const orphans = steps.filter((s) => BROKEN.includes(s.verdict) && !covered.has(s.id))
  if (orphans.length === 0) return ''
  return `<section id="etapes-en-echec"><h2>Autres étapes en échec</h2>${orphans.map((s) => `<details class="req ${s.verdict === 'error' ? 'error' : ''}" id="${anchor('step', s.id)}"><summary>${esc(s.title)}</summary>${stepDetail(ctx, s)}</details>`).join('\n')}</section>`
}

function stepDetail(ctx: Ctx, step: StepResult, requirement?: string): string {
  const issues = step.issues.filter((i) => !requirement || !i.requirement || i.requirement === requirement)
  const local = (id: string) => `${anchor('ev', id)}-${anchor('in', step.id)}${requirement ? `-${anchor('r', requirement)}` : ''}`
  const rows = issues.map((i) => `<tr data-rule="${esc(i.rule)}" data-severity="${esc(i.severity)}"><td>${esc(i.severity)}</td><td><code>${esc(i.rule)}</code>${i.requirement ? `<br>${esc(i.requirement)}` : ''}</td><td>${esc(i.message)}</td>` +
    `<td>${i.location ? `<code>${esc(i.location.path)}</code>${i.location.line ? ` (ligne ${esc(i.location.line)})` : ''}` : ''}</td><td>${i.evidence ? `<a href="#${local(i.evidence)}">${esc(i.evidence)}</a>` : ''}</td></tr>`)
  // What the candidate sent (incoming to the simulators) is what a reader looks for first.
  const named = issues.flatMap((i) => (i.evidence ? [i.evidence] : []))
  const incoming = step.evidence.filter((id) => ctx.report.evidence.find((e) => e.id === id)?.direction === 'incoming')
  const evidenceIds = [...new Set([...named, ...incoming, ...step.evidence])]
  return `<div class="step"><h3>Étape <code>${esc(step.id)}</code> — ${esc(step.title)} <span class="badge ${esc(step.verdict)}">${esc(VERDICT_LABELS[step.verdict])}</span></h3>
${step.message ? `<p>${esc(step.message)}</p>` : ''}
${rows.length > 0 ? `<table class="issues"><thead><tr><th>Gravité</th><th>Règle</th><th>Constat</th><th>Emplacement</th><th>Preuve</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : ''}
${evidenceIds.map((id) => evidenceBlock(ctx, id, local(id))).join('\n')}
</div>`
}

const KIND_LABELS: Readonly<Record<Evidence['kind'], string>> = {
  'http-exchange': 'échange HTTP',
  'smtp-message': 'message SMTP',
  'imap-session': 'session IMAP',
  'soap-call': 'appel SOAP',
  file: 'fichier',
  log: 'journal',
}

function evidenceBlock(ctx: Ctx, id: string, domId: string): string {
  const record = ctx.report.evidence.find((e) => e.id === id)
  if (!record) return `<p class="cut">Preuve ${esc(id)} absente de l'index.</p>`
  const first = ctx.shown.get(id)
  const files = first
    ? `<p>Contenu affiché plus haut : <a href="#${esc(first)}">${esc(id)}</a>.</p>`
    : (ctx.views.get(id) ?? []).map((view) => fileBlock(view, ctx.archives.get(view.file.path) ?? [])).join('\n')
  if (!first) ctx.shown.set(id, domId)
  return `<details class="evidence" id="${esc(domId)}"><summary><code>${esc(record.id)}</code> ${esc(KIND_LABELS[record.kind])} — ${esc(record.summary)} <small>(${esc(record.source)}${record.handler ? `, ${esc(record.handler)}` : ', sans gestionnaire'}, ${record.direction === 'incoming' ? 'reçu par le banc' : 'émis par le banc'}, ${esc(record.at)})</small></summary>
${files}
</details>`
}

const ROLE_LABELS: Readonly<Record<string, string>> = { request: 'requête', response: 'réponse', message: 'message' }

function fileBlock(view: EvidenceFileView, archives: readonly ArchiveView[]): string {
  const f = view.file
  // data-role (request, response, message…): a stable hook for tests and for a reader's own tooling.
  const figure = `<figure data-role="${esc(f.role)}">`
  const zips = archives.map(archiveBlock).join('')
  const caption = `<figcaption>${esc(ROLE_LABELS[f.role] ?? f.role)} — <code>${esc(f.path)}</code> — ${frNumber(f.bytes)} octets${f.contentType ? ` — ${esc(f.contentType)}` : ''} — sha256 <code>${esc(f.sha256)}</code></figcaption>`
  const cda = view.cda.map((fields) => `<p><strong>Document CDA (en-tête)</strong></p><dl class="cda">${fields.map((x) => `<dt>${esc(x.label)}</dt><dd>${esc(x.value)}</dd>`).join('')}</dl>`).join('')
  switch (view.state) {
    case 'missing':
      return `${figure}${caption}<p class="cut">Fichier absent du dossier de la campagne.</p></figure>`
    case 'binary':
      return `${figure}${caption}${zips}${zips ? '' : '<p class="cut">Contenu binaire non affiché : voir le fichier.</p>'}</figure>`
    case 'over-budget':
      return `${figure}${caption}<p class="cut">Non inclus : la taille maximale des preuves embarquées dans ce rapport est atteinte ; voir le fichier.</p></figure>`
    case 'truncated':
      return `${figure}${caption}${cda}${zips}<pre>${esc(view.text)}</pre><p class="cut">Tronqué : ${frNumber(view.shownBytes)} octets affichés sur ${frNumber(f.bytes)} ; le fichier complet est <code>${esc(f.path)}</code>.</p></figure>`
    default:
      return `${figure}${caption}${cda}${zips}<pre>${esc(view.text)}</pre></figure>`
  }
}

/** Contents of a zip in evidence: entries, CDA headers, the start of METADATA.XML and other text. */
function archiveBlock(archive: ArchiveView): string {
  if (archive.error) return `<p class="cut">Archive ${esc(archive.label)} non lue : ${esc(archive.error)}</p>`
  const rows = archive.entries.map((e) => `<tr><td><code>${esc(e.name)}</code></td><td class="num">${frNumber(e.bytes)} octets</td></tr>`).join('')
  const details = archive.entries
    .map((e) => {
      if (e.cda) return `<p><strong>${esc(e.name)} — document CDA (en-tête)</strong></p><dl class="cda">${e.cda.map((x) => `<dt>${esc(x.label)}</dt><dd>${esc(x.value)}</dd>`).join('')}</dl>`
      if (e.text !== undefined) return `<p><strong>${esc(e.name)}</strong>${e.truncated ? ' <span class="cut">(début seulement)</span>' : ''}</p><pre>${esc(e.text)}</pre>`
      return ''
    })
    .join('')
  return `<details class="archive"><summary>Archive ${esc(archive.label)} : ${archive.entries.length} fichier(s)</summary><table><tbody>${rows}</tbody></table>${details}</details>`
}

function scenarios(report: RunReport): string {
  const blocks = report.scenarios.map((s) => `<h3>${esc(s.id)} — ${esc(s.title)} <span class="badge ${esc(s.verdict)}">${esc(VERDICT_LABELS[s.verdict])}</span></h3>
<table><thead><tr><th>Étape</th><th>Verdict</th><th>Exigences</th><th>Durée</th><th>Détail</th></tr></thead><tbody>
${s.steps.map((step) => `<tr data-verdict="${esc(step.verdict)}"><td>${esc(step.title)}<br><small><code>${esc(step.id)}</code>${step.optional ? ', facultative' : ''}</small></td><td><span class="badge ${esc(step.verdict)}">${esc(VERDICT_LABELS[step.verdict])}</span></td><td>${step.requirements.map(esc).join(', ')}</td><td class="num">${frNumber(step.durationMs)} ms</td><td>${esc(step.message ?? '')}</td></tr>`).join('\n')}
</tbody></table>`)
  return `<section id="scenarios"><h2>Scénarios</h2>${blocks.join('\n') || '<p>Aucun scénario exécuté.</p>'}</section>`
}

function unhandled(ctx: Ctx): string {
  if (ctx.report.unhandled.length === 0) return ''
  return `<section id="non-attendues"><h2>Requêtes sans service simulé correspondant</h2>${ctx.report.unhandled.map((id) => evidenceBlock(ctx, id, anchor('unh', id))).join('\n')}</section>`
}

function evidenceAnnex(ctx: Ctx): string {
  return `<section id="preuves"><h2>Toutes les preuves</h2><p>Octets bruts dans le dossier <code>evidence/</code> de la campagne ; empreintes sha256 ci-dessous.</p>
${ctx.report.evidence.map((e) => evidenceBlock(ctx, e.id, anchor('ev', e.id))).join('\n')}</section>`
}

/** Writes report.html next to report.json at the end of a run. */
export class HtmlReporter implements Reporter {
  constructor(private readonly runDir: string) {}

  onRunEnd(report: RunReport): Promise<void> {
    return htmlOptionsFor(this.runDir, report).then((options) => writeFileSync(join(this.runDir, HTML_FILE), renderHtml(report, options)))
  }
}

/** Evidence reader, zips found in evidence and, when the run has them, indicators, for a run directory. */
export async function htmlOptionsFor(runDir: string, report: RunReport): Promise<HtmlOptions> {
  const indicatorsPath = join(runDir, INDICATORS_FILE)
  let indicators: IndicatorsView | undefined
  if (existsSync(indicatorsPath)) {
    try {
      const data: unknown = JSON.parse(readFileSync(indicatorsPath, 'utf8'))
      if (isIndicatorsView(data)) indicators = data
    } catch {
      indicators = undefined
    }
  }
  const evidence = runDirReader(runDir)
  return { evidence, archives: await loadArchiveViews(report, evidence), ...(indicators ? { indicators } : {}) }
}
