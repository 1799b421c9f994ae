import type { ScenarioDefinition } from '../core/scenario.ts'
import type { Catalogue } from './catalogue.ts'
import { SECTIONS, type Requirement } from './requirement.ts'

const SECTION_TITLES: Readonly<Record<string, string>> = {
  INS: 'Identité (INS)',
  DOC: 'Documents (CDA R2)',
  DMP: 'Dossier médical partagé',
  MSS: 'Messagerie sécurisée de santé',
  PSC: 'Pro Santé Connect',
  ANN: 'Annuaire Santé',
  SEC: 'Sécurité des échanges',
}

/**
 * The catalogue as `docs/requirements.md` (French): counts per Ségur section, then every
 * requirement with its official reference and source when one exists, the scenarios that check
 * it, and the seeded defects that must trip it. Generated; a test fails when the file drifts.
 */
export function renderCatalogueMarkdown(catalogue: Catalogue, scenarios: readonly ScenarioDefinition[], defects: readonly { name: string; requirement: string }[]): string {
  const checkedBy = (id: string) => scenarios.filter((s) => s.verifies.includes(id) || s.steps.some((step) => step.verifies.includes(id))).map((s) => s.id)
  const trippedBy = (id: string) => defects.filter((d) => d.requirement === id).map((d) => d.name)
  const lines = [
    '# Catalogue des exigences vérifiées par dui-harness',
    '',
    'Fichier généré depuis `scenarios/requirements/*.json` par `npm run docs:requirements` : ne pas le modifier à la main.',
    'Les identifiants (`DMP-003`…) sont ceux du banc, stables. Une référence officielle n\'apparaît qu\'avec sa source publique ;',
    '« secondaire » signifie une source qui cite le texte officiel sans que celui-ci ait pu être lu.',
    '',
    '| Section | Exigences | dont préconisations | Automatiques | Manuelles | Vérifiées par un scénario | Visées par un défaut volontaire |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ]
  const bySection = SECTIONS.map((section) => [section, catalogue.requirements.filter((r) => r.section === section)] as const).filter(([, list]) => list.length > 0)
  for (const [section, list] of bySection) {
    const count = (predicate: (r: Requirement) => boolean) => list.filter(predicate).length
    lines.push(`| ${SECTION_TITLES[section] ?? section} | ${list.length} | ${count((r) => r.level === 'PRECONISATION')} | ${count((r) => r.automation === 'automatic')} | ${count((r) => r.automation === 'manual')} | ${count((r) => r.automation === 'automatic' && checkedBy(r.id).length > 0)} | ${count((r) => trippedBy(r.id).length > 0)} |`)
  }
  for (const [section, list] of bySection) {
    lines.push('', `## ${SECTION_TITLES[section] ?? section}`, '')
    for (const requirement of list) {
      lines.push(`### ${requirement.id} — ${requirement.title}`, '')
      lines.push(`${requirement.text}`, '')
      lines.push(`- Niveau : ${requirement.level === 'EXIGENCE' ? 'exigence' : 'préconisation'} ; vérification ${requirement.automation === 'automatic' ? 'automatique' : 'manuelle'}${requirement.needs === 'cisis-kit' ? ' avec le kit officiel CI-SIS (`--cisis-kit`), non redistribué avec le banc' : ''}`)
      if (requirement.officialRef) lines.push(`- Référence officielle : \`${requirement.officialRef}\` (source ${requirement.sourceStatus === 'verified' ? 'primaire' : 'secondaire'} : ${requirement.source ?? ''})`)
      if (requirement.basis) lines.push(`- Fondement : ${requirement.basis}`)
      lines.push(`- Preuve : ${requirement.proof}`)
      const scenariosOf = checkedBy(requirement.id)
      // A manual requirement is never verified by a scenario: its manual checks only say where to look.
      lines.push(`- ${requirement.automation === 'manual' ? 'Où regarder pendant la campagne' : 'Scénarios'} : ${scenariosOf.length > 0 ? scenariosOf.map((id) => `\`${id}\``).join(', ') : 'aucun'}`)
      const defectsOf = trippedBy(requirement.id)
      lines.push(`- Défauts volontaires : ${defectsOf.length > 0 ? defectsOf.map((name) => `\`${name}\``).join(', ') : 'aucun'}`, '')
    }
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`
}
