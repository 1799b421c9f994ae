import { describe, expect, it } from 'vitest'
import { DriverError } from '../../../harness/drivers/driver.ts'
import { OperatorConsole } from '../../../harness/drivers/operator-console.ts'
import { scriptedTerminal } from '../../helpers/scripted-terminal.ts'

describe('operator console (stdin of the manual driver)', () => {
  it('prints the question and resolves the line typed, trimmed', async () => {
    const terminal = scriptedTerminal()
    const console = new OperatorConsole(terminal.input, terminal.output)
    const answer = console.ask('Référence du document', { timeoutMs: 10_000 })
    await terminal.answer(/\? Référence du document\n/, '  DOC-42  ')
    expect(await answer).toBe('DOC-42')
  })

  it('drops a line typed while no question is pending, so a stray Enter answers nothing', async () => {
    const terminal = scriptedTerminal()
    const console = new OperatorConsole(terminal.input, terminal.output)
    terminal.input.write('réponse anticipée\n')
    const first = console.ask('Premier', { timeoutMs: 10_000 })
    await terminal.answer(/\? Premier\n/, 'la bonne')
    expect(await first).toBe('la bonne')
  })

  it('asks one question at a time, in order', async () => {
    const terminal = scriptedTerminal()
    const console = new OperatorConsole(terminal.input, terminal.output)
    const a = console.ask('Question A', { timeoutMs: 10_000 })
    const b = console.ask('Question B', { timeoutMs: 10_000 })
    await terminal.answer(/\? Question A\n/, 'a')
    await terminal.answer(/\? Question B\n/, 'b')
    expect([await a, await b]).toEqual(['a', 'b'])
    expect(terminal.text().indexOf('Question B')).toBeGreaterThan(terminal.text().indexOf('Question A'))
  })

  it('gives up with a French DriverError when nobody answers in time', async () => {
    const terminal = scriptedTerminal()
    const console = new OperatorConsole(terminal.input, terminal.output)
    const answer = console.ask('Statut affiché', { timeoutMs: 50 })
    await expect(answer).rejects.toThrow(DriverError)
    await expect(answer).rejects.toThrow('aucune réponse de l\'opérateur en 50 ms à la question « Statut affiché »')
    // The next question still works.
    const next = console.ask('Encore', { timeoutMs: 10_000 })
    await terminal.answer(/\? Encore\n/, 'oui')
    expect(await next).toBe('oui')
  })

  it('gives up when the step is aborted', async () => {
    const terminal = scriptedTerminal()
    const console = new OperatorConsole(terminal.input, terminal.output)
    const controller = new AbortController()
    const answer = console.ask('Question', { timeoutMs: 10_000, signal: controller.signal })
    await terminal.until(/\? Question\n/)
    controller.abort()
    await expect(answer).rejects.toThrow('consigne abandonnée')
  })

  it('fails at once, and says why, when standard input is closed', async () => {
    const terminal = scriptedTerminal()
    const console = new OperatorConsole(terminal.input, terminal.output)
    const pending = console.ask('Question', { timeoutMs: 10_000 })
    terminal.input.end()
    await expect(pending).rejects.toThrow('entrée standard fermée : le pilote manuel (--candidate manual) attend les réponses d\'un opérateur au clavier')
    await expect(console.ask('Après', { timeoutMs: 10_000 })).rejects.toThrow(/entrée standard fermée/)
  })
})
