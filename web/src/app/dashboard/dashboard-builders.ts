import type { CommuneStatus } from '@pcmt/domain/contracts/common';
import { type PeriodParts, periodEndDate, periodIdOf, yearEnd, yearOf } from '@pcmt/domain/periods';
import type { Bounds } from '../../components/map/atlas-map';
import { boundsOfPoints } from '../../components/map/bounds';
import type { IndicatorChoropleth, StatusChoropleth } from '../../components/map/choropleth';
import { NO_DATA_COLOR } from '../../components/map/choropleth';
import { ARCHIPELAGO_LABELS, type MapLabel, unitLabel } from '../../components/map/labels';
import { VIETNAM_BOUNDS } from '../../components/map/map-style';
import { isCountUnit } from '../../entities/indicators/estimates';
import type { TableRow } from '../../entities/table/components/data-table';
import type { SearchUnit } from '../../entities/units/components/unit-search';
import { type Lang, STATUS_LABELS, translate } from '../../lib/i18n';
import { STATUS_COLORS } from '../../lib/status-style';

/**
 * What the map dashboard shows, computed from server answers and the view: pure functions, no React, no
 * fetching (the queries are in use-dashboard-data.ts, the view changes in view-updates.ts).
 */

/** A unit as /api/units answers it (the fields the dashboard reads). */
export interface DashboardUnit {
  code: string;
  name: string;
  fullName: string;
  level: string;
  provinceCode: string;
  labelPoint: [number, number];
  areaKm2: number | null;
  /** Room for the name around labelPoint (absent: not checked). */
  labelRoom?: readonly number[] | null;
}

/** An indicator of the catalogue (the fields the dashboard reads). */
export interface DashboardIndicator {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  formula?: unknown;
}

export type DashboardChoropleth = StatusChoropleth | IndicatorChoropleth;

/** Indicators the area panel shows as key figures and trends, when the catalogue has them. */
export const KEY_INDICATORS = ['managed_addicts', 'addicts_per_1000', 'treatment_reach_pct', 'drug_arrests'];

/**
 * Zoom from which a province view labels its communes instead of provinces. Which communes get a name is the
 * placement rule's to decide (a name that does not fit inside its commune is left out): below zoom 7 a typical
 * commune is narrower than any name.
 */
export const COMMUNE_LABEL_ZOOM = 7;

/** The one province a user's jurisdiction names, where their map starts; null for wider or no jurisdiction. */
export function homeProvinceOf(user: { jurisdiction: readonly string[] } | null): string | null {
  const only = user?.jurisdiction.length === 1 ? (user.jurisdiction[0] ?? '') : '';
  return /^\d{2}$/.test(only) ? only : null;
}

/** The unit whose panel is open: a province by its code, or a commune from the lists at hand. */
export function selectedUnitOf<U extends DashboardUnit>(
  code: string | null,
  provinceByCode: ReadonlyMap<string, U>,
  communeLists: readonly (readonly U[] | undefined)[],
): U | null {
  if (!code) return null;
  if (code.length === 2) return provinceByCode.get(code) ?? null;
  for (const list of communeLists) {
    const found = list?.find((u) => u.code === code);
    if (found) return found;
  }
  return null;
}

/** What the map frames: the country, or a province once its communes are known (null until then). */
export function frameFor(
  province: string | null,
  tileAt: string,
  provinceCommunes: readonly DashboardUnit[] | undefined,
): { key: string; bounds: Bounds } | null {
  if (!province) return { key: `country|${tileAt}`, bounds: VIETNAM_BOUNDS };
  const b = boundsOfPoints(provinceCommunes?.map((u) => u.labelPoint) ?? []);
  return b ? { key: `${province}|${tileAt}`, bounds: b } : null;
}

/** Labels on the map: provinces (with the archipelagos) for the country, communes when zoomed into a province. */
export function mapLabels(p: {
  on: boolean;
  province: string | null;
  communeLabels: boolean;
  provinces: readonly DashboardUnit[] | undefined;
  provinceCommunes: readonly DashboardUnit[] | undefined;
}): MapLabel[] {
  if (!p.on) return [];
  const rows = (p.communeLabels ? p.provinceCommunes : p.provinces) ?? [];
  const units = rows.map(unitLabel);
  return p.province === null ? [...ARCHIPELAGO_LABELS, ...units] : units;
}

/** Names of communes by code, from every list loaded (for the hotspot popup). */
export function communeNames(lists: readonly (readonly DashboardUnit[] | undefined)[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const list of lists) for (const u of list ?? []) m.set(u.code, u.fullName);
  return m;
}

/** What the search box searches: provinces, then communes with their province's name; null until loaded. */
export function searchUnitsOf(
  provinces: readonly DashboardUnit[] | undefined,
  communes: readonly DashboardUnit[] | undefined,
  provinceByCode: ReadonlyMap<string, DashboardUnit>,
): SearchUnit[] | null {
  if (!provinces || !communes) return null;
  return [
    ...provinces.map((u) => ({ ...u, provinceName: null })),
    ...communes.map((u) => ({ ...u, provinceName: provinceByCode.get(u.provinceCode)?.fullName ?? null })),
  ];
}

