import { GridInputError } from './grid-input-error.ts'
import type { TableRow } from './table.ts'

/** The row fields a grid column can feed. */
export type GridField = 'section' | 'reference' | 'text' | 'level' | 'proofReference' | 'proofNature' | 'proofCheck' | 'profile' | 'bloc' | 'fonction'

/** Without these four a line cannot be read as an official requirement (brief §2.1). */
// The category (EXIGENCE / PRECONISATION) is read when present: the ANS convergence template does
// not write it, and such a grid is still worth mapping.
export const REQUIRED_FIELDS: readonly GridField[] = ['section', 'reference', 'text']

/** French name of each field, as the error messages and the documentation say it. */
export const FIELD_LABELS: Readonly<Record<GridField, string>> = {
  section: 'section (SECTION, « INS_Gestion de l\'ins »)',
  reference: 'référence (numeroExigence, « INS/va1.53 »)',
  text: 'énoncé (enonceExigence, description)',
  level: 'catégorie (« Exigence (Doit) » / « Préconisation (Peut) »)',
  proofReference: 'référence de preuve (REF_PREUVE)',
  proofNature: 'nature de preuve (NATPREUVE)',
  proofCheck: 'vérification de preuve (VERIF_PREUVE)',
  profile: 'profil (PROFIL)',
  bloc: 'bloc (BLOC)',
  fonction: 'fonction (FONCTION)',
}

/**
 * Header spellings seen in Squash exports and hand-made grids, compared once reduced by
 * `headerKey` (no case, no accent, letters and digits only): `N° exigence`, `numeroExigence`
 * and `NUMERO_EXIGENCE` are one key.
 */
const ALIASES: Readonly<Record<GridField, readonly string[]>> = {
  section: ['section', 'idsection', 'chapitre'],
  reference: ['reference', 'ref', 'refexigence', 'referenceexigence', 'referencedelexigence', 'numeroexigence', 'numerodexigence', 'numexigence', 'nexigence', 'ndexigence', 'noexigence', 'nodexigence', 'idexigence', 'identifiantexigence', 'identifiant'],
  text: ['description', 'enonce', 'enonceexigence', 'enoncedelexigence', 'libelle', 'libelleexigence', 'texte', 'texteexigence'],
  level: ['category', 'categorie', 'categorieexigence', 'niveau', 'niveauexigence', 'type', 'typeexigence', 'nature', 'natureexigence', 'exigencepreconisation', 'exigenceoupreconisation', 'doitpeut'],
  proofReference: ['refpreuve', 'referencepreuve', 'referencedelapreuve', 'npreuve', 'nopreuve', 'numeropreuve'],
  proofNature: ['natpreuve', 'naturepreuve', 'naturedelapreuve', 'preuve', 'preuves', 'preuveattendue'],
  proofCheck: ['verifpreuve', 'verificationpreuve', 'verificationdelapreuve', 'modedeverification', 'pointsdeverification'],
  profile: ['profil', 'profile'],
  bloc: ['bloc'],
  fonction: ['fonction', 'function'],
}

const FIELD_BY_KEY: ReadonlyMap<string, GridField> = new Map(
  (Object.entries(ALIASES) as [GridField, readonly string[]][]).flatMap(([field, keys]) => keys.map((key) => [key, field] as const)),
)

/** Lines looked at for the header: exports may put a title block above it. */
const HEADER_SEARCH_ROWS = 30

export interface GridHeader {
  /** Line of the header row. */
  readonly line: number
  /** 0-based column of each field found. */
  readonly columns: Readonly<Partial<Record<GridField, number>>>
}

/** `N° d'exigence` → `ndexigence`: lower case, accents dropped, letters and digits only. */
export function headerKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '')
}

/**
 * The first row, among the first ones, naming every required field; the first column wins when
 * two name the same field. None: the error names the missing fields of the closest row and the
 * headers it read there.
 */
export function findHeader(rows: readonly TableRow[], name: string): GridHeader {
  let best: { row: TableRow; columns: Partial<Record<GridField, number>>; found: number } | undefined
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columns: Partial<Record<GridField, number>> = {}
    row.cells.forEach((cell, index) => {
      const field = FIELD_BY_KEY.get(headerKey(cell))
      if (field && columns[field] === undefined) columns[field] = index
    })
    const found = REQUIRED_FIELDS.filter((field) => columns[field] !== undefined).length
    if (found === REQUIRED_FIELDS.length) return { line: row.line, columns }
    if (!best || found > best.found) best = { row, columns, found }
  }
  if (!best) throw new GridInputError(`${name} : grille vide (aucune ligne lue)`)
  const missing = REQUIRED_FIELDS.filter((field) => best.columns[field] === undefined).map((field) => FIELD_LABELS[field])
  const read = best.row.cells.filter((cell) => cell.trim() !== '').map((cell) => `« ${cell.trim()} »`).join(', ')
  throw new GridInputError(`${name} : colonne(s) manquante(s) : ${missing.join(' ; ')} — en-têtes lus ligne ${best.row.line} : ${read || 'aucun'}`)
}
