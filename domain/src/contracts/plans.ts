import { z } from 'zod';
import { CommuneStatus, DataMeta, IndicatorCode, IsoDate, PeriodId, UnitCode } from './common';

/**
 * Plans (kế hoạch), their targets (chỉ tiêu) and the progress computed for them. A target's `definition`
 * depends on its `kind`; the discriminated union below is the one description of every kind, used to
 * validate writes, to type the pure computation and to document the API.
 */

/** Slugs used in URLs: plan codes ("dong-thap-2023") and target codes within a plan. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang')
  .max(80, 'tối đa 80 ký tự');

const Percent = z.number().min(-100, 'phải ≥ -100').max(100, 'phải ≤ 100');
const PositiveCount = z.number().positive('phải lớn hơn 0');
const Statuses = z.array(CommuneStatus).min(1, 'chọn ít nhất một phân loại');

/**
 * The window a flow is counted in: from `from` to the target's deadline, or each calendar year of it
 * ("each year", e.g. "eliminate 5–10 % of hotspots each year").
 */
const FlowWindow = z.object({
  from: IsoDate.describe('first day counted'),
  eachYear: z.boolean().default(false).describe('the threshold applies to every calendar year separately'),
});

/** "Each child unit achieves …": the target holds for every child of the scope, not for the scope's total. */
const EachChild = z
  .boolean()
  .default(false)
  .describe('the threshold applies to every child unit of the scope (each district, each commune)');

/**
 * A count for the whole scope allocated to its children, so each child is judged against its own share
 * ("33 người cai nghiện bắt buộc" of a district: each phường its part): entered per child, or proportional
 * to a catalogue indicator over a baseline period (whole shares adding up to the whole, largest remainder;
 * a child without a value has no share and shows "chưa đủ số liệu").
 */
export const Allocation = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('entered'),
    shares: z
      .array(z.object({ code: UnitCode, value: z.number().min(0, 'phải ≥ 0') }))
      .min(1, 'cần ít nhất một đơn vị')
      .max(1000, 'tối đa 1000 đơn vị'),
  }),
  z.object({
    type: z.literal('proportional'),
    indicator: IndicatorCode.describe('the children are weighted by this indicator'),
    period: PeriodId.describe('the baseline period the weights are read over (a year or a quarter)'),
  }),
]);
export type Allocation = z.infer<typeof Allocation>;

const AllocationField = Allocation.optional().describe(
  'absent: children are shown as contributions without a traffic light',
);

/** Share ≥ X % by a date, from a rate indicator in % (e.g. treatment_reach_pct ≥ 80). */
export const ShareDefinition = z.object({
  kind: z.literal('share'),
  indicator: IndicatorCode.describe('a rate indicator expressed in %'),
  op: z.enum(['gte', 'gt']).default('gte'),
  threshold: Percent.refine((v) => v > 0, 'phải lớn hơn 0'),
  eachChild: EachChild,
});

/** Share of communes whose decided status is one of `statuses` ≥ X % (national: > 20 % drug-free). */
export const StatusShareDefinition = z.object({
  kind: z.literal('status_share'),
  statuses: Statuses,
  op: z.enum(['gte', 'gt']).default('gte'),
  threshold: Percent.refine((v) => v > 0, 'phải lớn hơn 0'),
  eachChild: EachChild,
});

/** Count ≥ N of a flow indicator (people sent to rehab, …) summed over a window. */
export const CountDefinition = z.object({
  kind: z.literal('count'),
  indicator: IndicatorCode.describe('an indicator summed over time (a flow)'),
  threshold: PositiveCount,
  window: FlowWindow,
  eachChild: EachChild,
  allocation: AllocationField,
});

/** Communes converted from one status to another in a window ("≥ 1 commune from có ma túy to không ma túy"). */
export const StatusConversionDefinition = z.object({
  kind: z.literal('status_conversion'),
  from: Statuses,
  to: Statuses,
  threshold: PositiveCount,
  window: FlowWindow,
  eachChild: EachChild,
});

