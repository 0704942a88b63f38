import type { CommuneStatus } from '@pcmt/domain/contracts/common';
import { formatNumber } from '../../lib/format';
import { type Lang, STATUS_LABELS, translate } from '../../lib/i18n';
import { STATUS_COLORS, STATUS_ORDER } from '../../lib/status-style';
import type { ExportLegend, ExportLegendRow } from './layout';

/** What a map colours by, as the dashboard's choropleth describes it (only the fields a legend needs). */
export type LegendSource =
  | { kind: 'status'; counts: Record<CommuneStatus, number>; noData: number }
  | {
      kind: 'indicator';
      ranges: readonly (readonly [number, number])[];
      counts: readonly number[];
      palette: readonly string[];
      noData: number;
    };

/**
 * The legend of an export, written like the on-screen legends (status-legend.tsx, indicator-legend.tsx):
 * every status even when no commune has it, value ranges the reader's way, and "no data" when some
 * communes lack a value.
 */
export function exportLegend(
  source: LegendSource,
  opts: { title: string; unit: string; noDataColor: string; lang: Lang },
): ExportLegend {
  const { lang } = opts;
  const rows: ExportLegendRow[] =
    source.kind === 'status'
      ? STATUS_ORDER.map((s) => ({
          color: STATUS_COLORS[s],
          label: STATUS_LABELS[lang][s] ?? s,
          count: source.counts[s],
        }))
      : source.ranges.map(([lo, hi], i) => ({
          color: source.palette[i] ?? opts.noDataColor,
          label: lo === hi ? formatNumber(lo, lang) : `${formatNumber(lo, lang)} – ${formatNumber(hi, lang)}`,
          count: source.counts[i] ?? 0,
        }));
  if (source.noData > 0)
    rows.push({ color: opts.noDataColor, label: translate(lang, 'noData'), count: source.noData });
  return { title: opts.unit ? `${opts.title} (${opts.unit})` : opts.title, rows };
}
