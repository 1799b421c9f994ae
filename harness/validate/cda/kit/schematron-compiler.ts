import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { XmlElement } from 'libxml2-wasm'
import { parseXmlSafely } from '../../xml/index.ts'

/**
 * Our own ISO Schematron → XSLT 2.0 compiler (the ISO skeleton XSLs are not available here).
 * Supports what the CI-SIS kit uses: include (anywhere), abstract patterns (is-a + param),
 * abstract rules (extends), let at schema/phase/pattern/rule level, assert/report with
 * value-of and name, phases with defaultPhase. The generated stylesheet prints one record per
 * finding (assert id, location path, message) as text, so no SVRL parsing is needed.
 */
export const COMPILER_VERSION = '4'

const SCH = 'http://purl.oclc.org/dsdl/schematron'
const XSL = 'http://www.w3.org/1999/XSL/Transform'
/** Field and record separators of the output: both are forbidden characters in XML 1.0 text. */
export const FIELD_SEPARATOR = '\u001f'
export const RECORD_SEPARATOR = '\u001e'

type MessagePart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'value-of'; readonly select: string } | { readonly kind: 'name'; readonly path: string }

type RuleItem =
  | { readonly kind: 'let'; readonly name: string; readonly value: string }
  | { readonly kind: 'assert' | 'report'; readonly test: string; readonly role?: string; readonly id?: string; readonly message: readonly MessagePart[] }
  | { readonly kind: 'extends'; readonly rule: string }

interface Rule {
  readonly context?: string
  readonly abstract: boolean
  readonly id?: string
  readonly items: RuleItem[]
}

interface Pattern {
  readonly id?: string
  readonly abstract: boolean
  readonly isA?: string
  readonly params: Map<string, string>
  readonly lets: { name: string; value: string }[]
  readonly rules: Rule[]
}

/** What the TS side needs to turn an output record into an Issue. */
export interface AssertInfo {
  readonly kind: 'assert' | 'report'
  readonly test: string
  readonly role?: string
  readonly pattern?: string
  readonly context: string
  readonly schematronId?: string
}

export interface CompiledSchematron {
  readonly xslt: string
  /** Indexed by the record's assert key (`a<n>`). */
  readonly asserts: Record<string, AssertInfo>
  /** Files read (main + includes), for cache keys. */
  readonly files: string[]
  /** Non-fatal oddities (duplicate variables dropped...). */
  readonly notes: string[]
}

interface Collected {
  readonly namespaces: Map<string, string>
  readonly lets: { name: string; value: string }[]
  readonly patterns: Pattern[]
  readonly phases: Map<string, { active: string[]; lets: { name: string; value: string }[] }>
  readonly abstractRules: Map<string, Rule>
  readonly files: string[]
  readonly notes: string[]
  defaultPhase?: string
}

function elementChildren(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = []
  for (let child = element.firstChild; child; child = child.next) if (child instanceof XmlElement) out.push(child)
  return out
}

function attr(element: XmlElement, name: string): string | undefined {
  return element.attr(name)?.value
}

function loadRoot(file: string, collected: Collected): { root: XmlElement; dispose: () => void } {
  const parsed = parseXmlSafely(readFileSync(file), { limits: { maxBytes: 32 * 1024 * 1024 } })
  if (!parsed.ok) throw new Error(`schématron illisible ${file} : ${parsed.issues.map((i) => i.message).join(' ; ')}`)
  collected.files.push(file)
  return { root: parsed.doc.root, dispose: () => parsed.doc.dispose() }
}

function recordNamespaces(element: XmlElement, collected: Collected): void {
  for (const [prefix, uri] of Object.entries(element.nsDeclarations)) {
    if (prefix && uri !== SCH && !collected.namespaces.has(prefix)) collected.namespaces.set(prefix, uri)
  }
}

/** Expands `include` elements: yields the element itself, or the root of the included file. */
function* withIncludes(children: XmlElement[], file: string, collected: Collected, depth = 0): Generator<{ element: XmlElement; file: string }> {
  for (const child of children) {
    if (child.namespaceUri === SCH && child.name === 'include') {
      if (depth > 20) throw new Error(`inclusions trop profondes dans ${file}`)
      const href = attr(child, 'href')
      if (!href) continue
      const target = resolve(dirname(file), href.split('#')[0] as string)
      if (!existsSync(target)) {
        // The kit itself ships a few dangling includes; the rest of the schematron still runs.
        collected.notes.push(`inclusion introuvable ignorée : ${href} (depuis ${file})`)
        continue
      }
      const loaded = loadRoot(target, collected)
      // Included documents stay alive: their nodes are read later in the same compile.
      disposers.push(loaded.dispose)
      recordNamespaces(loaded.root, collected)
      yield* withIncludes([loaded.root], target, collected, depth + 1)
    } else {
      yield { element: child, file }
    }
  }
}

