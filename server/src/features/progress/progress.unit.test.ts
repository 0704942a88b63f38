import type { TargetDefinition } from '@pcmt/domain/contracts/plans';
import { describe, expect, it } from 'vitest';
import { evaluateMeasured } from './evaluate';
import { mergeAreas } from './inputs';
import { measureTarget } from './measures';
import { linearTrendAt, paceAt } from './projection';
import {
  asContribution,
  combineChildren,
  isWholeScopeCount,
  progressOnArea,
  targetProgress,
} from './target-progress';
import { along, area, context, INDICATORS, quarterCalendar, snapshot } from './testing/progress-fixtures';

const plan = { periodStart: '2021-01-01' };
const target = (definition: TargetDefinition, deadline: string, code = 't') => ({
  code,
  definition,
  deadline,
});

describe('projections', () => {
  it('fits a least-squares line through the last four observations', () => {
    const points = [
      { date: '2020-01-01', value: 100 }, // ignored: older than the last four
      { date: '2021-01-01', value: 10 },
      { date: '2022-01-01', value: 20 },
      { date: '2023-01-01', value: 30 },
      { date: '2024-01-01', value: 40 },
    ];
    expect(linearTrendAt(points, '2026-01-01')).toBeCloseTo(60, 0);
    expect(linearTrendAt(points.slice(-1), '2030-01-01')).toBe(40);
    expect(linearTrendAt([], '2030-01-01')).toBeNull();
  });

  it('extends a running total at its pace', () => {
    // 10 in the first 1/4 of a year → 40 over the year.
    expect(paceAt(10, '2023-01-01', '2023-03-31', '2023-12-31')).toBeCloseTo(40.4, 0);
    expect(paceAt(10, '2023-01-01', '2023-12-31', '2023-12-31')).toBe(10);
  });
});

describe('projection uncertainty (an interval from the trend’s residuals)', () => {
  const def: TargetDefinition = {
    kind: 'share',
    indicator: 'treatment_reach_pct',
    op: 'gte',
    threshold: 80,
    eachChild: false,
  };
  const reach = (values: number[]) =>
    area({
      values: {
        managed_addicts: along('2024-Q1', '2024-Q4', () => 1000),
        addicts_reached: Object.fromEntries(
          ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].map((q, i) => [q, 10 * (values[i] ?? 0)]),
        ),
      },
    });
  const run = (values: number[]) =>
    progressOnArea(target(def, '2026-12-31'), reach(values), plan, context('2025-01-10')).projection;

  it('a trend whose points scatter has an interval around its projection; one on a straight line has none wide', () => {
    const scattered = run([60, 66, 62, 70]);
    const interval = scattered.interval;
    expect(interval?.level).toBe(80);
    expect(interval?.low).toBeLessThan(scattered.value ?? Number.NaN);
    expect(interval?.high).toBeGreaterThan(scattered.value ?? Number.NaN);
    // Quarters of 90–92 days put a steady rise almost, not exactly, on the line: a narrow interval.
    const straight = run([60, 62, 64, 66]).interval;
    const width = (i: typeof straight) => (i ? i.high - i.low : Number.NaN);
    expect(width(straight)).toBeLessThan(1);
    expect(width(interval ?? null)).toBeGreaterThan(10 * width(straight));
  });

  it('a share’s interval stays within 0–100 %, and two points give no interval', () => {
    const steep = run([70, 85, 80, 99]);
    expect(steep.interval?.high).toBeLessThanOrEqual(100);
    expect(steep.interval?.low).toBeGreaterThanOrEqual(0);
    const two = progressOnArea(
      target(def, '2026-12-31'),
      area({
        values: {
          managed_addicts: along('2024-Q3', '2024-Q4', () => 1000),
          addicts_reached: { '2024-Q3': 600, '2024-Q4': 650 },
        },
      }),
      plan,
      context('2025-01-10'),
    ).projection;
    expect([two.method, two.interval]).toEqual(['linear_trend', null]);
  });
});

describe('share ≥ X % by a date (rate indicator)', () => {
  const def: TargetDefinition = {
    kind: 'share',
    indicator: 'treatment_reach_pct',
    op: 'gte',
    threshold: 80,
    eachChild: false,
  };
  const reach = (start: number, step: number) =>
    area({
      values: {
        managed_addicts: along('2021-Q1', '2024-Q4', () => 1000),
        addicts_reached: along('2021-Q1', '2024-Q4', (i) => 10 * (start + step * i)),
      },
    });

  it('is on track when the trend reaches the target by the deadline', () => {
    const r = progressOnArea(target(def, '2025-12-31'), reach(60, 1), plan, context('2024-12-31'));
    // 60 % rising 1 point a quarter: 75 % at the end of 2024; four more quarters of trend give 79 %, short
    // of 80 % but within 10 % of it: at risk.
    expect(r.current).toBeCloseTo(75, 5);
    expect(r.status).toBe('at_risk');
    const steeper = progressOnArea(target(def, '2025-12-31'), reach(50, 2), plan, context('2024-12-31'));
    expect(steeper.current).toBeCloseTo(80, 5);
    // Met a year before the deadline: a share can still slip, so it is on track, not yet achieved.
    expect(steeper.status).toBe('on_track');
    const onTrack = progressOnArea(target(def, '2025-12-31'), reach(46, 2), plan, context('2024-12-31'));
    expect(onTrack.current).toBeCloseTo(76, 5);
    expect(onTrack.projection.value).toBeGreaterThanOrEqual(80);
    expect(onTrack.status).toBe('on_track');
    expect(onTrack.projection.method).toBe('linear_trend');
    expect(onTrack.projection.descriptionVi).toContain('tuyến tính');
  });

  it('is off track when the trend falls well short, and reports baseline and progress', () => {
    const r = progressOnArea(target(def, '2025-12-31'), reach(40, 0.5), plan, context('2024-12-31'));
    expect(r.status).toBe('off_track');
    expect(r.baseline).toBeCloseTo(40, 5);
    // From 40 to 47.5 of the way to 80.
    expect(r.progressPct).toBeCloseTo((100 * 7.5) / 40, 1);
    expect(r.trajectory).toEqual([
      { date: '2021-03-31', value: 40 },
      { date: '2025-12-31', value: 80 },
    ]);
  });

  it('after the deadline is achieved or missed by the value at the deadline, ignoring later data', () => {
    const rising = reach(50, 2); // 80 % in 2024-Q4, 74 % in 2024-Q1
    expect(progressOnArea(target(def, '2024-03-31'), rising, plan, context('2026-01-01')).status).toBe(
      'missed',
    );
    const r = progressOnArea(target(def, '2024-12-31'), rising, plan, context('2026-01-01'));
    expect(r.status).toBe('achieved');
    expect(r.currentDate).toBe('2024-12-31');
  });

  it('"> X %" is not met by exactly X %', () => {
    const strict: TargetDefinition = { ...def, op: 'gt' } as TargetDefinition;
    const exactly80 = reach(50, 2);
    expect(progressOnArea(target(strict, '2024-12-31'), exactly80, plan, context('2025-06-30')).status).toBe(
      'missed',
    );
  });

  it('has no data when nothing was reported', () => {
    const r = progressOnArea(target(def, '2025-12-31'), area(), plan, context('2024-12-31'));
    expect(r.status).toBe('no_data');
    expect(r.current).toBeNull();
    expect(r.reason).toContain('no data');
  });

  it('combines an area’s rate from numerators and denominators, not by averaging its parts', () => {
    const small = area({
      code: 'S',
      values: { managed_addicts: { '2024-Q4': 10 }, addicts_reached: { '2024-Q4': 10 } },
    });
    const big = area({
      code: 'B',
      values: { managed_addicts: { '2024-Q4': 990 }, addicts_reached: { '2024-Q4': 495 } },
    });
    const both = mergeAreas('P', 'P', [small, big], INDICATORS);
    const r = progressOnArea(target(def, '2025-12-31'), both, plan, context('2025-01-15'));
    expect(r.current).toBeCloseTo(50.5, 5); // (10 + 495) / 1000, not (100 + 50) / 2
  });
});

