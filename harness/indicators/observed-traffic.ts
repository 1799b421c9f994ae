import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { parseDay } from './day.ts'
import { IndicatorsInputError } from './input-error.ts'
import { TRAFFIC_KINDS } from './cross-check.ts'
import type { TrafficEvent } from './cross-check.ts'

/**
 * The `--observed` file written by the campaign runner: an array of
 * `{ "usager": "<INS>", "kind": "mssante-send" | "dmp-feed", "at": "<ISO date>" }` (extra keys
 * allowed), or `{ "identities": [INS...], "traffic": [...] }` to also name test identities that
 * produced no traffic at all.
 */
export interface ObservedTraffic {
  readonly identities: readonly string[]
  readonly traffic: readonly TrafficEvent[]
}

const event = {
  type: 'object',
  required: ['usager', 'kind', 'at'],
  properties: {
    usager: { type: 'string', minLength: 1 },
    kind: { enum: [...TRAFFIC_KINDS] },
    at: { type: 'string' },
  },
} as const

const schema = {
  oneOf: [
    { type: 'array', items: event },
    {
      type: 'object',
      additionalProperties: false,
      required: ['traffic'],
      properties: { identities: { type: 'array', items: { type: 'string', minLength: 1 } }, traffic: { type: 'array', items: event } },
    },
  ],
} as const

const validate = new Ajv({ allErrors: true }).compile(schema)

export function parseObservedTraffic(input: unknown, source: string): ObservedTraffic {
  if (!validate(input)) {
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ')
    throw new IndicatorsInputError(`${source} : trafic observé invalide : ${errors}`)
  }
  const value = input as TrafficEvent[] | { identities?: string[]; traffic: TrafficEvent[] }
  const traffic = Array.isArray(value) ? value : value.traffic
  traffic.forEach((e, i) => {
    if (Number.isNaN(parseDay(e.at))) throw new IndicatorsInputError(`${source} : élément ${i} : date « ${e.at} » invalide`)
  })
  const identities = Array.isArray(value) ? traffic.map((e) => e.usager) : [...(value.identities ?? []), ...traffic.map((e) => e.usager)]
  return { identities: [...new Set(identities)], traffic: traffic.map((e) => ({ usager: e.usager, kind: e.kind, at: e.at })) }
}

export function loadObservedTraffic(path: string): ObservedTraffic {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new IndicatorsInputError(`${path} : trafic observé illisible ou pas du JSON (${(error as Error).message})`)
  }
  return parseObservedTraffic(parsed, path)
}