let disposers: (() => void)[] = []

function parseMessage(element: XmlElement): MessagePart[] {
  const parts: MessagePart[] = []
  for (let node = element.firstChild; node; node = node.next) {
    if (node instanceof XmlElement) {
      if (node.name === 'value-of') parts.push({ kind: 'value-of', select: attr(node, 'select') ?? '.' })
      else if (node.name === 'name') parts.push({ kind: 'name', path: attr(node, 'path') ?? '.' })
      else parts.push(...parseMessage(node)) // emph, dir, span: keep their text
    } else {
      parts.push({ kind: 'text', text: node.content })
    }
  }
  return parts
}

function parseRule(element: XmlElement, file: string, collected: Collected): Rule {
  const items: RuleItem[] = []
  for (const { element: child } of withIncludes(elementChildren(element), file, collected)) {
    if (child.namespaceUri !== SCH) continue
    if (child.name === 'let') items.push({ kind: 'let', name: attr(child, 'name') ?? '', value: attr(child, 'value') ?? '.' })
    else if (child.name === 'assert' || child.name === 'report') {
      const role = attr(child, 'role')
      const id = attr(child, 'id')
      items.push({ kind: child.name, test: attr(child, 'test') ?? 'true()', ...(role !== undefined ? { role } : {}), ...(id !== undefined ? { id } : {}), message: parseMessage(child) })
    } else if (child.name === 'extends') items.push({ kind: 'extends', rule: attr(child, 'rule') ?? '' })
  }
  const context = attr(element, 'context')
  const id = attr(element, 'id')
  return { ...(context !== undefined ? { context } : {}), abstract: attr(element, 'abstract') === 'true', ...(id !== undefined ? { id } : {}), items }
}

function parsePattern(element: XmlElement, file: string, collected: Collected): Pattern {
  const id = attr(element, 'id')
  const isA = attr(element, 'is-a')
  const pattern: Pattern = { ...(id !== undefined ? { id } : {}), abstract: attr(element, 'abstract') === 'true', ...(isA !== undefined ? { isA } : {}), params: new Map(), lets: [], rules: [] }
  for (const { element: child, file: childFile } of withIncludes(elementChildren(element), file, collected)) {
    if (child.namespaceUri !== SCH) continue
    if (child.name === 'param') pattern.params.set(attr(child, 'name') ?? '', attr(child, 'value') ?? '')
    else if (child.name === 'let') pattern.lets.push({ name: attr(child, 'name') ?? '', value: attr(child, 'value') ?? '.' })
    else if (child.name === 'rule') {
      const rule = parseRule(child, childFile, collected)
      if (rule.abstract && rule.id !== undefined) collected.abstractRules.set(rule.id, rule)
      else pattern.rules.push(rule)
    }
  }
  return pattern
}

function collectSchema(children: XmlElement[], file: string, collected: Collected): void {
  for (const { element, file: elementFile } of withIncludes(children, file, collected)) {
    if (element.namespaceUri !== SCH) continue
    switch (element.name) {
      case 'ns':
        collected.namespaces.set(attr(element, 'prefix') ?? '', attr(element, 'uri') ?? '')
        break
      case 'let':
        collected.lets.push({ name: attr(element, 'name') ?? '', value: attr(element, 'value') ?? '.' })
        break
      case 'pattern':
        collected.patterns.push(parsePattern(element, elementFile, collected))
        break
      case 'rule': {
        // A rule file included at schema level: only abstract rules make sense there.
        const rule = parseRule(element, elementFile, collected)
        if (rule.id !== undefined) collected.abstractRules.set(rule.id, rule)
        break
      }
      case 'phase': {
        const active = elementChildren(element).filter((c) => c.name === 'active').map((c) => attr(c, 'pattern') ?? '')
        const lets = elementChildren(element).filter((c) => c.name === 'let').map((c) => ({ name: attr(c, 'name') ?? '', value: attr(c, 'value') ?? '.' }))
        collected.phases.set(attr(element, 'id') ?? '', { active, lets })
        break
      }
      case 'schema':
        // An included whole schema: merge its content.
        recordNamespaces(element, collected)
        collectSchema(elementChildren(element), elementFile, collected)
        break
      default:
        break
    }
  }
}

