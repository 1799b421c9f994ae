import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { DriverError } from './driver.ts'
import { HttpDriver } from './http-driver.ts'
import { defects, findDefect } from '../../examples/reference-dui/defects/index.ts'

const MAIN = fileURLToPath(new URL('../../examples/reference-dui/main.ts', import.meta.url))
const START_TIMEOUT_MS = 30_000
/** tsx's loader by absolute URL: the reference DUI is TypeScript, run without a build step. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

export { defects as referenceDefects }

/** The reference DUI was asked for with a defect it does not have. */
export class UnknownDefectError extends Error {
  override readonly name = 'UnknownDefectError'
}

function knownDefect(defectName: string | undefined) {
  if (defectName === undefined) return undefined
  const defect = findDefect(defectName)
  if (!defect) throw new UnknownDefectError(`défaut inconnu « ${defectName} » ; défauts disponibles : ${defects.map((d) => d.name).join(', ')}`)
  return defect
}

/**
 * Starts the reference DUI (optionally with a seeded defect) as its own process — it talks to
 * the simulators over the network like any candidate — and drives it over HTTP.
 */
export async function startReferenceCandidate(defectName?: string): Promise<HttpDriver> {
  knownDefect(defectName)
  const child = spawn(process.execPath, ['--import', TSX_LOADER, MAIN, ...(defectName ? ['--defect', defectName] : [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000)
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DriverError(`le DUI de référence n'a pas démarré en ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new DriverError(`le DUI de référence s'est arrêté au démarrage (code ${code}) : ${stderr.trim()}`))
    })
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer)
      try {
        resolve((JSON.parse(line) as { url: string }).url)
      } catch {
        reject(new DriverError(`sortie inattendue du DUI de référence : ${line}`))
      }
    })
  }).catch((error: unknown) => {
    child.kill('SIGKILL')
    throw error
  })
  const label = defectName ? `reference:${defectName}` : 'reference'
  return new HttpDriver(url, label, async () => {
    if (child.exitCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))])
    if (child.exitCode === null) child.kill('SIGKILL')
  })
}

/**
 * The same reference DUI served from this process: still driven over HTTP on a loopback port and
 * still talking to the simulators over the network, without the cost of starting a process. The
 * self-test uses it to run its many campaigns; `run` keeps the separate process.
 */
export async function startReferenceInProcess(defectName?: string): Promise<HttpDriver> {
  const defect = knownDefect(defectName)
  const { createDriverServer, listen } = await import('../../examples/reference-dui/driver-server.ts')
  const server = createDriverServer(defect)
  const url = await listen(server, '127.0.0.1', 0)
  return new HttpDriver(url, defectName ? `reference:${defectName}` : 'reference', async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
}
