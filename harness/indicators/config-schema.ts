import { EVENT_KINDS } from './event-kind.ts'
import { INDICATOR_IDS } from './config.ts'

/**
 * JSON Schema of the `--config` file: every key optional, every object closed, so a misspelt
 * key is an error (exit 4) rather than a silently ignored setting.
 */

const eventKinds = {
  type: 'array',
  items: { enum: [...EVENT_KINDS] },
  minItems: 1,
  uniqueItems: true,
} as const

const window = {
  type: 'object',
  additionalProperties: false,
  properties: {
    months: { type: 'integer', minimum: 1, maximum: 120 },
    endMonthsBefore: { type: 'integer', minimum: 0, maximum: 120 },
  },
} as const

const indicator = {
  type: 'object',
  additionalProperties: false,
  properties: {
    label: { type: 'string', minLength: 1 },
    target: { type: 'number', minimum: 0, maximum: 100 },
    window,
    denominator: { enum: ['accompanied', 'active'] },
    numerator: {
      oneOf: [
        { const: 'active' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['eventKinds', 'since'],
          properties: { eventKinds, since: { enum: ['window-start', 'any-time'] } },
        },
      ],
    },
  },
} as const

export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    window,
    activeEventKinds: eventKinds,
    indicators: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(INDICATOR_IDS.map((id) => [id, indicator])),
    },
    projects: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'finess'],
        properties: {
          id: { type: 'string', minLength: 1 },
          label: { type: 'string' },
          finess: { type: 'array', items: { type: 'string', pattern: '^(?:[0-9]{2}|2[AB])[0-9]{7}$' }, uniqueItems: true },
        },
      },
    },
    minEssmsPerProject: { type: 'integer', minimum: 1 },
    maxListedBadRows: { type: 'integer', minimum: 0 },
  },
} as const
