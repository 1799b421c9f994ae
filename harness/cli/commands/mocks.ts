import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { startMocks } from '../../../mocks/index.ts'
import { EvidenceStore } from '../../evidence/index.ts'

interface MocksFlags {
  out?: string
  printEndpoints?: boolean
  tls?: boolean
}

export function registerMocks(program: Command): void {
  program
    .command('mocks')
    .description('démarre seulement les simulateurs des services nationaux, jusqu\'à Ctrl-C')
    .option('--out <dir>', 'dossier où enregistrer les échanges reçus (défaut : runs/mocks-<date>)')
    .option('--tls', 'DMP et Annuaire en HTTPS (certificat de l\'autorité de test : clé « ca » des points d\'accès)')
    .option('--print-endpoints', 'n\'afficher que le JSON des points d\'accès (première ligne de la sortie dans tous les cas)')
    .action(async (flags: MocksFlags) => {
      const dir = resolve(flags.out ?? `runs/mocks-${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}`)
      mkdirSync(dir, { recursive: true })
      const mocks = await startMocks({ evidence: new EvidenceStore(dir), runDir: dir, tls: flags.tls ?? false })
      // First stdout line = endpoints JSON (the contract scripts rely on).
      process.stdout.write(`${JSON.stringify(mocks.endpoints())}\n`)
      if (!flags.printEndpoints) process.stderr.write(`dui-harness : simulateurs démarrés, échanges enregistrés dans ${dir} ; Ctrl-C pour arrêter\n`)
      await new Promise<void>((done) => {
        process.once('SIGINT', done)
        process.once('SIGTERM', done)
      })
      await mocks.close()
    })
}
