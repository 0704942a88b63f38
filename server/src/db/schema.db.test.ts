import { beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../testing/test-db';
import type { Database } from './engine';

let db: Database;
beforeAll(async () => {
  db = await testDb();
});

const count = async (sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) x`, params))[0]?.n ?? -1;

describe('migrations', () => {
  it('create every table with PostGIS geometry columns of the right type and SRID', async () => {
    const rows = await db.query<{ table: string; column: string; type: string; srid: number }>(
      `select f_table_name as table, f_geometry_column as column, type, srid from geometry_columns order by 1, 2`,
    );
    expect(rows).toEqual([
      { table: 'admin_units', column: 'geom', type: 'MULTIPOLYGON', srid: 4326 },
      { table: 'admin_units', column: 'geom_low', type: 'MULTIPOLYGON', srid: 4326 },
      { table: 'admin_units', column: 'geom_mid', type: 'MULTIPOLYGON', srid: 4326 },
      { table: 'admin_units', column: 'label_anchor', type: 'POINT', srid: 4326 },
      { table: 'admin_units', column: 'label_point', type: 'POINT', srid: 4326 },
      { table: 'hotspots', column: 'geom', type: 'POINT', srid: 4326 },
    ]);
  });

  it('index every geometry with GiST', async () => {
    const rows = await db.query<{ indexname: string }>(
      `select indexname from pg_indexes where indexdef ilike '%using gist%' order by 1`,
    );
    expect(rows.map((r) => r.indexname)).toEqual(
      expect.arrayContaining([
        'admin_units_geom_gist',
        'admin_units_geom_low_gist',
        'admin_units_geom_mid_gist',
        'hotspots_geom_gist',
      ]),
    );
  });

  it('reject a second value for the same (indicator, period, unit)', async () => {
    const existing = await db.query<{ indicator_code: string; period_id: string; unit_id: number }>(
      `select indicator_code, period_id, unit_id from indicator_values limit 1`,
    );
    const row = existing[0];
    expect(row).toBeDefined();
    await expect(
      db.query(
        `insert into indicator_values (indicator_code, period_id, unit_id, value, source) values ($1, $2, $3, 0, 'test')`,
        [row?.indicator_code, row?.period_id, row?.unit_id],
      ),
    ).rejects.toThrow(/duplicate key|unique/i);
  });
});

describe('seeded units', () => {
  it('hold the 34 provinces and 3,321 communes in force since 1/7/2025, with no districts', async () => {
    const at = '2026-01-01';
    const valid = `valid_from <= $1::date and (valid_to is null or valid_to > $1::date)`;
    expect(await count(`select 1 from admin_units where level = 'province' and ${valid}`, [at])).toBe(34);
    expect(await count(`select 1 from admin_units where level = 'commune' and ${valid}`, [at])).toBe(3321);
    expect(await count(`select 1 from admin_units where level = 'district' and ${valid}`, [at])).toBe(0);
  });

  it('hold the pre-2025 set side by side: 63 provinces, their districts and about 10,000 communes', async () => {
    const at = '2024-12-31';
    const valid = `valid_from <= $1::date and (valid_to is null or valid_to > $1::date)`;
    expect(await count(`select 1 from admin_units where level = 'province' and ${valid}`, [at])).toBe(63);
    const districts = await count(`select 1 from admin_units where level = 'district' and ${valid}`, [at]);
    expect(districts).toBeGreaterThan(650);
    const communes = await count(`select 1 from admin_units where level = 'commune' and ${valid}`, [at]);
    expect(communes).toBeGreaterThan(9900);
    expect(communes).toBeLessThan(10700);
  });

  it('map every old commune to at least one new commune with weights summing to 1', async () => {
    const unmapped = await count(
      `select 1 from admin_units o where o.level = 'commune' and o.valid_to = '2025-07-01'
       and not exists (select 1 from unit_crosswalk c where c.old_unit_id = o.id)`,
    );
    expect(unmapped).toBe(0);
    const badSums = await count(
      `select old_unit_id from unit_crosswalk c join admin_units o on o.id = c.old_unit_id and o.level = 'commune'
       group by old_unit_id having abs(sum(weight) - 1) > 1e-6`,
    );
    expect(badSums).toBe(0);
  });

  it('have only valid geometry, each commune containing its label point', async () => {
    expect(await count(`select 1 from admin_units where not ST_IsValid(geom)`)).toBe(0);
    expect(await count(`select 1 from admin_units where ST_IsEmpty(geom_low) or ST_IsEmpty(geom_mid)`)).toBe(
      0,
    );
    expect(
      await count(
        `select 1 from admin_units where level = 'commune' and not ST_Intersects(geom, label_point)`,
      ),
    ).toBe(0);
  });

  it('place communes where they really are: Phường Ba Đình in central Hà Nội', async () => {
    const rows = await db.query<{ lon: number; lat: number }>(
      `select ST_X(label_point) as lon, ST_Y(label_point) as lat from admin_units
       where code = '00004' and level = 'commune' and valid_to is null`,
    );
    expect(rows[0]?.lon).toBeCloseTo(105.84, 1);
    expect(rows[0]?.lat).toBeCloseTo(21.04, 1);
  });

  it('label the dataset as synthetic', async () => {
    const rows = await db.query<{ value: unknown }>(`select value from dataset_meta where key = 'synthetic'`);
    expect(rows[0]?.value).toBe(true);
  });
});
