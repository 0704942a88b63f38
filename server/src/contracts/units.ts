import { z } from 'zod';
import { IsoDate, UnitCode, UnitLevel } from './common';

export const UnitsQuery = z.object({
  level: UnitLevel.default('province').describe('province, district (before 1/7/2025 only) or commune'),
  parent: UnitCode.optional().describe('only children of this unit (or all units of this province)'),
  at: IsoDate.optional().describe('units valid on this date; default today'),
});

export const Unit = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  kind: z.string(),
  level: UnitLevel,
  parentCode: z.string().nullable(),
  provinceCode: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  population: z.number().nullable(),
  areaKm2: z.number().nullable(),
  labelPoint: z.tuple([z.number(), z.number()]),
});

export const UnitsResponse = z.object({
  meta: z.object({ at: z.string(), level: UnitLevel, parent: z.string().nullable(), count: z.number() }),
  rows: z.array(Unit),
});
