import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

/** A decoded feature: its properties and rings in tile units, as MapLibre would read them. */
export interface DecodedFeature {
  code: string;
  name: string;
  /** 1 point, 2 line, 3 polygon. */
  type: number;
  rings: { x: number; y: number }[][];
}

/** A decoded MVT layer. */
export interface DecodedLayer {
  name: string;
  version: number;
  extent: number;
  features: DecodedFeature[];
}

/** Decodes MVT bytes with the same parser MapLibre uses; an empty body is a tile without layers. */
export function decodeTile(bytes: Uint8Array): DecodedLayer[] {
  if (bytes.byteLength === 0) return [];
  const tile = new VectorTile(new PbfReader(bytes));
  return Object.values(tile.layers).map((layer) => {
    const features: DecodedFeature[] = [];
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      features.push({
        code: String(f.properties.code),
        name: String(f.properties.name),
        type: f.type,
        rings: f.loadGeometry().map((ring) => ring.map((p) => ({ x: p.x, y: p.y }))),
      });
    }
    return { name: layer.name, version: layer.version, extent: layer.extent, features };
  });
}
