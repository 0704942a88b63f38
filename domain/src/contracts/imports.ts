import { z } from 'zod';
import { IdParam, IsoDate, PeriodId, UnitCode } from './common';

/**
 * Contracts of the import routes: reports (indicator values), boundaries and the crosswalk.
 * Files are sent as multipart/form-data field `file`; limits are in the server's imports feature.
 */

/** An uploaded file (multipart part). */
export const UploadedFile = z
  .instanceof(File, { message: 'phải là một tệp (trường "file" của multipart/form-data)' })
  .describe('the file, as a multipart/form-data part')
  // The OpenAPI document cannot describe an instanceof check by itself: say it is a binary part.
  .meta({ type: 'string', format: 'binary' });

/** A problem found in a file, named by sheet, row and column (or feature and property). */
export const ImportProblem = z.object({
  sheet: z.string().nullable(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  header: z.string().nullable(),
  message: z.string(),
});

/** A unit name that fits several communes of the scope. */
export const AmbiguousName = z.object({
  key: z.string().describe('the name without diacritics and prefix: the key to give a choice for'),
  name: z.string(),
  rows: z.array(z.object({ sheet: z.string().nullable(), row: z.number() })),
  candidates: z.array(z.object({ code: z.string(), fullName: z.string(), provinceName: z.string() })),
});

/** 422: the file cannot be imported as it is; nothing was written. */
export const ImportRejectedResponse = z.object({
  error: z.object({ code: z.literal('invalid_file'), message: z.string(), field: z.string().nullable() }),
  problems: z.array(ImportProblem),
  ambiguous: z.array(AmbiguousName),
});

export const ValuesImportForm = z.object({
  file: UploadedFile,
  period: PeriodId.describe('the quarter the report is for, e.g. 2026-Q3'),
  scope: UnitCode.optional().describe('province code the report covers; unit names are matched within it'),
  choices: z
    .string()
    .optional()
    .describe('JSON object: ambiguous name key → unit code, to resolve names that fit several communes'),
  approve: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: the province office’s data, approved at once (province data officers and admins only)'),
  decimalMark: z
    .enum(['comma', 'dot'])
    .optional()
    .describe(
      'how to read a file whose cells do not tell: comma = 1.234,5 (Vietnamese, the default), dot = 1,234.5',
    ),
});

export const ValuesPreview = z.object({
  fileName: z.string(),
  fileSha256: z.string(),
  period: z.string(),
  scope: z.string().nullable(),
  values: z.number().describe('values read from the file'),
  added: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  sample: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      indicatorCode: z.string(),
      oldValue: z.number().nullable(),
      newValue: z.number(),
    }),
  ),
  numbers: z
    .object({
      convention: z.enum(['comma', 'dot']).describe('comma = 1.234,5; dot = 1,234.5; one for the whole file'),
      decidedBy: z.enum(['cells', 'choice', 'default']),
      ambiguous: z
        .array(
          z.object({
            sheet: z.string().nullable(),
            row: z.number(),
            column: z.string(),
            text: z.string(),
            value: z.number(),
          }),
        )
        .describe('cells that read either way (96.163), as read'),
      ambiguousCount: z.number(),
    })
    .describe('how the file’s numbers were read'),
});

export const ValuesCommitResponse = ValuesPreview.extend({
  importId: z.number().nullable().describe('null when nothing changed (the values were already stored)'),
  /** The imported communes' reports of the period: approved at once, or submitted to the province. */
  reports: z
    .object({
      state: z.enum(['submitted', 'approved']),
      forms: z.array(z.string()),
      submissions: z.number(),
    })
    .nullable()
    .optional(),
});

export const TemplateQuery = z.object({
  period: PeriodId,
  scope: UnitCode.optional().describe('province code; absent = every commune of the country'),
  layout: z.enum(['long', 'wide']).default('wide'),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});

export const ImportSummary = z.object({
  id: z.number(),
  kind: z.enum(['values', 'boundaries', 'crosswalk']),
  fileName: z.string(),
  fileSha256: z.string(),
  target: z.string(),
  actor: z.string(),
  status: z.enum(['committed', 'rolled_back']),
  summary: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  rolledBackAt: z.string().nullable(),
});

