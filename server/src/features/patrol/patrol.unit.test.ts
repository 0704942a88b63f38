import { mulberry32 } from '@pcmt/data/demo/random';
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { checkDosage, planDosage, VISIT_MINUTES, type Visit } from './dosage';
import { distanceM, type LonLat } from './geo';
import { buildPatrolPlan, type PatrolPlace, placeDescription } from './patrol-plan';
import { PATROL_SHEET_CSS, patrolSheetHtml, sheetExtent } from './patrol-sheet';
import { planToGeoJson, planToGpx, planToKml } from './plan-exports';
import { planRoute } from './route';
import { patrolZones } from './zones';

const randomPoints = (seed: number, n: number, span = 0.1): LonLat[] => {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, () => [105.8 + rng() * span, 21.0 + rng() * span] as const);
};

describe('patrol route', () => {
  it('visits points on a line in order whatever order they came in', () => {
    const pts: LonLat[] = [0, 4, 1, 3, 2, 5].map((k) => [105.8 + k * 0.01, 21] as const);
    const r = planRoute(pts);
    expect(r.order.map((i) => pts[i]?.[0])).toEqual([0, 1, 2, 3, 4, 5].map((k) => 105.8 + k * 0.01));
    expect(r.lengthM).toBeCloseTo(distanceM([105.8, 21], [105.85, 21]), 0);
  });

  it('is never longer than the input order and visits every point once', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const pts = randomPoints(seed, 3 + (seed % 25));
      const r = planRoute(pts);
      expect(r.lengthM).toBeLessThanOrEqual(r.inputLengthM + 1e-6);
      expect([...r.order].sort((a, b) => a - b)).toEqual(pts.map((_, i) => i));
      expect(r.order[0]).toBe(0);
    }
  });
});

