import type { Lang } from './format';

/**
 * Every action the server writes to the audit log, and what each is about, with the words an administrator
 * reads in the log. The server's audit helper (server/src/lib/audit.ts) takes only these, so an action
 * written anywhere has its label here; the admin page reads them from here.
 */
type Words = readonly [vi: string, en: string];

/** What a log row is about (its `entity` column), as the noun after a verb: `Tạo` + `kế hoạch`. */
export const AUDIT_ENTITIES = {
  plan: ['kế hoạch', 'plan'],
  plan_target: ['chỉ tiêu', 'target'],
  user: ['tài khoản', 'account'],
  session: ['phiên đăng nhập', 'session'],
  indicator: ['chỉ số', 'indicator'],
  status_rule_set: ['bộ tiêu chí phân loại', 'status rule set'],
  status_rule_proposal: ['đề xuất ngưỡng tiêu chí', 'threshold proposal'],
  spatial_weight_set: ['ma trận trọng số không gian', 'spatial weights'],
  briefing: ['bản trình chiếu', 'briefing'],
  patrol_plan: ['kế hoạch tuần tra', 'patrol plan'],
  hotspot: ['điểm, tụ điểm', 'hotspot'],
  imports: ['lần nhập dữ liệu', 'import'],
  report_forms: ['biểu mẫu báo cáo', 'report form'],
  report_submissions: ['báo cáo', 'report'],
} as const satisfies Record<string, Words>;

/** Verbs written alone: the row's entity says what they act on (`create` on `plan`: `Tạo kế hoạch`). */
const VERBS = {
  create: ['Tạo', 'Create'],
  update: ['Sửa', 'Update'],
  delete: ['Xóa', 'Delete'],
  retire: ['Ngừng sử dụng', 'Retire'],
  build: ['Tính', 'Build'],
  propose: ['Gửi', 'Submit'],
  accept: ['Chấp nhận', 'Accept'],
  reject: ['Từ chối', 'Reject'],
} as const satisfies Record<string, Words>;

/** Actions whose name says what was done. */
const WHOLE = {
  login: ['Đăng nhập', 'Sign-in'],
  logout: ['Đăng xuất', 'Sign-out'],
  login_failed: ['Đăng nhập không thành công', 'Failed sign-in'],
  password_change: ['Đổi mật khẩu', 'Password change'],
  password_change_failed: ['Đổi mật khẩu không thành công', 'Failed password change'],
  'import.values': ['Nhập số liệu', 'Values import'],
  'import.boundaries': ['Nhập ranh giới đơn vị hành chính', 'Boundaries import'],
  'import.crosswalk': ['Nhập bảng chuyển đổi đơn vị hành chính', 'Crosswalk import'],
  'import.rollback': ['Hoàn tác lần nhập dữ liệu', 'Import rolled back'],
  'report.save': ['Lưu báo cáo (chưa nộp)', 'Report saved (not submitted)'],
  'report.submit': ['Nộp báo cáo', 'Report submitted'],
  'report.approve': ['Duyệt báo cáo', 'Report approved'],
  'report.return': ['Trả lại báo cáo', 'Report returned'],
  'report.reopen': ['Mở lại báo cáo đã duyệt', 'Approved report re-opened'],
  'report.import_approved': ['Nhập số liệu của tỉnh, duyệt ngay', 'Province values imported, approved'],
  'report.import_submitted': ['Nhập số liệu thành báo cáo chờ duyệt', 'Values imported as reports to review'],
  'report_form.create': ['Tạo biểu mẫu báo cáo', 'Report form created'],
  'report_form.update': ['Sửa biểu mẫu báo cáo', 'Report form updated'],
  'hotspot.create': ['Thêm điểm, tụ điểm', 'Hotspot added'],
  'hotspot.update': ['Sửa điểm, tụ điểm', 'Hotspot updated'],
  'hotspot.eliminate': ['Triệt xóa điểm, tụ điểm', 'Hotspot eliminated'],
  'hotspot.reopen': ['Ghi nhận điểm, tụ điểm hoạt động trở lại', 'Hotspot re-emerged'],
  'patrol_plan.create': ['Lập kế hoạch tuần tra', 'Patrol plan made'],
} as const satisfies Record<string, Words>;

export type AuditEntity = keyof typeof AUDIT_ENTITIES;
export type AuditAction = keyof typeof VERBS | keyof typeof WHOLE;

/** Every action the server may write, in one list. */
export const AUDIT_ACTIONS = [...Object.keys(VERBS), ...Object.keys(WHOLE)] as readonly AuditAction[];

const pick = (w: Words, lang: Lang) => (lang === 'vi' ? w[0] : w[1]);
const has = <T extends object>(o: T, k: string): k is Extract<keyof T, string> => Object.hasOwn(o, k);

/**
 * An action of the log in words: `create` on `plan` → `Tạo kế hoạch`, `import.rollback` → `Hoàn tác lần
 * nhập dữ liệu`. Null for an action this list does not hold (an older server's).
 */
export function auditActionLabel(action: string, entity: string, lang: Lang): string | null {
  if (has(WHOLE, action)) return pick(WHOLE[action], lang);
  if (!has(VERBS, action)) return null;
  const verb = pick(VERBS[action], lang);
  if (!has(AUDIT_ENTITIES, entity)) return verb;
  const noun = pick(AUDIT_ENTITIES[entity], lang);
  return `${verb} ${noun}`;
}

/** A log row's record in words: `patrol_plan` #4 → `Kế hoạch tuần tra #4`. */
export function auditEntityLabel(entity: string, id: string | number | null, lang: Lang): string {
  const noun = has(AUDIT_ENTITIES, entity)
    ? pick(AUDIT_ENTITIES[entity], lang)
    : lang === 'vi'
      ? 'dữ liệu'
      : 'record';
  const name = noun.charAt(0).toUpperCase() + noun.slice(1);
  return id === null || id === '' ? name : `${name} #${id}`;
}