export const ImportsListResponse = z.object({ rows: z.array(ImportSummary) });

export const ImportIdParam = IdParam;

export const RollbackResponse = z.object({
  id: z.number(),
  status: z.literal('rolled_back'),
  detail: z.record(z.string(), z.unknown()),
});

/** Coordinate systems a boundary file may be in: WGS 84, or VN-2000 geographic, UTM 48N/49N or a TM-3 zone. */
export const CrsChoice = z
  .string()
  .regex(
    /^(EPSG:(4326|4756|3405|3406)|VN2000-TM3:\d{2,3}(\.\d+)?)$/,
    'phải là EPSG:4326, EPSG:4756, EPSG:3405, EPSG:3406 hoặc VN2000-TM3:<kinh tuyến trục theo độ, ví dụ 105.5>',
  )
  .describe("the file's coordinate system when its .prj is missing or generic");

export const BoundariesImportForm = z.object({
  file: UploadedFile,
  validFrom: IsoDate.describe('first day the new unit version is valid'),
  level: z.enum(['commune', 'province']).default('commune'),
  crs: CrsChoice.optional(),
  crosswalk: z
    .enum(['area', 'none'])
    .default('area')
    .describe(
      'area: map the replaced units onto the new ones by area overlap; none: a crosswalk file follows',
    ),
  scope: z
    .enum(['update', 'replace'])
    .default('update')
    .describe(
      'update: the file holds the units that changed (a merger, a split); units it does not cover carry over. ' +
        'replace: the file is the whole set; units missing from it end',
    ),
  decree: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .optional()
    .describe('the decision that makes the change, e.g. 1656/NQ-UBTVQH15'),
  decreeDate: IsoDate.optional().describe('date of that decision'),
});

const UnitDiff = z.object({ code: z.string(), name: z.string(), provinceCode: z.string() });

export const BoundariesPreview = z.object({
  fileName: z.string(),
  fileSha256: z.string(),
  level: z.enum(['commune', 'province']),
  validFrom: z.string(),
  previousVersion: z.string().nullable().describe('date the units being replaced were valid on'),
  crs: z.object({
    id: z.string(),
    source: z.enum(['prj', 'file', 'choice', 'default']),
    description: z.string(),
  }),
  units: z.number(),
  repaired: z.array(z.string()).describe('codes of units whose geometry was invalid and was repaired'),
  overlaps: z.array(z.object({ a: z.string(), b: z.string(), areaKm2: z.number() })),
  gaps: z.array(
    z.object({ provinceCode: z.string(), areaKm2: z.number(), point: z.tuple([z.number(), z.number()]) }),
  ),
  added: z.array(UnitDiff),
  removed: z.array(UnitDiff),
  changed: z.array(
    UnitDiff.extend({ what: z.array(z.enum(['name', 'province', 'geometry'])), areaChangeKm2: z.number() }),
  ),
  unchanged: z.number(),
  carriedOver: z
    .number()
    .describe('units of the current version the file does not touch, kept (scope update)'),
  scope: z.enum(['update', 'replace']),
  decree: z.string().nullable(),
  decreeDate: z.string().nullable(),
  unmapped: z.array(z.string()).describe('units of the previous version with no crosswalk to the new one'),
});

export const BoundariesCommitResponse = BoundariesPreview.extend({ importId: z.number() });

export const CrosswalkImportForm = z.object({
  file: UploadedFile.optional().describe('CSV old code → new code with weights; absent with method=area'),
  at: IsoDate.describe('the date the new units became valid (the change the crosswalk describes)'),
  level: z.enum(['commune', 'province']).default('commune'),
  method: z.enum(['file', 'area']).default('file'),
});

export const CrosswalkResult = z.object({
  importId: z.number().nullable(),
  at: z.string(),
  level: z.string(),
  method: z.enum(['file', 'area']),
  rows: z.number(),
  oldUnits: z.number(),
  unmappedOld: z
    .array(z.string())
    .describe('old units (ending on `at`) with no new unit to carry their values'),
  unreachedNew: z.array(z.string()).describe('new units (starting on `at`) that no old unit maps to'),
});