describe('count ≥ N in a window, and for each child unit', () => {
  const def: TargetDefinition = {
    kind: 'count',
    indicator: 'rehab_compulsory',
    threshold: 33,
    window: { from: '2020-01-01', eachYear: false },
    eachChild: false,
  };

  it('sums the quarters of the window and projects the pace', () => {
    const a = area({ values: { rehab_compulsory: along('2019-Q1', '2020-Q4', () => 5) } });
    const r = progressOnArea(target(def, '2020-12-31'), a, plan, context('2020-06-30'));
    expect(r.current).toBe(10); // 2020-Q1 + Q2, not 2019
    expect(r.projection.value).toBeCloseTo(20, 0);
    expect(r.status).toBe('off_track');
    expect(progressOnArea(target(def, '2020-12-31'), a, plan, context('2021-02-01')).status).toBe('missed');
  });

  it('each child unit: the scope meets it only when every child does', () => {
    const eachDef = { ...def, threshold: 1, eachChild: true } as TargetDefinition;
    const child = (code: string, perQuarter: number) =>
      area({ code, values: { rehab_compulsory: along('2020-Q1', '2020-Q4', () => perQuarter) } });
    const children = [child('001', 1), child('002', 0), child('003', 2)];
    const scope = mergeAreas('P', 'P', children, INDICATORS);
    const r = targetProgress(target(eachDef, '2020-12-31'), scope, children, plan, context('2021-03-01'));
    expect(r.status).toBe('missed');
    expect(r.children).toEqual({ met: 2, total: 3, noData: 0 });
    expect(r.current).toBe(2);
    expect(r.progressPct).toBeCloseTo(66.67, 1);
    // The scope's total (3 per quarter) would meet it; eachChild must not look at it.
    const total = progressOnArea(target(eachDef, '2020-12-31'), scope, plan, context('2021-03-01'));
    expect(total.status).toBe('achieved');
  });

  it('combining children takes the most serious status and ignores children without data', () => {
    const base = progressOnArea(target(def, '2020-12-31'), area(), plan, context('2020-06-30'));
    const r = combineChildren(
      [
        { ...base, status: 'achieved' },
        { ...base, status: 'at_risk' },
        { ...base, status: 'no_data' },
      ],
      '2020-12-31',
      '2020-06-30',
    );
    expect(r.status).toBe('at_risk');
    expect(r.children).toEqual({ met: 1, total: 2, noData: 1 });
  });
});

describe('status conversion ("each district converts ≥ 1 commune from có ma túy to không ma túy in 2023")', () => {
  const def: TargetDefinition = {
    kind: 'status_conversion',
    from: ['co_ma_tuy', 'trong_diem_III'],
    to: ['khong_ma_tuy'],
    threshold: 1,
    window: { from: '2023-01-01', eachYear: false },
    eachChild: false,
  };
  const statuses = [
    ...snapshot('2023-01-01', { a: 'co_ma_tuy', b: 'khong_ma_tuy', c: 'trong_diem_I' }),
    ...snapshot('2023-12-31', { a: 'khong_ma_tuy', b: 'khong_ma_tuy', c: 'khong_ma_tuy' }),
  ];

  it('counts communes that moved from a "from" status to a "to" status', () => {
    const r = progressOnArea(target(def, '2023-12-31'), area({ statuses }), plan, context('2024-02-01'));
    expect(r.current).toBe(1); // a only: b was already drug-free, c came from loại I (not listed)
    expect(r.status).toBe('achieved');
  });

  it('needs the statuses in force when the window opens', () => {
    const r = progressOnArea(
      target(def, '2023-12-31'),
      area({ statuses: statuses.slice(3) }),
      plan,
      context('2024-02-01'),
    );
    expect(r.status).toBe('no_data');
    expect(r.reason).toContain('2023-01-01');
  });

  it('a commune created in the 2025 merger starts from its first decided status in the window', () => {
    const reformDef = { ...def, window: { from: '2025-01-01', eachYear: false } } as TargetDefinition;
    const across = [
      ...snapshot('2025-01-01', { old1: 'co_ma_tuy', old2: 'co_ma_tuy' }),
      ...snapshot('2025-09-30', { new1: 'co_ma_tuy' }),
      ...snapshot('2025-12-31', { new1: 'khong_ma_tuy' }),
    ];
    const r = progressOnArea(
      target(reformDef, '2025-12-31'),
      area({ statuses: across }),
      plan,
      context('2026-01-10'),
    );
    expect(r.current).toBe(1);
    expect(r.status).toBe('achieved');
  });
});