/** Replaces `$name` (not followed by a name character) by the parameter's value. */
function substitute(text: string, params: Map<string, string>): string {
  if (params.size === 0) return text
  const names = [...params.keys()].sort((a, b) => b.length - a.length)
  const pattern = new RegExp(`\\$(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})(?![\\w.-])`, 'g')
  return text.replace(pattern, (_m, name: string) => params.get(name) as string)
}

function instantiate(abstract: Pattern, params: Map<string, string>, id: string | undefined): Pattern {
  const sub = (s: string) => substitute(s, params)
  const subItem = (item: RuleItem): RuleItem =>
    item.kind === 'let'
      ? { ...item, value: sub(item.value) }
      : item.kind === 'extends'
        ? item
        : { ...item, test: sub(item.test), message: item.message.map((p): MessagePart => (p.kind === 'value-of' ? { kind: 'value-of', select: sub(p.select) } : p.kind === 'name' ? { kind: 'name', path: sub(p.path) } : p)) }
  return {
    ...(id !== undefined ? { id } : {}),
    abstract: false,
    params: new Map(),
    lets: abstract.lets.map((l) => ({ name: l.name, value: sub(l.value) })),
    rules: abstract.rules.map((r) => ({ ...r, ...(r.context !== undefined ? { context: sub(r.context) } : {}), items: r.items.map(subItem) })),
  }
}

/**
 * SaxonJS translates XPath regexes to JavaScript ones and rejects a quantified anchor (`^+?`,
 * found in the ART-DECOR datatype rules) that Java Saxon accepts as a plain anchor; `(?:^)+?`
 * has the same meaning and passes both. Applied inside string literals only.
 */
