import type { Queryable } from '../../db/engine';
import { badRequest } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { listIndicators } from '../indicators/indicators.repo';
import { listPeriods } from '../periods/periods.repo';
import { communesOn } from './values-import.repo';
import { type TemplateLayout, templateCsv, templateRows, templateXlsx } from './values-template';

/** A report template for a quarter and a scope (a province, or the nation), ready to download. */
export async function valuesTemplate(
  db: Queryable,
  q: { period: string; scope?: string | undefined; layout: TemplateLayout; format: 'xlsx' | 'csv' },
): Promise<{ bytes: Uint8Array; fileName: string; contentType: string }> {
  const period = (await listPeriods(db)).find((p) => p.id === q.period);
  if (!period) throw badRequest('period', msg('period.unknown', { field: 'period', period: q.period }));
  if (period.kind !== 'quarter') {
    throw badRequest('period', msg('period.values_per_quarter', { field: 'period', period: q.period }));
  }
  const units = (await communesOn(db, period.endDate)).filter((u) => !q.scope || u.provinceCode === q.scope);
  if (units.length === 0)
    throw badRequest(
      'scope',
      msg('import.no_communes_in_scope', { field: 'scope', code: q.scope ?? '', date: period.endDate }),
    );
  const rows = templateRows(q.layout, units, await listIndicators(db), q.period, q.scope);
  const base = `bao-cao-${q.period}-${q.scope ?? 'toan-quoc'}-${q.layout === 'wide' ? 'ngang' : 'doc'}`;
  if (q.format === 'csv') {
    return {
      bytes: new TextEncoder().encode(templateCsv(rows)),
      fileName: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
    };
  }
  return {
    bytes: await templateXlsx(rows, `Báo cáo ${q.period}`),
    fileName: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
