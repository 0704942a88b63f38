import { ARCHIPELAGOS } from './archipelagos';

/** Map labels as data (no deck.gl): what label-layer.ts draws, loaded with the map page's first chunk. */
export interface MapLabel {
  code: string;
  name: string;
  position: [number, number];
  /** Labels with a higher priority are placed first (units: their area); absent = 0. */
  priority?: number;
}

/** Centrally run cities (Hà Nội, Hải Phòng, Huế, Đà Nẵng, TP Hồ Chí Minh, Cần Thơ): named before larger provinces. */
const CITY_CODES = new Set(['01', '31', '46', '48', '79', '92']);

/** A unit label's priority: its area, the centrally run cities first. */
export const unitLabelPriority = (code: string, areaKm2: number | null): number =>
  (CITY_CODES.has(code) ? 1e7 : 0) + (areaKm2 ?? 0);

/** The archipelagos, labelled on every national map; placed first, they never give way to a province. */
export const ARCHIPELAGO_LABELS: readonly MapLabel[] = ARCHIPELAGOS.map((a) => ({
  ...a,
  priority: Number.POSITIVE_INFINITY,
}));
