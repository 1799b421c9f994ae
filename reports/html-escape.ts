/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/**
 * JSON safe inside `<script type="application/json">`: `<` cannot close the script element,
 * and the two JS line separators cannot break a reader that evals it.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** A fragment id from any string (requirement ids, evidence ids), stable and attribute-safe. */
export function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`
}

/** French number formatting with a narrow no-break space, as a French reader expects. */
export function frNumber(value: number): string {
  return new Intl.NumberFormat('fr-FR').format(value)
}
