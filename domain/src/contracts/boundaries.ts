import { z } from 'zod';
import { IsoDate, UnitCode, UnitLevel } from './common';

export const BoundaryDetail = z.enum(['low', 'mid', 'full']);

export const BoundariesQuery = z.object({
  level: UnitLevel.default('province'),
  parent: UnitCode.optional(),
  at: IsoDate.optional().describe('default today'),
  detail: BoundaryDetail.optional().describe(
    'low ≈ 600 m simplification (national views), mid ≈ 75 m (a province), full = as stored; default mid with parent, low without',
  ),
});

export const BoundariesResponse = z.object({
  type: z.literal('FeatureCollection'),
  meta: z.object({
    synthetic: z.boolean(),
    at: z.string(),
    level: UnitLevel,
    detail: BoundaryDetail,
    count: z.number(),
  }),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({
        type: z.literal('MultiPolygon'),
        coordinates: z.array(z.array(z.array(z.array(z.number())))),
      }),
      properties: z.object({
        code: z.string(),
        name: z.string(),
        level: UnitLevel,
        parentCode: z.string().nullable(),
      }),
    }),
  ),
});
