import type { MapLabel } from '@pcmt/domain/map-labels';
import { ARCHIPELAGOS } from './archipelagos';

/** Map labels as data (no deck.gl): what label-layer.ts draws, loaded with the map page's first chunk. */
export type { MapLabel } from '@pcmt/domain/map-labels';

/** Centrally run cities (Hà Nội, Hải Phòng, Huế, Đà Nẵng, TP Hồ Chí Minh, Cần Thơ): named before larger provinces. */
const CITY_CODES = new Set(['01', '31', '46', '48', '79', '92']);

/** A unit label's priority: its area, the centrally run cities first. */
export const unitLabelPriority = (code: string, areaKm2: number | null): number =>
  (CITY_CODES.has(code) ? 1e7 : 0) + (areaKm2 ?? 0);

/** A unit's label: its name at its anchor (pole of inaccessibility), with the room its letters must fit in. */
export const unitLabel = (u: {
  code: string;
  name: string;
  labelPoint: [number, number];
  areaKm2: number | null;
  labelRoom?: readonly number[] | null;
}): MapLabel => ({
  code: u.code,
  name: u.name,
  position: u.labelPoint,
  priority: unitLabelPriority(u.code, u.areaKm2),
  room: u.labelRoom ?? null,
});

/** The archipelagos, labelled on every national map; placed first, they never give way to a province. */
export const ARCHIPELAGO_LABELS: readonly MapLabel[] = ARCHIPELAGOS.map((a) => ({
  ...a,
  priority: Number.POSITIVE_INFINITY,
}));