describe('reduction ≥ X % versus a baseline', () => {
  const fewerDrugCommunes: TargetDefinition = {
    kind: 'reduction',
    measure: {
      type: 'status_count',
      statuses: ['co_ma_tuy', 'trong_diem_III', 'trong_diem_II', 'trong_diem_I'],
    },
    baseline: { from: '2019', to: '2019' },
    minPct: 5,
    eachChild: false,
  };
  const communes = (date: string, drugCommunes: number) =>
    Array.from({ length: 20 }, (_, i) => ({
      date,
      commune: `c${i}`,
      weight: 1,
      estimated: false,
      status: i < drugCommunes ? ('co_ma_tuy' as const) : ('khong_ma_tuy' as const),
    }));

  it('measures the fall against the mean of the baseline years', () => {
    const a = area({ statuses: [...communes('2019-12-31', 20), ...communes('2020-12-31', 19)] });
    const r = progressOnArea(target(fewerDrugCommunes, '2020-12-31'), a, plan, context('2021-02-01'));
    expect(r.current).toBe(5); // 20 → 19
    expect(r.status).toBe('achieved');
  });

  it('has no data when the baseline is zero', () => {
    const a = area({ statuses: [...communes('2019-12-31', 0), ...communes('2020-12-31', 0)] });
    const r = progressOnArea(target(fewerDrugCommunes, '2020-12-31'), a, plan, context('2021-02-01'));
    expect(r.status).toBe('no_data');
    expect(r.reasonCode).toBe('baseline_zero');
    expect(r.reason).toContain('reported as zero');
  });

  it('has no data when a baseline year was never reported (e.g. 2012–2015 before the data start)', () => {
    const def = { ...fewerDrugCommunes, baseline: { from: '2012', to: '2015' } } as TargetDefinition;
    const a = area({ statuses: communes('2020-12-31', 10) });
    const r = progressOnArea(target(def, '2020-12-31'), a, plan, context('2021-02-01'));
    expect(r.reason).toContain('2012–2015');
    // Named as missing data, never as a zero baseline.
    expect(r.reasonCode).toBe('baseline_missing');
    expect(r.reasonParams).toMatchObject({ years: '2012, 2013, 2014, 2015' });
  });

  it('a baseline year with statuses but no decision in force is missing, not zero', () => {
    const undecided = communes('2019-12-31', 0).map((r) => ({ ...r, status: null }));
    const r = progressOnArea(
      target(fewerDrugCommunes, '2020-12-31'),
      area({ statuses: [...undecided, ...communes('2020-12-31', 3)] }),
      plan,
      context('2021-02-01'),
    );
    expect([r.status, r.reasonCode, r.reasonParams.years]).toEqual(['no_data', 'baseline_missing', '2019']);
  });

  it('a range target (5–10 %) is achieved from its lower end and says where the value lies', () => {
    const range = { ...fewerDrugCommunes, maxPct: 10 } as TargetDefinition;
    const at = (after: number) =>
      progressOnArea(
        target(range, '2020-12-31'),
        area({ statuses: [...communes('2019-12-31', 20), ...communes('2020-12-31', after)] }),
        plan,
        context('2021-02-01'),
      );
    expect([at(20).status, at(20).band]).toEqual(['missed', 'below']);
    expect([at(19).status, at(19).band]).toEqual(['achieved', 'within']);
    expect([at(15).status, at(15).band]).toEqual(['achieved', 'above']);
  });

  it('a negative minimum caps growth (addicts grow less than 6 % by the deadline)', () => {
    const cap: TargetDefinition = {
      kind: 'reduction',
      measure: { type: 'indicator', indicator: 'managed_addicts' },
      baseline: { from: '2024', to: '2024' },
      minPct: -6,
      eachChild: false,
    };
    const growing = (perQuarter: number) =>
      area({
        values: {
          managed_addicts: along('2024-Q1', '2026-Q3', (i) => 1000 + perQuarter * Math.max(0, i - 3)),
        },
      });
    const slow = progressOnArea(target(cap, '2030-12-31'), growing(1), plan, context('2026-10-01'));
    // Labelled growth: +0,7 % (1007 vs 1000), lower is better, a cap of 6 %.
    expect([slow.measure, slow.direction, slow.target]).toEqual(['growth', 'lower', 6]);
    expect(slow.current).toBeCloseTo(0.7, 5);
    expect(slow.status).toBe('on_track');
    const fast = progressOnArea(target(cap, '2030-12-31'), growing(10), plan, context('2026-10-01'));
    expect(fast.current).toBeCloseTo(7, 5);
    expect(fast.status).toBe('off_track');
    const fell = area({ values: { managed_addicts: { '2024-Q4': 1000, '2026-Q3': 900 } } });
    const down = progressOnArea(target(cap, '2030-12-31'), fell, plan, context('2026-10-01'));
    // A fall is a negative growth, not a growth of 10.
    expect(down.current).toBeCloseTo(-10, 5);
  });
});

describe('keep a named set of communes in a status', () => {
  const def: TargetDefinition = {
    kind: 'keep_status',
    units: { type: 'codes', codes: ['a', 'b', 'c'], validOn: '2023-01-15' },
    statuses: ['khong_ma_tuy'],
    eachChild: false,
  };
  const member = (date: string, m: string, status: 'khong_ma_tuy' | 'co_ma_tuy', weight = 1) => ({
    date,
    member: m,
    weight,
    status,
    estimated: date >= '2025-07-01',
  });

  it('is on course while all are kept and off track when one is lost', () => {
    const kept = [
      member('2023-01-15', 'a', 'khong_ma_tuy'),
      member('2023-01-15', 'b', 'khong_ma_tuy'),
      member('2023-01-15', 'c', 'khong_ma_tuy'),
    ];
    const r = progressOnArea(
      target(def, '2023-12-31'),
      area({ kept: { t: kept } }),
      plan,
      context('2023-06-30'),
    );
    // All kept half-way through the year: on track; achieved only when the year is over.
    expect([r.current, r.target, r.status]).toEqual([3, 3, 'on_track']);
    expect(r.projection.method).toBe('carry_forward');
    const lost = [...kept.slice(0, 2), member('2023-01-15', 'c', 'co_ma_tuy')];
    const r2 = progressOnArea(
      target(def, '2023-12-31'),
      area({ kept: { t: lost } }),
      plan,
      context('2023-06-30'),
    );
    expect([r2.current, r2.status]).toEqual([2, 'off_track']);
  });

  it('follows a member split in the 2025 merger through its successors’ crosswalk weights', () => {
    const kept = [
      member('2025-06-30', 'a', 'khong_ma_tuy'),
      member('2025-06-30', 'b', 'khong_ma_tuy'),
      member('2025-06-30', 'c', 'khong_ma_tuy'),
      // After 1/7/2025: a and b went whole into drug-free communes; c split 0.6 / 0.4 and the 0.4 part is not drug-free.
      member('2025-12-31', 'a', 'khong_ma_tuy'),
      member('2025-12-31', 'b', 'khong_ma_tuy'),
      member('2025-12-31', 'c', 'khong_ma_tuy', 0.6),
      member('2025-12-31', 'c', 'co_ma_tuy', 0.4),
    ];
    const r = progressOnArea(
      target(def, '2025-12-31'),
      area({ kept: { t: kept } }),
      plan,
      context('2026-02-01'),
    );
    expect(r.current).toBeCloseTo(2.6, 5);
    expect(r.status).toBe('missed');
    expect(r.series.at(-1)?.estimated).toBe(true);
  });

  it('has no data when the set is empty here', () => {
    expect(progressOnArea(target(def, '2023-12-31'), area(), plan, context('2023-06-30')).status).toBe(
      'no_data',
    );
  });
});

