import { z } from 'zod';
import { COMMUNE_STATUSES } from '../status-classes';

/**
 * Request/response contracts shared by the server (validation, OpenAPI) and the web app (URL state).
 * Messages name the problem; the error handler adds which parameter it was.
 */

/**
 * Years a date or a period may name. The database and the calendar know no year 0 and the data starts long
 * after 1900: a date such as `0000-01-01` is a bad parameter (400), not a database error.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
const realYear = (s: string) => {
  const year = Number(s.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
const YEAR_MESSAGE = `must be in the years ${MIN_YEAR}–${MAX_YEAR}`;

/** Period ids: `2024` (year), `2024-H1` (6 months), `2024-Q3` (quarter), `2024-07` (month). */
export const PERIOD_ID_PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

export const PeriodId = z
  .string()
  .regex(PERIOD_ID_PATTERN, 'phải là mã kỳ như 2024, 2024-H1, 2024-Q3 hoặc 2024-07')
  .refine(realYear, YEAR_MESSAGE);

/** A calendar date YYYY-MM-DD that exists, in the years 1900–2100 (2025-02-30 and 0000-01-01 are refused). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'phải là ngày dạng YYYY-MM-DD')
  .refine(realYear, YEAR_MESSAGE)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'không phải ngày có thật');

/** Largest value of a PostgreSQL `integer` (int4, the `serial` ids). */
export const INT4_MAX = 2_147_483_647;

/** The id of a row with a `serial` key, from a path: 1 … 2147483647 (a larger one is a 400, not a database error). */
export const SerialId = z.coerce
  .number()
  .int('phải là số nguyên')
  .min(1, 'phải là số hiệu dương')
  .max(INT4_MAX, `tối đa ${INT4_MAX}`);

/** `/…/{id}` of a row with a `serial` key. */
export const IdParam = z.object({ id: SerialId });

export const UnitLevel = z.enum(['province', 'district', 'commune']);
export type UnitLevel = z.infer<typeof UnitLevel>;

/** Official unit codes: 2 digits (province), 3 (district), 5 (commune). */
export const UnitCode = z.string().regex(/^\d{2,5}$/, 'phải là mã đơn vị 2 đến 5 chữ số');

export const IndicatorCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, 'phải là mã chỉ số, ví dụ managed_addicts');

export const CommuneStatus = z.enum(COMMUNE_STATUSES);
export type CommuneStatus = z.infer<typeof CommuneStatus>;

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().nullable(),
    /** The message's code in the server's catalogue (lib/messages.ts), when it has one. */
    messageCode: z.string().optional(),
  }),
});

/** Facts every data response carries about where its numbers come from. */
export const DataMeta = z.object({
  synthetic: z
    .boolean()
    .describe('true when boundaries and figures are generated demo data, not official data'),
  source: z.string(),
});