describe('dosage plan', () => {
  // A commune-sized area (about 3 km across), the scale a patrol plan covers.
  const stops = randomPoints(5, 8, 0.03).map((position, i) => ({ code: `S${i}`, position, top: i < 3 }));
  const options = { shiftStartMin: 20 * 60, shiftEndMin: 28 * 60, seed: 99 };

  it('makes 10–16 minute visits, top places at least every 2 hours, every place at least once', () => {
    const plan = planDosage(stops, options);
    expect(plan.warnings).toEqual([]);
    for (const v of plan.visits) {
      expect(v.minutes).toBeGreaterThanOrEqual(VISIT_MINUTES.min);
      expect(v.minutes).toBeLessThanOrEqual(VISIT_MINUTES.max);
      expect(v.startMin).toBeGreaterThanOrEqual(options.shiftStartMin);
      expect(v.startMin + v.minutes).toBeLessThanOrEqual(options.shiftEndMin);
    }
    for (const s of stops) {
      const times = plan.visits.filter((v) => v.code === s.code).map((v) => v.startMin);
      expect(times.length).toBeGreaterThan(0);
      if (s.top) {
        const marks = [options.shiftStartMin, ...times, options.shiftEndMin - VISIT_MINUTES.min];
        for (let k = 1; k < marks.length; k++)
          expect((marks[k] ?? 0) - (marks[k - 1] ?? 0)).toBeLessThanOrEqual(120);
      }
    }
    // One team: visits never overlap.
    for (let k = 1; k < plan.visits.length; k++) {
      const prev = plan.visits[k - 1];
      expect(plan.visits[k]?.startMin).toBeGreaterThanOrEqual((prev?.startMin ?? 0) + (prev?.minutes ?? 0));
    }
  });

  it('keeps the 2-hour rule whatever the seed, for a commune-sized plan', () => {
    for (let seed = 1; seed <= 30; seed++)
      expect(planDosage(stops, { ...options, seed }).warnings).toEqual([]);
  });

  it('repeats for the same seed and changes with another', () => {
    expect(planDosage(stops, options)).toEqual(planDosage(stops, options));
    expect(planDosage(stops, { ...options, seed: 100 }).visits).not.toEqual(
      planDosage(stops, options).visits,
    );
  });

  it('still visits every place once when the places are too far apart for the 2-hour rule', () => {
    // Five places about 25 km apart across a city (20 km/h: over an hour between any two).
    const far = [
      [105.6, 21.0],
      [105.85, 21.2],
      [106.0, 21.0],
      [105.85, 20.8],
      [105.7, 20.85],
    ].map(([lon, lat], i) => ({ code: `F${i}`, position: [lon, lat] as [number, number], top: i < 2 }));
    const plan = planDosage(far, { shiftStartMin: 18 * 60, shiftEndMin: 26 * 60, seed: 7 });
    for (const s of far) expect(plan.visits.some((v) => v.code === s.code)).toBe(true);
    expect(plan.warnings.some((w) => w.includes('không xếp được'))).toBe(false);
    expect(plan.warnings.length).toBeGreaterThan(0);
  });

  /** Stops in route order: the visits must read along it. */
  const firstVisitsFollowRoute = (
    route: readonly { code: string; top: boolean }[],
    visits: readonly Visit[],
  ) => {
    const firsts = visits.filter((v) => v.nth === 1).map((v) => v.code);
    // The first visits are the route's stops, in its order (a prefix of it when the shift is too short).
    expect(firsts).toEqual(route.slice(0, firsts.length).map((s) => s.code));
    const index = new Map(route.map((s, i) => [s.code, i]));
    const top = new Set(route.filter((s) => s.top).map((s) => s.code));
    const seen = new Set<string>();
    for (const [k, v] of visits.entries()) {
      // Times only move forward, one team, no overlap.
      const prev = visits[k - 1];
      if (prev) expect(v.startMin).toBeGreaterThanOrEqual(prev.startMin + prev.minutes);
      // A place is visited again only when it is a top place already seen; its count goes up by one.
      if (v.nth > 1) {
        expect(top.has(v.code), v.code).toBe(true);
        expect(seen.has(v.code)).toBe(true);
      }
      seen.add(v.code);
      expect(visits.slice(0, k).filter((w) => w.code === v.code)).toHaveLength(v.nth - 1);
    }
    // Once every stop is seen, the team goes round the top places in route order (from the most urgent).
    const last = visits.findLastIndex((v) => v.nth === 1);
    const rounds = visits.slice(last + 2).map((v) => index.get(v.code) ?? -1);
    for (let k = 1; k < rounds.length; k++) {
      const [a, b] = [rounds[k - 1] ?? 0, rounds[k] ?? 0];
      const wraps = b === Math.min(...[...top].map((c) => index.get(c) ?? 0));
      expect(b > a || wraps, `${a} → ${b}`).toBe(true);
    }
  };

  it('visits along the route: stop k+1 first after stop k, revisits only of top places, whatever the seed', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const n = 3 + (seed % 12);
      const route = randomPoints(seed + 100, n, seed % 3 === 0 ? 0.3 : 0.03).map((position, i) => ({
        code: `R${i}`,
        position,
        top: (i * 7 + seed) % 4 === 0,
      }));
      const plan = planDosage(route, { shiftStartMin: 18 * 60, shiftEndMin: 26 * 60, seed });
      firstVisitsFollowRoute(route, plan.visits);
      expect(plan.visits.filter((v) => v.nth === 1).length).toBe(
        route.length - plan.warnings.filter((w) => w.includes('không xếp được')).length,
      );
    }
    firstVisitsFollowRoute(stops, planDosage(stops, options).visits);
  });

  it('reports a top place left alone for more than 2 hours', () => {
    const warnings = checkDosage(
      [{ code: 'A', position: [105.8, 21], top: true }],
      [{ code: 'A', startMin: 1200, minutes: 12 }],
      options,
    );
    expect(warnings).toEqual(['A: quá 2 giờ không có lượt tuần tra']);
  });
});

