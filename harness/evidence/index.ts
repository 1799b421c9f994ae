export { EvidenceStore, EvidenceRecorder, type EvidenceHeader, type NewFile } from './store.ts'