/** The table's rows: every commune in view with its status label or value, coloured as on the map. */
export function tableRows(p: {
  units: readonly DashboardUnit[];
  provinceByCode: ReadonlyMap<string, DashboardUnit>;
  statuses: readonly { code: string; status: CommuneStatus }[];
  choropleth: DashboardChoropleth | null;
  isStatus: boolean;
  indicator: DashboardIndicator | null;
  lang: Lang;
}): TableRow[] {
  const statusByCode = new Map(p.statuses.map((r) => [r.code, r.status]));
  const { choropleth } = p;
  const count = !p.indicator?.formula && isCountUnit(p.indicator?.unitVi ?? '');
  const unit = (p.lang === 'vi' ? p.indicator?.unitVi : p.indicator?.unitEn) ?? '';
  return p.units.map((u) => {
    const province = p.provinceByCode.get(u.provinceCode)?.name ?? u.provinceCode;
    const c = choropleth?.classes.get(u.code);
    const color = c !== undefined && c >= 0 ? (choropleth?.palette[c] ?? null) : null;
    if (p.isStatus) {
      const s = statusByCode.get(u.code);
      return {
        code: u.code,
        name: u.fullName,
        province,
        value: s ? (STATUS_LABELS[p.lang][s] ?? s) : null,
        color,
      };
    }
    const indicator = choropleth?.kind === 'indicator' ? choropleth : null;
    return {
      code: u.code,
      name: u.fullName,
      province,
      value: indicator?.valueByCode.get(u.code) ?? null,
      color,
      estimated: indicator?.estimated.has(u.code) ?? false,
      ...(indicator?.coverage?.has(u.code) ? { coverage: indicator.coverage.get(u.code) } : {}),
      count,
      unit,
    };
  });
}

/**
 * The years of a commune's status strip: those reported on the units valid on `at` — years ending before
 * the next version starts (`nextVersionFrom`), and that year's first half when the change came mid-year.
 */
export function stripPeriodsFor(years: readonly string[], nextVersionFrom: string | null): string[] {
  if (!nextVersionFrom) return [...years];
  const before = years.filter((y) => yearEnd(yearOf(y)) < nextVersionFrom);
  const firstHalf: PeriodParts = { kind: 'half', year: yearOf(nextVersionFrom), index: 1 };
  return nextVersionFrom > periodEndDate(firstHalf) ? [...before, periodIdOf(firstHalf)] : before;
}

/** One cell per period of the strip: the commune's status in it (from its province's answer), coloured. */
export function statusStrip(
  periods: readonly string[],
  answers: readonly ({ rows: readonly { code: string; status: CommuneStatus }[] } | undefined)[],
  unitCode: string,
): { period: string; status: CommuneStatus | null; color: string }[] | null {
  if (periods.length === 0) return null;
  return periods.map((period, i) => {
    const status = answers[i]?.rows.find((r) => r.code === unitCode)?.status ?? null;
    return { period, status, color: status ? STATUS_COLORS[status] : NO_DATA_COLOR };
  });
}

/** The indicators of the area panel: the one on the map first, then the key ones the catalogue has. */
export function panelIndicators<I extends { code: string }>(
  catalogue: readonly I[],
  isStatus: boolean,
  indicator: string,
): I[] {
  const codes = isStatus ? KEY_INDICATORS : [indicator, ...KEY_INDICATORS.filter((c) => c !== indicator)];
  return codes.flatMap((c) => catalogue.filter((r) => r.code === c));
}

/** What the page shows, in words: for briefing titles, export titles, file names and the table's caption. */
export function viewCaptions(p: {
  isStatus: boolean;
  indicatorCode: string;
  indicator: DashboardIndicator | null;
  areaName: string | null;
  province: string | null;
  periodId: string;
  periodText: string;
  meta: { source: string; synthetic: boolean } | undefined;
  lang: Lang;
}) {
  const t = (k: Parameters<typeof translate>[1]) => translate(p.lang, k);
  const vi = p.lang === 'vi';
  const what = p.isStatus
    ? t('statusIndicator')
    : ((vi ? p.indicator?.nameVi : p.indicator?.nameEn) ?? p.indicatorCode);
  const area = p.areaName ?? t('country');
  const fileBase = `pcmt-${p.indicatorCode}-${p.periodId}${p.province ? `-${p.province}` : ''}`;
  return {
    what,
    area,
    /** The unit of the values ('' for statuses). */
    unit: p.isStatus ? '' : ((vi ? p.indicator?.unitVi : p.indicator?.unitEn) ?? ''),
    valueHeader: p.isStatus ? t('status') : ((vi ? p.indicator?.nameVi : p.indicator?.nameEn) ?? t('value')),
    pngName: `${fileBase}.png`,
    csvName: `${fileBase}.csv`,
    tableCaption: [
      area,
      what,
      p.periodText,
      p.meta ? `${t('source')}: ${p.meta.source}` : '',
      p.meta?.synthetic ? t('syntheticNotice') : '',
    ]
      .filter(Boolean)
      .join(' — '),
  };
}