describe('cumulative count by a date (170 methadone patients by end of 2020)', () => {
  const def: TargetDefinition = {
    kind: 'cumulative',
    indicator: 'methadone_patients',
    threshold: 170,
    eachChild: false,
  };
  const methadone = (perQuarter: number) =>
    area({ values: { methadone_patients: along('2019-Q1', '2020-Q4', (i) => 100 + perQuarter * i) } });

  it('projects the trend of the cumulative count to the deadline', () => {
    const r = progressOnArea(
      target(def, '2020-12-31'),
      methadone(10),
      { periodStart: '2020-01-01' },
      context('2020-06-30'),
    );
    expect(r.current).toBe(150);
    expect(r.baseline).toBe(130); // 2019-Q4, the last value before the plan started
    expect(r.projection.value).toBeCloseTo(170, 0);
    expect(r.status).toBe('on_track');
  });

  it('is achieved or missed once the deadline has passed', () => {
    const passed = progressOnArea(target(def, '2020-12-31'), methadone(10), plan, context('2021-05-01'));
    expect(passed.status).toBe('achieved');
    // Nothing is projected once the deadline has passed, and the UI says so.
    expect(passed.projection).toMatchObject({ method: 'deadline_passed', value: null });
    expect(progressOnArea(target(def, '2020-12-31'), methadone(5), plan, context('2021-05-01')).status).toBe(
      'missed',
    );
  });
});

describe('hotspot elimination (5–10 % each year, a range target)', () => {
  const def: TargetDefinition = {
    kind: 'hotspot_elimination',
    minPct: 5,
    maxPct: 10,
    window: { from: '2019-01-01', eachYear: true },
    eachChild: false,
  };
  const hotspot = (
    detectedOn: string,
    eliminatedOn: string | null = null,
    reemergedOn: string | null = null,
  ) => ({
    detectedOn,
    eliminatedOn,
    reemergedOn,
  });
  // 20 hotspots active since 2018: 2 eliminated in 2019 (10 %), none in 2020.
  const register = [
    ...Array.from({ length: 18 }, () => hotspot('2018-05-01')),
    hotspot('2018-05-01', '2019-04-01'),
    hotspot('2018-05-01', '2019-08-01'),
  ];

  it('evaluates each year and misses the target once a finished year missed it', () => {
    const r = progressOnArea(
      target(def, '2020-12-31'),
      area({ hotspots: register }),
      plan,
      context('2021-01-15'),
    );
    expect(r.years).toEqual([
      { year: 2019, status: 'achieved', current: 10 },
      { year: 2020, status: 'missed', current: 0 },
    ]);
    expect(r.status).toBe('missed');
    const during2019 = progressOnArea(
      target(def, '2020-12-31'),
      area({ hotspots: register }),
      plan,
      context('2019-09-30'),
    );
    // 2019 met, 2020 still to come: on track.
    expect(during2019.status).toBe('on_track');
    expect(during2019.band).toBe('within');
  });

  it('a re-emerged hotspot no longer counts as eliminated', () => {
    const back = [...register.slice(0, 19), hotspot('2018-05-01', '2019-04-01', '2019-10-01')];
    const r = progressOnArea(
      target(def, '2019-12-31'),
      area({ hotspots: back }),
      plan,
      context('2020-01-15'),
    );
    expect(r.current).toBe(5);
  });

  it('reads each hotspot as the register does: re-opened on its elimination day is active, not eliminated', () => {
    // One of the two eliminations of 2019 was re-opened the same day (the register shows it active again).
    const reopened = [...register.slice(0, 19), hotspot('2018-05-01', '2019-08-01', '2019-08-01')];
    const r = progressOnArea(
      target(def, '2019-12-31'),
      area({ hotspots: reopened }),
      plan,
      context('2020-01-15'),
    );
    expect(r.current).toBe(5);
    // Found again, then eliminated again within the year: eliminated (the latest elimination stands).
    const againEliminated = [...register.slice(0, 19), hotspot('2018-05-01', '2019-08-01', '2019-06-01')];
    expect(
      progressOnArea(
        target(def, '2019-12-31'),
        area({ hotspots: againEliminated }),
        plan,
        context('2020-01-15'),
      ).current,
    ).toBe(10);
  });

  it('has no data when no hotspot was active at the start', () => {
    const r = progressOnArea(
      target(def, '2019-12-31'),
      area({ hotspots: [hotspot('2019-06-01')] }),
      plan,
      context('2020-01-15'),
    );
    expect(r.status).toBe('no_data');
  });
});

describe('status share (national: > 20 % of communes drug-free by 2030)', () => {
  const def: TargetDefinition = {
    kind: 'status_share',
    statuses: ['khong_ma_tuy'],
    op: 'gt',
    threshold: 20,
    eachChild: false,
  };
  const share = (date: string, drugFree: number, weight = 1) =>
    Array.from({ length: 100 }, (_, i) => ({
      date,
      commune: `${date}-${i}`,
      weight,
      estimated: weight < 1,
      status: i < drugFree ? ('khong_ma_tuy' as const) : ('co_ma_tuy' as const),
    }));

  it('weights communes by the share of them inside the area and projects the trend', () => {
    const a = area({ statuses: [...share('2024-12-31', 15), ...share('2025-12-31', 17, 0.5)] });
    const r = progressOnArea(
      target(def, '2030-12-31'),
      a,
      { periodStart: '2025-01-01' },
      context('2026-01-20'),
    );
    expect(r.current).toBe(17);
    expect(r.series.map((p) => p.estimated)).toEqual([false, true]);
    // 15 % on one unit basis and 17 % on another are not a trend: the projection reads the latest basis only.
    expect(r.bridge).toEqual({ method: 'latest_version_only', since: '2025-12-31' });
    expect(r.baseline).toBe(17);
    expect(r.projection.value).toBe(17);
    expect(r.projection.basedOn).toBe(1);
  });

  it('on one basis, projects the trend (+2 points a year → 27 % in 2030)', () => {
    const a = area({ statuses: [...share('2024-12-31', 15), ...share('2025-12-31', 17)] });
    const r = progressOnArea(
      target(def, '2030-12-31'),
      a,
      { periodStart: '2025-01-01' },
      context('2026-01-20'),
    );
    expect(r.bridge).toBeNull();
    expect(r.projection.value).toBeCloseTo(27, 0);
    expect(r.status).toBe('on_track');
  });

  it('never projects a share below 0 % or above 100 %, and says so', () => {
    // 27 % on the old communes in 2024, then 18 % → 10 % → 4 % on the new ones: the line goes negative.
    const old = share('2024-12-31', 27, 0.5);
    const falling = [...share('2025-09-30', 18), ...share('2025-12-31', 10), ...share('2026-03-31', 4)];
    const r = progressOnArea(
      target(def, '2030-12-31'),
      area({ statuses: [...old, ...falling] }),
      { periodStart: '2025-01-01' },
      context('2026-04-01'),
    );
    expect(r.bridge?.since).toBe('2025-09-30');
    expect(r.projection.value).toBe(0);
    expect(r.projection.clamped).toBe(true);
    expect(r.projection.bounds).toEqual({ min: 0, max: 100 });
    expect(r.status).toBe('off_track');
    const rising = [...share('2025-12-31', 60), ...share('2026-03-31', 90)];
    const up = progressOnArea(
      target(def, '2030-12-31'),
      area({ statuses: rising }),
      plan,
      context('2026-04-01'),
    );
    expect(up.projection.value).toBe(100);
    // Met four years early: on track, not "Đạt".
    expect(up.status).toBe('on_track');
  });

  it('a scope merged in 2025 keeps one series across the change', () => {
    const before = share('2024-12-31', 30);
    const after = share('2025-12-31', 10, 0.25); // its successors: a quarter of four bigger communes each
    const r = progressOnArea(
      target(def, '2026-12-31'),
      area({ statuses: [...before, ...after] }),
      plan,
      context('2026-03-01'),
    );
    expect(r.series.map((p) => p.value)).toEqual([30, 10]);
    expect(r.status).toBe('off_track');
  });
});

