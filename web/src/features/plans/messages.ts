import type { TargetProgress } from '@pcmt/domain/contracts/plans';
import { formatDate } from '@pcmt/domain/format';
import { formatNumber } from '../../lib/format';
import { defineMessages, type Lang } from '../../lib/i18n';

export const planText = defineMessages(
  {
    plans: 'Kế hoạch và chỉ tiêu',
    newPlan: 'Tạo kế hoạch',
    edit: 'Sửa',
    scope: 'Phạm vi',
    country: 'Toàn quốc',
    period: 'Thời gian',
    issuedBy: 'Cơ quan ban hành',
    document: 'Văn bản',
    targets: 'chỉ tiêu',
    scorecard: 'Bảng theo dõi thực hiện chỉ tiêu',
    scorecardSheet: 'Theo dõi chỉ tiêu',
    unitColumn: 'Đơn vị',
    periodColumn: 'Năm',
    target: 'Chỉ tiêu',
    deadline: 'Hạn',
    current: 'Hiện tại',
    goal: 'Mục tiêu',
    baseline: 'Mốc ban đầu',
    progress: 'Tiến độ',
    projected: 'Dự báo đến hạn',
    projection: 'Cách dự báo',
    status: 'Đánh giá',
    achieved: 'Đạt',
    on_track: 'Đúng tiến độ',
    at_risk: 'Có nguy cơ',
    off_track: 'Chậm tiến độ',
    missed: 'Không đạt',
    no_data: 'Chưa đủ số liệu',
    asOf: 'Tính đến ngày',
    columnsChildren: 'Theo đơn vị',
    columnsPeriods: 'Theo năm',
    total: 'Toàn phạm vi',
    openDetail: 'Xem xu hướng',
    trend: 'Xu hướng so với lộ trình',
    actual: 'Thực tế',
    trajectory: 'Lộ trình đến mục tiêu',
    projectionLine: 'Dự báo',
    projectionBand: 'Khoảng dự báo',
    estimated: 'ước tính qua bảng chuyển đổi đơn vị 2025',
    unitsBehind: 'Các đơn vị cấu thành',
    ranking: 'Xếp hạng tỉnh',
    rank: 'Hạng',
    unit: 'Đơn vị',
    close: 'Đóng',
    childrenMet: 'đơn vị đạt',
    band: 'Khoảng mục tiêu',
    below: 'dưới khoảng',
    within: 'trong khoảng',
    above: 'vượt khoảng',
    back: 'Quay lại',
    seePlans: 'Xem các kế hoạch của địa bàn bạn',
    drill: 'Xem các đơn vị bên trong',
    upToScope: 'Về phạm vi kế hoạch',
    notes: 'Ghi chú',
    code: 'Mã (dùng trong đường dẫn)',
    title: 'Tên',
    issuedOn: 'Ngày ban hành',
    periodStart: 'Từ ngày',
    periodEnd: 'Đến ngày',
    scopeCode: 'Đơn vị phạm vi',
    scopeAll: 'Toàn quốc',
    scopeValidOn: 'Đơn vị theo danh mục ngày',
    kind: 'Loại chỉ tiêu',
    definition: 'Định nghĩa chỉ tiêu',
    preview: 'Chỉ tiêu viết thành câu',
    contribution: 'Phần đóng góp',
    share: 'Phần được phân bổ',
    allocated_entered: 'Chỉ tiêu chung phân bổ cho từng đơn vị theo số nhập',
    allocated_proportional: 'Chỉ tiêu chung phân bổ cho từng đơn vị theo tỷ lệ chỉ số',
    previewIncomplete: 'chưa đủ thông tin để viết thành câu',
    isPublic: 'Công khai',
    addTarget: 'Thêm chỉ tiêu',
    remove: 'Xóa',
    save: 'Lưu',
    saving: 'Đang lưu…',
    saved: 'Đã lưu',
    invalidJson: 'Định nghĩa không phải JSON hợp lệ',
    formError: 'Chưa lưu được',
    kind_share: 'Tỷ lệ ≥ X % đến hạn',
    kind_status_share: 'Tỷ lệ xã theo phân loại',
    kind_count: 'Số lượng ≥ N trong kỳ',
    kind_status_conversion: 'Chuyển hóa xã (từ có ma túy sang không ma túy)',
    kind_reduction: 'Giảm ≥ X % so với mốc',
    kind_keep_status: 'Giữ vững phân loại của các xã',
    kind_cumulative: 'Số lũy tích ≥ N đến hạn',
    kind_hotspot_elimination: 'Triệt xóa điểm, tụ điểm',
    kind_yearly_change: 'Thay đổi hằng năm so với năm trước (giảm hằng năm, tăng dưới X%/năm)',
    kind_roadmap: 'Lộ trình theo năm (mốc của từng năm)',
    kind_named_units: 'Danh sách xã cụ thể đạt phân loại',
    kind_at_most: 'Không quá N / không để phát sinh (ngưỡng 0 được phép)',
    kind_unit_status: 'Phân loại của cả đơn vị (tỉnh, huyện không ma túy)',
    eachChild: 'áp dụng cho từng đơn vị',
    eachYear: 'mỗi năm',
  },
  {
    plans: 'Plans and targets',
    newPlan: 'New plan',
    edit: 'Edit',
    scope: 'Scope',
    country: 'Whole country',
    period: 'Period',
    issuedBy: 'Issued by',
    document: 'Document',
    targets: 'targets',
    scorecard: 'Scorecard',
    scorecardSheet: 'Scorecard',
    unitColumn: 'Unit',
    periodColumn: 'Year',
    target: 'Target',
    deadline: 'Deadline',
    current: 'Current',
    goal: 'Target',
    baseline: 'Baseline',
    progress: 'Progress',
    projected: 'Projected at deadline',
    projection: 'How it is projected',
    status: 'Status',
    achieved: 'Achieved',
    on_track: 'On track',
    at_risk: 'At risk',
    off_track: 'Off track',
    missed: 'Missed',
    no_data: 'No data',
    asOf: 'As of',
    columnsChildren: 'By unit',
    columnsPeriods: 'By year',
    total: 'Whole scope',
    openDetail: 'Show trend',
    trend: 'Trend against the trajectory',
    actual: 'Actual',
    trajectory: 'Trajectory to the target',
    projectionLine: 'Projection',
    projectionBand: 'Projection interval',
    estimated: 'estimated through the 2025 unit crosswalk',
    unitsBehind: 'Units behind this value',
    ranking: 'Province ranking',
    rank: 'Rank',
    unit: 'Unit',
    close: 'Close',
    childrenMet: 'units meet it',
    band: 'Target range',
    below: 'below the range',
    within: 'within the range',
    above: 'above the range',
    back: 'Back',
    seePlans: 'See the plans of your area',
    drill: 'Show the units inside',
    upToScope: 'Back to the plan’s scope',
    notes: 'Notes',
    code: 'Code (used in links)',
    title: 'Title',
    issuedOn: 'Issued on',
    periodStart: 'From',
    periodEnd: 'To',
    scopeCode: 'Scope unit',
    scopeAll: 'Whole country',
    scopeValidOn: 'Unit as listed on',
    kind: 'Kind of target',
    definition: 'Target definition',
    preview: 'The target as a sentence',
    contribution: 'Contribution',
    share: 'Allocated share',
    allocated_entered: 'Common target allocated to each unit as entered',
    allocated_proportional: 'Common target allocated to each unit in proportion to an indicator',
    previewIncomplete: 'not complete enough to read as a sentence',
    isPublic: 'Public',
    addTarget: 'Add a target',
    remove: 'Remove',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved',
    invalidJson: 'The definition is not valid JSON',
    formError: 'Not saved',
    kind_share: 'Share ≥ X % by a date',
    kind_status_share: 'Share of communes in a status',
    kind_count: 'Count ≥ N in a window',
    kind_status_conversion: 'Communes converted (drugs → drug-free)',
    kind_reduction: 'Reduction ≥ X % vs a baseline',
    kind_keep_status: 'Keep communes in a status',
    kind_cumulative: 'Cumulative count ≥ N by a date',
    kind_hotspot_elimination: 'Hotspots eliminated',
    kind_yearly_change: 'Yearly change vs the previous year (falls each year, grows < X%/year)',
    kind_roadmap: 'Roadmap by year (a milestone per year)',
    kind_named_units: 'Named communes reaching a status',
    kind_at_most: 'At most N / no new (zero allowed)',
    kind_unit_status: 'A whole unit’s status (drug-free province or district)',
    eachChild: 'for each unit',
    eachYear: 'each year',
  },
);

