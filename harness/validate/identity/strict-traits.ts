import type { Issue } from '../../core/issue.ts'

/**
 * The strict traits of an identity (RNIV, brief §7): what the INSi is searched with and what a
 * qualified identity carries. Names as on the birth certificate, never the used names.
 */
export interface StrictTraits {
  readonly birthFamilyName: string
  readonly firstBirthGivenName: string
  /** Every birth given name, space separated. */
  readonly birthGivenNames: string
  readonly sex: 'F' | 'M'
  /** YYYY-MM-DD */
  readonly birthDate: string
  /** INSEE (COG) code of the birth place, e.g. `2A020`. */
  readonly birthPlaceCode: string
}

/** Comparison used by the INSi: case, accents and surrounding blanks do not count. */
export function sameTrait(a: string, b: string): boolean {
  return normalizeTrait(a) === normalizeTrait(b)
}

export function normalizeTrait(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().replace(/\s+/g, ' ').toUpperCase()
}

export type TraitName = keyof StrictTraits

export const TRAIT_LABELS: Record<TraitName, string> = {
  birthFamilyName: 'nom de naissance',
  firstBirthGivenName: 'premier prénom de naissance',
  birthGivenNames: 'liste des prénoms de naissance',
  sex: 'sexe',
  birthDate: 'date de naissance',
  birthPlaceCode: 'lieu de naissance (code COG)',
}

/**
 * Issues for each strict trait that differs between `expected` and `actual` (only the traits
 * `expected` names). `where` says what carried them, e.g. « la requête INSi ».
 */
export function traitDifferences(
  expected: Partial<StrictTraits>,
  actual: Partial<Record<TraitName, string | undefined>>,
  where: string,
  base: Pick<Issue, 'rule'> & Partial<Pick<Issue, 'requirement' | 'evidence'>>,
  pathOf: (trait: TraitName) => string,
): Issue[] {
  const issues: Issue[] = []
  for (const [name, value] of Object.entries(expected) as [TraitName, string][]) {
    const found = actual[name]
    if (found === undefined || found === '') {
      issues.push({ ...base, severity: 'error', code: 'required', message: `${where} ne porte pas le ${TRAIT_LABELS[name]} (trait strict attendu : « ${value} »)`, location: { path: pathOf(name) } })
    } else if (!sameTrait(found, value)) {
      issues.push({ ...base, severity: 'error', code: 'value', message: `${where} porte « ${found} » comme ${TRAIT_LABELS[name]}, le trait strict est « ${value} »`, location: { path: pathOf(name) }, params: { trait: name, expected: value, actual: found } })
    }
  }
  return issues
}
