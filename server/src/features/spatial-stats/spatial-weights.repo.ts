import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../../db/engine';
import { recordAudit } from '../../lib/audit';
import { validAt } from '../../lib/sql';
import { distanceBandPairs } from './distance-band';
import { binaryWeightsFromPairs, islandsOf, type SpatialWeights, weightsFromPairs } from './spatial-weights';
import { statistics } from './statistics-pool';

/** How neighbours are defined: boundaries within `snapM` metres, or label points within `bandM` metres. */
export type WeightsMethod = { kind: 'contiguity'; snapM: number } | { kind: 'distance'; bandM: number };

/** A weights set as stored (binary, symmetric) with the units it covers, in a fixed order. */
export interface StoredWeights {
  key: string;
  method: string;
  unitIds: number[];
  codes: string[];
  weights: SpatialWeights;
  /** Positions (in `codes`) of units with no neighbour. */
  islands: number[];
  builtAt: string;
  buildMs: number;
}

/** "commune@2025-07-01/contiguity:50": one set per unit version (level + first valid day) and method. */
export function weightsKey(level: string, validFrom: string, m: WeightsMethod): string {
  return `${level}@${validFrom}/${m.kind === 'contiguity' ? `contiguity:${m.snapM}` : `distance:${m.bandM}`}`;
}

export const describeMethod = (m: WeightsMethod): string =>
  m.kind === 'contiguity'
    ? `contiguity: boundaries touching or overlapping, or within ${m.snapM} m across a gap (ST_DWithin on ~75 m simplified boundaries), binary`
    : `distance band: label points within ${m.bandM} m, binary`;

/**
 * Units of the version valid on `validFrom` at a level, by id: the rows of the matrix. Valid on the date,
 * not started on it: a partial boundary update starts a version in which most units keep their older rows.
 */
async function versionUnits(db: Queryable, level: string, validFrom: string) {
  return db.query<{ id: number; code: string; lon: number; lat: number }>(
    `select id, code, ST_X(label_point) as lon, ST_Y(label_point) as lat from admin_units u
     where level = $1 and ${validAt('u', '$2')} order by id`,
    [level, validFrom],
  );
}

/**
 * Neighbour pairs (i < j) by contiguity in PostGIS. Real boundaries overlap and leave slivers, so exact
 * ST_Touches misses most pairs: two units are neighbours when they intersect (touch or overlap), or when
 * their boundaries come within the snapping distance across a gap. The gap test runs on the ~75 m
 * simplified boundaries (geom_mid): on the full real boundaries it took 75 s for 3,321 communes against
 * 1.2 s for the intersects test, and a gap of tens of metres survives that simplification. The metres become degrees at each unit's latitude
 * (longitude degrees shrink by cos φ, so the tolerance is never short). The bounding-box join uses the
 * GiST index on geom.
 */
async function contiguityPairs(
  db: Queryable,
  level: string,
  validFrom: string,
  snapM: number,
  province: string | null = null,
) {
  return db.query<{ i: number; j: number }>(
    `select a.id as i, b.id as j
     from admin_units a
     join admin_units b
       on b.level = a.level and ${validAt('b', '$2')} and b.id > a.id
      and b.geom && ST_Expand(a.geom, $3::float8 / (111320 * cos(radians(ST_Y(a.label_point)))))
      and (ST_Intersects(a.geom, b.geom)
        or ST_DWithin(a.geom_mid, b.geom_mid, $3::float8 / (111320 * cos(radians(ST_Y(a.label_point))))))
      and ($4::text is null or b.province_code = $4)
     where a.level = $1 and ${validAt('a', '$2')} and ($4::text is null or a.province_code = $4)`,
    [level, validFrom, snapM, province],
  );
}

/** A long build's reports: progress (throws once the job is cancelled). */
export interface WeightsSteps {
  progress(percent: number, stage: string): Promise<void>;
}

/**
 * The same pairs as {@link contiguityPairs} over the whole version, found one province at a time (the
 * pairs whose first unit lies in it, the second anywhere): each step is a statement of its own, so the
 * single-connection embedded engine answers other requests between them, and progress is reported.
 */
