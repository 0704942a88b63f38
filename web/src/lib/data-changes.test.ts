import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { afterDataChange, type ChangedData } from './data-changes';
import { queryKeys as k } from './query-keys';

/** One cached answer of every kind the web asks for, each built by the query-key module. */
const CACHED = {
  values: k.values.of({
    indicator: 'x',
    period: '2026-Q3',
    level: 'commune',
    parent: '01',
    at: '2026-09-30',
  }),
  status: k.status.of({ period: '2026-Q3', parent: '01', at: '2026-09-30' }),
  series: k.series.of({ unit: '00004', indicator: 'x', from: '2025-01', to: '2026-Q3', at: '2026-09-30' }),
  scorecard: k.plans.scorecard('kh-1', '01', 'children'),
  planList: k.plans.list(),
  completeness: k.reporting.completeness('BM-01', '2026-Q3', '01', false),
  submissions: k.reporting.submissions('BM-01', '2026-Q3', '01'),
  reportForms: k.reporting.forms(),
  units: k.units.of({ level: 'commune', parent: '01', at: '2026-09-30' }),
  unitVersions: k.unitVersions.all,
  indicators: k.indicators.all,
  hotspots: k.hotspots.register('2026-09-30'),
  hotspotCounts: k.hotspotCounts.of('01', '2026-09-30'),
  users: k.users.all,
  imports: k.imports.all,
  briefings: k.briefings.list(),
  session: k.session.all,
} as const;
type Cached = keyof typeof CACHED;

async function refetchedAfter(...changed: ChangedData[]): Promise<Cached[]> {
  const client = new QueryClient();
  for (const key of Object.values(CACHED)) client.setQueryData(key, 1);
  await afterDataChange(client, ...changed);
  return (Object.keys(CACHED) as Cached[])
    .filter((name) => client.getQueryState(CACHED[name])?.isInvalidated)
    .sort();
}

describe('after a write, exactly the answers that read the changed data are refetched', () => {
  it('a values import: maps, statuses, series, scorecards, completeness and submissions; not the units', async () => {
    expect(await refetchedAfter('values', 'imports')).toEqual(
      [
        'completeness',
        'hotspotCounts',
        'imports',
        'planList',
        'scorecard',
        'series',
        'status',
        'submissions',
        'values',
      ].sort(),
    );
  });

  it('a boundary import: the units, their versions and the expected communes of completeness too', async () => {
    expect(await refetchedAfter('units', 'crosswalk', 'imports')).toEqual(
      [
        'completeness',
        'hotspotCounts',
        'imports',
        'planList',
        'scorecard',
        'series',
        'status',
        'unitVersions',
        'units',
        'values',
      ].sort(),
    );
  });

  it('a plan write refreshes plans only; a status decision its figures but not the values', async () => {
    expect(await refetchedAfter('plans')).toEqual(['planList', 'scorecard']);
    expect(await refetchedAfter('statuses')).toEqual(['planList', 'scorecard', 'series', 'status']);
  });

  it('the hotspot register refreshes its layers, accounts the user list, the catalogue the indicators', async () => {
    expect(await refetchedAfter('hotspots')).toEqual(['hotspotCounts', 'hotspots']);
    expect(await refetchedAfter('accounts')).toEqual(['users']);
    expect(await refetchedAfter('catalogue')).toContain('indicators');
    expect(await refetchedAfter('catalogue')).not.toContain('units');
  });

  it('no write refreshes the session or the briefings (frozen figures)', async () => {
    const all = await refetchedAfter(
      'values',
      'units',
      'crosswalk',
      'statuses',
      'plans',
      'hotspots',
      'accounts',
      'catalogue',
      'imports',
    );
    expect(all).not.toContain('session');
    expect(all).not.toContain('briefings');
    expect(all).not.toContain('reportForms');
  });
});

describe('query keys are built in one module', () => {
  const src = join(__dirname, '..');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
    });

  it('no file outside web/src/lib/query-keys.ts writes a query key as a literal array', () => {
    const literal = files(src)
      .filter((f) => !f.endsWith(join('lib', 'query-keys.ts')))
      .filter((f) => /queryKey:\s*\[/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(src, f));
    expect(literal).toEqual([]);
  });
});
