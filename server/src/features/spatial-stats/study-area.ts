import type { Database } from '../../db/engine';
import { badRequest } from '../../lib/errors';
import { LEVEL_NAMES, msg } from '../../lib/messages';
import type { PeriodRow } from '../periods/periods.repo';
import type { ReferenceData } from '../reference/reference-cache';
import { resolveParent } from '../units/resolve-unit';
import { resolveIndicator, resolveUnitVersion } from '../values/resolve-values-query';
import { valueRows } from '../values/values.repo';
import { islandsOf, type SpatialWeights } from './spatial-weights';
import {
  type StoredWeights,
  studyAreaCommunes,
  studyAreaWeights,
  type WeightsMethod,
} from './spatial-weights.repo';
import { statistics } from './statistics-pool';

/** The communes a statistic runs on, their values per period (aligned), and the weights among them. */
export interface StudyArea {
  unitVersion: string;
  codes: string[];
  /** values[t][i]: period t, commune codes[i]. */
  values: Float64Array[];
  weights: SpatialWeights;
  stored: StoredWeights;
  /** Codes of communes with no neighbour inside the study area. */
  islands: string[];
  /** Codes of communes of the area lacking a value in some period. */
  missing: string[];
}

export interface StudyRequest {
  indicator: string;
  periods: PeriodRow[];
  at: string;
  province: string | null;
  method: WeightsMethod;
}

/**
 * Commune values of an indicator on one unit version (older periods through the crosswalk), restricted to
 * a province or not, and the weights among the area's communes (computed, never stored by a request) cut
 * down to the communes that have a value in every period. Communes left out are reported, never silently dropped.
 */
export async function loadStudyArea(db: Database, ref: ReferenceData, r: StudyRequest): Promise<StudyArea> {
  const { stored: inputs, formula } = resolveIndicator(ref, r.indicator);
  const last = r.periods[r.periods.length - 1];
  if (!last) throw badRequest('period', msg('period.missing', { field: 'period' }));
  const { unitVersion } = resolveUnitVersion(ref, last, r.at, 'commune');
  if (r.province) {
    const unit = await resolveParent(db, r.province, r.at, 'province');
    if (unit.level !== 'province')
      throw badRequest(
        'province',
        msg('unit.not_a_province', {
          field: 'province',
          code: r.province,
          level: LEVEL_NAMES[unit.level] ?? unit.level,
        }),
      );
  }
  const [rows, weights, area] = await Promise.all([
    valueRows(db, {
      stored: inputs,
      formula,
      direct: false,
      periodIds: r.periods.map((p) => p.id),
      at: r.at,
      level: 'commune',
      parent: r.province,
      parentLevel: r.province ? 'province' : null,
      unitCode: null,
      // The caller's jurisdiction is checked on the province before this (requireProvinceScope).
      jurisdiction: null,
    }),
    studyAreaWeights(db, 'commune', unitVersion, r.method, r.province),
    studyAreaCommunes(db, unitVersion, r.province),
  ]);
  const periodIndex = new Map(r.periods.map((p, t) => [p.id, t]));
  const byCode = new Map<string, Array<number | undefined>>();
  for (const row of rows) {
    const t = periodIndex.get(row.periodId);
    if (t === undefined) continue;
    let series = byCode.get(row.code);
    if (!series) {
      series = new Array(r.periods.length).fill(undefined);
      byCode.set(row.code, series);
    }
    series[t] = row.value;
  }
  const position = new Map(weights.codes.map((c, k) => [c, k]));
  const codes: string[] = [];
  const missing: string[] = [];
  for (const { code } of area) {
    const series = byCode.get(code);
    if (series?.every((v) => v !== undefined) && position.has(code)) codes.push(code);
    else missing.push(code);
  }
  const sub = await statistics.run(
    'subsetWeights',
    weights.weights,
    codes.map((c) => position.get(c) ?? 0),
  );
  const values = r.periods.map((_, t) => Float64Array.from(codes, (c) => byCode.get(c)?.[t] ?? 0));
  return {
    unitVersion,
    codes,
    values,
    weights: sub,
    stored: weights,
    islands: islandsOf(sub).map((k) => codes[k] ?? ''),
    missing,
  };
}
