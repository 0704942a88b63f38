import type { ViewSnapshot } from '@pcmt/domain/contracts/briefings';
import { formatNumber } from '../../../lib/format';
import { type Lang, STATUS_LABELS } from '../../../lib/i18n';

export interface LegendLine {
  key: string;
  color: string;
  label: string;
  count: number;
  /** Share of the communes with data, in %. */
  share: number;
}

/** The legend of a frozen view as lines with labels and shares; the no-data line last. */
export function legendLines(
  s: ViewSnapshot,
  lang: Lang,
  noDataLabel: string,
  noDataColor: string,
): LegendLine[] {
  const withData = s.legend.reduce((n, e) => n + e.count, 0);
  const unit = s.indicator ? (lang === 'vi' ? s.indicator.unitVi : s.indicator.unitEn) : '';
  const lines: LegendLine[] = s.legend.map((e) => ({
    key: e.status ?? `class-${e.class}`,
    color: e.color,
    label: e.status
      ? (STATUS_LABELS[lang][e.status] ?? e.status)
      : e.range
        ? `${formatNumber(e.range[0], lang)} – ${formatNumber(e.range[1], lang)}${unit ? ` ${unit}` : ''}`
        : String(e.class),
    count: e.count,
    share: withData > 0 ? (e.count / withData) * 100 : 0,
  }));
  if (s.noData > 0)
    lines.push({ key: 'no-data', color: noDataColor, label: noDataLabel, count: s.noData, share: 0 });
  return lines;
}

/** The communes with the highest values of an indicator view, for the panel's short table. */
export function topRows(
  s: ViewSnapshot,
  n: number,
): { code: string; name: string; value: number; estimated: boolean }[] {
  return s.rows
    .filter((r): r is typeof r & { value: number } => r.value !== null)
    .sort((a, b) => b.value - a.value || a.code.localeCompare(b.code))
    .slice(0, n)
    .map((r) => ({ code: r.code, name: r.name, value: r.value, estimated: r.estimated === true }));
}

/** Palette indexed by class, as the map's fill expression expects. */
export function paletteOf(s: ViewSnapshot): string[] {
  const palette: string[] = [];
  for (const e of s.legend) palette[e.class] = e.color;
  return Array.from(palette, (c) => c ?? '#cccccc');
}
