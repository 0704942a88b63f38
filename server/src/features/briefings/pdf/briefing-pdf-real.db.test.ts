import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ViewSnapshot } from '@pcmt/domain/contracts/briefings';
import { countStatuses, STATUS_ORDER } from '@pcmt/domain/status-classes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/engine';
import { validAt } from '../../../lib/sql';
import { briefingOf } from '../../../testing/briefing-fixture';
import { openReal2025Database, REAL_2025 } from '../../tiles/testing/load-real-units';
import { statusLegend } from '../build-snapshot';
import { loadBriefingGeometry } from './briefing-geometry';
import { renderBriefingPdf } from './render-briefing-pdf';

/**
 * The briefing pack on the real boundaries of 2025 (3,321 communes with their full coastlines and river
 * borders, far more vertices than the demo's): a national page must still be a file one can mail.
 * Loading the real boundaries into a fresh database takes ~80 s, so this runs in CI and on request:
 * `PCMT_BRIEFING_REAL=1 npx vitest run --project db:pglite server/src/features/briefings/pdf/briefing-pdf-real`
 * (add PCMT_BRIEFING_PDF_DUMP=1 to keep the two PDFs under test/artifacts/).
 */

const { communes: COMMUNES, provinces: PROVINCES } = REAL_2025;
const AT = '2025-09-30';
/** A national pack of the real 2025 communes stays under this size. */
const NATIONAL_PDF_MAX_BYTES = 3 * 1024 * 1024;
const artifactsDir = resolve(import.meta.dirname, '../../../../../test/artifacts');

const requested = process.env.PCMT_BRIEFING_REAL === '1' || process.env.CI === 'true';

describe.skipIf(!requested || !existsSync(COMMUNES) || !existsSync(PROVINCES))(
  'briefing PDF on real boundaries',
  () => {
    let db: Database;

    beforeAll(async () => {
      db = await openReal2025Database();
    });

    afterAll(async () => {
      await db?.close();
    });

    async function snapshotOf(province: string | null): Promise<ViewSnapshot> {
      const units = await db.query<{ code: string; full_name: string; province_code: string }>(
        `select u.code, u.full_name, u.province_code from admin_units u
       where u.level = 'commune' and ${validAt('u', '$1')} and ($2::text is null or u.province_code = $2)
       order by u.code`,
        [AT, province],
      );
      const rows = units.map((u, i) => ({
        code: u.code,
        name: u.full_name,
        provinceCode: u.province_code,
        class: i % 5,
        status: STATUS_ORDER[i % 5] ?? null,
        value: null,
      }));
      return {
        kind: 'status',
        period: '2025-Q3',
        periodStart: '2025-07-01',
        periodEnd: AT,
        at: AT,
        parent: province,
        parentName: province ? `Tỉnh ${province}` : null,
        indicator: null,
        rows,
        legend: statusLegend(countStatuses(rows.flatMap((r) => (r.status ? [{ status: r.status }] : [])))),
        noData: 0,
        trend: [],
        synthetic: false,
        source: 'ranh giới thật 2025 (kiểm thử)',
      };
    }

    it('keeps a national page of the 3,321 real communes small, and a province page smaller', async () => {
      const figures: string[] = [];
      const measure = async (label: string, snapshot: ViewSnapshot) => {
        const briefing = briefingOf([snapshot], 'Bản tin trên ranh giới thật');
        const t0 = performance.now();
        const geometry = await loadBriefingGeometry(db, briefing);
        const t1 = performance.now();
        const pdf = await renderBriefingPdf(briefing, geometry, {
          confidential: false,
          generatedAt: new Date(0),
        });
        const t2 = performance.now();
        const view = geometry.views[0];
        const vertices = view?.communes.reduce(
          (n, c) => n + c.polygons.flat().reduce((m, r) => m + r.length, 0),
          0,
        );
        figures.push(
          `${label}: ${snapshot.rows.length} communes (${view?.communes.length} drawn), ${vertices} vertices; ` +
            `geometry ${(t1 - t0).toFixed(0)} ms, render ${(t2 - t1).toFixed(0)} ms, ${(pdf.length / 1024).toFixed(0)} KB`,
        );
        return { pdf, view };
      };
      const national = await measure('real national 2025', await snapshotOf(null));
      const sonLa = await measure('real Sơn La 2025', await snapshotOf('14'));
      console.log(figures.join('\n'));
      if (process.env.PCMT_BRIEFING_PDF_DUMP) {
        mkdirSync(artifactsDir, { recursive: true });
        writeFileSync(join(artifactsDir, 'briefing-real-national.pdf'), national.pdf);
        writeFileSync(join(artifactsDir, 'briefing-real-province.pdf'), sonLa.pdf);
      }
      expect(national.view?.communes.length).toBe(3321);
      expect(national.pdf.length).toBeLessThan(NATIONAL_PDF_MAX_BYTES);
      expect(sonLa.pdf.length).toBeLessThan(national.pdf.length);
    });
  },
);