export function portableXPath(expression: string): string {
  // Only an anchor (at the start, after `|` or `(`) is rewritten, never `[^+-]` (a negated class).
  return expression.replace(/'[^']*'|"[^"]*"/g, (literal) => literal.replace(/(^['"]|[|(])\^([+*?{])/g, '$1(?:^)$2'))
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Compiles a schematron file (and its includes) to an XSLT 2.0 stylesheet. */
export function compileSchematron(file: string, options: { readonly phase?: string } = {}): CompiledSchematron {
  const collected: Collected = { namespaces: new Map(), lets: [], patterns: [], phases: new Map(), abstractRules: new Map(), files: [], notes: [] }
  disposers = []
  const notes = collected.notes
  try {
    const main = loadRoot(file, collected)
    disposers.push(main.dispose)
    if (main.root.namespaceUri !== SCH || main.root.name !== 'schema') throw new Error(`${file} n’est pas un schématron ISO`)
    recordNamespaces(main.root, collected)
    const defaultPhase = options.phase ?? attr(main.root, 'defaultPhase')
    if (defaultPhase !== undefined) collected.defaultPhase = defaultPhase
    const schemaId = attr(main.root, 'schemaVersion') ?? attr(main.root, 'id')
    collectSchema(elementChildren(main.root), file, collected)

    const abstractPatterns = new Map(collected.patterns.filter((p) => p.abstract && p.id !== undefined).map((p) => [p.id as string, p]))
    let concrete = collected.patterns
      .filter((p) => !p.abstract)
      .map((p) => {
        if (p.isA === undefined) return p
        const abstract = abstractPatterns.get(p.isA)
        if (!abstract) throw new Error(`pattern abstrait inconnu : ${p.isA}`)
        return instantiate(abstract, p.params, p.id)
      })
    const globalLets = [...collected.lets]
    const phase = collected.defaultPhase !== undefined && collected.defaultPhase !== '#ALL' ? collected.phases.get(collected.defaultPhase) : undefined
    if (collected.defaultPhase !== undefined && collected.defaultPhase !== '#ALL' && !phase) throw new Error(`phase inconnue : ${collected.defaultPhase}`)
    if (phase) {
      const active = new Set(phase.active)
      concrete = concrete.filter((p) => p.id !== undefined && active.has(p.id))
      globalLets.push(...phase.lets)
    }
    // Pattern-level lets are global in XSLT (other patterns use them through params).
    for (const pattern of concrete) globalLets.push(...pattern.lets)

    const asserts: Record<string, AssertInfo> = {}
    const out: string[] = []
    const nsDecls = [...collected.namespaces].filter(([prefix, uri]) => prefix && uri && prefix !== 'xsl' && prefix !== 'xml').map(([p, u]) => ` xmlns:${p}="${esc(u)}"`)
    out.push(`<?xml version="1.0" encoding="UTF-8"?>`)
    out.push(`<xsl:stylesheet version="2.0" xmlns:xsl="${XSL}" xmlns:xs="http://www.w3.org/2001/XMLSchema"${nsDecls.join('')}>`)
    out.push(`<xsl:output method="text" encoding="UTF-8"/>`)
    const seenVariables = new Map<string, string>()
    for (const item of globalLets) {
      const previous = seenVariables.get(item.name)
      if (previous !== undefined) {
        if (previous !== item.value) notes.push(`variable globale $${item.name} définie deux fois ; la première définition est gardée`)
        continue
      }
      seenVariables.set(item.name, item.value)
      out.push(`<xsl:variable name="${esc(item.name)}" select="${esc(portableXPath(item.value))}"/>`)
    }
    out.push(`<xsl:template match="/">`)
    concrete.forEach((_p, i) => out.push(`<xsl:apply-templates select="/" mode="M${i}"/>`))
    out.push(`</xsl:template>`)
    let counter = 0
    /** Emits the lets, asserts and reports of a rule; `extends` become calls of named templates. */
    const emitItems = (items: readonly RuleItem[], context: string, patternId: string | undefined): void => {
      for (const item of items) {
        if (item.kind === 'let') out.push(`<xsl:variable name="${esc(item.name)}" select="${esc(portableXPath(item.value))}"/>`)
        else if (item.kind === 'extends') {
          if (!collected.abstractRules.has(item.rule)) throw new Error(`règle abstraite inconnue : ${item.rule}`)
          usedAbstract.add(item.rule)
          out.push(`<xsl:call-template name="abstract-rule-${esc(item.rule)}"/>`)
        } else {
          const key = `a${counter++}`
          asserts[key] = {
            kind: item.kind,
            test: item.test,
            ...(item.role !== undefined ? { role: item.role } : {}),
            ...(patternId !== undefined ? { pattern: patternId } : {}),
            context,
            ...(schemaId !== undefined ? { schematronId: schemaId } : {}),
          }
          const record = [
            `<xsl:text>${key}${FIELD_SEPARATOR}</xsl:text><xsl:value-of select="path()"/><xsl:text>${FIELD_SEPARATOR}</xsl:text>`,
            ...item.message.map((part) =>
              part.kind === 'text'
                ? `<xsl:text>${esc(part.text)}</xsl:text>`
                : part.kind === 'value-of'
                  ? `<xsl:value-of select="${esc(portableXPath(part.select))}"/>`
                  : `<xsl:value-of select="name(${esc(part.path)})"/>`,
            ),
            `<xsl:text>${RECORD_SEPARATOR}</xsl:text>`,
          ].join('')
          out.push(item.kind === 'assert' ? `<xsl:if test="not(${esc(portableXPath(item.test))})">${record}</xsl:if>` : `<xsl:if test="${esc(portableXPath(item.test))}">${record}</xsl:if>`)
        }
      }
    }
    const usedAbstract = new Set<string>()
    concrete.forEach((pattern, i) => {
      pattern.rules.forEach((rule, j) => {
        if (rule.context === undefined) return
        // First matching rule of a pattern wins: earlier rules get higher priority.
        out.push(`<xsl:template match="${esc(portableXPath(rule.context))}" priority="${100000 - j}" mode="M${i}">`)
        emitItems(rule.items, rule.context, pattern.id)
        out.push(`<xsl:apply-templates select="*" mode="M${i}"/>`)
        out.push(`</xsl:template>`)
      })
      out.push(`<xsl:template match="text()" mode="M${i}"/>`)
      out.push(`<xsl:template match="/|*" priority="-1" mode="M${i}"><xsl:apply-templates select="*" mode="M${i}"/></xsl:template>`)
    })
    // Abstract rules become named templates called with the context node of the extending rule
    // (instead of being copied into every rule: the structuration minimale would grow to 5 MB).
    const emitted = new Set<string>()
    for (let pending = [...usedAbstract]; pending.length > 0; pending = [...usedAbstract].filter((id) => !emitted.has(id))) {
      for (const id of pending) {
        emitted.add(id)
        out.push(`<xsl:template name="abstract-rule-${esc(id)}">`)
        emitItems((collected.abstractRules.get(id) as Rule).items, `abstract rule ${id}`, undefined)
        out.push(`</xsl:template>`)
      }
    }
    out.push(`</xsl:stylesheet>`)
    return { xslt: out.join('\n'), asserts, files: collected.files, notes }
  } finally {
    for (const dispose of disposers) dispose()
    disposers = []
  }
}
