import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { verifyBundle } from '../../../reports/bundle-verify.ts'
import { CliError, ExitCode } from '../exit-codes.ts'

interface VerifyFlags {
  publicKey?: string
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('vérifie un paquet de preuves scellé : empreintes, signature, fichiers ajoutés ou retirés')
    .argument('<bundle.zip>', 'paquet produit par une campagne (bundle.zip)')
    .option('--public-key <pem>', 'clé publique Ed25519 attendue (PEM) ; sans elle, la clé incluse prouve l\'intégrité, pas l\'origine')
    .action(async (path: string, flags: VerifyFlags) => {
      process.exitCode = await verifyCommand(path, flags)
    })
}

async function verifyCommand(path: string, flags: VerifyFlags): Promise<number> {
  const zip = readInput(path, 'paquet')
  const trustedPublicKey = flags.publicKey ? readInput(flags.publicKey, 'clé publique').toString('utf8') : undefined
  const result = await verifyBundle(zip, trustedPublicKey ? { trustedPublicKey } : {})
  const out = (line: string) => process.stdout.write(`${line}\n`)
  if (result.intact && result.manifest) {
    const origin = result.manifest.signature.keyOrigin === 'ephemeral' && !trustedPublicKey ? ' (clé éphémère incluse : intégrité prouvée, pas l\'origine)' : ''
    out(`Paquet intact : ${result.checked} fichier(s) vérifié(s), campagne ${result.manifest.runId}, scellé le ${result.manifest.sealedAt}`)
    out(`Signature Ed25519 valide, clé ${result.fingerprint}${origin}`)
    if (result.note) out(`Remarque : ${result.note}`)
    return ExitCode.ok
  }
  out(`Paquet altéré : ${result.problems.length} problème(s)`)
  for (const problem of result.problems) out(`  ✖ ${problem.message}`)
  return ExitCode.failed
}

function readInput(path: string, what: string): Buffer {
  try {
    return readFileSync(path)
  } catch (error) {
    throw new CliError(`${what} ${path} illisible : ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ExitCode.badInput)
  }
}
