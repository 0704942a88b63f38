import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bump, generationsOf } from '../../lib/data-generations';
import { ApiError } from '../../lib/errors';
import { writableTestApp } from '../../testing/test-db';
import { unitLookupFor } from './unit-lookup-cache';

/**
 * The values route names its parent unit on every request: it is looked up once per (code, date) and kept
 * until the units change, when the next request sees the change.
 */
let t: Awaited<ReturnType<typeof writableTestApp>>;
const AT = '2026-06-30';
let original = '';
/** A commune outside the provinces other tests read values of (01, 14), so renaming it for a moment is unseen. */
let code = '';

beforeAll(async () => {
  t = await writableTestApp();
  const [row] = await t.db.query<{ code: string; name: string }>(
    `select code, full_name as name from admin_units
     where level = 'commune' and province_code not in ('01', '14') and valid_to is null order by code desc limit 1`,
  );
  code = row?.code ?? '';
  original = row?.name ?? '';
});

afterAll(async () => {
  await t.db.query(
    `update admin_units set full_name = $1 where level = 'commune' and code = $2 and valid_to is null`,
    [original, code],
  );
  await bump(t.db, 'units');
  await t.close();
});

describe('unit lookup kept until the units change', () => {
  it('answers from what it read until a units change is noticed, then reads the unit again', async () => {
    const lookup = unitLookupFor(t.db);
    expect((await lookup.resolve(code, AT)).fullName).toBe(original);
    // Changed behind its back (no generation bump): the kept answer stands, no second read.
    await t.db.query(
      `update admin_units set full_name = full_name || ' (đổi tên)' where level = 'commune' and code = $1
         and valid_to is null`,
      [code],
    );
    expect((await lookup.resolve(code, AT)).fullName).toBe(original);
    // A units write bumps the generation; once noticed, the next lookup reads the renamed unit.
    await bump(t.db, 'units');
    await generationsOf(t.db).refresh();
    expect((await lookup.resolve(code, AT)).fullName).toBe(`${original} (đổi tên)`);
  });

  it('answers a code not valid on the date with a 404 naming the field', async () => {
    const err = await unitLookupFor(t.db)
      .resolve('98', AT, 'parent')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(404);
    expect((err as ApiError).field).toBe('parent');
  });
});