/** What a reduction is measured on: an indicator's value or the number of communes in some statuses. */
export const ReductionMeasure = z.discriminatedUnion('type', [
  z.object({ type: z.literal('indicator'), indicator: IndicatorCode }),
  z.object({ type: z.literal('status_count'), statuses: Statuses }),
  /**
   * Severity of the key communes ("mức độ phức tạp của xã trọng điểm"): the sum over communes of a weight per
   * class, trọng điểm loại I = 3, loại II = 2, loại III = 1, others 0 (SEVERITY_WEIGHTS in progress/area-series).
   */
  z.object({ type: z.literal('severity') }),
]);

/**
 * Reduction ≥ minPct % versus the mean of a baseline span of years; `maxPct` makes it a range target
 * ("5–10 %"). A negative minPct caps growth instead ("addicts grow < 1 %/year").
 */
export const ReductionDefinition = z.object({
  kind: z.literal('reduction'),
  measure: ReductionMeasure,
  baseline: z.object({ from: PeriodId, to: PeriodId }),
  minPct: Percent,
  maxPct: Percent.optional(),
  eachChild: EachChild,
});

/** Which communes must keep their status: listed by code, or those in a status on a date. */
export const KeptUnits = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('codes'),
    codes: z.array(UnitCode).min(1, 'cần ít nhất một xã'),
    validOn: IsoDate.describe('the date on which the codes are valid (their unit version)'),
  }),
  z.object({ type: z.literal('status_on'), date: IsoDate, statuses: Statuses }),
]);

/** Keep a set of communes in some statuses ("keep the 27 recognised drug-free communes"). */
export const KeepStatusDefinition = z.object({
  kind: z.literal('keep_status'),
  units: KeptUnits,
  statuses: Statuses,
  eachChild: EachChild,
});

/** Cumulative (or stock) count ≥ N by the deadline (170 methadone patients by end of 2020). */
export const CumulativeDefinition = z.object({
  kind: z.literal('cumulative'),
  indicator: IndicatorCode.describe('an indicator whose value is the latest count (stock or cumulative)'),
  threshold: PositiveCount,
  eachChild: EachChild,
  allocation: AllocationField,
});

/** Share of the hotspots active at the window's start that are eliminated (triệt xóa) within it. */
export const HotspotEliminationDefinition = z.object({
  kind: z.literal('hotspot_elimination'),
  minPct: Percent.refine((v) => v > 0, 'phải lớn hơn 0'),
  maxPct: Percent.optional(),
  window: FlowWindow,
  eachChild: EachChild,
});

/**
 * A change from one calendar year to the previous one, judged year by year: "giảm theo từng năm" (any fall,
 * no number), "hằng năm giảm ≥ X %" (min_reduction) or "tốc độ tăng dưới X %/năm" (max_growth).
 */
export const YearlyChangeDefinition = z.object({
  kind: z.literal('yearly_change'),
  measure: ReductionMeasure,
  limit: z
    .enum(['min_reduction', 'max_growth', 'min_increase'])
    .describe(
      'min_reduction: fall by at least pct each year; max_growth: grow by less than pct each year; min_increase: grow by at least pct each year ("tăng tối thiểu 15% số xã đạt tiêu chí mỗi năm")',
    ),
  pct: z
    .number()
    .min(0, 'phải ≥ 0')
    .max(100, 'phải ≤ 100')
    .nullable()
    .default(null)
    .describe('null: only the direction counts ("giảm hằng năm")'),
  fromYear: z.number().int().min(2000, 'phải từ năm 2000').max(2100, 'phải đến năm 2100'),
  eachChild: EachChild,
});

/** What a roadmap counts each year: communes in some statuses, their share in %, or an indicator's year. */
export const RoadmapMeasure = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status_count'), statuses: Statuses }),
  z.object({ type: z.literal('status_share'), statuses: Statuses }),
  z.object({ type: z.literal('indicator'), indicator: IndicatorCode }),
]);