type ReasonCode = NonNullable<TargetProgress['reasonCode']>;

/**
 * Why a target shows what it shows: the server sends a code and its parameters, the web says it in the
 * reader's language (one catalogue; the server's English `reason` is for logs only).
 */
const REASONS: Record<Lang, Record<ReasonCode, string>> = {
  vi: {
    unknown_indicator: 'Chưa đủ số liệu: chỉ số {indicator} không có trong danh mục',
    no_data_until: 'Chưa đủ số liệu: chưa có số liệu nào đến ngày {date}',
    no_status_at_window_start:
      'Chưa đủ số liệu: chưa có quyết định phân loại xã còn hiệu lực ngày {date} (đầu kỳ tính)',
    baseline_missing: 'Chưa đủ số liệu: thiếu số liệu năm {years} của kỳ gốc {from}–{to}',
    baseline_zero: 'Kỳ gốc {from}–{to} có giá trị bằng 0: không tính được tỷ lệ thay đổi',
    empty_keep_set: 'Không có xã nào phải giữ vững trên địa bàn này',
    no_active_hotspot: 'Không có điểm, tụ điểm nào còn hoạt động ngày {date} (đầu kỳ tính)',
    missed_years: 'Không đạt trong năm {years}',
    children_no_data: 'Chưa đủ số liệu: chưa đơn vị nào có số liệu',
    children_missed: '{missed}/{total} đơn vị không đạt',
    previous_year_missing: 'Chưa đủ số liệu: thiếu số liệu năm {year} để so sánh',
    contribution: 'Phần đóng góp vào chỉ tiêu chung {total} {unit}, không đánh giá riêng',
    no_milestone: 'Chưa đủ số liệu: lộ trình chưa đặt mốc cho năm {year} (mốc đầu tiên năm {first})',
    communes_undecided: 'Chưa đủ số liệu: {count} xã chưa có quyết định phân loại',
    allocation_no_value:
      'Chưa đủ số liệu: không có số liệu {indicator} kỳ {period} để phân bổ chỉ tiêu chung {total} {unit}',
    allocation_not_entered: 'Chưa nhập phần phân bổ của đơn vị này trong chỉ tiêu chung {total} {unit}',
  },
  en: {
    unknown_indicator: 'Not enough data: indicator {indicator} is not in the catalogue',
    no_data_until: 'Not enough data: nothing reported up to {date}',
    no_status_at_window_start:
      'Not enough data: no commune status decision in force on {date} (window start)',
    baseline_missing: 'Not enough data: no figures for {years} of the baseline {from}–{to}',
    baseline_zero: 'The baseline {from}–{to} is zero: a change in % cannot be measured',
    empty_keep_set: 'No commune to keep in this area',
    no_active_hotspot: 'No hotspot was active on {date} (window start)',
    missed_years: 'Missed in {years}',
    children_no_data: 'Not enough data: no unit has figures',
    children_missed: '{missed} of {total} units missed the target',
    previous_year_missing: 'Not enough data: no figures for {year} to compare with',
    contribution: 'A contribution to the common target of {total} {unit}, not judged on its own',
    no_milestone: 'Not enough data: the roadmap sets no milestone for {year} (the first is {first})',
    communes_undecided: 'Not enough data: {count} communes have no status decision',
    allocation_no_value:
      'Not enough data: no {indicator} figure for {period} to allocate the common target of {total} {unit}',
    allocation_not_entered: 'No share of the common target of {total} {unit} entered for this unit',
  },
};

