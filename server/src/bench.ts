/**
 * `@pcmt/server/bench`: internals that the benchmarks (scripts/bench, and nothing else — `pnpm lint` checks)
 * measure on purpose, below the HTTP API: tile encoders, the values SQL, spatial weights and statistics,
 * imports, briefings, reporting and plan progress. Not a stable interface: when one of these changes, the
 * benchmark that measures it changes with it. Opening the database and the demo data come from
 * `@pcmt/server/engine` and `@pcmt/server/demo`.
 */
export { loadDataset } from './db/load-dataset';
// Map answers: boundaries, statuses, values (scripts/bench/api.ts, public.ts).
export { EVERYWHERE } from './features/auth/jurisdiction';
export { boundaryFeaturesJson } from './features/boundaries/boundaries.repo';
export { boundariesCacheFor } from './features/boundaries/boundaries-cache';
// Briefings (briefings.ts).
export { briefingXlsx } from './features/briefings/briefing-xlsx';
export { buildSnapshot, snapshotReads } from './features/briefings/build-snapshot';
export { loadBriefingGeometry } from './features/briefings/pdf/briefing-geometry';
export { renderBriefingPdf } from './features/briefings/pdf/render-briefing-pdf';
export { resolveView } from './features/briefings/resolve-view';
// Imports (import.ts).
export { importBoundaries, rollBackBoundariesImport } from './features/imports/boundaries-import';
export { readTable } from './features/imports/read-table';
export {
  commitValuesImport,
  previewValuesImport,
  rollBackValuesImport,
} from './features/imports/values-import';
export { communesOn } from './features/imports/values-import.repo';
export { reportableIndicators, templateRows, templateXlsx } from './features/imports/values-template';
export { listIndicators } from './features/indicators/indicators.repo';
export { listPeriods } from './features/periods/periods.repo';
// Plan progress (progress.ts).
export { childCells, type LoadedUnit, loadUnit, unitTargetProgress } from './features/plans/plan-progress';
export { findPlan } from './features/plans/plans.repo';
export { unitOn } from './features/plans/progress-inputs.repo';
export { DEFAULT_PUBLIC_PAGES, lastClosedQuarter } from './features/public/closed-period';
export { createReferenceCache } from './features/reference/reference-cache';
// Reporting cycle (reporting.ts).
export { completeness, lateUnits } from './features/reporting/completeness.repo';
export { reportPeriod, saveReport } from './features/reporting/cycle';
export { insertForm } from './features/reporting/forms.repo';
// Spatial statistics (hotspots.ts).
export { giStar } from './features/spatial-stats/getis-ord';
export { kernelDensity } from './features/spatial-stats/kernel-density';
export { localMoran } from './features/spatial-stats/local-moran';
export {
  loadRealCommunesAsVersion,
  realCommunesPresent,
  removeRealVersion,
} from './features/spatial-stats/real-boundaries';
export type { SpatialWeights } from './features/spatial-stats/spatial-weights';
export { buildWeights, readWeights, weightsKey } from './features/spatial-stats/spatial-weights.repo';
export { communeStatuses, communeStatusesJson } from './features/status/status.repo';
// Vector tiles (api.ts, load.ts).
export { createGeojsonVtTileEncoder } from './features/tiles/geojson-vt-tile-encoder';
export { createPostgisTileEncoder } from './features/tiles/postgis-tile-encoder';
export { latToTileY, lonToTileX } from './features/tiles/tile-math';
export { createTileService } from './features/tiles/tile-service';
export { loadVersionDates } from './features/tiles/tile-source.repo';
export { communeListsFor, communeValuesJson } from './features/values/commune-values';
export { communeSources } from './features/values/provenance.repo';
export { resolveIndicator } from './features/values/resolve-values-query';
export { valueRows, valuesJson } from './features/values/values.repo';
export { createRouter } from './lib/openapi';
export { versionAt } from './lib/version-at';
