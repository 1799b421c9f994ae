import { describe, expect, it } from 'vitest'
import { validateProvideBundle } from '../../../../harness/validate/fhir/mhd/index.ts'
import { validProvideBundle } from '../../../fixtures/fhir/provide-bundle.ts'

const issuesOf = async (bundle: unknown, rule: string) => (await validateProvideBundle(JSON.stringify(bundle))).issues.filter((i) => i.rule === rule)

describe('fhir/r4-schema (DMP-001): the official FHIR R4 JSON schema', () => {
  it('accepts the valid bundle', async () => {
    expect(await issuesOf(validProvideBundle(), 'fhir/r4-schema')).toEqual([])
  })

  it.each([
    ['a status outside the FHIR code list', (b: any) => (b.entry[1].resource.status = 'actif'), 'Bundle.entry[1].resource.status', /valeurs permises \(current, superseded, entered-in-error\)/],
    ['an element FHIR R4 does not define', (b: any) => (b.entry[1].resource.colour = 'red'), 'Bundle.entry[1].resource', /élément inconnu de FHIR R4 : « colour »/],
    ['a date in French format', (b: any) => (b.entry[0].resource.date = '22/11/2026'), 'Bundle.entry[0].resource.date', /format invalide/],
    ['a size written as text', (b: any) => (b.entry[1].resource.content[0].attachment.size = '1234'), 'Bundle.entry[1].resource.content[0].attachment.size', /type attendu/],
  ])('refuses %s, at its location', async (_what, mutate, path, message) => {
    const bundle = validProvideBundle()
    mutate(bundle)
    const issues = await issuesOf(bundle, 'fhir/r4-schema')
    expect(issues).toContainEqual(expect.objectContaining({ requirement: 'DMP-001', location: { path } }))
    expect(issues.map((i) => i.message).join('\n')).toMatch(message)
  })
})

describe('pdsm/profile-constraints (DMP-001): PDSm cardinalities as FHIRPath', () => {
  it('accepts the valid bundle', async () => {
    expect(await issuesOf(validProvideBundle(), 'pdsm/profile-constraints')).toEqual([])
  })

  it.each([
    ['custodian', (d: any) => delete d.custodian, 'pdsm-dr-custodian'],
    ['author', (d: any) => delete d.author, 'pdsm-dr-author'],
    ['attachment title', (d: any) => delete d.content[0].attachment.title, 'pdsm-dr-attachment'],
    ['context.period.start', (d: any) => delete d.context.period, 'pdsm-dr-period'],
  ])('refuses a DocumentReference without %s', async (_what, mutate, constraint) => {
    const bundle = validProvideBundle()
    mutate(bundle['entry'][1].resource)
    expect(await issuesOf(bundle, 'pdsm/profile-constraints')).toEqual([expect.objectContaining({ requirement: 'DMP-001', params: { constraint } })])
  })

  it('refuses a submission set without sourceId', async () => {
    const bundle = validProvideBundle()
    delete bundle['entry'][0].resource.extension
    expect(await issuesOf(bundle, 'pdsm/profile-constraints')).toEqual([expect.objectContaining({ location: { path: 'Bundle.entry[0].resource.extension' }, params: { constraint: 'pdsm-ss-source-id' } })])
  })
})
