import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { testEngine } from '../../testing/test-db';
import { createGeojsonVtTileEncoder } from './geojson-vt-tile-encoder';
import { createPostgisTileEncoder } from './postgis-tile-encoder';
import { compareTiles, ENCODER_DISPLACEMENT_UNITS, ENCODER_TOLERANCE_UNITS } from './testing/compare-tiles';
import { openFixtureDatabase } from './testing/fixture-db';
import { insertSampleUnits } from './testing/sample-units';
import type { TileEncoder, TileJob } from './tile-encoder';
import { latToTileY, lonToTileX } from './tile-math';

const job = (
  layer: TileJob['layer'],
  level: TileJob['level'],
  version: string,
  z: number,
  lon: number,
  lat: number,
) => ({ layer, level, version, z, x: lonToTileX(lon, z), y: latToTileY(lat, z) }) satisfies TileJob;

/** Tiles around the fixtures at every zoom band, including tiles that cut units at their edges. */
const JOBS: TileJob[] = [
  ...[5, 7, 9].map((z) => job('provinces', 'province', '2025-07-01', z, 105.75, 21.0)),
  ...[8, 10, 12].map((z) => job('districts', 'district', '2020-01-01', z, 105.84, 21.03)),
  ...[9, 11, 12, 13, 14].map((z) => job('communes', 'commune', '2025-07-01', z, 105.83, 21.035)),
  job('communes', 'commune', '2025-07-01', 14, 105.884, 21.03),
  job('communes', 'commune', '2025-07-01', 13, 105.85, 21.02),
  job('communes', 'commune', '2025-07-01', 11, 104.05, 21.5),
  job('communes', 'commune', '2020-01-01', 13, 105.84, 21.045),
];

// ST_AsMVT exists only on the server engine; there both encoders can run over one database.
describe.skipIf(testEngine() !== 'postgres')('PostGIS and geojson-vt encoders', () => {
  let db: Database;
  let postgis: TileEncoder;
  let geojsonVt: TileEncoder;

  beforeAll(async () => {
    db = await openFixtureDatabase();
    await insertSampleUnits(db);
    postgis = createPostgisTileEncoder(db);
    geojsonVt = createGeojsonVtTileEncoder(db);
  });

  afterAll(async () => {
    await db?.close();
  });

  it.each(JOBS.map((j) => [`${j.layer} ${j.z}/${j.x}/${j.y} @${j.version}`, j] as const))(
    'encode %s alike',
    async (_, j) => {
      const [a, b] = await Promise.all([postgis.encode(j), geojsonVt.encode(j)]);
      expect(a.byteLength).toBeGreaterThan(0);
      const cmp = compareTiles(a, b);
      expect(cmp.layers[0]).toEqual([`${j.layer} v2 4096`]);
      expect(cmp.layers[1]).toEqual(cmp.layers[0]);
      expect(cmp.onlyInA).toEqual([]);
      expect(cmp.onlyInB).toEqual([]);
      expect(cmp.nameMismatches).toEqual([]);
      expect(cmp.windingMismatches).toEqual([]);
      expect(cmp.maxDistance, `worst: ${cmp.worstCode}`).toBeLessThanOrEqual(ENCODER_TOLERANCE_UNITS);
      expect(cmp.maxDisplacement, `worst: ${cmp.worstDisplacedCode}`).toBeLessThanOrEqual(
        ENCODER_DISPLACEMENT_UNITS,
      );
    },
  );
});
