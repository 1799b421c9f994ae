import { esc } from './html-escape.ts'

/**
 * The part of an indicators report (harness/indicators, `dui-harness/indicators` JSON) the HTML
 * report shows. Declared here, structurally, so reporters do not depend on the indicators module.
 */
export interface IndicatorsView {
  readonly kind?: string
  readonly at: string
  readonly definitions?: { readonly notice?: string }
  readonly indicators: readonly { readonly id: string; readonly label: string; readonly target: number }[]
  readonly projects: readonly {
    readonly id: string
    readonly label: string
    readonly indicators: readonly {
      readonly id: string
      readonly numerator: number
      readonly denominator: number
      readonly rate: number | null
      readonly target: number
      readonly status: string
    }[]
    readonly verdict: { readonly met: boolean }
    readonly warnings?: readonly string[]
  }[]
  readonly verdict: { readonly met: boolean; readonly summary: string }
}

/** True when `value` has the shape the section needs (read from an untrusted indicators.json). */
export function isIndicatorsView(value: unknown): value is IndicatorsView {
  const v = value as Partial<IndicatorsView> | null
  return (
    typeof v === 'object' && v !== null && typeof v.at === 'string' && Array.isArray(v.indicators) && Array.isArray(v.projects) &&
    typeof v.verdict === 'object' && v.verdict !== null && typeof v.verdict.summary === 'string'
  )
}

const STATUS_LABELS: Readonly<Record<string, string>> = {
  met: 'atteint',
  'not-met': 'non atteint',
  'not-computable': 'non calculable',
}

/** The usage-indicator section; only called when indicators were computed for the run. */
export function renderIndicatorsSection(view: IndicatorsView): string {
  const labels = new Map(view.indicators.map((i) => [i.id, i.label]))
  const rows = view.projects.flatMap((project) =>
    project.indicators.map(
      (result) => `<tr data-status="${esc(result.status)}"><td>${esc(project.label)}</td><td>${esc(labels.get(result.id) ?? result.id)}</td>` +
        `<td class="num">${esc(result.numerator)} / ${esc(result.denominator)}</td><td class="num">${result.rate === null ? '—' : `${esc(result.rate)} %`}</td>` +
        `<td class="num">${esc(result.target)} %</td><td><span class="badge ind-${esc(result.status)}">${esc(STATUS_LABELS[result.status] ?? result.status)}</span></td></tr>`,
    ),
  )
  const warnings = view.projects.flatMap((p) => p.warnings ?? [])
  return `<section id="indicateurs"><h2>Indicateurs d'usage ESMS numérique</h2>
<p class="verdict-line ${view.verdict.met ? 'ok' : 'ko'}">${esc(view.verdict.summary)} <small>(mesure au ${esc(view.at)})</small></p>
${view.definitions?.notice ? `<p class="notice">${esc(view.definitions.notice)}</p>` : ''}
<table><thead><tr><th>Projet</th><th>Indicateur</th><th>Numérateur / dénominateur</th><th>Taux</th><th>Cible</th><th>Statut</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<div class="indicator-charts">${view.indicators.map((indicator) => renderIndicatorChart(indicator, view)).join('\n')}</div>
${warnings.length > 0 ? `<ul class="warnings">${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : ''}
</section>`
}

const BAR_HEIGHT = 18
const LABEL_WIDTH = 160
const CHART_WIDTH = 520

/**
 * One indicator as an inline SVG bar chart: a bar per project (its rate), the target as a dashed
 * line. Pure markup, no script or external asset; every text is escaped.
 */
export function renderIndicatorChart(indicator: IndicatorsView['indicators'][number], view: IndicatorsView): string {
  const results = view.projects.map((project) => ({ project, result: project.indicators.find((r) => r.id === indicator.id) }))
  const scale = (CHART_WIDTH - LABEL_WIDTH - 50) / 100
  const height = results.length * (BAR_HEIGHT + 6) + 24
  const targetX = LABEL_WIDTH + indicator.target * scale
  const bars = results
    .map(({ project, result }, i) => {
      const y = 8 + i * (BAR_HEIGHT + 6)
      const rate = result?.rate ?? null
      const width = rate === null ? 0 : Math.max(0, Math.min(100, rate)) * scale
      return `<text x="${LABEL_WIDTH - 6}" y="${y + BAR_HEIGHT - 5}" text-anchor="end">${esc(project.label)}</text>` +
        `<rect class="bar ind-${esc(result?.status ?? 'not-computable')}" x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}"><title>${esc(project.label)} : ${rate === null ? 'non calculable' : `${esc(rate)} %`}</title></rect>` +
        `<text x="${(LABEL_WIDTH + width + 4).toFixed(1)}" y="${y + BAR_HEIGHT - 5}">${rate === null ? '—' : `${esc(rate)} %`}</text>`
    })
    .join('')
  return `<figure class="indicator-chart" data-indicator="${esc(indicator.id)}"><figcaption>${esc(indicator.label)} — cible ${esc(indicator.target)} %</figcaption>
<svg role="img" aria-label="${esc(indicator.label)}" viewBox="0 0 ${CHART_WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" font-size="11">${bars}<line class="target" x1="${targetX.toFixed(1)}" x2="${targetX.toFixed(1)}" y1="2" y2="${height - 14}" stroke-dasharray="4 3"/><text x="${targetX.toFixed(1)}" y="${height - 2}" text-anchor="middle">cible ${esc(indicator.target)} %</text></svg></figure>`
}