async function contiguityPairsInSteps(
  db: Queryable,
  level: string,
  validFrom: string,
  snapM: number,
  steps: WeightsSteps,
): Promise<Array<readonly [number, number]>> {
  const provinces = await db.query<{ code: string; name: string }>(
    `select p.province_code as code, min(q.full_name) as name
     from (select distinct province_code from admin_units u where u.level = $1 and ${validAt('u', '$2')}) p
     left join admin_units q on q.level = 'province' and q.code = p.province_code and ${validAt('q', '$2')}
     group by p.province_code order by p.province_code`,
    [level, validFrom],
  );
  const pairs: Array<readonly [number, number]> = [];
  for (const [k, province] of provinces.entries()) {
    await steps.progress(
      5 + (85 * k) / provinces.length,
      `Đang tìm đơn vị liền kề: ${province.name ?? province.code} (${k + 1}/${provinces.length})`,
    );
    const rows = await db.query<{ i: number; j: number }>(
      `select a.id as i, b.id as j
       from admin_units a
       join admin_units b
         on b.level = a.level and ${validAt('b', '$2')} and b.id > a.id
        and b.geom && ST_Expand(a.geom, $3::float8 / (111320 * cos(radians(ST_Y(a.label_point)))))
        and (ST_Intersects(a.geom, b.geom)
          or ST_DWithin(a.geom_mid, b.geom_mid, $3::float8 / (111320 * cos(radians(ST_Y(a.label_point))))))
       where a.level = $1 and ${validAt('a', '$2')} and a.province_code = $4`,
      [level, validFrom, snapM, province.code],
    );
    for (const r of rows) pairs.push([r.i, r.j]);
  }
  return pairs;
}

/**
 * Builds a national set and stores it (set row + both directions of every pair) in one transaction: for
 * benchmarks and offline checks, never inside a request (requests use {@link studyAreaWeights}).
 */
export async function buildWeights(
  db: Database,
  level: string,
  validFrom: string,
  method: WeightsMethod,
  actor: string,
  steps?: WeightsSteps,
): Promise<void> {
  const key = weightsKey(level, validFrom, method);
  const started = performance.now();
  const units = await versionUnits(db, level, validFrom);
  const position = new Map(units.map((u, k) => [u.id, k]));
  const pairs =
    method.kind === 'contiguity'
      ? steps
        ? await contiguityPairsInSteps(db, level, validFrom, method.snapM, steps)
        : (await contiguityPairs(db, level, validFrom, method.snapM, null)).map((r) => [r.i, r.j] as const)
      : distanceBandPairs(
          units.map((u) => [u.lon, u.lat] as const),
          method.bandM,
        ).map(([a, b]) => [units[a]?.id ?? 0, units[b]?.id ?? 0] as const);
  const w = weightsFromPairs(
    units.length,
    pairs.flatMap(([i, j]) => {
      const a = position.get(i) ?? 0;
      const b = position.get(j) ?? 0;
      return [
        [a, b, 1],
        [b, a, 1],
      ] as const;
    }),
  );
  const islandIds = islandsOf(w).map((k) => units[k]?.id ?? 0);
  const buildMs = performance.now() - started;
  await steps?.progress(95, 'Đang lưu ma trận trọng số');
  await db.transaction(async (tx) => {
    const inserted = await tx.query<{ key: string }>(
      `insert into spatial_weight_sets (key, level, valid_on, method, params, unit_count, island_unit_ids, build_ms)
       values ($1, $2, $3::date, $4, $5::jsonb, $6, $7::jsonb, $8) on conflict (key) do nothing returning key`,
      [
        key,
        level,
        validFrom,
        method.kind,
        JSON.stringify(method),
        units.length,
        JSON.stringify(islandIds),
        buildMs,
      ],
    );
    // Another request built it meanwhile: keep theirs.
    if (inserted.length === 0) return;
    const from = pairs.flatMap(([i, j]) => [i, j]);
    const to = pairs.flatMap(([i, j]) => [j, i]);
    await tx.query(
      `insert into spatial_weights (set_key, unit_id, neighbour_id, weight)
       select $1, u, n, 1 from unnest($2::int[], $3::int[]) as p(u, n)`,
      [key, from, to],
    );
    await recordAudit(tx, {
      actor,
      action: 'build',
      entity: 'spatial_weight_set',
      entityId: key,
      after: {
        unitCount: units.length,
        pairs: pairs.length,
        islands: islandIds.length,
        buildMs: Math.round(buildMs),
      },
    });
  });
}

