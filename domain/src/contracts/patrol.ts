import { z } from 'zod';
import { IdParam, IsoDate } from './common';
import { HotspotCode } from './hotspot-register';

/** Patrol plans: chosen hotspots → zones, route and dosage; saved plans export to GPX, KML, GeoJSON, A4. */

const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'phải là giờ dạng HH:mm (24 giờ)');

export const PatrolPlanRequest = z.object({
  name: z.string().trim().min(1).max(200),
  date: IsoDate.describe('day the shift starts'),
  shiftStart: HhMm,
  shiftEnd: HhMm.describe('an end not after the start runs past midnight'),
  radiusM: z.number().min(50).max(5000).default(300),
  topCount: z.number().int().min(0).max(20).default(3).describe('places revisited at least every 2 hours'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  hotspotCodes: z
    .array(HotspotCode)
    .min(1, 'hãy chọn ít nhất một tụ điểm, điểm')
    .max(60, 'một kế hoạch có tối đa 60 địa điểm')
    .refine((codes) => new Set(codes).size === codes.length, 'một tụ điểm, điểm bị chọn hai lần'),
});

const LonLat = z.tuple([z.number(), z.number()]);

export const PatrolPlanJson = z.object({
  name: z.string(),
  date: z.string(),
  shiftStart: z.string(),
  shiftEnd: z.string(),
  radiusM: z.number(),
  topCount: z.number(),
  seed: z.number(),
  stops: z.array(
    z.object({
      code: z.string(),
      kind: z.enum(['diem', 'tu_diem']),
      communeCode: z.string(),
      communeName: z.string(),
      /** Plans saved before places were described have none. */
      description: z.string().default(''),
      position: LonLat,
      activity: z.number(),
      order: z.number(),
      top: z.boolean(),
    }),
  ),
  routeLengthM: z.number(),
  inputLengthM: z.number(),
  zones: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(LonLat))) }),
  visits: z.array(
    z.object({
      code: z.string(),
      order: z.number(),
      start: z.string(),
      minutes: z.number(),
      /** 1 = first visit (these follow the route order), 2 = the next one, …; absent on older saved plans. */
      nth: z.number().int().min(1).default(1),
    }),
  ),
  warnings: z.array(z.string()),
});

export const SavedPatrolPlan = z.object({
  id: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  plan: PatrolPlanJson,
});

export const PatrolPlanId = IdParam;

export const ExportFormat = z.object({ format: z.enum(['gpx', 'kml', 'geojson']) });
