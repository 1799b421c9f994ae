/**
 * An input the indicators cannot use at all: a file that is not the export format, an unreadable
 * file, an invalid configuration. The CLI turns it into exit 4 with this one-line French message.
 * Bad rows inside a valid file are not errors: they are counted and reported (bad-rows.ts).
 */
export class IndicatorsInputError extends Error {
  override readonly name = 'IndicatorsInputError'
}
