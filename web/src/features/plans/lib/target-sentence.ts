import type { TargetDefinition } from '@pcmt/domain/contracts/plans';
import { formatDate } from '@pcmt/domain/format';
import { formatNumber } from '../../../lib/format';
import { periodLabel, STATUS_LABELS } from '../../../lib/i18n';

/**
 * A target as a plan would write it, in Vietnamese: the preview under the plan form, so whoever enters
 * "≥ 1 xã, mỗi huyện" reads back the sentence of the document before saving.
 */

const pct = (v: number) => `${formatNumber(v, 'vi')}%`;
const num = (v: number) => formatNumber(v, 'vi');
/** Status names inside a sentence: the first letter lowered, the class kept ("trọng điểm loại I"). */
const statuses = (list: readonly string[]) =>
  list
    .map((s) => {
      const label = STATUS_LABELS.vi[s] ?? s;
      return `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
    })
    .join(', ');
const indicatorName = (code: string, names: ReadonlyMap<string, string>) =>
  (names.get(code) ?? code).toLowerCase();

export function targetSentence(
  def: TargetDefinition,
  deadline: string,
  names: ReadonlyMap<string, string> = new Map(),
  /** Commune names by code: a named list reads by name ("Xã Mường La"); codes only where unknown. */
  unitNames: ReadonlyMap<string, string> = new Map(),
): string {
  const unit = (code: string) => unitNames.get(code) ?? code;
  const by = deadline ? ` đến ${formatDate(deadline)}` : '';
  const each = def.eachChild ? 'Mỗi đơn vị trực thuộc: ' : '';
  const yearly = 'window' in def && def.window.eachYear ? ' mỗi năm' : '';
  const from = 'window' in def && def.window.from ? ` (tính từ ${formatDate(def.window.from)})` : '';
  const measure = (m: { type: string; indicator?: string; statuses?: readonly string[] }) =>
    m.type === 'severity'
      ? 'mức độ phức tạp của các xã trọng điểm (loại I = 3, loại II = 2, loại III = 1)'
      : m.type === 'indicator'
        ? indicatorName(m.indicator ?? '', names)
        : m.type === 'status_share'
          ? `tỷ lệ xã ${statuses(m.statuses ?? [])}`
          : `số xã ${statuses(m.statuses ?? [])}`;
  /** How a whole-scope count is split among the children: each child is judged on its own share. */
  const allocated = (d: Extract<TargetDefinition, { kind: 'count' | 'cumulative' }>) => {
    const a = d.eachChild ? undefined : d.allocation;
    if (!a) return '';
    if (a.type === 'proportional')
      return `, phân bổ cho từng đơn vị theo tỷ lệ ${indicatorName(a.indicator, names)} kỳ ${periodLabel(a.period, 'vi')}`;
    return `, phân bổ cho từng đơn vị: ${a.shares.map((x) => `${unit(x.code)} ${num(x.value)}`).join(', ')}`;
  };
  let body: string;
  switch (def.kind) {
    case 'share':
      body = `${indicatorName(def.indicator, names)} ${def.op === 'gt' ? 'trên' : 'đạt ít nhất'} ${pct(def.threshold)}${by}`;
      break;
    case 'status_share':
      body = `${def.op === 'gt' ? 'trên' : 'ít nhất'} ${pct(def.threshold)} số xã, phường được phân loại ${statuses(def.statuses)}${by}`;
      break;
    case 'count':
      body = `${indicatorName(def.indicator, names)}: ít nhất ${num(def.threshold)}${yearly}${from}${by}${allocated(def)}`;
      break;
    case 'status_conversion':
      body = `chuyển hóa ít nhất ${num(def.threshold)} xã từ ${statuses(def.from)} thành ${statuses(def.to)}${yearly}${from}${by}`;
      break;
    case 'reduction': {
      const range =
        def.maxPct !== undefined ? `${num(def.minPct)}–${pct(def.maxPct)}` : pct(Math.abs(def.minPct));
      const span =
        def.baseline.from === def.baseline.to ? def.baseline.from : `${def.baseline.from}–${def.baseline.to}`;
      body =
        def.minPct < 0
          ? `${measure(def.measure)} tăng không quá ${range} so với ${span}${by}`
          : `giảm ${range} ${measure(def.measure)} so với ${span}${by}`;
      break;
    }
    case 'keep_status':
      body =
        def.units.type === 'codes'
          ? `giữ vững ${num(def.units.codes.length)} xã (${def.units.codes.map(unit).join(', ')}) ở phân loại ${statuses(def.statuses)}${by}`
          : `giữ vững các xã ${statuses(def.units.statuses)} ngày ${formatDate(def.units.date)} ở phân loại ${statuses(def.statuses)}${by}`;
      break;
    case 'cumulative':
      body = `${indicatorName(def.indicator, names)} lũy tích đạt ít nhất ${num(def.threshold)}${by}${allocated(def)}`;
      break;
    case 'hotspot_elimination': {
      const range = def.maxPct !== undefined ? `${num(def.minPct)}–${pct(def.maxPct)}` : pct(def.minPct);
      body = `triệt xóa ${range} điểm, tụ điểm ma túy${yearly}${from}${by}`;
      break;
    }
    case 'yearly_change': {
      const what = measure(def.measure);
      body =
        def.limit === 'min_increase'
          ? def.pct === null
            ? `${what} tăng so với năm trước, mỗi năm từ ${def.fromYear}${by}`
            : `${what} tăng tối thiểu ${pct(def.pct)} mỗi năm, từ ${def.fromYear}${by}`
          : def.limit === 'max_growth'
            ? def.pct === null
              ? `${what} không tăng so với năm trước, mỗi năm từ ${def.fromYear}${by}`
              : `tốc độ tăng ${what} dưới ${pct(def.pct)}/năm, từ ${def.fromYear}${by}`
            : def.pct === null
              ? `${what} giảm theo từng năm, từ ${def.fromYear}${by}`
              : `${what} hằng năm giảm ít nhất ${pct(def.pct)} so với năm trước, từ ${def.fromYear}${by}`;
      break;
    }
    case 'roadmap': {
      const share = def.measure.type === 'status_share';
      const unit = def.measure.type === 'status_count' ? ' xã' : '';
      const steps = [...def.milestones]
        .sort((a, b) => a.year - b.year)
        .map((m) => `${share ? pct(m.value) : `${num(m.value)}${unit}`} (${m.year})`)
        .join(' → ');
      body = `lộ trình ${measure(def.measure)}: ${steps}; mỗi năm đánh giá theo mốc của năm đó`;
      break;
    }
    case 'named_units':
      body =
        def.codes.length === 1
          ? `${unitNames.get(def.codes[0] ?? '') ?? `xã ${def.codes[0]}`} đạt phân loại ${statuses(def.statuses)}${by}`
          : `${num(def.codes.length)} xã (${def.codes.map(unit).join(', ')}) đạt phân loại ${statuses(def.statuses)}${by}`;
      break;
    case 'at_most': {
      const m = def.measure;
      const what =
        m.type === 'new_hotspots'
          ? 'điểm, tụ điểm ma túy phát sinh mới'
          : m.type === 'indicator'
            ? indicatorName(m.indicator, names)
            : `số xã ${statuses(m.statuses)}`;
      body =
        def.max === 0
          ? m.type === 'status_count'
            ? `không còn xã ${statuses(m.statuses)}${yearly}${from}${by}`
            : `không để phát sinh ${m.type === 'new_hotspots' ? 'điểm, tụ điểm ma túy mới' : what}${yearly}${from}${by}`
          : `${what} không quá ${num(def.max)}${yearly}${from}${by}`;
      break;
    }
    case 'unit_status':
      body = `trở thành đơn vị ${statuses(def.statuses)}: mọi xã, phường đều ${statuses(def.statuses)}${by}`;
      break;
  }
  const sentence = `${each}${body}`;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
