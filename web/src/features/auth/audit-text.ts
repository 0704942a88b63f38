import { auditActionLabel, auditEntityLabel } from '@pcmt/domain/audit-actions';
import { formatDate, formatNumber } from '@pcmt/domain/format';
import { HOTSPOT_STATE_WORDS, HOTSPOT_STATES } from '@pcmt/domain/hotspot-states';
import {
  AGGREGATION_WORDS,
  INDICATOR_KIND_WORDS,
  REPORTING_LEVEL_WORDS,
} from '@pcmt/domain/indicator-semantics';
import { type Lang, periodLabel } from '../../lib/i18n';
import { roleLabel } from './messages';

/**
 * The audit log as an administrator reads it: actions, records and changes in words, not the server's codes
 * (`import.rollback`, `kind: stock`) and raw JSON. The actions' words are the server's list
 * (@pcmt/domain/audit-actions); fields and their values are named here.
 */
type Words = readonly [vi: string, en: string];

/** Field names of what the server stores before and after a change. */
const FIELDS: Record<string, Words> = {
  status: ['trạng thái', 'status'],
  state: ['trạng thái', 'state'],
  removed: ['đã xóa', 'removed'],
  restored: ['đã khôi phục', 'restored'],
  removedUnits: ['đơn vị đã xóa', 'units removed'],
  reopenedUnits: ['đơn vị mở lại', 'units re-opened'],
  date: ['ngày', 'date'],
  name: ['tên', 'name'],
  title: ['tiêu đề', 'title'],
  hotspotCodes: ['địa điểm', 'places'],
  address: ['địa chỉ IP', 'address'],
  username: ['tên đăng nhập', 'user name'],
  displayName: ['họ tên / đơn vị', 'name / office'],
  role: ['vai trò', 'role'],
  jurisdiction: ['địa bàn', 'jurisdiction'],
  active: ['hoạt động', 'active'],
  disabled: ['khóa', 'disabled'],
  rows: ['số dòng', 'rows'],
  fileName: ['tệp', 'file'],
  period: ['kỳ', 'period'],
  scope: ['phạm vi', 'scope'],
  code: ['mã', 'code'],
  nameVi: ['tên', 'name (Vietnamese)'],
  nameEn: ['tên tiếng Anh', 'name (English)'],
  unitVi: ['đơn vị tính', 'unit'],
  unitEn: ['đơn vị tính (tiếng Anh)', 'unit (English)'],
  kind: ['loại', 'kind'],
  areaAggregation: ['cộng theo địa bàn', 'adding up over areas'],
  timeAggregation: ['cộng theo thời gian', 'adding up over time'],
  formula: ['công thức', 'formula'],
  sensitivity: ['mức độ công khai', 'sensitivity'],
  descriptionVi: ['mô tả', 'description'],
  reportingLevel: ['cấp báo cáo', 'reporting level'],
  disaggregations: ['phân tổ', 'breakdowns'],
  provinceCode: ['tỉnh', 'province'],
  retiredAt: ['ngày ngừng sử dụng', 'retired on'],
  sortOrder: ['thứ tự', 'order'],
  indicator: ['chỉ số', 'indicator'],
  indicators: ['chỉ số', 'indicators'],
  target: ['chỉ tiêu', 'target'],
  values: ['số liệu', 'values'],
  comment: ['ý kiến', 'comment'],
  importId: ['lần nhập', 'import'],
  submissions: ['số báo cáo', 'reports'],
  note: ['ghi chú', 'note'],
  notes: ['ghi chú', 'notes'],
  id: ['số hiệu', 'id'],
  issuedOn: ['ngày ban hành', 'issued on'],
  periodStart: ['từ ngày', 'from'],
  periodEnd: ['đến ngày', 'to'],
  added: ['thêm mới', 'added'],
  changed: ['thay đổi', 'changed'],
  unchanged: ['giữ nguyên', 'unchanged'],
  validFrom: ['hiệu lực từ', 'valid from'],
  decree: ['nghị quyết, quyết định', 'decree'],
};

const wordsOf = (words: Record<string, { vi: string; en: string }>): Record<string, Words> =>
  Object.fromEntries(Object.entries(words).map(([k, w]) => [k, [w.vi, w.en] as const]));

const stateWords = (): Record<string, Words> =>
  Object.fromEntries(
    HOTSPOT_STATES.map((s) => {
      const w = HOTSPOT_STATE_WORDS[s];
      return [s, [w.vi.toLocaleLowerCase('vi'), w.en.toLocaleLowerCase('en')] as const];
    }),
  );

