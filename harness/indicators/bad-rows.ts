/** Why a row was not used. Every bad row is counted, and the first ones are listed with file and line. */
export type BadRowReason =
  | 'column-count'
  | 'json-invalid'
  | 'usager-id-missing'
  | 'finess-invalid'
  | 'date-invalid'
  | 'exit-before-admission'
  | 'usager-duplicate'
  | 'kind-unknown'
  | 'usager-unknown'

export const BAD_ROW_LABELS: Readonly<Record<BadRowReason, string>> = {
  'column-count': 'nombre de colonnes différent de l’en-tête',
  'json-invalid': 'ligne JSON invalide ou qui n’est pas un objet',
  'usager-id-missing': 'identifiant de dossier (usager_id) absent',
  'finess-invalid': 'FINESS géographique absent ou mal formé (9 caractères)',
  'date-invalid': 'date absente ou invalide (AAAA-MM-JJ attendu)',
  'exit-before-admission': 'date de sortie antérieure à la date d’admission',
  'usager-duplicate': 'dossier déjà déclaré (la première ligne est gardée)',
  'kind-unknown': 'type d’évènement inconnu',
  'usager-unknown': 'évènement d’un dossier absent des fichiers usagers',
}

export interface BadRow {
  readonly file: string
  readonly line: number
  readonly reason: BadRowReason
  /** The row as read, cut to 200 characters. */
  readonly text: string
}

/** A collector's content as plain data, to cross a worker boundary. */
export interface BadRowState {
  readonly total: number
  readonly byReason: readonly [BadRowReason, number][]
  readonly byFile: readonly [string, number][]
  readonly listed: readonly BadRow[]
}

/** Counts every bad row; keeps only the first `maxListed` verbatim so memory stays bounded. */
export class BadRowCollector {
  total = 0
  readonly byReason = new Map<BadRowReason, number>()
  readonly byFile = new Map<string, number>()
  readonly listed: BadRow[] = []

  constructor(private readonly maxListed: number) {}

  state(): BadRowState {
    return { total: this.total, byReason: [...this.byReason], byFile: [...this.byFile], listed: this.listed }
  }

  /**
   * Adds other collectors' rows (from workers). Listed rows are taken in file order then line,
   * so the listing is the same whether files were read in one thread or several.
   */
  absorb(states: readonly BadRowState[], fileOrder: readonly string[]): void {
    const rank = new Map(fileOrder.map((file, i) => [file, i]))
    for (const state of states) {
      this.total += state.total
      for (const [reason, n] of state.byReason) this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + n)
      for (const [file, n] of state.byFile) this.byFile.set(file, (this.byFile.get(file) ?? 0) + n)
    }
    const rows = states.flatMap((s) => s.listed).sort((a, b) => (rank.get(a.file) ?? 0) - (rank.get(b.file) ?? 0) || a.line - b.line)
    this.listed.push(...rows.slice(0, Math.max(0, this.maxListed - this.listed.length)))
  }

  add(file: string, line: number, reason: BadRowReason, buf: Buffer, start: number, end: number): void {
    this.total++
    this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1)
    this.byFile.set(file, (this.byFile.get(file) ?? 0) + 1)
    if (this.listed.length < this.maxListed) {
      this.listed.push({ file, line, reason, text: buf.toString('utf8', start, Math.min(end, start + 200)) })
    }
  }
}
