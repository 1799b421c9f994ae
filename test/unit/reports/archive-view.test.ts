import { describe, expect, it } from 'vitest'
import { zipSync } from 'fflate'
import type { RunReport } from '../../../harness/core/report.ts'
import { loadArchiveViews } from '../../../reports/archive-view.ts'
import { sampleXdm } from '../../fixtures/reports/sample-run.ts'

function reportWith(paths: readonly string[]): RunReport {
  return { evidence: [{ id: 'e-0001', kind: 'file', direction: 'incoming', at: '2026-11-22T10:00:00.000Z', summary: 'x', source: 't', files: paths.map((path) => ({ path, role: 'file', sha256: '0', bytes: 0 })) }] } as unknown as RunReport
}

describe('zip viewer', () => {
  it('lists a zip evidence file as is', async () => {
    const views = await loadArchiveViews(reportWith(['evidence/e-0001/IHE_XDM.ZIP']), () => sampleXdm())
    const [view] = views.get('evidence/e-0001/IHE_XDM.ZIP')!
    expect(view!.label).toBe('IHE_XDM.ZIP')
    expect(view!.entries.map((e) => e.name)).toEqual(['README.TXT', 'IHE_XDM/SUBSET01/METADATA.XML', 'IHE_XDM/SUBSET01/DOC0001.XML'])
    expect(view!.entries[2]!.cda?.find((f) => f.label === 'Titre')?.value).toBe("Projet personnalisé d'accompagnement")
  })

  it('says why an archive beyond the limits is not listed, instead of reading it', async () => {
    const many = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}.txt`, new Uint8Array(1)]))
    const views = await loadArchiveViews(reportWith(['evidence/e-0001/big.zip']), () => Buffer.from(zipSync(many)))
    expect(views.get('evidence/e-0001/big.zip')![0]!.error).toBe('archive zip refusée : 300 entrées (maximum 200)')
  })

  it('ignores files that are not zips', async () => {
    expect((await loadArchiveViews(reportWith(['evidence/e-0001/a.txt']), () => Buffer.from('texte'))).size).toBe(0)
  })
})
