import { z } from 'zod';

/**
 * Request/response contracts shared by the server (validation, OpenAPI) and the web app (URL state).
 * Messages name the problem; the error handler adds which parameter it was.
 */

/** Period ids: `2024` (year), `2024-H1` (6 months), `2024-Q3` (quarter), `2024-07` (month). */
export const PERIOD_ID_PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

export const PeriodId = z
  .string()
  .regex(PERIOD_ID_PATTERN, 'must be a period id such as 2024, 2024-H1, 2024-Q3 or 2024-07');

/** A calendar date YYYY-MM-DD that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');

export const UnitLevel = z.enum(['province', 'district', 'commune']);
export type UnitLevel = z.infer<typeof UnitLevel>;

/** Official unit codes: 2 digits (province), 3 (district), 5 (commune). */
export const UnitCode = z.string().regex(/^\d{2,5}$/, 'must be a unit code of 2 to 5 digits');

export const IndicatorCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, 'must be an indicator code such as managed_addicts');

export const CommuneStatus = z.enum([
  'khong_ma_tuy',
  'co_ma_tuy',
  'trong_diem_III',
  'trong_diem_II',
  'trong_diem_I',
]);
export type CommuneStatus = z.infer<typeof CommuneStatus>;

export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().nullable() }),
});

/** Facts every data response carries about where its numbers come from. */
export const DataMeta = z.object({
  synthetic: z
    .boolean()
    .describe('true when boundaries and figures are generated demo data, not official data'),
  source: z.string(),
});
