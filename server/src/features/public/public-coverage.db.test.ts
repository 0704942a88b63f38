import type { PublicSummaryResponse } from '@pcmt/domain/contracts/public';
import { beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../lib/sql';
import { getJson } from '../../testing/http';
import { testApp } from '../../testing/test-db';
import { listPeriods } from '../periods/periods.repo';
import { DEFAULT_PUBLIC_PAGES, lastClosedQuarter } from './closed-period';

/**
 * Missing is not zero on public pages (issue 15): each public indicator's yearly figure for a province says
 * how many of its communes it covers — the same reported/expected the staff series gives for that year —
 * as counts only (no commune named).
 */

type Requester = { request(path: string): Response | Promise<Response> };
let admin: Requester;
let anonymous: Requester;
let closedEnd = '';

beforeAll(async () => {
  const t = await testApp();
  admin = t.app;
  anonymous = await t.as(null);
  const closed = lastClosedQuarter(await listPeriods(t.db), today(), DEFAULT_PUBLIC_PAGES.delayDays);
  if (!closed) throw new Error('the test dataset has no closed quarter today');
  closedEnd = closed.endDate;
});

describe('public indicators say how many communes their totals cover', () => {
  it('a province’s yearly points carry reported/expected equal to the staff series’, never names', async () => {
    const body = await getJson<PublicSummaryResponse>(anonymous, '/api/public/summary?province=01');
    let checked = 0;
    for (const indicator of body.indicators) {
      const series = await getJson<{
        meta: { reportingLevel?: string };
        rows: Array<{ period: string; value: number | null; reported?: number; expected?: number }>;
      }>(admin, `/api/series?unit=01&indicator=${indicator.code}&from=2019&at=${closedEnd}`);
      for (const point of indicator.points) {
        if (point.value === null) continue;
        const staff = series.rows.find((r) => r.period === point.period);
        expect([point.period, point.reported, point.expected], indicator.code).toEqual([
          point.period,
          staff?.reported,
          staff?.expected,
        ]);
        if (point.reported !== undefined) checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain('missing');
  });
});
