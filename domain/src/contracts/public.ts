import { z } from 'zod';
import { CommuneStatus, DataMeta } from './common';
import { ProgressStatus } from './plans';

/**
 * Contracts of the public pages (`/cong-khai`): only public fields. Sensitivity comes from the indicator
 * catalogue on the server; counts below the publication threshold never leave it (sensitive data under
 * Law 91/2025/QH15 on personal data protection).
 */

export const PublicSummaryQuery = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/, 'phải là mã tỉnh 2 chữ số, ví dụ 01')
    .optional()
    .describe('a province in force today; absent: the whole country'),
});

/**
 * A published figure: the number, or — below the threshold — only that it is small, so a small count of
 * people cannot be read off the page (a visitor sees `display`, e.g. "< 5").
 */
export const PublicNumber = z.discriminatedUnion('suppressed', [
  z.object({ suppressed: z.literal(false), value: z.number() }),
  z.object({ suppressed: z.literal(true), value: z.null(), display: z.string() }),
]);
export type PublicNumber = z.infer<typeof PublicNumber>;

export const StatusCounts = z.object(
  Object.fromEntries(CommuneStatus.options.map((s) => [s, z.number()])) as Record<CommuneStatus, z.ZodNumber>,
);

/** The share of drug-free communes at one date: a status decision is public, so counts are not suppressed. */
export const DrugFreePoint = z.object({
  /** The period the point closes: a year, or the last closed quarter. */
  period: z.string(),
  date: z.string(),
  drugFree: z.number(),
  /** Communes with a recognised status on that date. */
  total: z.number(),
  sharePct: z.number().nullable(),
});

export const PublicIndicatorTrend = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unitVi: z.string(),
  unitEn: z.string(),
  /** One point per closed year, values on today's units (older reports through the crosswalk). */
  points: z.array(
    z.object({
      period: z.string(),
      value: PublicNumber.nullable(),
      /**
       * How many of the area's communes the figure covers (AREA COVERAGE of /api/values: communes with every
       * input in the year, of those in force): "Tổng của 12/15 xã đã báo cáo". Counts only, never which
       * communes. Absent for an indicator reported by whole provinces and for a year without a figure.
       */
      reported: z.number().int().optional(),
      expected: z.number().int().optional(),
    }),
  ),
});

export const PublicTargetProgress = z.object({
  plan: z.string(),
  planTitle: z.string(),
  code: z.string(),
  title: z.string(),
  deadline: z.string(),
  status: ProgressStatus,
  progressPct: z.number().nullable(),
  current: PublicNumber.nullable(),
  target: z.number().nullable(),
  unit: z.string(),
});

export const PublicSummaryResponse = z.object({
  meta: DataMeta.extend({
    /** The last closed period: the latest quarter whose end date plus `delayDays` has passed. */
    period: z.string(),
    periodEnd: z.string(),
    delayDays: z.number(),
    /** Counts below this are published suppressed. */
    minCount: z.number(),
  }),
  area: z.object({
    code: z.string().nullable(),
    name: z.string(),
    level: z.enum(['country', 'province']),
    /** [west, south, east, north] of the province, to frame its map; null for the country. */
    bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  }),
  /** Communes by recognised status at the end of the closed period, on the units in force then. */
  status: z.object({ counts: StatusCounts, communes: z.number(), withStatus: z.number() }),
  drugFree: z.object({ current: DrugFreePoint, trend: z.array(DrugFreePoint) }),
  indicators: z.array(PublicIndicatorTrend),
  targets: z.array(PublicTargetProgress),
  /** "Số liệu đã nhận x/y xã" of the closed period: counts only, never which units (null: no report form). */
  reports: z
    .object({
      form: z.string(),
      formName: z.string(),
      period: z.string(),
      received: z.number(),
      expected: z.number(),
    })
    .nullable(),
});
export type PublicSummaryResponse = z.infer<typeof PublicSummaryResponse>;

export const PublicPreviewQuery = PublicSummaryQuery;
