#!/usr/bin/env node
// Launcher: run the TypeScript CLI through tsx so users need no build step.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const main = join(root, 'harness', 'cli', 'main.ts')
const result = spawnSync(process.execPath, [tsx, main, ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(result.status ?? 6)
