import { formatDay, NO_DAY } from './day.ts'
import { EVENT_KIND_LABELS } from './event-kind.ts'
import { describeRange } from './plan.ts'
import type { EventKind } from './event-kind.ts'
import type { IndicatorsConfig } from './config.ts'
import type { ComputationPlan, DayRange, PlannedIndicator } from './plan.ts'
import type { DayRangeView } from './report.ts'

/** The French rules printed in every report and in docs/indicators-export.md. */

export const UNVERIFIED_NOTICE =
  'Définitions NON VÉRIFIÉES : les formules officielles (annexe de l’instruction, guide CNSA) n’ont pas été trouvées. ' +
  'Les valeurs par défaut reprennent les cibles publiées pour les appels à projets 2024 (90 / 90 / 90 / 70 / 70 %, ' +
  'fenêtre de 3 mois avant la date de mesure ; le tableau publié indique « 3 à 6 mois » pour MSSanté et DMP) ; ' +
  'numérateurs, dénominateurs, fenêtres et cibles se règlent par --config.'

function kinds(list: readonly EventKind[]): string {
  return list.map((k) => `« ${EVENT_KIND_LABELS[k]} »`).join(' ou ')
}

export function rangeView(range: DayRange): DayRangeView {
  return range.start === NO_DAY ? { end: formatDay(range.end) } : { start: formatDay(range.start), end: formatDay(range.end) }
}

export function numeratorKinds(indicator: PlannedIndicator, config: IndicatorsConfig): readonly EventKind[] {
  const numerator = indicator.config.numerator
  return numerator === 'active' ? config.activeEventKinds : numerator.eventKinds
}

export function denominatorRule(indicator: PlannedIndicator): string {
  const window = describeRange(indicator.window)
  return indicator.config.denominator === 'accompanied'
    ? `usagers accompagnés dans la fenêtre (${window})`
    : `dossiers actifs dans la fenêtre (${window})`
}

export function numeratorRule(indicator: PlannedIndicator, config: IndicatorsConfig): string {
  if (indicator.config.numerator === 'active') return `dossiers du dénominateur actifs dans la fenêtre (${describeRange(indicator.window)})`
  return `dossiers du dénominateur ayant au moins un évènement ${kinds(indicator.config.numerator.eventKinds)} daté ${describeRange(indicator.numeratorRange)}`
}

export function describeRules(plan: ComputationPlan, config: IndicatorsConfig): string[] {
  const windows = [...new Set(plan.indicators.map((i) => describeRange(i.window)))]
  return [
    `Date de mesure : ${formatDay(plan.at)} (exclue). Fenêtre${windows.length > 1 ? 's' : ''} : ${windows.join(' ; ')} (mois calendaires avant la date de mesure, jour ramené au dernier jour du mois si besoin).`,
    'Usager accompagné dans une fenêtre : dossier admis au plus tard le dernier jour de la fenêtre, et sans date de sortie ou sorti au plus tôt le premier jour de la fenêtre (le séjour chevauche la fenêtre, ne serait-ce qu’un jour ; une sortie dans la fenêtre laisse l’usager accompagné). Une admission après la fenêtre, donc après la date de mesure, n’est pas comptée.',
    `Dossier actif dans une fenêtre : dossier accompagné ayant au moins un évènement ${kinds(config.activeEventKinds)} daté dans la fenêtre.`,
    'Évènements : comptés par la date calendaire écrite dans l’export (AAAA-MM-JJ, heure et fuseau ignorés), y compris après la sortie ; « au moins un » suffit, un évènement en double compte une fois.',
    'Un indicateur est atteint quand numérateur × 100 ≥ cible × dénominateur ; un dénominateur nul le rend non calculable, compté comme non atteint.',
    'Projet : numérateurs et dénominateurs de ses ESSMS sont additionnés (taux groupé) ; le projet atteint ses objectifs quand ses cinq taux groupés sont atteints.',
    'Verdict global (code de sortie 0 ou 3) : atteint quand chaque projet atteint ses objectifs et que le contrôle croisé, s’il est demandé, ne relève aucune sur-déclaration.',
    'Lignes invalides : comptées et listées avec fichier et ligne, jamais utilisées ; seules les lignes vides sont sautées.',
  ]
}
