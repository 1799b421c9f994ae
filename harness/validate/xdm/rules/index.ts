import type { ValidationRule } from '../../rule.ts'
import type { XdmContext } from '../context.ts'
import { layoutRule } from './layout.ts'
import { metadataVsCdaRule } from './metadata-vs-cda.ts'
import { sharedMetadataRule } from './shared-metadata.ts'

export const XDM_RULES: readonly ValidationRule<XdmContext>[] = [layoutRule, sharedMetadataRule, metadataVsCdaRule]
