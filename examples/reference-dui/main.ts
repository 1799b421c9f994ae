// The reference DUI as a program: `tsx examples/reference-dui/main.ts [--port N] [--defect NAME]`.
// Prints one JSON line {"url": ...} on stdout once it listens, then serves until killed.
import { parseArgs } from 'node:util'
import { defects, findDefect } from './defects/index.ts'
import { createDriverServer, listen } from './driver-server.ts'

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, host: { type: 'string', default: '127.0.0.1' }, defect: { type: 'string' } },
})
const defect = values.defect ? findDefect(values.defect) : undefined
if (values.defect && !defect) {
  process.stderr.write(`défaut inconnu : ${values.defect} (connus : ${defects.map((d) => d.name).join(', ')})\n`)
  process.exit(4)
}
const server = createDriverServer(defect)
const url = await listen(server, values.host, Number(values.port))
process.stdout.write(`${JSON.stringify({ url, defect: defect?.name ?? null })}\n`)
const stop = () => server.close(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
