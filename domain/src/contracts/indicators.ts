import { z } from 'zod';
import {
  AREA_AGGREGATIONS,
  INDICATOR_KINDS,
  REPORTING_LEVELS,
  STORED_AREA_AGGREGATIONS,
  TIME_AGGREGATIONS,
} from '../indicator-semantics';
import { IndicatorCode } from './common';

const Sensitivity = z.enum(['public', 'internal', 'police']);
const Kind = z.enum(INDICATOR_KINDS);
const ReportingLevel = z.enum(REPORTING_LEVELS);
const PartCode = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'phải là mã viết thường, ví dụ heroin');

export const Disaggregation = z.object({
  code: PartCode,
  nameVi: z.string().trim().min(1).max(200),
  parts: z
    .array(z.object({ code: PartCode, nameVi: z.string().trim().min(1).max(200) }))
    .min(2, 'cần ít nhất 2 thành phần')
    .max(30),
});

export const Indicator = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unitVi: z.string(),
  unitEn: z.string(),
  /** stock: a level at a date (a year is its last quarter); flow: over a period (quarters add up); computed. */
  kind: Kind,
  areaAggregation: z.enum(AREA_AGGREGATIONS),
  timeAggregation: z.enum(TIME_AGGREGATIONS),
  /** Computed indicators: e.g. `addicts_reached / (managed_addicts + illegal_users) * 100`. */
  formula: z.string().nullable(),
  sensitivity: Sensitivity,
  descriptionVi: z.string(),
  reportingLevel: ReportingLevel,
  disaggregations: z.array(Disaggregation),
  /** The province that added it; null = national catalogue. */
  provinceCode: z.string().nullable(),
  retiredAt: z.string().nullable(),
  sortOrder: z.number().int(),
});

export const IndicatorsResponse = z.object({ rows: z.array(Indicator) });

export const IndicatorsQuery = z.object({
  retired: z.enum(['0', '1']).optional().describe('1: retired indicators too'),
});

const fields = {
  nameVi: z.string().trim().min(1, 'cần tên tiếng Việt').max(200),
  nameEn: z.string().trim().max(200).default(''),
  unitVi: z.string().trim().min(1, 'cần đơn vị tính, ví dụ người, lượt, xã, %').max(40),
  unitEn: z.string().trim().max(40).default(''),
  kind: Kind,
  areaAggregation: z.enum(STORED_AREA_AGGREGATIONS).default('sum'),
  formula: z.string().max(500).nullable().default(null),
  sensitivity: Sensitivity,
  descriptionVi: z.string().max(2000).default(''),
  reportingLevel: ReportingLevel.default('commune'),
  disaggregations: z.array(Disaggregation).max(10).default([]),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
};

/** A new catalogue entry; `province` null = national (national administrators only). */
export const IndicatorInput = z.object({
  code: IndicatorCode,
  province: z
    .string()
    .regex(/^\d{2}$/, 'phải là mã tỉnh 2 chữ số')
    .nullable()
    .default(null),
  ...fields,
});
export type IndicatorInput = z.infer<typeof IndicatorInput>;

/** A change of an entry: the fields given replace the stored ones (code and province stay). */
export const IndicatorPatch = z
  .object({
    nameVi: fields.nameVi.optional(),
    nameEn: z.string().trim().max(200).optional(),
    unitVi: fields.unitVi.optional(),
    unitEn: z.string().trim().max(40).optional(),
    kind: Kind.optional(),
    areaAggregation: z.enum(STORED_AREA_AGGREGATIONS).optional(),
    formula: z.string().max(500).nullable().optional(),
    sensitivity: Sensitivity.optional(),
    descriptionVi: z.string().max(2000).optional(),
    reportingLevel: ReportingLevel.optional(),
    disaggregations: z.array(Disaggregation).max(10).optional(),
    sortOrder: fields.sortOrder,
  })
  .strict();
export type IndicatorPatch = z.infer<typeof IndicatorPatch>;

export const IndicatorCodeParam = z.object({ code: IndicatorCode });