describe('"Đạt" only when it can no longer be lost', () => {
  it('a running count reached before the deadline is achieved (a flow never falls)', () => {
    const def: TargetDefinition = {
      kind: 'count',
      indicator: 'rehab_compulsory',
      threshold: 33,
      window: { from: '2020-01-01', eachYear: false },
      eachChild: false,
    };
    const a = area({ values: { rehab_compulsory: along('2020-Q1', '2020-Q4', () => 20) } });
    const r = progressOnArea(target(def, '2020-12-31'), a, plan, context('2020-07-01'));
    expect(r.current).toBe(40);
    expect(r.status).toBe('achieved');
  });

  it('a level met before its deadline is "Đúng tiến độ", and "Đạt" once the deadline holds it (conversion, reduction)', () => {
    // Commune "a" converted by mid-2023: the district's "≥ 1 xã chuyển hóa" is met, but a decision may still
    // downgrade it before 31/12/2023.
    const conversion: TargetDefinition = {
      kind: 'status_conversion',
      from: ['co_ma_tuy'],
      to: ['khong_ma_tuy'],
      threshold: 1,
      window: { from: '2023-01-01', eachYear: false },
      eachChild: false,
    };
    const converted = area({
      statuses: [
        ...snapshot('2023-01-01', { a: 'co_ma_tuy', b: 'co_ma_tuy' }),
        ...snapshot('2023-06-30', { a: 'khong_ma_tuy', b: 'co_ma_tuy' }),
      ],
    });
    const mid = progressOnArea(target(conversion, '2023-12-31'), converted, plan, context('2023-07-01'));
    expect([mid.current, mid.status]).toEqual([1, 'on_track']);
    const end = progressOnArea(target(conversion, '2023-12-31'), converted, plan, context('2024-02-01'));
    expect([end.current, end.status]).toEqual([1, 'achieved']);

    // 20 → 18 drug communes by mid-2020 (−10 %, target −5 %): on track until the end of 2020, then Đạt.
    const reduction: TargetDefinition = {
      kind: 'reduction',
      measure: { type: 'status_count', statuses: ['co_ma_tuy'] },
      baseline: { from: '2019', to: '2019' },
      minPct: 5,
      eachChild: false,
    };
    const communes = (date: string, drug: number) =>
      snapshot(
        date,
        Object.fromEntries(
          Array.from({ length: 20 }, (_, i) => [`c${i}`, i < drug ? 'co_ma_tuy' : 'khong_ma_tuy'] as const),
        ),
      );
    const fell = area({ statuses: [...communes('2019-12-31', 20), ...communes('2020-06-30', 18)] });
    const early = progressOnArea(target(reduction, '2020-12-31'), fell, plan, context('2020-07-01'));
    expect([early.current, early.status]).toEqual([10, 'on_track']);
    const late = progressOnArea(target(reduction, '2020-12-31'), fell, plan, context('2021-02-01'));
    expect([late.current, late.status]).toEqual([10, 'achieved']);
  });
});

describe('yearly change ("tốc độ tăng người nghiện dưới 1 %/năm", "giảm hằng năm")', () => {
  const growthCap: TargetDefinition = {
    kind: 'yearly_change',
    measure: { type: 'indicator', indicator: 'managed_addicts' },
    limit: 'max_growth',
    pct: 1,
    fromYear: 2025,
    eachChild: false,
  };
  const addicts = (byYearEnd: Record<string, number>) =>
    area({
      values: {
        managed_addicts: Object.fromEntries(Object.entries(byYearEnd).map(([y, v]) => [`${y}-Q4`, v])),
      },
    });

  it('Hà Nội falling 8,4 % meets the cap as a growth of −8,4 %; Lào Cai growing 9 % misses it', () => {
    const haNoi = progressOnArea(
      target(growthCap, '2030-12-31'),
      addicts({ 2024: 1000, 2025: 916 }),
      plan,
      context('2026-01-20'),
    );
    expect([haNoi.measure, haNoi.direction]).toEqual(['growth', 'lower']);
    expect(haNoi.current).toBeCloseTo(-8.4, 5);
    // 2025 met, 2026–2030 still to come.
    expect(haNoi.status).toBe('on_track');
    expect(haNoi.years).toEqual([
      { year: 2025, status: 'achieved', current: -8.4 },
      { year: 2026, status: 'no_data', current: null },
    ]);
    const laoCai = progressOnArea(
      target(growthCap, '2030-12-31'),
      addicts({ 2024: 1000, 2025: 1090 }),
      plan,
      context('2026-01-20'),
    );
    expect(laoCai.current).toBeCloseTo(9, 5);
    expect(laoCai.status).toBe('missed');
    expect([laoCai.reasonCode, laoCai.reasonParams]).toEqual(['missed_years', { years: '2025' }]);
  });

  it('exactly 1 % is not "dưới 1 %"; a year in progress is judged on what is known', () => {
    const flat = progressOnArea(
      target(growthCap, '2030-12-31'),
      addicts({ 2024: 1000, 2025: 1010 }),
      plan,
      context('2026-01-20'),
    );
    expect(flat.status).toBe('missed');
    const inYear = area({ values: { managed_addicts: { '2024-Q4': 1000, '2025-Q2': 1005 } } });
    const r = progressOnArea(target(growthCap, '2030-12-31'), inYear, plan, context('2025-07-15'));
    expect(r.current).toBeCloseTo(0.5, 5);
    expect(r.status).toBe('on_track');
    const rising = area({ values: { managed_addicts: { '2024-Q4': 1000, '2025-Q2': 1011 } } });
    const risk = progressOnArea(target(growthCap, '2030-12-31'), rising, plan, context('2025-07-15'));
    // 1,1 % against a cap of 1 %: within the 10 % tolerance of the target.
    expect(risk.status).toBe('at_risk');
  });

  it('"giảm hằng năm" without a number needs a fall each year; the deadline passed judges every year', () => {
    const fall: TargetDefinition = { ...growthCap, limit: 'min_reduction', pct: null } as TargetDefinition;
    const r = progressOnArea(
      target(fall, '2026-12-31'),
      addicts({ 2024: 1000, 2025: 950, 2026: 940 }),
      plan,
      context('2027-03-01', quarterCalendar(2019, '2026-Q4')),
    );
    expect([r.measure, r.direction, r.current]).toEqual(['reduction', 'higher', 1.05]);
    expect(r.status).toBe('achieved');
    const stalled = progressOnArea(
      target(fall, '2026-12-31'),
      addicts({ 2024: 1000, 2025: 950, 2026: 950 }),
      plan,
      context('2027-03-01', quarterCalendar(2019, '2026-Q4')),
    );
    expect(stalled.status).toBe('missed');
  });

  it('names the missing year instead of calling it zero', () => {
    const r = progressOnArea(
      target(growthCap, '2030-12-31'),
      addicts({ 2025: 1000 }),
      plan,
      context('2026-01-20'),
    );
    expect(r.status).toBe('no_data');
    expect([r.reasonCode, r.reasonParams]).toEqual([
      'previous_year_missing',
      { year: 2024, what: 'managed_addicts' },
    ]);
  });

  it('counts communes in a status on each year end ("giảm số xã có ma túy hằng năm"), across a reorganisation', () => {
    const def: TargetDefinition = {
      kind: 'yearly_change',
      measure: { type: 'status_count', statuses: ['co_ma_tuy'] },
      limit: 'min_reduction',
      pct: 5,
      fromYear: 2025,
      eachChild: false,
    };
    const communes = (date: string, drug: number, weight = 1) =>
      Array.from({ length: 20 }, (_, i) => ({
        date,
        commune: `${date}-${i}`,
        weight,
        estimated: weight < 1,
        status: i < drug ? ('co_ma_tuy' as const) : ('khong_ma_tuy' as const),
      }));
    // 2024 on the old communes read through the crosswalk (weights), 2025 on the new ones.
    const r = progressOnArea(
      target(def, '2026-12-31'),
      area({ statuses: [...communes('2024-12-31', 20, 0.5), ...communes('2025-12-31', 9)] }),
      plan,
      context('2026-01-20'),
    );
    expect(r.years?.[0]).toEqual({ year: 2025, status: 'achieved', current: 10 });
    expect(r.status).toBe('on_track');
  });
});

