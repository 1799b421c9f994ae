import type { Defect } from './defect.ts'

export const xdmWithoutIndexFiles: Defect = {
  name: 'xdm-without-index-files',
  requirement: 'MSS-006',
  description: 'construit une archive IHE_XDM.zip réduite à IHE_XDM/SUBSET01, sans INDEX.HTM ni README.TXT',
  mistakes: { xdmWithoutIndexFiles: true },
}
