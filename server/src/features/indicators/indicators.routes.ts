import { createRoute, type z } from '@hono/zod-openapi';
import {
  Indicator,
  IndicatorCodeParam,
  IndicatorInput,
  IndicatorPatch,
  IndicatorsQuery,
  IndicatorsResponse,
} from '@pcmt/domain/contracts/indicators';
import type { Queryable } from '../../db/engine';
import { actorOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { bodyHook } from '../../lib/body-hook';
import type { RouteDeps } from '../../lib/context';
import { bump } from '../../lib/data-generations';
import { ApiError, notFound } from '../../lib/errors';
import { createRouter, errorResponse } from '../../lib/openapi';
import { formulasUsing, inUse, parentOf, partsOf, recordForChange, recordForNew } from './catalogue';
import {
  findIndicator,
  hasValues,
  type IndicatorRecord,
  type IndicatorRow,
  insertIndicator,
  listIndicators,
  lockCatalogueTable,
  lockIndicator,
  retireIndicator,
  ruleSetsUsing,
  targetsUsing,
  unretireIndicator,
  updateIndicator,
} from './indicators.repo';

/**
 * The indicator catalogue: read by anyone; created, changed and retired by administrators (national ones for
 * the national catalogue, a province's for its own additions: the data guard checks `province` and `code`).
 * Every write is audited and bumps the `catalogue` generation in its transaction, so reference caches of
 * every process (values, series, templates, imports) read the new catalogue.
 */

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const list = createRoute({
  method: 'get',
  path: '/api/indicators',
  summary: 'The indicator catalogue: names, units, kind, formulas, aggregation rules and sensitivity',
  request: { query: IndicatorsQuery },
  responses: { 200: { description: 'Catalogue', ...json(IndicatorsResponse) } },
});

const create = createRoute({
  method: 'post',
  path: '/api/indicators',
  summary: 'Add an indicator (stored, or computed by a formula) to the catalogue (administrators)',
  request: { body: { ...json(IndicatorInput), required: true } },
  responses: {
    201: { description: 'Added', ...json(Indicator) },
    400: errorResponse('Bad field (the formula, its units or sensitivity among them)'),
    403: errorResponse('Not an administrator of the province, or a national entry by a province'),
    409: errorResponse('The code is taken'),
  },
});

const change = createRoute({
  method: 'patch',
  path: '/api/indicators/{code}',
  summary: 'Change an indicator; computed indicators reading it are checked again (administrators)',
  request: { params: IndicatorCodeParam, body: { ...json(IndicatorPatch), required: true } },
  responses: {
    200: { description: 'Changed', ...json(Indicator) },
    400: errorResponse('Bad field'),
    403: errorResponse('Not yours to change'),
    404: errorResponse('No such indicator'),
  },
});

const retire = createRoute({
  method: 'post',
  path: '/api/indicators/{code}/retire',
  summary:
    'Retire an indicator: its values stay, it is no longer reported; refused while a target, a rule set or a formula uses it',
  request: { params: IndicatorCodeParam },
  responses: {
    200: { description: 'Retired', ...json(Indicator) },
    403: errorResponse('Not yours to change'),
    404: errorResponse('No such indicator'),
    409: errorResponse('In use: the message names what uses it'),
  },
});

const toContract = (r: IndicatorRow): z.infer<typeof Indicator> => ({
  code: r.code,
  nameVi: r.nameVi,
  nameEn: r.nameEn,
  unitVi: r.unitVi,
  unitEn: r.unitEn,
  kind: r.kind,
  areaAggregation: r.areaAggregation,
  timeAggregation: r.timeAggregation,
  formula: r.formula,
  sensitivity: r.sensitivity,
  descriptionVi: r.descriptionVi,
  reportingLevel: r.reportingLevel,
  disaggregations: r.disaggregations,
  provinceCode: r.provinceCode,
  retiredAt: r.retiredAt,
  sortOrder: r.sortOrder,
});

/** Catalogue writes queue behind each other (a formula is checked against the catalogue it is written to). */
async function lockedCatalogue(tx: Queryable): Promise<Map<string, IndicatorRow>> {
  await lockCatalogueTable(tx);
  return new Map((await listIndicators(tx)).map((i) => [i.code, i]));
}

/**
 * The parts of an entry's breakdowns are stored indicators of their own (reported in the template beside the
 * total, which they must sum to): created or updated with the entry (same unit, kind, sensitivity, province),
 * and retired when their part leaves the breakdown (refused while something uses them).
 */
async function syncParts(
  tx: Queryable,
  record: IndicatorRecord,
  before: IndicatorRow | undefined,
  catalogue: ReadonlyMap<string, IndicatorRow>,
): Promise<void> {
  const parts = partsOf(record);
  for (const [k, part] of parts.entries()) {
    const child: IndicatorRecord = {
      ...record,
      code: part.code,
      nameVi: `${record.nameVi}: ${part.part.nameVi}`,
      nameEn: record.nameEn ? `${record.nameEn}: ${part.part.code}` : '',
      descriptionVi: `Thành phần "${part.part.nameVi}" của ${record.code} (${part.dimension.nameVi}).`,
      disaggregations: [],
      formula: null,
      sortOrder: record.sortOrder + k + 1,
    };
    if (catalogue.has(part.code)) {
      await updateIndicator(tx, child);
      await unretireIndicator(tx, part.code);
    } else await insertIndicator(tx, child);
  }
  const kept = new Set(parts.map((p) => p.code));
  for (const gone of before ? partsOf(before) : []) {
    if (kept.has(gone.code) || catalogue.get(gone.code)?.retiredAt) continue;
    const users = [
      ...(await targetsUsing(tx, gone.code)).map((t) => `mục tiêu ${t}`),
      ...formulasUsing(gone.code, catalogue).map((f) => `công thức của ${f}`),
    ];
    if (users.length > 0) throw inUse(gone.code, users);
    await retireIndicator(tx, gone.code);
  }
}

/** A part of another entry's breakdown changes with that entry only. */
function refuseParts(code: string, catalogue: ReadonlyMap<string, IndicatorRow>) {
  const parent = parentOf(code, catalogue);
  if (parent)
    throw new ApiError(
      409,
      'part_of_breakdown',
      `code: ${code} là một thành phần phân tổ của ${parent.code}; hãy sửa phân tổ của ${parent.code}`,
      'code',
    );
}

async function found(tx: Queryable, code: string): Promise<IndicatorRow> {
  const row = await findIndicator(tx, code);
  if (!row) throw notFound('code', `code: không có chỉ số ${code}`);
  return row;
}

/** Every catalogue write ends the same way: audited, and its generation bumped so other processes follow. */
async function catalogueChanged(
  tx: Queryable,
  actor: string,
  action: 'create' | 'update' | 'retire',
  code: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await recordAudit(tx, {
    actor,
    action,
    entity: 'indicator',
    entityId: code,
    ...(before === null ? {} : { before }),
    after,
  });
  await bump(tx, 'catalogue');
}

export const indicatorsRoutes = ({ db }: RouteDeps) =>
  createRouter()
    .openapi(list, async (c) => {
      const { retired } = c.req.valid('query');
      const rows = await listIndicators(db);
      return c.json(
        { rows: rows.filter((r) => retired === '1' || r.retiredAt === null).map(toContract) },
        200,
      );
    })
    .openapi(
      create,
      async (c) => {
        const input = c.req.valid('json');
        // The guard checked `province` against the jurisdiction; a national entry needs a national grant.
        if (input.province === null && !c.get('identity').jurisdiction.national)
          throw new ApiError(
            403,
            'forbidden',
            'province: chỉ quản trị viên cấp quốc gia thêm chỉ số vào danh mục quốc gia; hãy chọn tỉnh của bạn',
            'province',
          );
        const created = await db.transaction(async (tx) => {
          const catalogue = await lockedCatalogue(tx);
          const next = Math.max(0, ...[...catalogue.values()].map((i) => i.sortOrder)) + 10;
          const record = recordForNew(input, catalogue, next);
          if (!(await insertIndicator(tx, record)))
            throw new ApiError(409, 'conflict', `code: mã ${input.code} đã có trong danh mục`, 'code');
          await syncParts(tx, record, undefined, catalogue);
          const row = await found(tx, record.code);
          await catalogueChanged(tx, actorOf(c), 'create', row.code, null, row);
          return row;
        });
        return c.json(toContract(created), 201);
      },
      bodyHook,
    )
    .openapi(
      change,
      async (c) => {
        const { code } = c.req.valid('param');
        const patch = c.req.valid('json');
        const changed = await db.transaction(async (tx) => {
          const catalogue = await lockedCatalogue(tx);
          const before = await lockIndicator(tx, code);
          if (!before) throw notFound('code', `code: không có chỉ số ${code}`);
          refuseParts(code, catalogue);
          const record = recordForChange(before, patch, catalogue, await hasValues(tx, code));
          await updateIndicator(tx, record);
          await syncParts(tx, record, before, catalogue);
          const after = await found(tx, code);
          await catalogueChanged(tx, actorOf(c), 'update', code, before, after);
          return after;
        });
        return c.json(toContract(changed), 200);
      },
      bodyHook,
    )
    .openapi(retire, async (c) => {
      const { code } = c.req.valid('param');
      const retired = await db.transaction(async (tx) => {
        const catalogue = await lockedCatalogue(tx);
        const before = await lockIndicator(tx, code);
        if (!before) throw notFound('code', `code: không có chỉ số ${code}`);
        if (before.retiredAt) return before;
        refuseParts(code, catalogue);
        // The entry and the parts of its breakdowns go together.
        const codes = [code, ...partsOf(before).map((p) => p.code)];
        const users: string[] = [];
        for (const c of codes) {
          users.push(
            ...(await targetsUsing(tx, c)).map((t) => `mục tiêu ${t}`),
            ...formulasUsing(c, catalogue).map((f) => `công thức của ${f}`),
            ...(await ruleSetsUsing(tx, c)).map((r) => `bộ tiêu chí ${r}`),
          );
        }
        if (users.length > 0) throw inUse(code, users);
        for (const c of codes) await retireIndicator(tx, c);
        const after = await found(tx, code);
        await catalogueChanged(tx, actorOf(c), 'retire', code, before, after);
        return after;
      });
      return c.json(toContract(retired), 200);
    });