/** A stored set, or null when it has not been built. */
export async function readWeights(db: Queryable, key: string): Promise<StoredWeights | null> {
  const sets = await db.query<{
    level: string;
    validOn: string;
    method: string;
    params: unknown;
    builtAt: string;
    buildMs: number;
  }>(
    `select level, to_char(valid_on, 'YYYY-MM-DD') as "validOn", method, params,
       to_char(built_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "builtAt", build_ms as "buildMs"
     from spatial_weight_sets where key = $1`,
    [key],
  );
  const set = sets[0];
  if (!set) return null;
  const units = await versionUnits(db, set.level, set.validOn);
  const position = new Map(units.map((u, k) => [u.id, k]));
  const rows = await db.query<{ u: number; n: number; w: number }>(
    `select unit_id as u, neighbour_id as n, weight as w from spatial_weights where set_key = $1`,
    [key],
  );
  const weights = weightsFromPairs(
    units.length,
    rows.map((r) => [position.get(r.u) ?? -1, position.get(r.n) ?? -1, r.w] as const),
  );
  return {
    key,
    method: describeMethod(set.params as WeightsMethod),
    unitIds: units.map((u) => u.id),
    codes: units.map((u) => u.code),
    weights,
    islands: islandsOf(weights),
    builtAt: set.builtAt,
    buildMs: set.buildMs,
  };
}

/**
 * The weights among the communes of a study area (a province, or the whole country), computed for the
 * request and never stored: the same pairs as the national set restricted to the area (a pair depends on
 * its two units only). Only menu methods reach here (contracts/analysis.ts), so the cost is bounded: on the
 * 3,321 real communes (PGlite, spatial-weights.db.test.ts) the national contiguity takes ~3 s once, Hà Nội's
 * 43 ms, a 30 km band over the whole country ~160 ms. Results are kept in memory (a few MB at most), keyed by the exact unit ids, so a
 * boundary import is seen at once; the cache holds {@link CACHE_SIZE} sets and forgets the oldest.
 */
export async function studyAreaWeights(
  db: Database,
  level: string,
  validFrom: string,
  method: WeightsMethod,
  province: string | null,
): Promise<StoredWeights> {
  const units = await db.query<{ id: number; code: string; lon: number; lat: number }>(
    `select id, code, ST_X(label_point) as lon, ST_Y(label_point) as lat from admin_units u
     where level = $1 and ${validAt('u', '$2')} and ($3::text is null or province_code = $3) order by id`,
    [level, validFrom, province],
  );
  const key = weightsKey(level, validFrom, method);
  const ids = createHash('sha256')
    .update(units.map((u) => u.id).join(','))
    .digest('base64url');
  const cacheKey = `${key}|${province ?? '*'}|${ids}`;
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  const cached = perDb.get(cacheKey);
  if (cached) {
    perDb.delete(cacheKey);
    perDb.set(cacheKey, cached);
    return cached;
  }
  const entry = computeWeights(db, level, validFrom, method, province, units, key);
  perDb.set(cacheKey, entry);
  entry.catch(() => {
    if (perDb?.get(cacheKey) === entry) perDb.delete(cacheKey);
  });
  while (perDb.size > CACHE_SIZE) {
    const oldest = perDb.keys().next().value;
    if (oldest === undefined) break;
    perDb.delete(oldest);
  }
  return entry;
}

const CACHE_SIZE = 48;
/** Per database, so tests with several databases never mix them; in insertion (= recent use) order. */
const cache = new WeakMap<object, Map<string, Promise<StoredWeights>>>();

async function computeWeights(
  db: Queryable,
  level: string,
  validFrom: string,
  method: WeightsMethod,
  province: string | null,
  units: { id: number; code: string; lon: number; lat: number }[],
  key: string,
): Promise<StoredWeights> {
  const started = performance.now();
  const position = new Map(units.map((u, k) => [u.id, k]));
  const weights =
    method.kind === 'contiguity'
      ? binaryWeightsFromPairs(
          units.length,
          (await contiguityPairs(db, level, validFrom, method.snapM, province)).map(
            (r) => [position.get(r.i) ?? -1, position.get(r.j) ?? -1] as const,
          ),
        )
      : // The national 30 km band is ~150 ms of arithmetic: in the statistics worker, not the event loop.
        await statistics.run(
          'distanceBandWeights',
          units.map((u) => [u.lon, u.lat] as const),
          method.bandM,
        );
  return {
    key,
    method: describeMethod(method),
    unitIds: units.map((u) => u.id),
    codes: units.map((u) => u.code),
    weights,
    islands: islandsOf(weights),
    builtAt: `${new Date().toISOString().slice(0, 19)}Z`,
    buildMs: performance.now() - started,
  };
}

/** Codes of the communes valid at `at` (of one province, or all), by code. */
export async function studyAreaCommunes(
  db: Queryable,
  at: string,
  provinceCode: string | null,
): Promise<{ code: string }[]> {
  return db.query<{ code: string }>(
    `select code from admin_units u where level = 'commune' and ${validAt('u', '$1')}
       and ($2::text is null or province_code = $2) order by code`,
    [at, provinceCode],
  );
}
