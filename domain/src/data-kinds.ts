/**
 * The kinds of data a write can change, each followed by its own generation: the server's caches in every
 * process key by them (server/src/lib/data-generations.ts bumps and reads them in the database) and the web
 * refetches what reads them after a write (web/src/lib/data-changes.ts). One list for both.
 */
export const DATA_KINDS = [
  /** admin_units: boundaries and unit versions (tiles, versions, jurisdictions). */
  'units',
  /** unit_crosswalk: old units → new units. */
  'crosswalk',
  /** indicator_values. */
  'values',
  /** commune_status_decisions and status rule sets. */
  'statuses',
  /** plans and their targets. */
  'plans',
  /** the hotspot register. */
  'hotspots',
  /** users, their jurisdictions and ended sessions. */
  'accounts',
  /** the indicator catalogue and the periods (only a dataset load changes them). */
  'catalogue',
] as const;
export type DataKind = (typeof DATA_KINDS)[number];
