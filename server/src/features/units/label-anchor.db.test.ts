import { LABEL_ROOM_ASPECTS } from '@pcmt/domain/map-labels';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { getJson } from '../../testing/http';
import { testApp } from '../../testing/test-db';

type App = Awaited<ReturnType<typeof testApp>>['app'];
let app: App;
let db: Database;
beforeAll(async () => {
  ({ app, db } = await testApp());
});

interface UnitsJson {
  rows: { code: string; name: string; labelPoint: [number, number]; labelRoom?: number[] | null }[];
}

/** How far a point is from the unit's border (degrees), and whether it is inside, by the database. */
async function depth(code: string, level: string, [lon, lat]: [number, number]) {
  const [row] = await db.query<{ inside: boolean; d: number; old: number }>(
    `select ST_Intersects(geom, p) as inside, ST_Distance(p, ST_Boundary(geom)) as d,
            ST_Distance(label_point, ST_Boundary(geom)) as old
     from admin_units, ST_SetSRID(ST_MakePoint($3, $4), 4326) p
     where code = $1 and level = $2 and valid_to is null`,
    [code, level, lon, lat],
  );
  if (!row) throw new Error(`no unit ${code}`);
  return row;
}

describe('label anchors', () => {
  it("put a province's name at the point deepest inside it (never beside a neighbour's border)", async () => {
    const { rows } = await getJson<UnitsJson>(app, '/api/units?level=province');
    expect(rows).toHaveLength(34);
    for (const u of rows) {
      const { inside, d, old } = await depth(u.code, 'province', u.labelPoint);
      expect(inside, u.name).toBe(true);
      // The pole of inaccessibility is at least as deep as any other point (a little tolerance: GEOS's grid).
      expect(d, u.name).toBeGreaterThanOrEqual(old * 0.98);
    }
    // Phú Thọ's old point (its capital) was 2 km from Hà Nội; its name now sits well inside it.
    const phuTho = rows.find((u) => u.code === '25');
    if (!phuTho) throw new Error('no Phú Thọ');
    const { d } = await depth('25', 'province', phuTho.labelPoint);
    expect(d).toBeGreaterThan(0.1);
  });

  it('give the room around the anchor per box aspect, shrinking as the box widens', async () => {
    const { rows } = await getJson<UnitsJson>(app, '/api/units?level=commune&parent=14');
    expect(rows.length).toBeGreaterThan(20);
    for (const u of rows) {
      const room = u.labelRoom ?? [];
      expect(room, u.name).toHaveLength(LABEL_ROOM_ASPECTS.length);
      expect(room.every((h) => h >= 0)).toBe(true);
      expect(room[0]).toBeGreaterThan(0);
      // A wider box of the same height is harder to fit: the half-height allowed never grows with the aspect.
      for (let i = 1; i < room.length; i++) expect(room[i]).toBeLessThanOrEqual((room[i - 1] ?? 0) + 1e-6);
      // A box of that room lies inside the commune, by the database.
      const [lon, lat] = u.labelPoint;
      const h = (room[2] ?? 0) * 0.99;
      const k = LABEL_ROOM_ASPECTS[2] ?? 0;
      const cos = Math.cos((lat * Math.PI) / 180);
      const [row] = await db.query<{ covers: boolean }>(
        `select ST_Covers(geom, ST_MakeEnvelope($2, $3, $4, $5, 4326)) as covers
         from admin_units where code = $1 and level = 'commune' and valid_to is null`,
        [u.code, lon - k * h, lat - h * cos, lon + k * h, lat + h * cos],
      );
      expect(row?.covers, u.name).toBe(true);
    }
  });
});
