/** One line of a grid as read, before column names mean anything: its number and its cells. */
export interface TableRow {
  /** 1-based: CSV line where the record starts, or the sheet's row number. */
  readonly line: number
  readonly cells: readonly string[]
}
