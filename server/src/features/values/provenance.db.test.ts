import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { writableTestApp } from '../../testing/test-db';
import { uploadForm } from '../imports/testing';

/**
 * Every figure of a commune can be read back to its source: /api/series names, per period, the import (id,
 * file name, the file's rows, who, when) its stored values came from, the demo generator for synthetic ones, and whether the
 * crosswalk carried them (by a share: an estimate). The area panel shows it.
 */

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let db: Database;
let commune = '';
let partialCommune = '';
let importId = 0;
const FILE = 'bao-cao-nguon-goc.csv';

interface Source {
  kind: string;
  importId: number | null;
  fileName: string | null;
  actor: string | null;
  importedAt: string | null;
  rows: number[];
  submissionId: number | null;
  crosswalk: boolean;
  estimated: boolean;
  values: number;
}
interface SeriesJson {
  rows: Array<{ period: string; value: number | null; estimated: boolean; sources?: Source[] }>;
}

const series = async (unit: string, indicator: string, from: string, to: string) => {
  const res = await ctx.app.request(
    `/api/series?unit=${unit}&indicator=${indicator}&from=${from}&to=${to}&at=2026-11-01`,
  );
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(200);
  return JSON.parse(text) as SeriesJson;
};

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
  const rows = await db.query<{ code: string; partial: boolean }>(
    `select n.code, bool_or(c.weight < 1) as partial
     from unit_crosswalk c join admin_units n on n.id = c.new_unit_id
     where n.level = 'commune' and n.province_code = '14' and n.valid_from = '2025-07-01'
     group by n.code order by n.code`,
  );
  commune = rows[0]?.code ?? '';
  partialCommune = rows.find((r) => r.partial)?.code ?? '';
  // Five other communes on rows 2–6: the commune's value is on row 7 of the file.
  const others = rows.slice(1, 6).map((r, k) => `${r.code},2026-Q2,drug_arrests,${k + 1}`);
  expect(others).toHaveLength(5);
  const lines = ['Mã đơn vị,Kỳ báo cáo,Mã chỉ tiêu,Giá trị', ...others, `${commune},2026-Q2,drug_arrests,7`];
  const res = await ctx.app.request('/api/imports/values', {
    method: 'POST',
    body: uploadForm(FILE, lines.join('\n'), { period: '2026-Q2', scope: '14' }),
  });
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(200);
  importId = (JSON.parse(text) as { importId: number }).importId;
});

afterAll(async () => {
  // The postgres test database is shared: put the demo value back.
  if (importId) await ctx.app.request(`/api/imports/values/${importId}/rollback`, { method: 'POST' });
  await ctx.close();
});

describe('provenance of a commune’s figures', () => {
  it('names the import, its file and row ("tệp X, dòng 7"), who and when for an imported value; the demo generator for the others', async () => {
    const body = await series(commune, 'drug_arrests', '2026-Q1', '2026-Q2');
    const [q1, q2] = body.rows;
    expect(q2?.value).toBe(7);
    expect(q2?.sources).toEqual([
      {
        kind: 'import',
        tag: `import:${importId}:${FILE}`,
        importId,
        fileName: FILE,
        actor: expect.stringContaining('admin'),
        importedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        rows: [7],
        submissionId: null,
        crosswalk: false,
        estimated: false,
        values: 1,
      },
    ]);
    expect(q1?.sources?.map((s) => [s.kind, s.importId, s.rows, s.crosswalk])).toEqual([
      ['demo', null, [], false],
    ]);
  });

  it('says a computed figure’s inputs may come from several sources', async () => {
    const body = await series(commune, 'arrests_per_10000', '2026-Q2', '2026-Q2');
    const kinds = body.rows[0]?.sources?.map((s) => s.kind).sort();
    expect(kinds).toEqual(['demo', 'import']);
  });

  it('says when the crosswalk carried the values, and when by a share (an estimate)', async () => {
    const body = await series(partialCommune, 'managed_addicts', '2024-Q4', '2025-Q3');
    const old = body.rows[0];
    const current = body.rows.at(-1);
    expect([old?.period, current?.period]).toEqual(['2024-Q4', '2025-Q3']);
    expect(old?.sources?.every((s) => s.crosswalk)).toBe(true);
    expect(old?.sources?.some((s) => s.estimated)).toBe(true);
    expect(current?.sources?.every((s) => !s.crosswalk && s.kind === 'demo')).toBe(true);
  });
});
