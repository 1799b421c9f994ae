import type { EventKind } from './event-kind.ts'

/**
 * The indicator definitions as configuration. The defaults are those of the domain brief §9,
 * which marks the exact formulas as unverified: every report says which definitions it used.
 */

export const INDICATOR_IDS = [
  'active-records',
  'personalised-project',
  'agenda-event',
  'mssante-use',
  'dmp-use',
] as const

export type IndicatorId = (typeof INDICATOR_IDS)[number]

/** A measurement window, in calendar months counted back from the measurement date (`--at`). */
export interface WindowConfig {
  /** Length of the window in months. */
  readonly months: number
  /** How many months before `--at` the window ends (0: it ends the day before `--at`). */
  readonly endMonthsBefore: number
}

/** Who counts in the denominator: accompanied in the window, or accompanied and active. */
export type DenominatorScope = 'accompanied' | 'active'

/** What puts a record in the numerator (always a subset of the denominator). */
export type NumeratorRule =
  /** The record is active in the indicator's window. */
  | 'active'
  | {
      /** At least one event of one of these kinds... */
      readonly eventKinds: readonly EventKind[]
      /** ...dated in the window, or at any time up to the window's last day. */
      readonly since: 'window-start' | 'any-time'
    }

export interface IndicatorConfig {
  readonly label: string
  /** Target rate, in percent. */
  readonly target: number
  readonly window: WindowConfig
  readonly denominator: DenominatorScope
  readonly numerator: NumeratorRule
}

/** A project: a grouping of ESSMS (FINESS géographique) funded together. */
export interface ProjectConfig {
  readonly id: string
  readonly label?: string
  readonly finess: readonly string[]
}

export interface IndicatorsConfig {
  /** Event kinds that make a record active when one is dated in the window. */
  readonly activeEventKinds: readonly EventKind[]
  readonly indicators: Readonly<Record<IndicatorId, IndicatorConfig>>
  /** Empty: one implicit project made of every ESSMS found in the export. */
  readonly projects: readonly ProjectConfig[]
  /** Projects smaller than this get a warning (15 per brief §9; 8 in Corsica and overseas). */
  readonly minEssmsPerProject: number
  /** How many bad rows are listed one by one (all are counted). */
  readonly maxListedBadRows: number
}

const THREE_MONTHS: WindowConfig = { months: 3, endMonthsBefore: 0 }

export const DEFAULT_CONFIG: IndicatorsConfig = {
  activeEventKinds: ['record-update'],
  indicators: {
    'active-records': {
      label: 'Taux de dossiers actifs',
      target: 90,
      window: THREE_MONTHS,
      denominator: 'accompanied',
      numerator: 'active',
    },
    'personalised-project': {
      label: 'Taux de dossiers actifs avec un projet personnalisé',
      target: 90,
      window: THREE_MONTHS,
      denominator: 'active',
      // A personalised project is written for a year or more: having one counts, not writing it in the window.
      numerator: { eventKinds: ['personalised-project'], since: 'any-time' },
    },
    'agenda-event': {
      label: "Taux de dossiers actifs ayant au moins un évènement dans l'agenda",
      target: 90,
      window: THREE_MONTHS,
      denominator: 'active',
      numerator: { eventKinds: ['agenda-event'], since: 'window-start' },
    },
    'mssante-use': {
      label: 'Taux d’utilisation de la MS Santé',
      target: 70,
      window: THREE_MONTHS,
      denominator: 'active',
      numerator: { eventKinds: ['mssante-send'], since: 'window-start' },
    },
    'dmp-use': {
      label: 'Taux d’utilisation du DMP',
      target: 70,
      window: THREE_MONTHS,
      denominator: 'active',
      numerator: { eventKinds: ['dmp-feed'], since: 'window-start' },
    },
  },
  projects: [],
  minEssmsPerProject: 15,
  maxListedBadRows: 100,
}
