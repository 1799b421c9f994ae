import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

/**
 * Compiles an XSLT file to a SaxonJS SEF with the xslt3 compiler, in a child process (the
 * compile of the large kit schematrons takes tens of seconds and several hundred MB).
 */
export async function compileXsltToSef(xslFile: string, sefFile: string, signal?: AbortSignal): Promise<void> {
  let xslt3: string
  try {
    xslt3 = createRequire(import.meta.url).resolve('xslt3/xslt3.js')
  } catch {
    throw new Error('le compilateur XSLT « xslt3 » est absent : installez les dépendances de développement (npm ci) pour le mode kit')
  }
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=4096', xslt3, `-xsl:${xslFile}`, `-export:${sefFile}`, '-nogo'], { stdio: ['ignore', 'ignore', 'pipe'], ...(signal ? { signal } : {}) })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 20_000) stderr += chunk.toString('utf8')
    })
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`compilation XSLT de ${xslFile} en échec (code ${code}) : ${stderr.trim().slice(0, 2000)}`))))
  })
}