describe('patrol zones', () => {
  it('merges overlapping circles and keeps distant ones apart', () => {
    const near = patrolZones(
      [
        [105.8, 21],
        [105.803, 21],
      ],
      300,
    );
    expect(near.coordinates).toHaveLength(1);
    const far = patrolZones(
      [
        [105.8, 21],
        [105.9, 21],
      ],
      300,
    );
    expect(far.coordinates).toHaveLength(2);
  });
});

const places: PatrolPlace[] = randomPoints(11, 6, 0.03).map((position, i) => ({
  code: `HS-00004-00${i}`,
  kind: i % 2 ? 'tu_diem' : 'diem',
  communeCode: '00004',
  communeName: 'Phường Ba Đình & <Hoàn Kiếm>',
  description: i === 0 ? 'Tụ điểm tại quán karaoke <Hoa Mai>' : `Điểm bán lẻ tại nhà trọ số ${i}`,
  position,
  activity: 6 - i,
}));
const plan = buildPatrolPlan({
  name: 'Ca đêm "Ba Đình"',
  date: '2026-07-01',
  shiftStart: '20:00',
  shiftEnd: '04:00',
  radiusM: 250,
  topCount: 2,
  seed: 7,
  places,
});

describe('patrol plan and exports', () => {
  it('orders stops along the route and marks the most active places as top', () => {
    expect(plan.stops.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(
      plan.stops
        .filter((s) => s.top)
        .map((s) => s.code)
        .sort(),
    ).toEqual(['HS-00004-000', 'HS-00004-001']);
    expect(plan.routeLengthM).toBeLessThanOrEqual(plan.inputLengthM);
    expect(plan.visits.every((v) => v.start >= '2026-07-01T20:00' && v.start < '2026-07-02T04:00')).toBe(
      true,
    );
  });

  it('gives visit times that follow the route: stop 1 first, then 2, 3, … (revisits numbered)', () => {
    const firsts = plan.visits.filter((v) => v.nth === 1);
    expect(firsts.map((v) => v.order)).toEqual(plan.stops.map((s) => s.order));
    const starts = firsts.map((v) => v.start);
    expect(starts).toEqual([...starts].sort());
    expect(plan.visits.map((v) => v.start)).toEqual(plan.visits.map((v) => v.start).sort());
  });

  it('describes each place by the register note, not only its code', () => {
    expect(placeDescription('Tụ điểm sử dụng trái phép chất ma túy tại quán karaoke, đã lập chuyên án')).toBe(
      'Tụ điểm sử dụng trái phép chất ma túy tại quán karaoke',
    );
    expect(placeDescription('')).toBe('');
    expect(placeDescription('x'.repeat(200))).toHaveLength(80);
  });

  const parse = (text: string) => new DOMParser().parseFromString(text, 'text/xml');

  it('GPX parses back with the stops as waypoints and the route in order', () => {
    const fc = gpx(parse(planToGpx(plan)) as unknown as Parameters<typeof gpx>[0]);
    const points = fc.features.filter((f) => f.geometry?.type === 'Point');
    expect(points).toHaveLength(6);
    expect(points[0]?.properties?.name).toBe(`01. ${plan.stops[0]?.code}`);
    const route = fc.features.find((f) => f.geometry?.type === 'LineString');
    const coords = route?.geometry?.type === 'LineString' ? route.geometry.coordinates : [];
    expect(coords.map((c) => [Number(c[0]?.toFixed(6)), Number(c[1]?.toFixed(6))])).toEqual(
      plan.stops.map((s) => [Number(s.position[0].toFixed(6)), Number(s.position[1].toFixed(6))]),
    );
    expect(points[0]?.properties?.time).toMatch(/^2026-07-01T1[3-4]:\d\d:00Z$/);
  });

  it('KML parses back with zones, route and named stops (escaped text intact)', () => {
    const fc = kml(parse(planToKml(plan)) as unknown as Parameters<typeof kml>[0]);
    const types = fc.features.map((f) => f.geometry?.type);
    expect(types.filter((t) => t === 'Point')).toHaveLength(6);
    expect(types).toContain('LineString');
    expect(types.some((t) => t === 'Polygon' || t === 'MultiPolygon' || t === 'GeometryCollection')).toBe(
      true,
    );
    const first = fc.features.find((f) => f.geometry?.type === 'Point');
    expect(String(first?.properties?.description)).toContain('Phường Ba Đình & <Hoàn Kiếm>');
  });

  it('GeoJSON carries stops, route and zones', () => {
    const fc = JSON.parse(JSON.stringify(planToGeoJson(plan))) as ReturnType<typeof planToGeoJson>;
    expect(fc.features.map((f) => f.properties?.layer)).toEqual([
      'zones',
      'route',
      ...plan.stops.map(() => 'stops'),
    ]);
  });

  it('the A4 sheet is marked MẬT, dated, and lists the stops in route order', () => {
    const html = patrolSheetHtml(plan, '2026-06-30');
    expect(PATROL_SHEET_CSS).toContain('size: A4');
    expect(html).toContain('href="/api/patrol/sheet.css"');
    // The Content-Security-Policy forbids inline script: the sheet has none.
    expect(html).not.toMatch(/<script|onclick=/);
    expect(html.match(/MẬT/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('Ngày 01/07/2026');
    expect(html).toContain('In ngày 30/06/2026');
    expect(html).toContain('&lt;Hoàn Kiếm&gt;');
    const order = plan.stops.map((s) => html.indexOf(`data-code="${s.code}"`));
    expect(order.every((pos, k) => pos > 0 && (k === 0 || pos > (order[k - 1] ?? 0)))).toBe(true);
    expect(html).toContain('<svg');
    // Places by what they are, the code beside; the marking of every page is in its margin, not over rows.
    expect(html).toContain('Tụ điểm tại quán karaoke &lt;Hoa Mai&gt;');
    expect(PATROL_SHEET_CSS).toMatch(/@bottom-center\s*\{\s*content: "MẬT"/);
    expect(PATROL_SHEET_CSS).not.toMatch(/position:\s*fixed/);
  });

  it('draws the communes round the stops on the sheet, clipped to the map, with their names', () => {
    const [west, south, east, north] = sheetExtent(plan);
    const ring = [
      [west - 1, south - 1],
      [east + 1, south - 1],
      [east + 1, north + 1],
      [west - 1, north + 1],
      [west - 1, south - 1],
    ];
    const cx = (west + east) / 2;
    const cy = (south + north) / 2;
    const html = patrolSheetHtml(plan, '2026-06-30', {
      communes: [
        {
          code: '00004',
          name: 'Ba Đình',
          geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
          label: [cx, cy],
        },
        {
          code: '00006',
          name: 'Chồng lên',
          geometry: {
            type: 'MultiPolygon',
            coordinates: [
              [
                [
                  [cx, cy],
                  [cx + 0.001, cy],
                  [cx + 0.001, cy + 0.001],
                  [cx, cy],
                ],
              ],
            ],
          },
          label: [cx + 0.0001, cy],
        },
        // Its label point falls outside the map: the name is not drawn half off the edge.
        {
          code: '00008',
          name: 'Ngoài khung',
          geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
          label: [east + 1, cy],
        },
      ],
    });
    expect(html.match(/class="commune"/g)).toHaveLength(3);
    expect(html).toContain('>Ba Đình</text>');
    expect(html).not.toContain('Ngoài khung');
    // Names never pile up: a smaller commune whose name would sit on a larger one's is left unnamed.
    expect(html).not.toContain('Chồng lên');
    expect(west).toBeLessThan(Math.min(...plan.stops.map((s) => s.position[0])));
    expect(north).toBeGreaterThan(Math.max(...plan.stops.map((s) => s.position[1])));
  });
});
