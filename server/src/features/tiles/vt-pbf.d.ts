/** vt-pbf 3 ships no types: the one function the JS tile encoder uses, as its source defines it. */
declare module 'vt-pbf' {
  import type { LegacyTile } from 'geojson-vt';

  const vtpbf: {
    /** Writes geojson-vt tiles, one MVT layer per key, as uncompressed MVT bytes. */
    fromGeojsonVt(
      layers: Record<string, LegacyTile>,
      options?: { version?: number; extent?: number },
    ): Uint8Array;
  };
  export default vtpbf;
}
