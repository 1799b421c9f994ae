// Official DSR/REM grids: reading (CSV, XLSX), mapping onto our ids, and judging rows in a run.
export { GridInputError } from './grid-input-error.ts'
export type { OfficialLevel, OfficialProof, OfficialRow, SkippedLine } from './official-row.ts'
export { readGrid, type GridSource, type ReadGrid } from './read-grid.ts'
export { DEFAULT_MAPPING_PATH, harnessMappings, loadMapping, mappingFromCatalogue, mergeMappings, type LoadedMapping, type MappingEntry, type MappingFile } from './mapping.ts'
export { buildImportedGrid, DEFAULT_IMPORTED_GRID_FILE, loadImportedGrid, type ImportedGrid, type ImportedRow, type MappedAs } from './imported-grid.ts'
export { formatImportSummary, summariseBySection, type SectionSummary } from './import-summary.ts'
export { loadRunGrid, officialGridCoverage, withOfficialGrid } from './official-coverage.ts'