describe('roadmap by year (12 → 18 → 24 drug-free communes; each year on its own milestone)', () => {
  const def: TargetDefinition = {
    kind: 'roadmap',
    measure: { type: 'status_count', statuses: ['khong_ma_tuy'] },
    milestones: [
      { year: 2025, value: 12 },
      { year: 2026, value: 18 },
      { year: 2027, value: 24 },
    ],
    eachChild: false,
  };
  const communes = (date: string, drugFree: number, weight = 1) =>
    snapshot(
      date,
      Object.fromEntries(
        Array.from(
          { length: 40 },
          (_, i) => [`${date}-${i}`, i < drugFree ? 'khong_ma_tuy' : 'co_ma_tuy'] as const,
        ),
      ),
      weight,
    );
  const roadmap = (statuses: ReturnType<typeof communes>, asOf: string) =>
    progressOnArea(
      target(def, '2027-12-31'),
      area({ statuses }),
      plan,
      context(asOf, quarterCalendar(2019, '2027-Q4')),
    );

  it('judges each year on its own milestone: 2025 met (13 ≥ 12), 2026 in progress at 15 of 18', () => {
    const r = roadmap([...communes('2025-12-31', 13), ...communes('2026-06-30', 15)], '2026-07-01');
    expect(r.years).toEqual([
      { year: 2025, status: 'achieved', current: 13 },
      { year: 2026, status: 'off_track', current: 15 },
    ]);
    expect([r.current, r.target, r.status]).toEqual([15, 18, 'off_track']);
    expect(r.trajectory.map((p) => p.value)).toEqual([12, 18]);
  });

  it('on track when this year’s milestone is already reached; missed once a finished year fell short', () => {
    const onTrack = roadmap([...communes('2025-12-31', 13), ...communes('2026-06-30', 19)], '2026-07-01');
    expect(onTrack.status).toBe('on_track');
    const missed = roadmap([...communes('2025-12-31', 11), ...communes('2026-06-30', 19)], '2026-07-01');
    expect(missed.status).toBe('missed');
    expect(missed.reasonParams).toEqual({ years: '2025' });
  });

  it('at risk within 10 % of the milestone; achieved only when the last year is over', () => {
    const risk = roadmap([...communes('2025-12-31', 13), ...communes('2026-06-30', 17)], '2026-07-01');
    expect(risk.status).toBe('at_risk');
    const done = roadmap(
      [...communes('2025-12-31', 13), ...communes('2026-12-31', 18), ...communes('2027-12-31', 25)],
      '2028-02-01',
    );
    expect(done.status).toBe('achieved');
  });

  it('has not enough data when no status is decided in the year', () => {
    const r = roadmap([], '2025-07-01');
    expect([r.status, r.reasonCode]).toEqual(['no_data', 'no_data_until']);
  });

  it('a year before the first milestone has no milestone of 0: not enough data, naming the first milestone', () => {
    const m = measureTarget(def, area({ statuses: communes('2024-12-31', 5) }), {
      ...context('2025-01-10', quarterCalendar(2019, '2027-Q4')),
      planStart: '2021-01-01',
      targetCode: 't',
      window: { from: '2024-01-01', to: '2024-12-31' },
    });
    const r = evaluateMeasured(m, '2024-12-31', '2025-01-10');
    expect([r.status, r.reasonCode, r.reasonParams]).toEqual([
      'no_data',
      'no_milestone',
      { year: 2024, first: '2025' },
    ]);
    expect(r.target).toBe(12);
  });

  it('a share roadmap (30 % in 2026) is held within 0–100 % and reads the year’s own units', () => {
    const share: TargetDefinition = {
      kind: 'roadmap',
      measure: { type: 'status_share', statuses: ['khong_ma_tuy'] },
      milestones: [{ year: 2026, value: 30 }],
      eachChild: false,
    };
    // 2025: old communes through the crosswalk; 2026: the new ones — the 2026 milestone reads 2026 only.
    const r = progressOnArea(
      target(share, '2026-12-31'),
      area({ statuses: [...communes('2025-06-30', 30, 0.5), ...communes('2026-03-31', 14)] }),
      plan,
      context('2026-04-01'),
    );
    expect(r.current).toBe(35);
    expect(r.unit).toBe('%');
    expect(r.status).toBe('on_track');
  });
});

