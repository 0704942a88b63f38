import { useState } from 'react';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { type Lang, translate } from '../../../lib/i18n';
import { toCsv } from '../lib/csv';
import { downloadBlob } from '../lib/download';
import type { Cell } from '../lib/read-table';

export interface TableExportProps {
  /** File name without extension: letters, digits, dots, dashes, underscores. */
  fileBase: string;
  /** Sheet name (Excel allows 31 characters). */
  sheet: string;
  /** What the table is: area, period, source, "synthetic data" where it applies. Written above the header. */
  caption: string;
  /** The table's cells, read when a button is pressed (see readTable for a table already on screen). */
  data: () => { columns: readonly string[]; rows: readonly (readonly Cell[])[] } | null;
  lang: Lang;
}

/**
 * CSV and XLSX of a table as shown. CSV is written in the browser (UTF-8 with a byte-order mark); XLSX by the
 * server's spreadsheet writer (exceljs), which gives real number cells, a frozen header and the caption —
 * the browser would need a megabyte of spreadsheet code for that.
 */
export function TableExport({ fileBase, sheet, caption, data, lang }: TableExportProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const xlsx = async () => {
    const table = data();
    if (!table) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.api.exports.xlsx.$post({
        json: {
          fileName: `${fileBase}.xlsx`,
          sheets: [
            {
              name: sheet.slice(0, 31),
              caption,
              columns: [...table.columns],
              rows: table.rows.map((r) => [...r]),
            },
          ],
        },
      });
      if (!res.ok) throw await apiError(res, '/api/exports/xlsx');
      downloadBlob(await res.blob(), `${fileBase}.xlsx`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="table-export">
      <button
        type="button"
        data-testid="export-csv"
        onClick={() => {
          const table = data();
          if (!table) return;
          // CSV stays pure data (header + rows) so programs read it; the caption goes in the XLSX.
          const csv = toCsv(table.columns, table.rows);
          downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${fileBase}.csv`);
        }}
      >
        {translate(lang, 'exportCsv')}
      </button>{' '}
      <button type="button" data-testid="export-xlsx" disabled={busy} onClick={() => void xlsx()}>
        {translate(lang, 'exportXlsx')}
      </button>
      {error && (
        <span role="alert" className="error">
          {' '}
          {error} ({lang === 'vi' ? 'thử lại' : 'try again'})
        </span>
      )}
    </span>
  );
}
