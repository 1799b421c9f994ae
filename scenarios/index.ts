import type { ScenarioDefinition } from '../harness/index.ts'
import dmpFeedN1Qualified from './dmp/dmp-feed-n1-qualified.scenario.ts'

/** Every scenario, in campaign order (identity first, then documents, DMP, MSSanté). */
export const allScenarios: readonly ScenarioDefinition[] = [dmpFeedN1Qualified]
