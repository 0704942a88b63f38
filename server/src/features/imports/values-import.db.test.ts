import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { type ErrorJson, getJson } from '../../testing/http';
import { testEngine, writableTestApp } from '../../testing/test-db';
import { readTable } from './read-table';
import { importTableCounts, uploadForm } from './testing';
import { MAX_TABLE_BYTES } from './upload-limits';

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let db: Database;
const PERIOD = '2026-Q3';
const SCOPE = '14';

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
});
afterAll(async () => {
  await ctx?.close();
});

const post = (path: string, form: FormData) => ctx.app.request(path, { method: 'POST', body: form });

interface Preview {
  values: number;
  added: number;
  changed: number;
  unchanged: number;
  importId?: number | null;
  sample: { unitCode: string; indicatorCode: string; oldValue: number | null; newValue: number }[];
}
interface Rejected {
  error: { code: string; message: string; field: string };
  problems: { sheet: string | null; row: number | null; column: string | null; message: string }[];
}

async function template(format: 'xlsx' | 'csv', layout: 'wide' | 'long') {
  const res = await ctx.app.request(
    `/api/imports/templates/values?period=${PERIOD}&scope=${SCOPE}&layout=${layout}&format=${format}`,
  );
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toContain(`bao-cao-${PERIOD}-${SCOPE}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** The template filled in: the first `n` communes get `managed_addicts` = 1000 + i and `drug_arrests` = i. */
async function filledCsv(n: number, edit?: (rows: string[][]) => void): Promise<string> {
  const sheets = await readTable('t.csv', await template('csv', 'wide'));
  const rows = (sheets[0]?.rows ?? []).map((r) => r.map((c) => (c === null ? '' : String(c))));
  const header = rows[0] ?? [];
  const addicts = header.findIndex((h) => h.endsWith('(managed_addicts)'));
  const arrests = header.findIndex((h) => h.endsWith('(drug_arrests)'));
  const body = rows.slice(1, n + 1).map((r, i) => {
    const copy = [...r];
    copy[addicts] = String(1000 + i);
    copy[arrests] = String(i);
    return copy;
  });
  const all = [header, ...body];
  edit?.(all);
  return all.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\n');
}

const storedValue = async (code: string, indicator: string) =>
  (
    await db.query<{ value: number; source: string }>(
      `select v.value, v.source from indicator_values v join admin_units u on u.id = v.unit_id
       where u.code = $1 and u.level = 'commune' and u.valid_to is null and v.indicator_code = $2 and v.period_id = $3`,
      [code, indicator, PERIOD],
    )
  )[0];

/**
 * PostgreSQL: starts `run` while another transaction holds the imports table against inserts, and lets go
 * once `sessions` connections wait on a lock, i.e. once each concurrent commit has done everything it does
 * before recording its import. Without that, the commits' reads might happen not to overlap. PGlite has
 * one connection: `run` simply runs.
 */
async function overlapping<T>(sessions: number, run: () => Promise<T>): Promise<T> {
  if (testEngine() !== 'postgres') return run();
  let settled = false;
  let result: Promise<T> | undefined;
  await db.transaction(async (tx) => {
    await tx.query('lock table imports in exclusive mode');
    result = run().finally(() => {
      settled = true;
    });
    result.catch(() => undefined);
    for (;;) {
      const [waiting] = await db.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (settled || (waiting?.n ?? 0) >= sessions) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
  if (!result) throw new Error('overlapping: run was not started');
  return result;
}

describe('importing a report', () => {
  it('downloads templates in both layouts with Vietnamese headers and every commune of the scope', async () => {
    const units = await getJson<{ rows: { code: string }[] }>(
      ctx.app,
      `/api/units?level=commune&parent=${SCOPE}`,
    );
    const wide = await readTable('t.xlsx', await template('xlsx', 'wide'));
    expect(wide[0]?.rows[0]?.slice(0, 4)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Tỉnh', 'Kỳ báo cáo']);
    expect(wide[0]?.rows.length).toBe(units.rows.length + 1);
    const long = await readTable('t.xlsx', await template('xlsx', 'long'));
    // Indicators are "chỉ số" ("chỉ tiêu" is a plan's target); older templates' headings are still read.
    expect(long[0]?.rows[0]).toEqual(expect.arrayContaining(['Mã chỉ số', 'Tên chỉ số']));
    expect(long[0]?.rows[0]?.join()).not.toContain('chỉ tiêu');
    const indicators = (long[0]?.rows.length ?? 0) - 1;
    expect(indicators % units.rows.length).toBe(0);
    expect(indicators / units.rows.length).toBe((wide[0]?.rows[0]?.length ?? 0) - 4);
  });

  it('previews, commits all-or-nothing, shows on the map values, re-imports as no change, rolls back', async () => {
    const csv = await filledCsv(5);
    const firstCode = csv.split('\n')[1]?.split(',')[0] ?? '';
    const before = await storedValue(firstCode, 'managed_addicts');
    const countsBefore = await importTableCounts(db);

    const previewRes = await post(
      '/api/imports/values/preview',
      uploadForm('bc-sonla.csv', csv, { period: PERIOD, scope: SCOPE }),
    );
    const preview = (await previewRes.json()) as Preview;
    expect(previewRes.status, JSON.stringify(preview)).toBe(200);
    expect(preview.values).toBe(10);
    expect(preview.added + preview.changed + preview.unchanged).toBe(10);
    expect(
      preview.sample.find((s) => s.unitCode === firstCode && s.indicatorCode === 'managed_addicts'),
    ).toEqual({
      unitCode: firstCode,
      unitName: expect.any(String),
      indicatorCode: 'managed_addicts',
      oldValue: before?.value ?? null,
      newValue: 1000,
    });
    expect(await importTableCounts(db)).toEqual(countsBefore);

    const commitRes = await post(
      '/api/imports/values',
      uploadForm('bc-sonla.csv', csv, { period: PERIOD, scope: SCOPE }),
    );
    const commit = (await commitRes.json()) as Preview;
    expect(commitRes.status).toBe(200);
    expect(commit.importId).toEqual(expect.any(Number));
    const after = await storedValue(firstCode, 'managed_addicts');
    expect(after).toEqual({ value: 1000, source: `import:${commit.importId}:bc-sonla.csv` });
    const map = await getJson<{ rows: { code: string; value: number }[] }>(
      ctx.app,
      `/api/values?indicator=managed_addicts&period=${PERIOD}&parent=${SCOPE}`,
    );
    expect(map.rows.find((r) => r.code === firstCode)?.value).toBe(1000);
    const audit = await db.query<{ action: string }>(
      `select action from audit_log where entity = 'imports' and entity_id = $1`,
      [String(commit.importId)],
    );
    expect(audit.map((a) => a.action)).toEqual(['import.values']);

    const again = (await (
      await post('/api/imports/values', uploadForm('bc-sonla.csv', csv, { period: PERIOD, scope: SCOPE }))
    ).json()) as Preview;
    expect(again).toMatchObject({ importId: null, added: 0, changed: 0, unchanged: 10 });

    const list = await getJson<{ rows: { id: number; kind: string; status: string }[] }>(
      ctx.app,
      '/api/imports',
    );
    expect(list.rows[0]).toMatchObject({ id: commit.importId, kind: 'values', status: 'committed' });

    const rb = await ctx.app.request(`/api/imports/values/${commit.importId}/rollback`, { method: 'POST' });
    expect(rb.status).toBe(200);
    expect(await storedValue(firstCode, 'managed_addicts')).toEqual(before);
    const rbAgain = await ctx.app.request(`/api/imports/values/${commit.importId}/rollback`, {
      method: 'POST',
    });
    expect(rbAgain.status).toBe(409);
    const counts = await importTableCounts(db);
    expect(counts.indicator_values).toBe(countsBefore.indicator_values);
  });

  it('refuses to roll back an import whose values a later import changed', async () => {
    const first = (await (
      await post('/api/imports/values', uploadForm('a.csv', await filledCsv(2), { period: PERIOD }))
    ).json()) as Preview;
    const later = await filledCsv(1, (rows) => {
      const [header, r] = rows;
      if (header && r) r[header.findIndex((h) => h.endsWith('(managed_addicts)'))] = '77';
    });
    const second = (await (
      await post('/api/imports/values', uploadForm('b.csv', later, { period: PERIOD }))
    ).json()) as Preview;
    expect(second.changed).toBe(1);
    const refused = await ctx.app.request(`/api/imports/values/${first.importId}/rollback`, {
      method: 'POST',
    });
    expect(refused.status).toBe(409);
    const message = ((await refused.json()) as ErrorJson).error.message;
    expect(message).toContain(`Không thể hoàn tác lần nhập ${first.importId}`);
    expect(message).toContain(`lần nhập ${second.importId} (tệp b.csv)`);
    expect(message).toContain(`Hãy hoàn tác lần nhập ${second.importId} trước`);
    expect(
      (await ctx.app.request(`/api/imports/values/${second.importId}/rollback`, { method: 'POST' })).status,
    ).toBe(200);
    expect(
      (await ctx.app.request(`/api/imports/values/${first.importId}/rollback`, { method: 'POST' })).status,
    ).toBe(200);
  });

  it('serialises two concurrent commits of the same values; rolling back restores what each replaced', async () => {
    const N = 3;
    const INDICATORS = ['managed_addicts', 'drug_arrests'] as const;
    const files = [
      { name: 'a.csv', base: 500 },
      { name: 'b.csv', base: 600 },
    ];
    /** The first N communes with managed_addicts = base + i and drug_arrests = base / 10 + i. */
    const csvWith = (base: number) =>
      filledCsv(N, (rows) => {
        const [header, ...body] = rows;
        if (!header) throw new Error('template has no header');
        const columns = INDICATORS.map((code) => header.findIndex((h) => h.endsWith(`(${code})`)));
        body.forEach((r, i) => {
          columns.forEach((column, k) => {
            r[column] = String((k === 0 ? base : base / 10) + i);
          });
        });
      });
    const csvs = await Promise.all(files.map((f) => csvWith(f.base)));
    const codes = (csvs[0] ?? '')
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0] ?? '');
    /** Each cell as (code, indicator) in one order: the stored values, and what a file writes there. */
    const cells = codes.flatMap((code, i) => INDICATORS.map((indicator, k) => ({ code, indicator, i, k })));
    const written = (base: number) => cells.map((c) => (c.k === 0 ? base : base / 10) + c.i);
    const stored = async () =>
      Promise.all(cells.map(async (c) => (await storedValue(c.code, c.indicator)) ?? null));
    const original = await stored();

    // Both commits at once; on PostgreSQL each has its own connection, on PGlite they take turns.
    const responses = await overlapping(2, () =>
      Promise.all(
        files.map(async (f, i) => {
          const form = uploadForm(f.name, csvs[i] ?? '', { period: PERIOD, scope: SCOPE });
          const res = await post('/api/imports/values', form);
          expect(res.status).toBe(200);
          return { ...f, body: (await res.json()) as Preview };
        }),
      ),
    );
    // Import ids are assigned under the locks: their order is the order the commits took effect in.
    const [first, second] = responses.sort((x, y) => (x.body.importId ?? 0) - (y.body.importId ?? 0));
    const firstId = first?.body.importId;
    const secondId = second?.body.importId;
    if (!first || !second || !firstId || !secondId) throw new Error('both imports must commit');
    expect(await stored()).toEqual(
      written(second.base).map((value) => ({ value, source: `import:${secondId}:${second.name}` })),
    );
    // The later commit replaced what the earlier one wrote, and recorded exactly that.
    expect(second.body).toMatchObject({ added: 0, changed: 2 * N, unchanged: 0 });
    const recorded = async (importId: number) => {
      const rows = await db.query<{ key: string; oldValue: number | null; oldSource: string | null }>(
        `select u.code || '|' || c.indicator_code as key, c.old_value as "oldValue", c.old_source as "oldSource"
         from import_value_changes c join admin_units u on u.id = c.unit_id where c.import_id = $1`,
        [importId],
      );
      const byKey = new Map(rows.map((r) => [r.key, r]));
      return cells.map((c) => byKey.get(`${c.code}|${c.indicator}`));
    };
    expect(await recorded(secondId)).toEqual(
      written(first.base).map((value) => ({
        key: expect.any(String),
        oldValue: value,
        oldSource: `import:${firstId}:${first.name}`,
      })),
    );
    expect((await recorded(firstId)).map((r) => r?.oldValue ?? null)).toEqual(
      original.map((o) => o?.value ?? null),
    );

    // The earlier import cannot be undone under the later one; undoing both in order restores every value.
    const undo = (id: number) => ctx.app.request(`/api/imports/values/${id}/rollback`, { method: 'POST' });
    const refused = await undo(firstId);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ErrorJson).error.message).toContain(
      `Hãy hoàn tác lần nhập ${secondId} trước`,
    );
    expect((await undo(secondId)).status).toBe(200);
    expect((await stored()).map((c) => c?.value)).toEqual(written(first.base));
    expect((await undo(firstId)).status).toBe(200);
    expect(await stored()).toEqual(original);
  });

  it('says in the preview how the file’s numbers were read, lists a value that reads either way, and takes the user’s choice', async () => {
    const [unit] = await db.query<{ code: string }>(
      `select code from admin_units where level = 'commune' and province_code = $1
         and valid_from <= '2026-09-30' and (valid_to is null or valid_to > '2026-09-30') order by code limit 1`,
      [SCOPE],
    );
    const csv = `Mã đơn vị,Kỳ báo cáo,Mã chỉ số,Giá trị\n${unit?.code},${PERIOD},managed_addicts,96.163`;
    type Numbers = Preview & {
      numbers: { convention: string; decidedBy: string; ambiguous: unknown[]; ambiguousCount: number };
    };
    const preview = async (fields: Record<string, string>) => {
      const res = await post(
        '/api/imports/values/preview',
        uploadForm('so-lieu.csv', csv, { period: PERIOD, scope: SCOPE, ...fields }),
      );
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(200);
      return JSON.parse(text) as Numbers;
    };
    // Nothing in the file tells: read the Vietnamese way, and the cell is shown as read.
    const vi = await preview({});
    expect(vi.sample[0]?.newValue).toBe(96163);
    expect(vi.numbers).toEqual({
      convention: 'comma',
      decidedBy: 'default',
      ambiguous: [{ sheet: null, row: 2, column: 'D', text: '96.163', value: 96163 }],
      ambiguousCount: 1,
    });
    // The user says the file writes a decimal point.
    const dot = await preview({ decimalMark: 'dot' });
    expect(dot.sample[0]?.newValue).toBe(96.163);
    expect(dot.numbers).toMatchObject({ convention: 'dot', decidedBy: 'choice' });
    const bad = await post(
      '/api/imports/values/preview',
      uploadForm('so-lieu.csv', csv, { period: PERIOD, scope: SCOPE, decimalMark: 'space' }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorJson).error.field).toBe('decimalMark');
  });

  it('lists every problem by row and column and changes nothing', async () => {
    let addictsColumn = '';
    const csv = await filledCsv(4, (rows) => {
      const [header, r1, r2] = rows;
      if (!header || !r1 || !r2) throw new Error('template too short');
      const col = header.findIndex((h) => h.endsWith('(managed_addicts)'));
      addictsColumn = String.fromCharCode(65 + col);
      r1[0] = '99999';
      r2[col] = '-3';
    });
    const before = await importTableCounts(db);
    const res = await post(
      '/api/imports/values',
      uploadForm('loi.csv', csv, { period: PERIOD, scope: SCOPE }),
    );
    const body = (await res.json()) as Rejected;
    expect(res.status).toBe(422);
    expect(body.error).toMatchObject({ code: 'invalid_file', field: 'file' });
    expect(body.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'A'],
      [3, addictsColumn],
    ]);
    expect(body.problems[0]?.message).toContain('không có xã nào mang mã 99999');
    expect(await importTableCounts(db)).toEqual(before);
  });

  it.each([
    ['TCVN3 text', 'bc.csv', 'Tên đơn vị,managed_addicts\nPh\u00adêng Tô HiÖu,3\n', /TCVN3/],
    ['missing columns', 'bc.csv', 'Mã đơn vị,Tên đơn vị\n03979,Xã Tân Phong\n', /thiếu cột/],
    ['a broken workbook', 'bc.xlsx', 'PK\u0003\u0004garbage', /không đọc được tệp XLSX/],
    ['an empty file', 'bc.csv', '', /tệp rỗng/],
  ])('rejects %s with a clear message and no change', async (_what, name, content, message) => {
    const before = await importTableCounts(db);
    const res = await post('/api/imports/values', uploadForm(name, content, { period: PERIOD }));
    expect(res.status).toBe(422);
    expect(((await res.json()) as Rejected).error.message).toMatch(message);
    expect(await importTableCounts(db)).toEqual(before);
  });

  it('answers 413 for a file over the limit and 400 for a period that is not a quarter', async () => {
    const huge = new Uint8Array(MAX_TABLE_BYTES + 1024).fill(0x41);
    const before = await importTableCounts(db);
    const res = await post('/api/imports/values', uploadForm('huge.csv', huge, { period: PERIOD }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorJson).error).toMatchObject({ code: 'file_too_large', field: 'file' });
    const year = await post(
      '/api/imports/values',
      uploadForm('a.csv', await filledCsv(1), { period: '2026' }),
    );
    expect(year.status).toBe(400);
    expect(((await year.json()) as ErrorJson).error.field).toBe('period');
    expect(await importTableCounts(db)).toEqual(before);
  });

  it('lets data officers import reports but not anonymous callers', async () => {
    const anonymous = await ctx.as(null);
    const res = await anonymous.request('/api/imports/values/preview', {
      method: 'POST',
      body: uploadForm('a.csv', await filledCsv(1), { period: PERIOD }),
    });
    expect(res.status).toBe(401);
    const officer = await ctx.as('thongke.hanoi');
    expect(
      (await officer.request(`/api/imports/templates/values?period=${PERIOD}&scope=01&format=csv`)).status,
    ).toBe(200);
    // Hà Nội's data officer may not write Sơn La's values: named by row, nothing written.
    const before = await importTableCounts(db);
    const sonLa = await officer.request('/api/imports/values', {
      method: 'POST',
      body: uploadForm('sonla.csv', await filledCsv(1), { period: PERIOD }),
    });
    expect(sonLa.status).toBe(422);
    const body = (await sonLa.json()) as Rejected;
    expect(body.problems[0]?.row).toBe(2);
    expect(body.problems.every((p) => p.message.includes('nằm ngoài địa bàn được giao'))).toBe(true);
    expect(await importTableCounts(db)).toEqual(before);
  });
});
