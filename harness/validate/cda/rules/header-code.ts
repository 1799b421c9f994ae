import { attr, checkCardinality, defineCdaRule, isOid } from '../context.ts'
import { findConcept, typeCodes } from '../value-sets.ts'

export const headerCode = defineCdaRule({
  id: 'cda/header-code',
  requirements: ['DOC-004', 'DOC-005'],
  description: 'code du document présent une fois avec @code, @codeSystem (OID) et @displayName, valeur du JDV_J07_XdsTypeCode_CISIS.',
  check(ctx, report) {
    for (const code of checkCardinality(ctx, report, 'cda:code', 'Le code du document (code)', 1, 1)) {
      const value = attr(code, 'code')
      const system = attr(code, 'codeSystem')
      if (attr(code, 'nullFlavor') !== undefined || !value || !isOid(system) || !attr(code, 'displayName')) {
        report({
          code: 'required',
          message: 'Le code du document doit porter @code, @codeSystem (OID) et @displayName, sans nullFlavor.',
          at: code,
          params: { code: value, codeSystem: system, displayName: attr(code, 'displayName') },
        })
        continue
      }
      if (!findConcept(typeCodes, value, system)) {
        // A code system the value set never uses settles it even though the concept list is partial.
        const foreignSystem = typeCodes.codeSystems !== undefined && !typeCodes.codeSystems.includes(system as string)
        report({
          requirement: 'DOC-005',
          severity: typeCodes.complete || foreignSystem ? 'error' : 'warning',
          code: 'code-invalid',
          message: foreignSystem
            ? `Le code « ${value} » est donné dans le système ${system}, qui n’est pas un système de codage du ${typeCodes.id} (${typeCodes.codeSystems?.join(' ou ')}) : il n’appartient pas au jeu de valeurs.`
            : typeCodes.complete
              ? `Le code « ${value} » (${system}) n’appartient pas au jeu de valeurs ${typeCodes.id}.`
              : `Le code « ${value} » (${system}) n’est pas dans la partie du ${typeCodes.id} connue du banc (types du secteur médico-social) ; le mode kit officiel (--cisis-kit) le vérifie contre le JDV complet.`,
          at: code,
          params: { code: value, codeSystem: system, valueSet: typeCodes.oid },
        })
      }
    }
  },
})
