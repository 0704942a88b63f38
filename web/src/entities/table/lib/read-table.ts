import type { Lang } from '../../../lib/i18n';

export type Cell = string | number | null;

/**
 * A number as the app displays it, back to a number: Vietnamese `1.234,5` or English `1,234.5`, with an
 * optional `%` or unit after it. Anything else stays text.
 */
export function parseDisplayedNumber(text: string, lang: Lang): number | null {
  const m = /^([+-−]?[\d.,\s]+?)\s*(%|‰)?$/.exec(text.trim());
  if (!m?.[1] || !/\d/.test(m[1])) return null;
  const [group, decimal] = lang === 'vi' ? ['.', ','] : [',', '.'];
  const raw = m[1].replaceAll(/\s/g, '').replace('−', '-');
  const parts = raw.split(decimal);
  if (parts.length > 2) return null;
  const [int = '', frac] = parts;
  // A leading zero means a code (unit codes such as 01001), not a quantity.
  if (/^[+-]?0\d/.test(int)) return null;
  // Group separators only between groups of three digits.
  if (int.includes(group) && !new RegExp(`^[+-]?\\d{1,3}(\\${group}\\d{3})+$`).test(int)) return null;
  const n = Number(`${int.replaceAll(group, '')}${frac !== undefined ? `.${frac}` : ''}`);
  return Number.isFinite(n) ? n : null;
}

/**
 * The cells of a rendered table: header from its last header row, one row per body row. A cell's
 * `data-value` wins over its text (for values shown as a colour or an icon); numbers become numbers.
 */
export function readTable(table: HTMLTableElement, lang: Lang): { columns: string[]; rows: Cell[][] } {
  const headRows = table.tHead ? [...table.tHead.rows] : [];
  const head = headRows.at(-1);
  const columns = head ? [...head.cells].map((c) => c.textContent?.trim() ?? '') : [];
  const rows = [...table.tBodies].flatMap((body) =>
    [...body.rows].map((tr) =>
      [...tr.cells].map((c): Cell => {
        const text = (c.dataset.value ?? c.textContent ?? '').trim();
        if (text === '' || text === '–') return null;
        return parseDisplayedNumber(text, lang) ?? text;
      }),
    ),
  );
  const width = Math.max(columns.length, ...rows.map((r) => r.length));
  while (columns.length < width) columns.push('');
  return { columns, rows };
}
