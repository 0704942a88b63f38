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
  labelPoint: z
    .tuple([z.number(), z.number()])
    .describe("where the unit's name is drawn: its pole of inaccessibility (label_anchor), inside the unit"),
  labelRoom: z
    .array(z.number())
    .nullable()
    .optional()
    .describe(
      'room for a name around labelPoint: per box aspect 1, 2, 3, 4, 6, 8, 12, 16 (width ÷ height), the largest half-height inside the unit, degrees of longitude (@pcmt/domain/map-labels)',
    ),
});

export const UnitsResponse = z.object({
  meta: z.object({ at: z.string(), level: UnitLevel, parent: z.string().nullable(), count: z.number() }),
  rows: z.array(Unit),
});

export const UnitVersion = z.object({
  level: UnitLevel,
  validFrom: z.string().describe('first day this set of units is in force'),
  validTo: z.string().nullable().describe('first day of the next version; null: still in force'),
  units: z.number().describe('units of the level valid on validFrom'),
  decree: z.string().nullable().describe('the decision that made this version (e.g. 1656/NQ-UBTVQH15)'),
  decreeDate: z.string().nullable(),
  title: z.string().nullable().describe('what changed, in Vietnamese'),
  importId: z.number().nullable().describe('the boundary import that made it; null: the loaded dataset'),
  changes: z
    .object({ added: z.number(), removed: z.number(), changed: z.number() })
    .nullable()
    .describe('units added, ended and redrawn against the version before; null when not recorded'),
});

export const UnitVersionsResponse = z.object({ rows: z.array(UnitVersion) });
