/**
 * Faults the INSi simulator answers, as SOAP 1.2 faults shaped like the téléservice's (Code,
 * Subcode, Reason in French, Detail siram:Erreur). `desir_560` is the service's own code for a
 * certificate without rights (brief §7); the `sim_*` codes are the simulator's, not CNAM's, and
 * are documented in docs/simulators-identity.md.
 */
export const INSI_FAULTS = {
  /** Not XML, ill-formed, or with a DOCTYPE. */
  xml: { subcode: 'sim_xml', status: 400, reason: 'Message SOAP illisible.' },
  /** XML, but not a SOAP 1.2 envelope. */
  envelope: { subcode: 'sim_enveloppe', status: 400, reason: 'Enveloppe SOAP 1.2 attendue.' },
  /** ContexteBAM, ContexteLPS or WS-Addressing missing or wrong. */
  context: { subcode: 'sim_contexte', status: 400, reason: 'En-têtes de contexte (ContexteBAM, ContexteLPS, WS-Addressing) absents ou invalides.' },
  /** Search traits missing or badly formatted. */
  traits: { subcode: 'sim_traits', status: 400, reason: 'Traits de recherche incomplets ou mal formés.' },
  /** The Vitale card variant. */
  vitale: { subcode: 'sim_vitale_non_supporte', status: 400, reason: 'L\'opération rechercherInsAvecCarteVitale n\'est pas prise en charge par le simulateur.' },
  /** Neither of the two INSi operations. */
  operation: { subcode: 'sim_operation', status: 400, reason: 'Opération inconnue du téléservice INSi.' },
  /** Client certificate CN is not INSI-AUTO / INSI-MANU (brief §7, [V]). */
  certificate: { subcode: 'desir_560', status: 400, reason: 'Vous ne disposez pas des droits suffisants pour accéder à ce service.' },
} as const

export type InsiFault = keyof typeof INSI_FAULTS
