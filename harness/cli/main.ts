// Entry point of the `dui-harness` command (run through tsx by bin/dui-harness.js and npm scripts).
import { main } from './program.ts'

process.exitCode = await main(process.argv.slice(2))