/** Stored values that are codes: in words. */
const VALUES: Record<string, Words> = {
  committed: ['đã ghi', 'committed'],
  rolled_back: ['đã hoàn tác', 'rolled back'],
  // Hotspot states (@pcmt/domain/hotspot-states), lower-case inside a sentence.
  ...stateWords(),
  true: ['có', 'yes'],
  false: ['không', 'no'],
  // Indicators (as the catalogue names them: @pcmt/domain/indicator-semantics).
  ...wordsOf(INDICATOR_KIND_WORDS),
  public: ['Công khai', 'Public'],
  internal: ['Nội bộ', 'Internal'],
  police: ['Công an', 'Police'],
  ...wordsOf(REPORTING_LEVEL_WORDS),
  ...wordsOf(AGGREGATION_WORDS),
  // Reports.
  draft: ['đang soạn', 'draft'],
  submitted: ['đã nộp, chờ duyệt', 'submitted'],
  approved: ['đã duyệt', 'approved'],
  returned: ['bị trả lại', 'returned'],
  // Proposals.
  pending: ['chờ xem xét', 'pending'],
  accepted: ['đã chấp nhận', 'accepted'],
  rejected: ['đã từ chối', 'rejected'],
};

const ROLES = new Set(['committee', 'police', 'data_officer', 'admin']);
const PERIOD = /^\d{4}(-(Q[1-4]|H[12]|M?\d{1,2}))?$/;

const pick = (w: Words, lang: Lang) => (lang === 'vi' ? w[0] : w[1]);

/** `import.rollback` → `Hoàn tác lần nhập dữ liệu`; `update` of an `indicator` → `Sửa chỉ số`. */
export function auditActionText(action: string, entity: string, lang: Lang): string {
  return auditActionLabel(action, entity, lang) ?? (lang === 'vi' ? 'Thao tác khác' : 'Other action');
}

/** `patrol_plan` #4 → `Kế hoạch tuần tra #4`. */
export const auditEntityText = (entity: string, id: string | number | null, lang: Lang): string =>
  auditEntityLabel(entity, id, lang);

const fieldName = (k: string, lang: Lang) => {
  const known = FIELDS[k];
  return known ? pick(known, lang) : k.replace(/_/g, ' ');
};

function valueText(key: string, v: unknown, lang: Lang): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string' || typeof x === 'number') && v.length <= 3)
      return v.map((x) => valueText(key, x, lang)).join(', ');
    return lang === 'vi' ? `${formatNumber(v.length, lang)} mục` : `${formatNumber(v.length, lang)} items`;
  }
  if (typeof v === 'object') return lang === 'vi' ? '(chi tiết)' : '(details)';
  if (typeof v === 'number') return formatNumber(v, lang);
  const s = String(v);
  if (key === 'role' && ROLES.has(s)) return roleLabel(lang, s);
  const known = VALUES[s];
  if (known) return pick(known, lang);
  if (PERIOD.test(s) && s.includes('-')) return periodLabel(s, lang);
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return formatDate(s);
  return s.replace(/_/g, ' ');
}

/** A stored before/after as `trạng thái: đã ghi; đã xóa: 0`, a few fields at most. */
export function auditChangeText(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object' || Array.isArray(value)) return valueText('', value, lang);
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '—';
  const shown = entries.slice(0, 4).map(([k, v]) => `${fieldName(k, lang)}: ${valueText(k, v, lang)}`);
  return entries.length > 4 ? `${shown.join('; ')}; …` : shown.join('; ');
}

/**
 * What a log row changed, in words: for an edit (a record before and after) only the fields that changed,
 * `loại: Số phát sinh trong kỳ → Số tại thời điểm (tồn)`; otherwise what was stored before and after.
 */
export function auditDetailText(before: unknown, after: unknown, lang: Lang): string {
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (keys.length === 0) return lang === 'vi' ? 'không thay đổi' : 'no change';
    const shown = keys
      .slice(0, 5)
      .map(
        (k) => `${fieldName(k, lang)}: ${valueText(k, before[k], lang)} → ${valueText(k, after[k], lang)}`,
      );
    return keys.length > 5 ? `${shown.join('; ')}; …` : shown.join('; ');
  }
  if (before === null || before === undefined) return auditChangeText(after, lang);
  if (after === null || after === undefined) return `${auditChangeText(before, lang)} → —`;
  return `${auditChangeText(before, lang)} → ${auditChangeText(after, lang)}`;
}
