import type { ScenarioDefinition } from '../harness/index.ts'
import annCorrespondentMssante from './ann/ann-correspondent-mssante.scenario.ts'
import insFetchAndQualify from './ins/ins-fetch-and-qualify.scenario.ts'
import insInsiNoMatch from './ins/ins-insi-no-match.scenario.ts'
import insNotTransmittedUnqualified from './ins/ins-not-transmitted-unqualified.scenario.ts'
import insMssanteUnqualified from './ins/ins-mssante-unqualified.scenario.ts'
import pscLoginEidas1 from './psc/psc-login-eidas1.scenario.ts'
import pscRejectsBadTokens from './psc/psc-rejects-bad-tokens.scenario.ts'
import dmpArchiveDelete from './dmp/dmp-archive-delete.scenario.ts'
import dmpFeedN1Qualified from './dmp/dmp-feed-n1-qualified.scenario.ts'
import dmpFeedXds from './dmp/dmp-feed-xds.scenario.ts'
import dmpMaskUnmask from './dmp/dmp-mask-unmask.scenario.ts'
import dmpNoDmp from './dmp/dmp-no-dmp.scenario.ts'
import dmpReplace from './dmp/dmp-replace.scenario.ts'
import dmpSearch from './dmp/dmp-search.scenario.ts'
import docDlu from './doc/doc-dlu.scenario.ts'
import docEmergencyTransfer from './doc/doc-emergency-transfer.scenario.ts'
import docEntryLetter from './doc/doc-entry-letter.scenario.ts'
import docExitLetter from './doc/doc-exit-letter.scenario.ts'
import docIpsFrDlu from './doc/doc-ips-fr-dlu.scenario.ts'
import docPersonalisedProject from './doc/doc-personalised-project.scenario.ts'
import docVsm from './doc/doc-vsm.scenario.ts'
import mssHandleBounce from './mss/mss-handle-bounce.scenario.ts'
import mssReceiveDocument from './mss/mss-receive-document.scenario.ts'
import mssRequestMdn from './mss/mss-request-mdn.scenario.ts'
import mssSendPatient from './mss/mss-send-patient.scenario.ts'
import mssSendProfessional from './mss/mss-send-professional.scenario.ts'

/**
 * Every scenario, in campaign order (identity first, then documents, DMP, MSSanté). Consecutive
 * scenarios marked `concurrent` run together; the others run alone.
 */
export const allScenarios: readonly ScenarioDefinition[] = [
  pscLoginEidas1,
  pscRejectsBadTokens,
  insFetchAndQualify,
  insInsiNoMatch,
  insNotTransmittedUnqualified,
  annCorrespondentMssante,
  docDlu,
  docEmergencyTransfer,
  docVsm,
  docIpsFrDlu,
  docEntryLetter,
  docExitLetter,
  docPersonalisedProject,
  dmpNoDmp,
  dmpFeedN1Qualified,
  dmpFeedXds,
  dmpReplace,
  dmpSearch,
  dmpMaskUnmask,
  dmpArchiveDelete,
  // INS section, but it writes by MSSanté: it runs alone, with the MSSanté scenarios.
  insMssanteUnqualified,
  mssSendProfessional,
  mssSendPatient,
  mssReceiveDocument,
  mssRequestMdn,
  mssHandleBounce,
]
