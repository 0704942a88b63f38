import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ViewSnapshot } from '@pcmt/domain/contracts/briefings';
import type { CommuneStatus } from '@pcmt/domain/contracts/common';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/engine';
import { validAt } from '../../../lib/sql';
import { briefingOf } from '../../../testing/briefing-fixture';
import { testApp } from '../../../testing/test-db';
import { loadBriefingGeometry } from './briefing-geometry';
import { renderBriefingPdf } from './render-briefing-pdf';

/**
 * The outlines a printed briefing draws, from the demo database: a province view gets its own communes
 * (valid on the snapshot's date) and the provinces around them; a national view of the ~10,000 communes
 * before the 2025 reorganisation stays a PDF small enough to mail.
 */

/** A national pack of the pre-2025 communes stays under this size. */
const NATIONAL_PDF_MAX_BYTES = 3 * 1024 * 1024;
const artifactsDir = resolve(import.meta.dirname, '../../../../../test/artifacts');

const STATUSES: CommuneStatus[] = [
  'khong_ma_tuy',
  'co_ma_tuy',
  'trong_diem_III',
  'trong_diem_II',
  'trong_diem_I',
];
const COLORS = ['#2c7bb6', '#ffffbf', '#fdae61', '#f46d43', '#a50026'];

let db: Database;

beforeAll(async () => {
  ({ db } = await testApp());
});

/** A status snapshot of the communes of `province` (or the country) valid on `at`, classes spread evenly. */
async function statusSnapshot(province: string | null, at: string, period: string): Promise<ViewSnapshot> {
  const units = await db.query<{ code: string; full_name: string; province_code: string }>(
    `select u.code, u.full_name, u.province_code from admin_units u
     where u.level = 'commune' and ${validAt('u', '$1')} and ($2::text is null or u.province_code = $2)
     order by u.code`,
    [at, province],
  );
  const rows = units.map((u, i) => {
    const cls = i % 11 === 10 ? -1 : i % 5;
    return {
      code: u.code,
      name: u.full_name,
      provinceCode: u.province_code,
      class: cls,
      status: cls < 0 ? null : (STATUSES[cls] ?? null),
      value: null,
    };
  });
  const [parent] = province
    ? await db.query<{ full_name: string }>(
        `select u.full_name from admin_units u where u.level = 'province' and u.code = $1 and ${validAt('u', '$2')}`,
        [province, at],
      )
    : [];
  return {
    kind: 'status',
    period,
    periodStart: `${at.slice(0, 4)}-01-01`,
    periodEnd: at,
    at,
    parent: province,
    parentName: parent?.full_name ?? null,
    indicator: null,
    rows,
    legend: STATUSES.map((status, i) => ({
      class: i,
      color: COLORS[i] ?? '#000000',
      status,
      range: null,
      count: rows.filter((r) => r.class === i).length,
    })),
    noData: rows.filter((r) => r.class < 0).length,
    trend: [],
    synthetic: true,
    source: 'demo (test subset)',
  };
}

const vertexCount = (polygons: number[][][][]) => polygons.flat().reduce((n, ring) => n + ring.length, 0);

describe('loadBriefingGeometry', () => {
  it("returns the outlines of a province view's communes and the provinces around it", async () => {
    const snapshot = await statusSnapshot('14', '2025-09-30', '2025-Q3');
    expect(snapshot.rows.length).toBeGreaterThan(50);
    const geometry = await loadBriefingGeometry(db, briefingOf([snapshot]));
    const view = geometry.views[0];
    if (!view?.bbox) throw new Error('no outlines for Sơn La');
    expect(view.communes.map((c) => c.code).sort()).toEqual(snapshot.rows.map((r) => r.code).sort());
    for (const c of view.communes) expect(vertexCount(c.polygons)).toBeGreaterThanOrEqual(4);
    // Sơn La lies around 103–105.5° E, 20.5–22° N.
    const [w, s, e, n] = view.bbox;
    expect(w).toBeGreaterThan(102.5);
    expect(e).toBeLessThan(106);
    expect(s).toBeGreaterThan(20);
    expect(n).toBeLessThan(22.5);
    // Its own outline and its neighbours for context, not the whole country.
    const provinces = view.provinces.map((p) => p.code);
    expect(provinces).toContain('14');
    expect(provinces.length).toBeGreaterThan(2);
    expect(provinces.length).toBeLessThan(15);
  });

  it("loads the units valid on each view's own date, once for views of the same area and date", async () => {
    const after = await statusSnapshot('14', '2025-09-30', '2025-Q3');
    const before = await statusSnapshot('14', '2024-12-31', '2024');
    const geometry = await loadBriefingGeometry(db, briefingOf([after, before, after]));
    const [a, b, c] = geometry.views;
    expect(a?.communes.length).toBe(after.rows.length);
    expect(b?.communes.length).toBe(before.rows.length);
    // Sơn La had more communes before the merger of 1/7/2025.
    expect(before.rows.length).toBeGreaterThan(after.rows.length);
    expect(c).toBe(a);
  });

  it('keeps the PDF of a national view of ~10,000 communes small', async () => {
    const national = await statusSnapshot(null, '2024-12-31', '2024');
    const province = await statusSnapshot('14', '2025-09-30', '2025-Q3');
    expect(national.rows.length).toBeGreaterThan(9000);
    const figures: string[] = [];
    const measure = async (label: string, snapshot: ViewSnapshot) => {
      const briefing = briefingOf([snapshot]);
      const t0 = performance.now();
      const geometry = await loadBriefingGeometry(db, briefing);
      const t1 = performance.now();
      const pdf = await renderBriefingPdf(briefing, geometry, {
        confidential: true,
        generatedAt: new Date(0),
      });
      const t2 = performance.now();
      const vertices = geometry.views[0]?.communes.reduce((n, c) => n + vertexCount(c.polygons), 0) ?? 0;
      figures.push(
        `${label}: ${snapshot.rows.length} communes, ${vertices} vertices; geometry ${(t1 - t0).toFixed(0)} ms, ` +
          `render ${(t2 - t1).toFixed(0)} ms, ${(pdf.length / 1024).toFixed(0)} KB`,
      );
      return pdf;
    };
    const nationalPdf = await measure('national 2024', national);
    const provincePdf = await measure('Sơn La 2025-Q3', province);
    console.log(figures.join('\n'));
    if (process.env.PCMT_BRIEFING_PDF_DUMP) {
      mkdirSync(artifactsDir, { recursive: true });
      writeFileSync(join(artifactsDir, 'briefing-demo-national.pdf'), nationalPdf);
      writeFileSync(join(artifactsDir, 'briefing-demo-province.pdf'), provincePdf);
    }
    expect(nationalPdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(nationalPdf.length).toBeLessThan(NATIONAL_PDF_MAX_BYTES);
  });
});