/** The reason of a progress in the reader's language; dates as dd/mm/yyyy. */
export function reasonText(
  p: Pick<TargetProgress, 'reasonCode' | 'reasonParams'>,
  lang: Lang,
): string | null {
  if (!p.reasonCode) return null;
  return REASONS[lang][p.reasonCode].replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = p.reasonParams[key];
    if (v === undefined) return '';
    if (key === 'date' && typeof v === 'string') return formatDate(v);
    return typeof v === 'number' && key !== 'year' ? formatNumber(v, lang) : String(v);
  });
}

/** What the figure is: a growth or a reduction is named as such (never a fall shown as growth). */
export function measureText(p: Pick<TargetProgress, 'measure' | 'direction'>, lang: Lang): string | null {
  if (p.measure === 'growth')
    return lang === 'vi' ? 'tốc độ tăng (số âm là giảm)' : 'growth (negative is a fall)';
  if (p.measure === 'reduction')
    return lang === 'vi' ? 'mức giảm (số âm là tăng)' : 'reduction (negative is a rise)';
  return null;
}

/** The goal as a sentence fragment: "dưới 1%", "tối thiểu 50%", "5–10%". */
export function goalText(
  p: Pick<TargetProgress, 'direction' | 'target' | 'targetMax' | 'unit'>,
  lang: Lang,
): string {
  const n = (v: number) => `${formatNumber(v, lang)}${p.unit === '%' ? '%' : ` ${p.unit}`}`;
  if (p.targetMax !== null) return `${formatNumber(p.target, lang)}–${n(p.targetMax)}`;
  if (p.direction === 'lower') return `${lang === 'vi' ? 'tối đa' : 'at most'} ${n(p.target)}`;
  return n(p.target);
}

