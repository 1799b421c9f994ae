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
${warnings.length > 0 ? `<ul class="warnings">${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : ''}
</section>`
}
