import { z } from 'zod';
import { CommuneStatus, IndicatorCode, IsoDate, PeriodId } from './common';

/**
 * Briefings (issue 8): an ordered list of saved map views that a steering committee steps through in a
 * meeting. Each view is stored with a snapshot of its figures taken when the briefing was made, so the
 * briefing shows the same data "as of" that day even after new reports or corrections arrive.
 */

const ProvinceCode = z.string().regex(/^\d{2}$/, 'phải là mã tỉnh 2 chữ số');

/** What a view shows: the dashboard's choices (web/src/lib/url-state.ts), without hotspot positions. */
export const BriefingViewSpec = z.object({
  title: z.string().trim().min(1, 'không được để trống').max(200, 'tối đa 200 ký tự'),
  note: z.string().trim().max(2000, 'tối đa 2000 ký tự').default(''),
  /** Province drilled into; null = the whole country. */
  province: ProvinceCode.nullable().default(null),
  period: PeriodId,
  /** `status` (commune classification) or an indicator code. */
  indicator: z.union([z.literal('status'), IndicatorCode]).default('status'),
  method: z.enum(['quantile', 'equal', 'jenks']).default('quantile'),
  classes: z.number().int().min(3).max(7).default(5),
  /** A period before 1/7/2025 shown on today's units through the crosswalk. */
  todayUnits: z.boolean().default(false),
  /** Camera; null frames the country or the province. */
  map: z
    .object({
      lng: z.number().min(-180).max(180),
      lat: z.number().min(-85).max(85),
      zoom: z.number().min(0).max(22),
    })
    .nullable()
    .default(null),
  /**
   * The area that was on screen [west, south, east, north]: the presentation frames it on any screen size
   * (a camera alone would show a 1366-px laptop's view as a small island on a 4K wall).
   */
  bounds: z
    .tuple([
      z.number().min(-180).max(180),
      z.number().min(-85).max(85),
      z.number().min(-180).max(180),
      z.number().min(-85).max(85),
    ])
    .nullable()
    .default(null),
});
export type BriefingViewSpec = z.infer<typeof BriefingViewSpec>;

export const BriefingCreate = z.object({
  title: z.string().trim().min(1, 'không được để trống').max(200, 'tối đa 200 ký tự'),
  /** Prints "MẬT" on every page of the PDF pack and on the presentation. */
  confidential: z.boolean().default(false),
  views: z
    .array(BriefingViewSpec)
    .min(1, 'bản trình chiếu cần ít nhất một trang')
    .max(30, 'bản trình chiếu có tối đa 30 trang'),
});
export type BriefingCreate = z.infer<typeof BriefingCreate>;

/** One legend entry: a status, or a value range of an indicator class. Colours are the map's. */
export const LegendEntry = z.object({
  /** Class index as used in `rows[].class`. */
  class: z.number().int(),
  color: z.string(),
  status: CommuneStatus.nullable(),
  /** Indicator classes: [from, to]. */
  range: z.tuple([z.number(), z.number()]).nullable(),
  count: z.number().int(),
});

/** The figures of one view, frozen when the briefing was made. */
export const ViewSnapshot = z.object({
  kind: z.enum(['status', 'indicator']),
  period: z.string(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  /** Units shown are those valid on this date (the period's end, or today with `todayUnits`). */
  at: IsoDate,
  parent: z.string().nullable(),
  parentName: z.string().nullable(),
  indicator: z
    .object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      unitVi: z.string(),
      unitEn: z.string(),
    })
    .nullable(),
  /** Every commune in view, with its class (-1 = no data). `value` for indicators, `status` for statuses. */
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      provinceCode: z.string(),
      class: z.number().int(),
      status: CommuneStatus.nullable(),
      value: z.number().nullable(),
      /** True when a partial crosswalk row carried the value (an estimate, shown "ước tính"); else absent. */
      estimated: z.boolean().optional(),
    }),
  ),
  legend: z.array(LegendEntry),
  noData: z.number().int(),
  /**
   * The area's figure over the periods up to this one (same kind, at most 8): per status counts for the
   * status map, the area's aggregate value for an indicator (empty when the area has no series).
   */
  trend: z.array(
    z.object({
      period: z.string(),
      counts: z.record(CommuneStatus, z.number().int()).nullable(),
      value: z.number().nullable(),
    }),
  ),
  synthetic: z.boolean(),
  source: z.string(),
  /** "Số liệu đã nhận x/y xã" when the briefing was made (absent in briefings made before it was kept). */
  reports: z
    .object({ form: z.string(), formName: z.string(), received: z.number(), expected: z.number() })
    .nullable()
    .optional(),
});
export type ViewSnapshot = z.infer<typeof ViewSnapshot>;

export const BriefingSummary = z.object({
  id: z.string(),
  title: z.string(),
  confidential: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  viewCount: z.number().int(),
  /** Provinces the briefing's views cover; empty = national. */
  provinces: z.array(z.string()),
});

export const Briefing = BriefingSummary.extend({
  views: z.array(z.object({ spec: BriefingViewSpec, snapshot: ViewSnapshot })),
});
export type Briefing = z.infer<typeof Briefing>;

export const BriefingListResponse = z.object({ rows: z.array(BriefingSummary) });

export const BriefingPdfQuery = z.object({
  /** "1" marks every page of this copy MẬT; a briefing saved as MẬT is marked whatever this says. */
  mat: z.enum(['0', '1']).optional(),
});

/** A table as shown on a page, for the XLSX/CSV export of any table. */
export const TableExportRequest = z.object({
  fileName: z
    .string()
    .regex(
      /^[\w.-]{1,100}$/,
      'phải gồm 1–100 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới',
    ),
  sheets: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(31, 'tối đa 31 ký tự (giới hạn của Excel)'),
        /** A line above the header: what, where, when, source, "synthetic data" where it applies. */
        caption: z.string().max(500).default(''),
        columns: z.array(z.string().max(200)).min(1).max(50),
        rows: z.array(z.array(z.union([z.string().max(2000), z.number(), z.null()]))).max(50000),
      }),
    )
    .min(1)
    .max(40),
});
export type TableExportRequest = z.infer<typeof TableExportRequest>;
