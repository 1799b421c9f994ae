import { BAD_ROW_LABELS } from './bad-rows.ts'
import { EVENT_KIND_LABELS } from './event-kind.ts'
import type { BadRowReason } from './bad-rows.ts'
import type { EventKind } from './event-kind.ts'
import type { IndicatorResult, IndicatorsReport } from './report.ts'

/** The French text rendering of a report (the CLI's default output). */

const number = new Intl.NumberFormat('fr-FR')
const decimal = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })

function percent(value: number | null): string {
  return value === null ? 'n.c.' : `${decimal.format(value)} %`
}

function pad(text: string, width: number, right = false): string {
  const gap = Math.max(0, width - [...text].length)
  return right ? ' '.repeat(gap) + text : text + ' '.repeat(gap)
}

function statusWord(result: IndicatorResult): string {
  if (result.status === 'met') return 'atteint'
  if (result.status === 'not-computable') return 'non calculable'
  return `non atteint (${result.missingRecords} dossier${result.missingRecords > 1 ? 's' : ''} manquant${result.missingRecords > 1 ? 's' : ''})`
}

function indicatorTable(report: IndicatorsReport, results: readonly IndicatorResult[]): string[] {
  const width = Math.max(...report.indicators.map((i) => [...i.label].length))
  const head = `  ${pad('Indicateur', width)}  ${pad('Num.', 9, true)}  ${pad('Dén.', 9, true)}  ${pad('Taux', 8, true)}  ${pad('Cible', 6, true)}  ${pad('Écart', 9, true)}  Verdict`
  return [
    head,
    ...results.map((r, i) => {
      const margin = r.marginPoints === null ? 'n.c.' : `${r.marginPoints >= 0 ? '+' : ''}${decimal.format(r.marginPoints)} pt`
      return `  ${pad(report.indicators[i]!.label, width)}  ${pad(number.format(r.numerator), 9, true)}  ${pad(number.format(r.denominator), 9, true)}  ${pad(percent(r.rate), 8, true)}  ${pad(`${r.target} %`, 6, true)}  ${pad(margin, 9, true)}  ${statusWord(r)}`
    }),
  ]
}

const SHORT_LABELS = ['Actifs', 'Projet pers.', 'Agenda', 'MSSanté', 'DMP']

export function formatReportText(report: IndicatorsReport): string {
  const out: string[] = []
  out.push(`Indicateurs d’usage ESMS numérique — date de mesure ${report.at}`)
  out.push(`Verdict : ${report.verdict.met ? 'OBJECTIFS ATTEINTS' : 'OBJECTIFS NON ATTEINTS'} — ${report.verdict.summary}`)
  out.push('')
  out.push(report.definitions.notice)
  out.push(`Configuration : ${report.definitions.configFile ?? 'valeurs par défaut'}.`)
  out.push('')
  out.push('Définitions des indicateurs')
  for (const indicator of report.indicators) {
    out.push(`  ${indicator.label} (cible ${indicator.target} %)`)
    out.push(`    numérateur : ${indicator.numeratorRule}`)
    out.push(`    dénominateur : ${indicator.denominatorRule}`)
  }
  out.push('')
  out.push('Règles')
  for (const rule of report.rules) out.push(`  - ${rule}`)
  out.push('')
  const input = report.input
  const kinds = (Object.entries(input.eventsByKind) as [EventKind, number][]).map(([k, n]) => `${EVENT_KIND_LABELS[k]} ${number.format(n)}`).join(', ')
  out.push(`Export : ${input.files.length} fichier${input.files.length > 1 ? 's' : ''}, ${number.format(input.usagers)} dossiers, ${number.format(input.events)} évènements (${kinds}).`)
  if (input.badRows.total === 0) out.push('Lignes invalides : aucune.')
  else {
    const reasons = (Object.entries(input.badRows.byReason) as [BadRowReason, number][]).map(([r, n]) => `${BAD_ROW_LABELS[r]} : ${number.format(n)}`).join(' ; ')
    out.push(`Lignes invalides : ${number.format(input.badRows.total)} (${reasons}).`)
    for (const row of input.badRows.listed) out.push(`  ${row.file}:${row.line} : ${row.message} — ${row.text}`)
    if (input.badRows.listed.length < input.badRows.total) out.push(`  … et ${number.format(input.badRows.total - input.badRows.listed.length)} autres (toutes comptées ci-dessus).`)
  }
  out.push('')
  for (const project of report.projects) {
    out.push(`Projet ${project.implicit ? '' : `${project.id} `}« ${project.label} » — ${project.finess.length} ESSMS, ${project.essmsMeetingAll} atteignant seuls tous les objectifs : ${project.verdict.met ? 'OBJECTIFS ATTEINTS' : 'OBJECTIFS NON ATTEINTS'}`)
    for (const warning of project.warnings) out.push(`  Attention : ${warning}`)
    out.push(...indicatorTable(report, project.indicators))
    out.push('')
  }
  out.push('Par ESSMS (taux ; ✗ = cible non atteinte)')
  const cells = (r: IndicatorResult): string => `${percent(r.rate)}${r.status === 'met' ? ' ' : '✗'}`
  out.push(`  ${pad('FINESS', 9)}  ${pad('Projet', 10)}  ${pad('Dossiers', 8, true)}  ${pad('Accomp.', 8, true)}  ${SHORT_LABELS.map((l) => pad(l, 12, true)).join('  ')}  Verdict`)
  for (const e of report.essms) {
    out.push(
      `  ${pad(e.finess, 9)}  ${pad(e.project ?? '—', 10)}  ${pad(number.format(e.usagers), 8, true)}  ${pad(number.format(e.accompanied), 8, true)}  ${e.indicators.map((r) => pad(cells(r), 12, true)).join('  ')}  ${e.verdict.met ? 'atteint' : 'non atteint'}`,
    )
  }
  const check = report.crossCheck
  if (check !== undefined) {
    out.push('')
    out.push(`Contrôle croisé avec le trafic observé : ${check.flagged ? 'SUR-DÉCLARATION RELEVÉE' : 'conforme'} (${check.identities} identités de test, ${check.exported} évènements exportés, ${check.observed} observés).`)
    out.push(`  Règle : ${check.rule}`)
    for (const f of check.overReported) out.push(`  Sur-déclaré : INS ${f.usager}, ${EVENT_KIND_LABELS[f.kind]} : ${f.exported} exporté(s) pour ${f.observed} observé(s) (${f.exportedDates.join(', ')})`)
    for (const f of check.underReported) out.push(`  Sous-déclaré (non bloquant) : INS ${f.usager}, ${EVENT_KIND_LABELS[f.kind]} : ${f.exported} exporté(s) pour ${f.observed} observé(s)`)
  }
  return `${out.join('\n')}\n`
}