/**
 * A roadmap by year ("lộ trình": 12 → 18 → 24 … drug-free communes 2025–2030; 30 % in 2026): one milestone
 * per year, each year judged on its own milestone at its end.
 */
export const RoadmapDefinition = z.object({
  kind: z.literal('roadmap'),
  measure: RoadmapMeasure,
  milestones: z
    .array(
      z.object({
        year: z.number().int().min(2000, 'phải từ năm 2000').max(2100, 'phải đến năm 2100'),
        value: z.number().min(0, 'phải ≥ 0'),
      }),
    )
    .min(1, 'cần ít nhất một năm')
    .max(30, 'tối đa 30 năm'),
  eachChild: EachChild,
});

/**
 * A named list of communes to bring into a status ("chuyển hóa các xã A, B, C thành xã không ma túy năm
 * 2026"; one commune's status when the list has one code): met when every listed commune is in the status.
 */
export const NamedUnitsDefinition = z.object({
  kind: z.literal('named_units'),
  codes: z.array(UnitCode).min(1, 'cần ít nhất một xã').max(500, 'tối đa 500 xã'),
  validOn: IsoDate.describe('the date on which the codes are valid (their unit version)'),
  statuses: Statuses,
  eachChild: EachChild,
});

/**
 * What an "at most" target counts: an indicator (a flow summed over the window, e.g. new cultivation; a stock's
 * level), the hotspots that newly appear or re-emerge in the window, or the communes in some statuses.
 */
export const AtMostMeasure = z.discriminatedUnion('type', [
  z.object({ type: z.literal('indicator'), indicator: IndicatorCode }),
  z.object({ type: z.literal('new_hotspots') }),
  z.object({ type: z.literal('status_count'), statuses: Statuses }),
]);

/**
 * At most N, zero allowed: "không để phát sinh điểm nóng" (new hotspots ≤ 0), "không phát sinh trồng cây ở
 * địa bàn mới" (new cultivation ≤ 0), caps ("kiềm chế … không quá N"). A count of new events over the cap
 * cannot come down again: the target is missed as soon as it is exceeded.
 */
export const AtMostDefinition = z.object({
  kind: z.literal('at_most'),
  measure: AtMostMeasure,
  max: z.number().min(0, 'phải ≥ 0'),
  window: FlowWindow,
  eachChild: EachChild,
});

/**
 * One unit's status: the scope (or each child) becomes a unit whose communes are all in the statuses —
 * "tỉnh không ma túy", "huyện không ma túy"; one commune's status is a named list of one.
 */
export const UnitStatusDefinition = z.object({
  kind: z.literal('unit_status'),
  statuses: Statuses,
  eachChild: EachChild,
});

export const TargetDefinition = z.discriminatedUnion('kind', [
  ShareDefinition,
  StatusShareDefinition,
  CountDefinition,
  StatusConversionDefinition,
  ReductionDefinition,
  KeepStatusDefinition,
  CumulativeDefinition,
  HotspotEliminationDefinition,
  YearlyChangeDefinition,
  RoadmapDefinition,
  NamedUnitsDefinition,
  AtMostDefinition,
  UnitStatusDefinition,
]);
export type TargetDefinition = z.infer<typeof TargetDefinition>;
export type TargetKind = TargetDefinition['kind'];
export const TARGET_KINDS = TargetDefinition.options.map((o) => o.shape.kind.value);

export const TargetInput = z.object({
  code: Slug,
  title: z.string().trim().min(1, 'cần nhập').max(300, 'tối đa 300 ký tự'),
  definition: TargetDefinition,
  deadline: IsoDate,
  isPublic: z.boolean().default(false),
});
export type TargetInput = z.infer<typeof TargetInput>;

