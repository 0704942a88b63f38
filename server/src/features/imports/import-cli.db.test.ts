import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writableTestApp } from '../../testing/test-db';
import { runImportCli } from './import-cli';
import { importTableCounts } from './testing';

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
const dir = mkdtempSync(join(tmpdir(), 'pcmt-import-cli-'));

beforeAll(async () => {
  ctx = await writableTestApp();
});
afterAll(async () => {
  await ctx?.close();
});

/** Runs `pnpm import …` in-process against the test database, collecting what it prints. */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImportCli(ctx.db, argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('pnpm import', () => {
  it('names file, row and column of every problem, exits 1 and changes nothing', async () => {
    const path = file(
      'bao-cao.csv',
      'Mã đơn vị;Kỳ báo cáo;managed_addicts\n99999;2026-Q3;4\n04045;2026-Q2;abc\n',
    );
    const before = await importTableCounts(ctx.db);
    const r = await cli('values', path, '--period', '2026-Q3');
    expect(r.code).toBe(1);
    expect(r.err.slice(0, 3)).toEqual([
      'bao-cao.csv: dòng 2, cột A (Mã đơn vị): không có xã nào mang mã 99999 vào ngày 30/09/2026',
      'bao-cao.csv: dòng 3, cột B (Kỳ báo cáo): kỳ "2026-Q2" không đúng: lần nhập này dành cho kỳ Quý III/2026',
      'bao-cao.csv: dòng 3, cột C (managed_addicts): "abc" không phải là số',
    ]);
    expect(r.err.at(-1)).toBe('bao-cao.csv: not imported (3 problems); nothing was changed');
    expect(await importTableCounts(ctx.db)).toEqual(before);
  });

  it('imports a good report, and a dry run or a second run writes nothing', async () => {
    const code = (
      await ctx.db.query<{ code: string }>(
        `select code from admin_units where level = 'commune' and province_code = '14' and valid_to is null order by code limit 1`,
      )
    )[0]?.code;
    const path = file('ok.csv', `Mã đơn vị,drug_arrests\n${code},12345\n`);
    const dry = await cli('values', path, '--period', '2026-Q3', '--dry-run');
    expect(dry.out[0]).toMatch(
      /1 values for 2026-Q3: \d added, \d changed, 0 unchanged \(dry run: nothing written\)/,
    );
    const before = await importTableCounts(ctx.db);
    expect(before.imports).toBe((await importTableCounts(ctx.db)).imports);
    const run = await cli('values', path, '--period', '2026-Q3');
    expect(run.code).toBe(0);
    const id = Number(/import #(\d+)/.exec(run.out[0] ?? '')?.[1]);
    expect(id).toBeGreaterThan(0);
    const again = await cli('values', path, '--period', '2026-Q3');
    expect(again.out[0]).toContain('1 unchanged (nothing to write)');
    // Leave the shared (postgres) database as it was.
    const rb = await ctx.app.request(`/api/imports/values/${id}/rollback`, { method: 'POST' });
    expect(rb.status).toBe(200);
  });

  it('explains wrong arguments and unreadable files with exit code 2', async () => {
    expect((await cli('values', join(dir, 'missing.csv'), '--period', '2026-Q3')).err[0]).toContain(
      'cannot read the file (ENOENT)',
    );
    const noPeriod = await cli('values', file('x.csv', 'a'));
    expect(noPeriod).toMatchObject({ code: 2 });
    expect(noPeriod.err[0]).toContain('--period is required');
    expect((await cli('frobnicate')).code).toBe(2);
    const noCrs = await cli('boundaries', file('x.geojson', '{}'), '--valid-from', '2026-01-01');
    expect(noCrs.code).toBe(1);
    expect(noCrs.err[0]).toContain('x.geojson');
  });
});