describe('a named list of communes to convert ("xã A, B, C thành xã không ma túy năm 2026")', () => {
  const def: TargetDefinition = {
    kind: 'named_units',
    codes: ['a', 'b', 'c'],
    validOn: '2026-01-01',
    statuses: ['khong_ma_tuy'],
    eachChild: false,
  };
  const row = (date: string, m: string, status: 'khong_ma_tuy' | 'co_ma_tuy') => ({
    date,
    member: m,
    weight: 1,
    status,
    estimated: false,
  });
  const list = (date: string, converted: number) =>
    ['a', 'b', 'c'].map((m, i) => row(date, m, i < converted ? 'khong_ma_tuy' : 'co_ma_tuy'));

  it('counts the listed communes in the status: 2 of 3 during the year is short, 3 of 3 at the end is achieved', () => {
    const during = progressOnArea(
      target(def, '2026-12-31'),
      area({ kept: { t: list('2026-06-30', 2) } }),
      plan,
      context('2026-07-01'),
    );
    expect([during.current, during.target, during.unit]).toEqual([2, 3, 'xã']);
    expect(during.status).toBe('off_track');
    const done = progressOnArea(
      target(def, '2026-12-31'),
      area({ kept: { t: [...list('2026-06-30', 2), ...list('2026-12-31', 3)] } }),
      plan,
      context('2027-02-01'),
    );
    expect(done.status).toBe('achieved');
    const missed = progressOnArea(
      target(def, '2026-12-31'),
      area({ kept: { t: list('2026-12-31', 2) } }),
      plan,
      context('2027-02-01'),
    );
    expect(missed.status).toBe('missed');
  });

  it('one commune’s status is a list of one; none of the list in this area is named, not zero', () => {
    const one = { ...def, codes: ['a'] } as TargetDefinition;
    const r = progressOnArea(
      target(one, '2026-12-31'),
      area({ kept: { t: list('2026-06-30', 1).slice(0, 1) } }),
      plan,
      context('2026-07-01'),
    );
    expect([r.current, r.target, r.status]).toEqual([1, 1, 'on_track']);
    const none = progressOnArea(target(def, '2026-12-31'), area(), plan, context('2026-07-01'));
    expect([none.status, none.reasonCode]).toEqual(['no_data', 'empty_keep_set']);
  });
});

describe('child units of a whole-scope count ("đưa 33 người đi cai nghiện bắt buộc" for the district)', () => {
  const def: TargetDefinition = {
    kind: 'count',
    indicator: 'rehab_compulsory',
    threshold: 33,
    window: { from: '2020-01-01', eachYear: false },
    eachChild: false,
  };

  it('shows each phường as a contribution without a traffic light; "each district converts ≥ 1" stays judged per child', () => {
    const ward = area({ values: { rehab_compulsory: along('2020-Q1', '2020-Q4', () => 2) } });
    const p = progressOnArea(target(def, '2020-12-31'), ward, plan, context('2021-02-01'));
    expect(p.status).toBe('missed'); // 8 of 33, were it judged alone
    expect(isWholeScopeCount(def)).toBe(true);
    const c = asContribution(p);
    expect([c.status, c.current, c.progressPct, c.reasonCode]).toEqual(['no_data', 8, null, 'contribution']);
    expect(c.reasonParams).toEqual({ total: 33, unit: 'người' });
    const each = { ...def, threshold: 1, eachChild: true } as TargetDefinition;
    expect(isWholeScopeCount(each)).toBe(false);
    const share: TargetDefinition = {
      kind: 'roadmap',
      measure: { type: 'status_share', statuses: ['khong_ma_tuy'] },
      milestones: [{ year: 2026, value: 30 }],
      eachChild: false,
    };
    expect(isWholeScopeCount(share)).toBe(false);
  });
});

describe('minimum yearly increase ("tăng tối thiểu 15% số xã đạt tiêu chí mỗi năm")', () => {
  const def: TargetDefinition = {
    kind: 'yearly_change',
    measure: { type: 'status_count', statuses: ['khong_ma_tuy'] },
    limit: 'min_increase',
    pct: 15,
    fromYear: 2025,
    eachChild: false,
  };
  const communes = (date: string, drugFree: number) =>
    snapshot(
      date,
      Object.fromEntries(
        Array.from({ length: 60 }, (_, i) => [`c${i}`, i < drugFree ? 'khong_ma_tuy' : 'co_ma_tuy'] as const),
      ),
    );

  it('20 → 23 communes is +15% (met); 20 → 22 is +10% (missed); growth is labelled growth, higher is better', () => {
    const met = progressOnArea(
      target(def, '2026-12-31'),
      area({ statuses: [...communes('2024-12-31', 20), ...communes('2025-12-31', 23)] }),
      plan,
      context('2026-01-20'),
    );
    expect([met.measure, met.direction, met.current]).toEqual(['growth', 'higher', 15]);
    expect(met.years?.[0]?.status).toBe('achieved');
    expect(met.status).toBe('on_track');
    const short = progressOnArea(
      target(def, '2026-12-31'),
      area({ statuses: [...communes('2024-12-31', 20), ...communes('2025-12-31', 22)] }),
      plan,
      context('2026-01-20'),
    );
    expect([short.current, short.status]).toEqual([10, 'missed']);
  });
});

describe('severity of key communes falls ("giảm mức độ phức tạp của xã trọng điểm")', () => {
  const def: TargetDefinition = {
    kind: 'reduction',
    measure: { type: 'severity' },
    baseline: { from: '2019', to: '2019' },
    minPct: 1,
    eachChild: false,
  };

  it('weights loại I = 3, II = 2, III = 1: one loại I becoming loại III lowers 2019’s severity 7 to 5 (−28,57%)', () => {
    const before = snapshot('2019-12-31', {
      a: 'trong_diem_I',
      b: 'trong_diem_II',
      c: 'trong_diem_II',
      d: 'co_ma_tuy',
    });
    const after = snapshot('2020-12-31', {
      a: 'trong_diem_III',
      b: 'trong_diem_II',
      c: 'trong_diem_II',
      d: 'khong_ma_tuy',
    });
    const r = progressOnArea(
      target(def, '2020-12-31'),
      area({ statuses: [...before, ...after] }),
      plan,
      context('2021-02-01'),
    );
    expect(r.measure).toBe('reduction');
    expect(r.current).toBeCloseTo(28.57, 2);
    expect(r.status).toBe('achieved');
    const worse = snapshot('2020-12-31', {
      a: 'trong_diem_I',
      b: 'trong_diem_I',
      c: 'trong_diem_II',
      d: 'co_ma_tuy',
    });
    const w = progressOnArea(
      target(def, '2020-12-31'),
      area({ statuses: [...before, ...worse] }),
      plan,
      context('2021-02-01'),
    );
    expect([w.current, w.status]).toEqual([-14.29, 'missed']);
  });

  it('no decision in force at the baseline is missing data, not a severity of zero', () => {
    const r = progressOnArea(
      target(def, '2020-12-31'),
      area({ statuses: snapshot('2020-12-31', { a: 'trong_diem_I' }) }),
      plan,
      context('2021-02-01'),
    );
    expect([r.status, r.reasonCode]).toEqual(['no_data', 'baseline_missing']);
  });
});