export const PlanInput = z.object({
  code: Slug,
  title: z.string().trim().min(1, 'cần nhập').max(300, 'tối đa 300 ký tự'),
  issuingBody: z.string().trim().min(1, 'cần nhập'),
  documentNo: z.string().trim().min(1, 'cần nhập'),
  issuedOn: IsoDate,
  scope: z
    .object({ code: UnitCode, validOn: IsoDate.describe('a date the unit is valid on (its version)') })
    .nullable()
    .describe('the unit the plan covers; null = the whole country'),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  notes: z.string().max(4000, 'tối đa 4000 ký tự').default(''),
  targets: z.array(TargetInput).max(100, 'tối đa 100 chỉ tiêu').default([]),
});
export type PlanInput = z.infer<typeof PlanInput>;

export const PlanCodeParam = z.object({ code: Slug });
export const TargetParams = z.object({ code: Slug, target: Slug });

export const ScopeUnit = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const Target = TargetInput.extend({ id: z.number(), sortOrder: z.number() });
export type Target = z.infer<typeof Target>;

export const Plan = PlanInput.omit({ scope: true, targets: true }).extend({
  id: z.number(),
  scope: ScopeUnit.nullable(),
  targets: z.array(Target),
  updatedAt: z.string(),
});
export type Plan = z.infer<typeof Plan>;

export const PlanSummary = Plan.omit({ targets: true }).extend({ targetCount: z.number() });

export const PlansResponse = z.object({ rows: z.array(PlanSummary) });
export const PlanResponse = z.object({ plan: Plan });

/** The five progress statuses, plus no_data when the data cannot tell. */
export const ProgressStatus = z.enum(['achieved', 'on_track', 'at_risk', 'off_track', 'missed', 'no_data']);
export type ProgressStatus = z.infer<typeof ProgressStatus>;

export const Observation = z.object({
  date: z.string(),
  value: z.number(),
  /** true when the value was re-expressed through the 2025 crosswalk (an estimate). */
  estimated: z.boolean(),
});

export const Projection = z.object({
  method: z.enum(['linear_trend', 'pace', 'carry_forward', 'deadline_passed']),
  /** How the projection was made, in words (Vietnamese and English). */
  descriptionVi: z.string(),
  descriptionEn: z.string(),
  value: z.number().nullable(),
  /** Observations the projection used. */
  basedOn: z.number(),
  /** The range the measure can take (a share 0–100 %, a count ≥ 0): the projection is held inside it. */
  bounds: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
  /** The raw projection fell outside `bounds` and was held at the bound. */
  clamped: z.boolean(),
  /**
   * How uncertain the projection is: a prediction interval of the linear trend from its residuals (`level` %
   * of outcomes), held within `bounds`; null when the method gives none (pace, carry forward, < 3 points).
   */
  interval: z.object({ low: z.number(), high: z.number(), level: z.number() }).nullable(),
});

/**
 * Why a progress says what it says, as a code and its parameters: the web renders them in Vietnamese from
 * one message catalogue (web/src/features/plans/messages.ts); `reason` keeps an English sentence for logs.
 */
export const ReasonCode = z.enum([
  'unknown_indicator',
  'no_data_until',
  'no_status_at_window_start',
  'baseline_missing',
  'baseline_zero',
  'empty_keep_set',
  'no_active_hotspot',
  'missed_years',
  'children_no_data',
  'children_missed',
  'previous_year_missing',
  'contribution',
  'no_milestone',
  'communes_undecided',
  'allocation_no_value',
  'allocation_not_entered',
]);
export type ReasonCode = z.infer<typeof ReasonCode>;
export const ReasonParams = z.record(z.string(), z.union([z.string(), z.number()]));

