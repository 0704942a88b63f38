import { formatDate } from '@pcmt/domain/format';
import type { Lang } from '../../lib/i18n';

/**
 * The audit log as an administrator reads it: actions, records and changes in words, not the server's codes
 * (`import.rollback`) and raw JSON. A code this table does not know is shown in words as far as its parts go.
 */
const VERBS: Record<string, [vi: string, en: string]> = {
  create: ['Tạo', 'Create'],
  update: ['Sửa', 'Update'],
  delete: ['Xóa', 'Delete'],
  rollback: ['Hoàn tác', 'Roll back'],
  values: ['Nhập số liệu', 'Import values'],
  boundaries: ['Nhập ranh giới', 'Import boundaries'],
  crosswalk: ['Nhập bảng chuyển đổi', 'Import crosswalk'],
  eliminate: ['Xóa bỏ', 'Eliminate'],
  reopen: ['Mở lại', 'Re-open'],
  submit: ['Nộp', 'Submit'],
  approve: ['Duyệt', 'Approve'],
  return: ['Trả lại', 'Return'],
  build: ['Tính', 'Build'],
  login: ['Đăng nhập', 'Sign in'],
  logout: ['Đăng xuất', 'Sign out'],
  login_failed: ['Đăng nhập sai', 'Failed sign-in'],
  password_change: ['Đổi mật khẩu', 'Password change'],
  password_change_failed: ['Đổi mật khẩu không thành công', 'Failed password change'],
};

const ENTITIES: Record<string, [vi: string, en: string]> = {
  imports: ['Lần nhập', 'Import'],
  import: ['Lần nhập', 'Import'],
  user: ['Tài khoản', 'Account'],
  session: ['Phiên đăng nhập', 'Session'],
  plan: ['Kế hoạch', 'Plan'],
  plan_target: ['Chỉ tiêu', 'Target'],
  hotspot: ['Tụ điểm, điểm', 'Hotspot'],
  briefing: ['Bản trình chiếu', 'Briefing'],
  patrol_plan: ['Kế hoạch tuần tra', 'Patrol plan'],
  indicator: ['Chỉ số', 'Indicator'],
  status_rule_set: ['Bộ tiêu chí', 'Rule set'],
  spatial_weight_set: ['Ma trận trọng số không gian', 'Spatial weights'],
  report_forms: ['Mẫu báo cáo', 'Report form'],
  report_form: ['Mẫu báo cáo', 'Report form'],
  report_submissions: ['Báo cáo', 'Report'],
  report: ['Báo cáo', 'Report'],
};

const KEYS: Record<string, [vi: string, en: string]> = {
  status: ['trạng thái', 'status'],
  removed: ['đã xóa', 'removed'],
  restored: ['đã khôi phục', 'restored'],
  removedUnits: ['đơn vị đã xóa', 'units removed'],
  reopenedUnits: ['đơn vị mở lại', 'units re-opened'],
  date: ['ngày', 'date'],
  name: ['tên', 'name'],
  title: ['tiêu đề', 'title'],
  hotspotCodes: ['địa điểm', 'places'],
  address: ['địa chỉ IP', 'address'],
  role: ['vai trò', 'role'],
  jurisdiction: ['địa bàn', 'jurisdiction'],
  disabled: ['khóa', 'disabled'],
  rows: ['số dòng', 'rows'],
  fileName: ['tệp', 'file'],
};

const VALUES: Record<string, [vi: string, en: string]> = {
  committed: ['đã ghi', 'committed'],
  rolled_back: ['đã hoàn tác', 'rolled back'],
  active: ['đang hoạt động', 'active'],
  eliminated: ['đã xóa bỏ', 'eliminated'],
  true: ['có', 'yes'],
  false: ['không', 'no'],
};

const pick = (pair: [string, string], lang: Lang) => (lang === 'vi' ? pair[0] : pair[1]);

/** `import.rollback` → `Lần nhập: Hoàn tác`; `login_failed` → `Đăng nhập sai`. */
export function auditActionText(action: string, lang: Lang): string {
  const direct = VERBS[action];
  if (direct) return pick(direct, lang);
  const [entity, verb] = action.split('.');
  const e = entity ? ENTITIES[entity] : undefined;
  const v = verb ? VERBS[verb] : undefined;
  if (e && v) return `${pick(e, lang)}: ${pick(v, lang).toLowerCase()}`;
  if (v) return pick(v, lang);
  return lang === 'vi' ? 'Thao tác khác' : 'Other action';
}

/** `patrol_plan` #4 → `Kế hoạch tuần tra #4`. */
export function auditEntityText(entity: string, id: string | number | null, lang: Lang): string {
  const e = ENTITIES[entity];
  const name = e ? pick(e, lang) : lang === 'vi' ? 'Dữ liệu' : 'Record';
  return id === null || id === '' ? name : `${name} #${id}`;
}

function valueText(v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return lang === 'vi' ? `${v.length} mục` : `${v.length} items`;
  if (typeof v === 'object') return lang === 'vi' ? '(chi tiết)' : '(details)';
  const s = String(v);
  const known = VALUES[s];
  if (known) return pick(known, lang);
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return formatDate(s);
  return s.replace(/_/g, ' ');
}

/** A stored before/after as `trạng thái: đã ghi; đã xóa: 0`, a few keys at most. */
export function auditChangeText(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object' || Array.isArray(value)) return valueText(value, lang);
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '—';
  const shown = entries.slice(0, 4).map(([k, v]) => {
    const key = KEYS[k];
    return `${key ? pick(key, lang) : k.replace(/_/g, ' ')}: ${valueText(v, lang)}`;
  });
  return entries.length > 4 ? `${shown.join('; ')}; …` : shown.join('; ');
}
