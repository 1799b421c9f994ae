import { posix } from 'node:path'
import { XmlElement, type XmlDocument } from 'libxml2-wasm'
import { readZipSafely } from '../../validate/xdm/index.ts'
import { parseXmlSafely } from '../../validate/xml/index.ts'
import { GridInputError } from './grid-input-error.ts'
import type { TableRow } from './table.ts'

const OFFICE_DOCUMENT = /\/officeDocument$/
const SHARED_STRINGS = /\/sharedStrings$/
/** Columns of an Excel sheet (A to XFD): a larger reference is a crafted file, not a grid. */
const MAX_COLUMNS = 16_384

export interface XlsxTable {
  /** Name of the sheet read. */
  readonly sheet: string
  readonly rows: readonly TableRow[]
}

/**
 * Reads one sheet of an .xlsx workbook (a zip of SpreadsheetML): the first sheet, or the one
 * named. The zip is read with the harness's limits (entry count, sizes, ratio, zip-slip) and every
 * part with the safe XML parser (no DTD, no entity). Elements are matched by local name, so the
 * transitional and the strict OOXML namespaces both read. Cell values are the stored text:
 * shared strings, inline strings, numbers as written; formulas are not evaluated.
 */
export async function readXlsxTable(bytes: Buffer, name: string, sheetName?: string): Promise<XlsxTable> {
  const zip = await readZipSafely(bytes)
  if (!zip.ok) throw new GridInputError(`${name} : ${zip.issues[0]?.message ?? 'archive illisible'}`)
  const part = (path: string): Buffer | undefined => zip.entries.get(path)
  const workbookPath = relationships(part, '', '_rels/.rels', name).find((r) => OFFICE_DOCUMENT.test(r.type))?.target ?? 'xl/workbook.xml'
  const workbookRels = relationships(part, posix.dirname(workbookPath), relsPathOf(workbookPath), name)
  const sheets = withXml(part, workbookPath, name, (doc) =>
    childElements(doc.root, 'sheets').flatMap((list) => childElements(list, 'sheet')).map((sheet) => ({
      name: sheet.attr('name')?.value ?? '',
      relId: sheet.attrs.find((a) => a.name === 'id' && /relationships/.test(a.namespaceUri))?.value ?? '',
    })),
  )
  if (sheets.length === 0) throw new GridInputError(`${name} : classeur sans feuille`)
  const chosen = sheetName === undefined ? sheets[0]! : (sheets.find((s) => s.name === sheetName) ?? sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase()))
  if (!chosen) throw new GridInputError(`${name} : feuille « ${sheetName} » absente (feuilles du classeur : ${sheets.map((s) => `« ${s.name} »`).join(', ')})`)
  const sheetPath = workbookRels.find((r) => r.id === chosen.relId)?.target
  if (!sheetPath || !part(sheetPath)) throw new GridInputError(`${name} : la feuille « ${chosen.name} » n'a pas de contenu dans le classeur`)
  const sharedPath = workbookRels.find((r) => SHARED_STRINGS.test(r.type))?.target
  const shared = sharedPath && part(sharedPath) ? withXml(part, sharedPath, name, (doc) => childElements(doc.root, 'si').map(richText)) : []
  const rows = withXml(part, sheetPath, name, (doc) => readRows(doc, shared, name))
  return { sheet: chosen.name, rows }
}

interface Relationship {
  readonly id: string
  readonly type: string
  /** Path inside the zip. */
  readonly target: string
}

function relationships(part: (path: string) => Buffer | undefined, baseDir: string, path: string, name: string): Relationship[] {
  if (!part(path)) return []
  return withXml(part, path, name, (doc) =>
    childElements(doc.root, 'Relationship').map((r) => {
      const target = r.attr('Target')?.value ?? ''
      // Targets are relative to the part's folder, or absolute from the package root.
      const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(baseDir, target))
      return { id: r.attr('Id')?.value ?? '', type: r.attr('Type')?.value ?? '', target: resolved }
    }),
  )
}

function relsPathOf(partPath: string): string {
  return posix.join(posix.dirname(partPath), '_rels', `${posix.basename(partPath)}.rels`)
}

function withXml<T>(part: (path: string) => Buffer | undefined, path: string, name: string, read: (doc: XmlDocument) => T): T {
  const bytes = part(path)
  if (!bytes) throw new GridInputError(`${name} : partie ${path} absente du classeur (fichier .xlsx incomplet)`)
  const parsed = parseXmlSafely(bytes, { name: path })
  if (!parsed.ok) throw new GridInputError(`${name} : ${path} refusé — ${parsed.issues[0]?.message ?? 'XML illisible'}`)
  try {
    return read(parsed.doc)
  } finally {
    parsed.doc.dispose()
  }
}

function readRows(doc: XmlDocument, shared: readonly string[], name: string): TableRow[] {
  const rows: TableRow[] = []
  let previous = 0
  for (const sheetData of childElements(doc.root, 'sheetData')) {
    for (const row of childElements(sheetData, 'row')) {
      const declared = Number(row.attr('r')?.value)
      const line = Number.isInteger(declared) && declared > 0 ? declared : previous + 1
      previous = line
      const cells: string[] = []
      for (const cell of childElements(row, 'c')) {
        const ref = cell.attr('r')?.value
        const column = ref ? columnIndex(ref) : cells.length
        if (column >= MAX_COLUMNS) throw new GridInputError(`${name} : référence de cellule ${ref} hors des ${MAX_COLUMNS} colonnes d'une feuille Excel`)
        while (cells.length < column) cells.push('')
        cells[column] = cellText(cell, shared, name)
      }
      if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells })
    }
  }
  return rows
}

function cellText(cell: XmlElement, shared: readonly string[], name: string): string {
  const type = cell.attr('t')?.value ?? 'n'
  if (type === 'inlineStr') return childElements(cell, 'is').map(richText).join('')
  const value = childElements(cell, 'v')[0]?.content ?? ''
  if (type !== 's') return value
  const text = shared[Number(value)]
  if (text === undefined) throw new GridInputError(`${name} : cellule ${cell.attr('r')?.value ?? '?'} renvoie à la chaîne partagée n° ${value}, absente du classeur`)
  return text
}

/** `<si>` or `<is>`: plain `<t>`, or rich-text runs `<r><t>`; phonetic runs (`<rPh>`) are not text. */
function richText(holder: XmlElement): string {
  let text = ''
  for (const child of childElements(holder)) {
    if (child.name === 't') text += child.content
    else if (child.name === 'r') text += childElements(child, 't').map((t) => t.content).join('')
  }
  return text
}

/** `C12` gives 2 (0-based column of the cell reference). */
function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/i.exec(ref)?.[0].toUpperCase() ?? 'A'
  let index = 0
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64)
  return index - 1
}

function childElements(parent: XmlElement, localName?: string): XmlElement[] {
  const found: XmlElement[] = []
  for (let node = parent.firstChild; node; node = node.next) {
    if (node instanceof XmlElement && (localName === undefined || node.name === localName)) found.push(node)
  }
  return found
}