export const TargetProgress = z.object({
  status: ProgressStatus,
  /** higher: a higher value is better (shares, counts, reductions); lower: a cap (growth < 1 %/year). */
  direction: z.enum(['higher', 'lower']),
  /** What `current` is: the level itself, a reduction in % (positive = fell) or a growth in % (positive = rose). */
  measure: z.enum(['level', 'reduction', 'growth']),
  reasonCode: ReasonCode.nullable(),
  reasonParams: ReasonParams,
  /**
   * A series across a unit reorganisation: points on another unit version than the latest one are shown
   * but neither the baseline nor the trend use them (`since`: the first point on the latest version).
   */
  bridge: z.object({ method: z.literal('latest_version_only'), since: z.string() }).nullable(),
  current: z.number().nullable(),
  currentDate: z.string().nullable(),
  target: z.number(),
  targetMax: z.number().nullable(),
  baseline: z.number().nullable(),
  baselineDate: z.string().nullable(),
  progressPct: z.number().nullable(),
  unit: z.string(),
  projection: Projection,
  /** Range targets: where the value lies against [target, targetMax]. */
  band: z.enum(['below', 'within', 'above']).nullable(),
  reason: z.string().nullable(),
  series: z.array(Observation),
  /** The straight line from the baseline to the target at the deadline. */
  trajectory: z.array(z.object({ date: z.string(), value: z.number() })),
  /** eachYear targets: one result per calendar year. */
  years: z
    .array(z.object({ year: z.number(), status: ProgressStatus, current: z.number().nullable() }))
    .nullable(),
  /** eachChild targets: how many children meet the target, of how many with data. */
  children: z.object({ met: z.number(), total: z.number(), noData: z.number() }).nullable(),
});
export type TargetProgress = z.infer<typeof TargetProgress>;

export const AsOfQuery = z.object({
  asOf: IsoDate.optional().describe('evaluate as known on this date; default today'),
});

/** Which unit a scorecard or a cell is about: a code valid on the plan's scope version (or today). */
export const UnitQuery = AsOfQuery.extend({
  unit: UnitCode.optional().describe('a unit inside the plan’s scope; default the scope itself'),
});

export const ScorecardQuery = UnitQuery.extend({
  columns: z
    .enum(['children', 'periods'])
    .default('children')
    .describe('children: one column per child unit; periods: one column per year, as known at its end'),
});

export const ProgressMeta = DataMeta.extend({ asOf: z.string() });

/** A scorecard cell or a ranking row: the figures of a progress, without its series. */
export const ProgressSummary = TargetProgress.pick({
  status: true,
  current: true,
  target: true,
  targetMax: true,
  progressPct: true,
  unit: true,
  band: true,
  reason: true,
  reasonCode: true,
  reasonParams: true,
  direction: true,
  measure: true,
  children: true,
}).extend({ projected: z.number().nullable() });
export type ProgressSummary = z.infer<typeof ProgressSummary>;

export const TargetHead = z.object({
  code: z.string(),
  title: z.string(),
  kind: z.string(),
  /** A whole-scope count allocated to the children: each cell's `target` is that child's share. */
  allocation: z.enum(['entered', 'proportional']).nullable(),
  deadline: z.string(),
  isPublic: z.boolean(),
});

export const PlanProgressResponse = z.object({
  meta: ProgressMeta,
  plan: Plan,
  progress: z.array(z.object({ target: z.string(), progress: TargetProgress })),
});

export const ScorecardUnit = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  /** The province it lies in (a district or commune scope is named with it), null for a province. */
  provinceName: z.string().nullable(),
});

export const ScorecardResponse = z.object({
  meta: ProgressMeta.extend({ columns: z.enum(['children', 'periods']) }),
  plan: z.object({ code: z.string(), title: z.string() }),
  unit: ScorecardUnit.nullable(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), drill: z.boolean() })),
  rows: z.array(
    z.object({
      target: TargetHead,
      total: ProgressSummary,
      cells: z.array(ProgressSummary.extend({ key: z.string() })),
    }),
  ),
});

export const TargetDetailResponse = z.object({
  meta: ProgressMeta,
  plan: z.object({ code: z.string(), title: z.string() }),
  target: TargetHead.extend({ definition: TargetDefinition }),
  unit: ScorecardUnit.nullable(),
  progress: TargetProgress,
  /** The units behind the value: the unit's children with their own figures. */
  units: z.array(ProgressSummary.extend({ code: z.string(), name: z.string() })),
});

export const RankingResponse = z.object({
  meta: ProgressMeta,
  target: TargetHead,
  rows: z.array(ProgressSummary.extend({ rank: z.number(), code: z.string(), name: z.string() })),
});