/** How the series crosses a reorganisation, and whether the projection was held inside its range. */
/** "Khoảng dự báo 80%: 41,2%–58,9%": the projection's uncertainty, in the measure's unit. */
export function intervalText(
  interval: { low: number; high: number; level: number },
  unit: string,
  lang: Lang,
): string {
  const v = (x: number) => `${formatNumber(x, lang)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
  return lang === 'vi'
    ? `Khoảng dự báo ${interval.level}%: ${v(interval.low)}–${v(interval.high)}`
    : `${interval.level}% projection interval: ${v(interval.low)}–${v(interval.high)}`;
}

export function projectionNotes(
  p: Pick<TargetProgress, 'bridge' | 'projection' | 'unit'>,
  lang: Lang,
): string[] {
  const notes: string[] = [];
  if (p.projection.interval && p.projection.value !== null)
    notes.push(intervalText(p.projection.interval, p.unit, lang));
  if (p.bridge)
    notes.push(
      lang === 'vi'
        ? `Qua sắp xếp đơn vị hành chính: mốc ban đầu và xu hướng chỉ dùng số liệu trên cùng danh mục đơn vị từ ${formatDate(p.bridge.since)}; các điểm trước đó tính trên đơn vị cũ, chỉ để tham khảo`
        : `Across a reorganisation: baseline and trend use only figures on the same units from ${formatDate(p.bridge.since)}; earlier points are on the old units, for reference`,
    );
  const { min, max } = p.projection.bounds;
  if (p.projection.clamped)
    notes.push(
      lang === 'vi'
        ? `Dự báo được giữ trong khoảng giá trị có thể (${min === null ? '' : formatNumber(min, lang)}–${max === null ? '' : formatNumber(max, lang)})`
        : `Projection held within the possible range (${min ?? ''}–${max ?? ''})`,
    );
  return notes;
}
