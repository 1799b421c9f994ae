import type { Issue } from '../../core/issue.ts'
import type { ValidationRule } from '../rule.ts'
import { IDENTITY_STATUSES, mayTransmitIns, type IdentityStatus } from './status.ts'

const RULE = 'identity/ins-only-when-qualified'
const REQUIREMENT = 'INS-005'

/** The kinds of outgoing artefact an INS can travel in (brief §11.1). */
export type InsCarrier = 'cda' | 'xds-patient-id' | 'pdsm-patient' | 'xdm-metadata' | 'mssante-patient-address' | 'mssante-header' | 'other'

const CARRIER_LABELS: Record<InsCarrier, string> = {
  cda: 'le document CDA (patientRole/id)',
  'xds-patient-id': 'les métadonnées XDS (patientId)',
  'pdsm-patient': 'la transaction PDSm (identifiant du Patient)',
  'xdm-metadata': 'le METADATA.XML de l\'archive IHE_XDM',
  'mssante-patient-address': 'l\'adresse MSSanté du patient',
  'mssante-header': 'un en-tête du message MSSanté',
  other: 'un flux sortant',
}

/** An INS matricule found in something the DUI sent. */
export interface InsSighting {
  readonly carrier: InsCarrier
  /** The matricule (15 characters) as found. */
  readonly value: string
  /** XPath, FHIRPath, header name... */
  readonly path: string
  readonly evidence?: string
}

/** What the harness knows of one identity, and what it saw leave the DUI. */
export interface InsTransmissionContext {
  /** The status the identity has, as the harness made it (not as the DUI claims). */
  readonly status: IdentityStatus
  /** Its INS matricule, when it has one. */
  readonly insValue: string
  readonly sightings: readonly InsSighting[]
}

/**
 * INS/va1.53 [S]: the INS is transmitted only for a qualified identity. One error per artefact
 * that carried the INS of an identity whose status is not QUAL. Validators of every outgoing
 * artefact (CDA, XDS patientId, PDSm Patient, XDM metadata, patient MSSanté address) call it
 * with what they extracted; see `insTransmissionIssues`.
 */
export const insOnlyWhenQualified: ValidationRule<InsTransmissionContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'L\'INS ne sort du DUI que pour une identité qualifiée (QUAL)',
  appliesTo: (ctx) => !mayTransmitIns(ctx.status),
  check(ctx) {
    return ctx.sightings
      .filter((sighting) => sighting.value.toUpperCase() === ctx.insValue.toUpperCase())
      .map((sighting) => ({
        severity: 'error',
        code: 'security',
        rule: RULE,
        requirement: REQUIREMENT,
        message: `${CARRIER_LABELS[sighting.carrier]} transmet l'INS ${sighting.value} d'une identité au statut ${ctx.status} (${IDENTITY_STATUSES[ctx.status]}) : l'INS ne peut être transmis que pour une identité qualifiée (QUAL)`,
        location: { path: sighting.path },
        ...(sighting.evidence ? { evidence: sighting.evidence } : {}),
        params: { status: ctx.status, carrier: sighting.carrier },
      }) satisfies Issue)
  },
}

/** The reusable entry point: issues for (identity status known to the harness, INS seen in artefacts). */
export function insTransmissionIssues(status: IdentityStatus, insValue: string, sightings: readonly InsSighting[]): Issue[] {
  const ctx: InsTransmissionContext = { status, insValue, sightings }
  return insOnlyWhenQualified.appliesTo(ctx) ? insOnlyWhenQualified.check(ctx) : []
}
