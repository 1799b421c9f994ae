/**
 * An official grid, a mapping file or an imported grid that cannot be used as given: unreadable,
 * malformed, a missing column, an id our catalogue does not hold. The message is one French line.
 */
export class GridInputError extends Error {
  override readonly name = 'GridInputError'
}
