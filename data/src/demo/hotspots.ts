import type { DrugModel } from './drug-model';
import { randomInteriorPoint } from './geo/interior';
import { type Point, pointInShape } from './geo/shape';
import type { CommuneGeometry } from './geometry';
import { gaussian, keyedRng, pick, poissonFrom, type Rng } from './random';
import type { ReportingUnit } from './reporting-units';
import type { DemoHotspot } from './types';

/**
 * The synthetic hotspot register (điểm, tụ điểm): about TOTAL points nationally, spread over
 * current communes in proportion to their drug situation, clustered around a few seeded centres
 * inside each commune, with detection, elimination and re-emergence dates up to 2026-09-30.
 */

const TOTAL = 4500;
const FIRST_DAY = Date.UTC(2019, 0, 1);
const LAST_DAY = Date.UTC(2026, 8, 30);
const DAY_MS = 86_400_000;
const KM_PER_DEGREE = 111.32;

const PLACES = [
  'nhà trọ',
  'quán karaoke',
  'bãi đất trống ven sông',
  'khu nhà hoang',
  'chân cầu',
  'quán cà phê',
  'khu vực chợ',
  'nhà riêng',
  'khu lán trại',
  'ven đường liên xã',
];

const FOLLOW_UPS = [
  'phát hiện qua tin báo của quần chúng',
  'phát hiện qua tuần tra',
  'đã lập chuyên án',
  'phối hợp công an xã theo dõi',
  'đã xử lý hành chính',
];

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function note(kind: DemoHotspot['kind'], rng: Rng): string {
  const what =
    kind === 'tu_diem' ? 'Tụ điểm sử dụng trái phép chất ma túy' : 'Điểm bán lẻ trái phép chất ma túy';
  const text = `${what} tại ${pick(rng, PLACES)}`;
  return rng() < 0.5 ? `${text}, ${pick(rng, FOLLOW_UPS)}` : text;
}

function scatter(commune: CommuneGeometry, centre: Point, sigmaKm: number, rng: Rng): Point {
  const dLat = sigmaKm / KM_PER_DEGREE;
  const dLon = dLat / Math.cos((centre[1] * Math.PI) / 180);
  for (let attempt = 0; attempt < 12; attempt++) {
    const p: Point = [centre[0] + dLon * gaussian(rng), centre[1] + dLat * gaussian(rng)];
    if (pointInShape(p, commune.shape)) return p;
  }
  return centre;
}

/** Hotspots of the included current communes; the national spread does not depend on the filter. */
export function buildHotspots(
  current: readonly ReportingUnit[],
  communes: ReadonlyMap<string, CommuneGeometry>,
  model: DrugModel,
  seed: number,
  include: (unit: ReportingUnit) => boolean,
): DemoHotspot[] {
  const weights = current.map((unit) => {
    let managed = 0;
    for (const i of unit.pieces) managed += model.managed(i, 2025.5);
    return managed ** 1.15;
  });
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const hotspots: DemoHotspot[] = [];
  current.forEach((unit, u) => {
    const commune = communes.get(unit.code);
    if (!commune || !include(unit) || totalWeight <= 0) return;
    const rng = keyedRng(seed, `hotspots:${unit.code}`);
    const count = poissonFrom((TOTAL * (weights[u] ?? 0)) / totalWeight, rng(), rng());
    if (count === 0) return;
    const centres: Point[] = [];
    for (let c = 0; c < Math.min(4, 1 + Math.floor(count / 5)); c++) {
      centres.push(randomInteriorPoint(commune.shape, rng) ?? commune.label);
    }
    const sigmaKm = Math.min(2.5, Math.max(0.15, 0.12 * Math.sqrt(commune.areaKm2)));
    for (let k = 0; k < count; k++) {
      const kind: DemoHotspot['kind'] = rng() < 0.35 ? 'tu_diem' : 'diem';
      const detected = FIRST_DAY + Math.floor(rng() * ((LAST_DAY - FIRST_DAY) / DAY_MS)) * DAY_MS;
      let eliminated: number | null = null;
      let reemerged: number | null = null;
      if (rng() < 0.55) {
        const at = detected + (20 + Math.floor(rng() * 700)) * DAY_MS;
        if (at <= LAST_DAY) eliminated = at;
      }
      if (eliminated !== null && rng() < 0.25) {
        const at = eliminated + (30 + Math.floor(rng() * 500)) * DAY_MS;
        if (at <= LAST_DAY) reemerged = at;
      }
      hotspots.push({
        code: `HS-${unit.code}-${String(k + 1).padStart(3, '0')}`,
        kind,
        point: scatter(commune, pick(rng, centres), sigmaKm, rng),
        communeCode: unit.code,
        detectedOn: isoDay(detected),
        eliminatedOn: eliminated === null ? null : isoDay(eliminated),
        reemergedOn: reemerged === null ? null : isoDay(reemerged),
        notes: note(kind, rng),
      });
    }
  });
  return hotspots;
}