describe('at most / no new ("không để phát sinh điểm nóng", "không phát sinh trồng cây ở địa bàn mới")', () => {
  const noNewHotspot: TargetDefinition = {
    kind: 'at_most',
    measure: { type: 'new_hotspots' },
    max: 0,
    window: { from: '2026-01-01', eachYear: false },
    eachChild: false,
  };
  const hotspot = (
    detectedOn: string,
    eliminatedOn: string | null = null,
    reemergedOn: string | null = null,
  ) => ({
    detectedOn,
    eliminatedOn,
    reemergedOn,
  });
  const old = [hotspot('2024-05-01'), hotspot('2025-02-01', '2025-06-01')];
  const run = (def: TargetDefinition, a: ReturnType<typeof area>, asOf: string) =>
    progressOnArea(target(def, '2026-12-31'), a, plan, context(asOf, quarterCalendar(2019, '2027-Q1')));

  it('met: no hotspot appeared in the year (threshold 0) — on track during the year, Đạt at its end', () => {
    const during = run(noNewHotspot, area({ hotspots: old }), '2026-07-01');
    expect([during.status, during.current, during.target, during.direction]).toEqual([
      'on_track',
      0,
      0,
      'lower',
    ]);
    const after = run(noNewHotspot, area({ hotspots: old }), '2027-01-10');
    expect([after.status, after.current]).toEqual(['achieved', 0]);
  });

  it('missed as soon as one appears, even before the deadline; a re-emerging one counts as new', () => {
    const appeared = run(noNewHotspot, area({ hotspots: [...old, hotspot('2026-03-10')] }), '2026-07-01');
    expect([appeared.status, appeared.current]).toEqual(['missed', 1]);
    const reemerged = run(
      noNewHotspot,
      area({ hotspots: [hotspot('2024-05-01', '2025-01-01', '2026-05-02')] }),
      '2026-07-01',
    );
    expect([reemerged.status, reemerged.current]).toEqual(['missed', 1]);
    // The deadline passed with one new hotspot: missed on the value at the deadline.
    const late = run(noNewHotspot, area({ hotspots: [...old, hotspot('2026-11-10')] }), '2027-02-01');
    expect([late.status, late.current]).toEqual(['missed', 1]);
  });

  it('a cap on a flow ("không quá 10"): at risk when its pace exceeds it, missed once the total is over', () => {
    const cap: TargetDefinition = {
      kind: 'at_most',
      measure: { type: 'indicator', indicator: 'rehab_compulsory' },
      max: 10,
      window: { from: '2026-01-01', eachYear: false },
      eachChild: false,
    };
    // 2,6 in the first quarter → ≈ 10,5 over the year at that pace: within 10 % of the cap.
    const risk = run(cap, area({ values: { rehab_compulsory: { '2026-Q1': 2.6 } } }), '2026-04-15');
    expect([risk.status, risk.current]).toEqual(['at_risk', 2.6]);
    expect(risk.projection.method).toBe('pace');
    // Under the cap today but heading over it: at risk, with the pace's figure shown.
    const heading = run(cap, area({ values: { rehab_compulsory: { '2026-Q1': 4 } } }), '2026-04-15');
    expect(heading.status).toBe('at_risk');
    expect(heading.projection.value).toBeGreaterThan(10);
    const broken = run(
      cap,
      area({ values: { rehab_compulsory: { '2026-Q1': 4, '2026-Q2': 7 } } }),
      '2026-07-15',
    );
    expect([broken.status, broken.current]).toEqual(['missed', 11]);
  });

  it('has not enough data when nothing was reported in the window, or the indicator is unknown', () => {
    const cap: TargetDefinition = {
      kind: 'at_most',
      measure: { type: 'indicator', indicator: 'rehab_compulsory' },
      max: 0,
      window: { from: '2026-01-01', eachYear: false },
      eachChild: false,
    };
    const none = run(cap, area(), '2026-07-01');
    expect([none.status, none.reasonCode]).toEqual(['no_data', 'no_data_until']);
    const unknown = run(
      { ...cap, measure: { type: 'indicator', indicator: 'crops_new_area' } },
      area(),
      '2026-07-01',
    );
    expect([unknown.status, unknown.reasonCode]).toEqual(['no_data', 'unknown_indicator']);
  });
});

describe('one unit’s status ("tỉnh không ma túy")', () => {
  const def: TargetDefinition = { kind: 'unit_status', statuses: ['khong_ma_tuy'], eachChild: false };
  const communes = (date: string, withDrugs: number, undecided = 0) =>
    snapshot(
      date,
      Object.fromEntries(
        Array.from({ length: 10 }, (_, i) => [
          `c${i}`,
          i < undecided ? null : i < undecided + withDrugs ? 'co_ma_tuy' : 'khong_ma_tuy',
        ]),
      ),
    );
  const run = (statuses: ReturnType<typeof communes>, asOf: string) =>
    progressOnArea(
      target(def, '2026-12-31'),
      area({ statuses }),
      plan,
      context(asOf, quarterCalendar(2019, '2027-Q1')),
    );

  it('met: every commune drug-free — on track before the deadline, Đạt after it', () => {
    const before = run([...communes('2025-12-31', 2), ...communes('2026-06-30', 0)], '2026-07-01');
    expect([before.status, before.current, before.target]).toEqual(['on_track', 0, 0]);
    const after = run([...communes('2025-12-31', 2), ...communes('2026-12-31', 0)], '2027-01-20');
    expect(after.status).toBe('achieved');
  });

  it('missed when communes with drugs remain at the deadline; off track before it (statuses change by decision)', () => {
    const after = run([...communes('2026-12-31', 3)], '2027-01-20');
    expect([after.status, after.current]).toEqual(['missed', 3]);
    const before = run([...communes('2026-06-30', 3)], '2026-07-01');
    expect(before.status).toBe('off_track');
    // One commune left: within reach of the target only in the sense of a count, still not met.
    expect(run([...communes('2026-06-30', 1)], '2026-07-01').status).not.toBe('on_track');
  });

  it('not enough data: communes without a decision are named, never counted as drug-free', () => {
    const r = run([...communes('2026-06-30', 0, 2)], '2026-07-01');
    expect([r.status, r.reasonCode, r.reasonParams]).toEqual(['no_data', 'communes_undecided', { count: 2 }]);
    const none = run([], '2026-07-01');
    expect([none.status, none.reasonCode]).toEqual(['no_data', 'no_data_until']);
  });
});
