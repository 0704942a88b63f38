import { useMemo, useState } from 'react';
import { formatCoverage, formatNumber } from '../../../lib/format';
import { type Lang, periodLabel, translate } from '../../../lib/i18n';
import { CoverageNote } from '../../indicators/components/coverage-note';
import { ValueSources } from '../../indicators/components/value-sources';
import { estimateText, formatValue } from '../../indicators/estimates';
import { tableExportData } from '../lib/export-rows';
import { TableExport } from './table-export';

export interface TableRow {
  code: string;
  name: string;
  province: string;
  /** Number for an indicator, a label for a status; null when missing. */
  value: number | string | null;
  color: string | null;
  /** The value is an estimate (carried by a partial crosswalk row): marked "ước tính", a count shown whole. */
  estimated?: boolean;
  /**
   * A district's or province's total: communes that reported of those of the area. When some did not, the
   * cell says "Tổng của 12/15 xã đã báo cáo" (never a partial total passed as the whole area's).
   */
  coverage?: { reported: number; expected: number };
  /** The indicator counts things (not a share): an estimate of it is shown as a whole number. */
  count?: boolean;
  /** The indicator's unit of measure: a share in "%" is written "12,5%". */
  unit?: string;
}

export interface DataTableProps {
  rows: readonly TableRow[];
  valueHeader: string;
  fileName: string;
  /** What the exported table is (period, area, source, synthetic notice): the line above its header. */
  caption?: string;
  lang: Lang;
  onSelect: (code: string) => void;
  /**
   * The indicator, period and date of the values (absent for statuses): a value then opens its provenance in
   * place (import, file rows, who, when), and a partial area total's note opens into the communes that did not
   * report ("Chưa báo cáo: Xã A, …").
   */
  values?: { indicator: string; period: string; at: string } | null;
}

type SortKey = 'code' | 'name' | 'province' | 'value';
const PAGE = 100;

function compare(a: TableRow, b: TableRow, key: SortKey): number {
  const x = a[key];
  const y = b[key];
  if (x === null) return y === null ? 0 : 1;
  if (y === null) return -1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x).localeCompare(String(y), 'vi');
}

/**
 * The map's data as a table: an accessible alternative to the map, sortable by any column (buttons in the
 * headers, so keyboard users can sort), paged, and exportable as CSV or XLSX.
 */
export function DataTable({ rows, valueHeader, fileName, caption, lang, onSelect, values }: DataTableProps) {
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'code', dir: 1 });
  const [page, setPage] = useState(0);
  const sorted = useMemo(
    () => [...rows].sort((a, b) => compare(a, b, sort.key) * sort.dir),
    [rows, sort.key, sort.dir],
  );
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE));
  const current = Math.min(page, pages - 1);
  const visible = sorted.slice(current * PAGE, (current + 1) * PAGE);
  const headers: [SortKey, string][] = [
    ['code', t('code')],
    ['name', t('name')],
    ['province', t('province')],
    ['value', valueHeader],
  ];
  return (
    <section className="data-table" data-testid="data-table">
      <div className="row">
        <span>
          {formatNumber(rows.length, lang, 0)} {t('rows')}
        </span>
        <TableExport
          fileBase={fileName.replace(/\.csv$/, '')}
          sheet={valueHeader}
          caption={caption ?? ''}
          data={() =>
            tableExportData(
              sorted,
              headers.map(([, h]) => h),
              lang,
            )
          }
          lang={lang}
        />
        <span className="pager">
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)} aria-label="‹">
            ‹
          </button>
          {t('page')} {current + 1} {t('ofTotal')} {pages}
          <button
            type="button"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
            aria-label="›"
          >
            ›
          </button>
        </span>
      </div>
      <table>
        <thead>
          <tr>
            {headers.map(([key, label]) => (
              <th
                key={key}
                aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
                scope="col"
              >
                <button
                  type="button"
                  onClick={() => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 }))}
                >
                  {label} {sort.key === key ? (sort.dir === 1 ? '▲' : '▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {visible.map((r) => (
            <tr key={r.code}>
              <td>{r.code}</td>
              <td>
                <button type="button" className="link" onClick={() => onSelect(r.code)}>
                  {r.name}
                </button>
              </td>
              <td>{r.province}</td>
              <td
                className={typeof r.value === 'number' ? 'num' : undefined}
                title={
                  r.coverage ? formatCoverage(r.coverage.reported, r.coverage.expected, lang) : undefined
                }
              >
                {r.color && <span className="swatch" style={{ background: r.color }} aria-hidden="true" />}
                {typeof r.value === 'number' && values ? (
                  <ValueSources
                    of={{ unit: r.code, indicator: values.indicator, period: values.period, at: values.at }}
                    title={`${r.name}, ${periodLabel(values.period, lang)}`}
                    lang={lang}
                  >
                    {formatValue(r.value, lang, { estimated: r.estimated, count: r.count, unit: r.unit })}
                  </ValueSources>
                ) : typeof r.value === 'string' ? (
                  r.value
                ) : (
                  formatValue(r.value, lang, { estimated: r.estimated, count: r.count, unit: r.unit })
                )}
                {r.estimated && (
                  <small className="estimate" title={estimateText(lang, 'estimatedTitle')}>
                    {' '}
                    {estimateText(lang, 'estimated')}
                  </small>
                )}
                {r.coverage && r.coverage.reported < r.coverage.expected && (
                  <CoverageNote
                    {...r.coverage}
                    missing={values ? { ...values, parent: r.code } : null}
                    lang={lang}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
