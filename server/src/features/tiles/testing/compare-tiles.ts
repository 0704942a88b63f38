import { type DecodedFeature, decodeTile } from './decode-tile';
import { filledArea, meanDisplacement } from './fill-difference';
import { outlineDistance, ringArea } from './geometry-distance';

/** Two encoders agree when outlines differ by at most this many of 4096 units (2 px on a 512 px tile). */
export const ENCODER_TOLERANCE_UNITS = 16;

/**
 * Two encoders fill a feature alike when its boundaries are displaced by at most this on average (one pixel
 * of a 512 px tile). Measured on the real communes: 0.9 units at most at z9–12 and 3.4 at z13–14.
 */
export const ENCODER_DISPLACEMENT_UNITS = 8;

/** One pixel of a 512 px tile, in square tile units: smaller rings are not seen. */
const PIXEL_AREA = (4096 / 512) ** 2;

/** A feature filling this much of a tile (4 px) must be in the other encoding too. */
const PROMINENT_AREA = 4 * PIXEL_AREA;

/** How two encodings of one tile differ, as a test asserts on it. */
export interface TileComparison {
  /** Layer name, version and extent of each, e.g. `communes v2 4096`. */
  layers: [string[], string[]];
  /**
   * Codes of features that fill at least 4 px of the tile in one encoding and nothing in the other. Units
   * whose remains lie in the buffer beyond the tile edge, or in a sliver along it, draw next to nothing,
   * and encoders legitimately differ on keeping those.
   */
  onlyInA: string[];
  onlyInB: string[];
  /** Codes whose names differ. */
  nameMismatches: string[];
  /** Largest outline distance over shared features, in tile units (0 unless asked for). */
  maxDistance: number;
  /** Code of the feature where that distance occurs. */
  worstCode: string | null;
  /** Largest mean boundary displacement over shared features, in tile units (see fill-difference.ts). */
  maxDisplacement: number;
  /** Code of the feature where that displacement occurs. */
  worstDisplacedCode: string | null;
  /** Codes whose largest (exterior) rings wind in opposite directions. */
  windingMismatches: string[];
}

/**
 * Decodes two MVT encodings of the same tile and measures how they differ.
 * @param options.outlines also measure the vertex distance between outlines (quadratic in vertices).
 */
export function compareTiles(a: Uint8Array, b: Uint8Array, options = { outlines: true }): TileComparison {
  const [layersA, layersB] = [decodeTile(a), decodeTile(b)];
  const describe = (ls: ReturnType<typeof decodeTile>) =>
    ls.map((l) => `${l.name} v${l.version} ${l.extent}`);
  const byCode = (ls: ReturnType<typeof decodeTile>) =>
    new Map(
      ls.flatMap((l) => l.features.map((f) => [f.code, { f, area: filledArea(f.rings, l.extent) }] as const)),
    );
  const [inA, inB] = [byCode(layersA), byCode(layersB)];
  const missing = (from: typeof inA, to: typeof inA) =>
    [...from]
      .filter(([code, x]) => x.area >= PROMINENT_AREA && (to.get(code)?.area ?? 0) === 0)
      .map(([code]) => code)
      .sort();
  const drawn = (m: typeof inA) =>
    new Map([...m].filter(([, x]) => x.area > 0).map(([code, x]) => [code, x.f]));
  const [fa, fb] = [drawn(inA), drawn(inB)];
  const result: TileComparison = {
    layers: [describe(layersA), describe(layersB)],
    onlyInA: missing(inA, inB),
    onlyInB: missing(inB, inA),
    nameMismatches: [],
    maxDistance: 0,
    worstCode: null,
    maxDisplacement: 0,
    worstDisplacedCode: null,
    windingMismatches: [],
  };
  for (const [code, x] of fa) {
    const y = fb.get(code);
    if (!y) continue;
    if (x.name !== y.name) result.nameMismatches.push(code);
    const d = options.outlines
      ? outlineDistance(x.rings, y.rings, layersA[0]?.extent ?? 4096, PIXEL_AREA)
      : 0;
    if (d > result.maxDistance) {
      result.maxDistance = d;
      result.worstCode = code;
    }
    const m = meanDisplacement(x.rings, y.rings, layersA[0]?.extent ?? 4096);
    if (m > result.maxDisplacement) {
      result.maxDisplacement = m;
      result.worstDisplacedCode = code;
    }
    if (Math.sign(largestRingArea(x)) !== Math.sign(largestRingArea(y))) result.windingMismatches.push(code);
  }
  return result;
}

/** Signed area of the ring of largest magnitude: an exterior ring, whose winding MVT fixes. */
function largestRingArea(feature: DecodedFeature): number {
  return feature.rings.map(ringArea).reduce((best, a) => (Math.abs(a) > Math.abs(best) ? a : best), 0);
}
