import { STATUS_LABELS as SERVER_STATUS_LABELS } from '@pcmt/server/features/choropleth/status-classes';
/** Vietnamese is the default; English is a switch in the URL (`lang=en`). */
export type Lang = 'vi' | 'en';

const vi = {
  appTitle: 'PCMT Atlas',
  appSubtitle: 'Bản đồ phòng, chống ma túy',
  syntheticNotice:
    'Dữ liệu minh họa (tổng hợp): ranh giới và số liệu là giả lập, không phải số liệu chính thức.',
  connecting: 'Đang kết nối máy chủ…',
  serverDown: 'Không kết nối được máy chủ',
  apiDocs: 'Tài liệu API',
  loadingPage: 'Đang tải…',
  mainNav: 'Điều hướng chính',
  signIn: 'Đăng nhập',
  countsOnly: 'chỉ số lượng, không có vị trí',
  signOut: 'Đăng xuất',
  account: 'Tài khoản',
  admin: 'Quản trị',
  signInRequired: 'Trang này dành cho cán bộ đã đăng nhập.',
  notAllowed: 'Tài khoản của bạn không có quyền mở trang này.',
  publicPages: 'Xem số liệu công khai',
  imports: 'Nhập dữ liệu',
  country: 'Toàn quốc',
  source: 'Nguồn',
  breadcrumb: 'Vị trí',
  period: 'Kỳ báo cáo',
  periodKind: 'Loại kỳ',
  year: 'Năm',
  half: '6 tháng',
  quarter: 'Quý',
  todayUnits: 'Hiển thị trên đơn vị hành chính hiện nay',
  oldUnitsNote: 'Kỳ trước 1/7/2025: hiển thị đơn vị hành chính cũ.',
  crosswalkNote: 'Số liệu cũ quy đổi sang đơn vị hiện nay.',
  indicator: 'Chỉ tiêu',
  statusIndicator: 'Phân loại xã (tình hình ma túy)',
  classMethod: 'Cách chia lớp',
  quantile: 'Phân vị',
  equal: 'Khoảng đều',
  jenks: 'Ngắt tự nhiên (Jenks)',
  classes: 'Số lớp',
  noData: 'Không có số liệu',
  legend: 'Chú giải',
  communes: 'xã',
  layers: 'Lớp bản đồ',
  hotspots: 'Điểm, tụ điểm ma túy',
  labels: 'Nhãn tên',
  search: 'Tìm đơn vị',
  searchPlaceholder: 'Tìm xã, phường, tỉnh (vd: ba dinh)',
  noResults: 'Không tìm thấy',
  view: 'Chế độ xem',
  mapView: 'Bản đồ',
  analysisNav: 'Phân tích',
  patrolNav: 'Tuần tra',
  plansNav: 'Kế hoạch',
  rulesNav: 'Tiêu chí phân loại',
  compareNav: 'So sánh',
  briefingsNav: 'Trình chiếu',
  tableView: 'Bảng',
  exportCsv: 'Tải CSV',
  exportXlsx: 'Tải XLSX',
  code: 'Mã',
  name: 'Tên',
  province: 'Tỉnh',
  value: 'Giá trị',
  status: 'Phân loại',
  decision: 'Quyết định',
  close: 'Đóng',
  areaPanel: 'Thông tin địa bàn',
  vsPrevious: 'so với kỳ trước',
  vsLastYear: 'so với cùng kỳ năm trước',
  trend: 'Xu hướng',
  statusHistory: 'Lịch sử phân loại',
  population: 'Dân số',
  area: 'Diện tích',
  active: 'Đang hoạt động',
  eliminated: 'Đã triệt xóa',
  diem: 'Điểm',
  tu_diem: 'Tụ điểm',
  detectedOn: 'Phát hiện',
  eliminatedOn: 'Triệt xóa',
  reemergedOn: 'Tái hoạt động',
  commune: 'Xã',
  density: 'Mật độ điểm, tụ điểm',
  language: 'English',
  derived: 'suy ra từ đơn vị cũ',
  showProvince: 'Xem tỉnh',
  error: 'Lỗi tải dữ liệu',
  rows: 'dòng',
  reform: 'Sáp nhập 1/7/2025',
  page: 'Trang',
  ofTotal: 'trên',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  appTitle: 'PCMT Atlas',
  appSubtitle: 'Drug-prevention map',
  syntheticNotice: 'Demo data (synthetic): boundaries and figures are generated, not official data.',
  connecting: 'Connecting to the server…',
  serverDown: 'Cannot reach the server',
  apiDocs: 'API documentation',
  loadingPage: 'Loading…',
  mainNav: 'Main navigation',
  signIn: 'Sign in',
  countsOnly: 'counts only, no positions',
  signOut: 'Sign out',
  account: 'Account',
  admin: 'Administration',
  signInRequired: 'This page is for signed-in staff.',
  notAllowed: 'Your account may not open this page.',
  publicPages: 'See the public figures',
  imports: 'Data import',
  country: 'Vietnam',
  source: 'Source',
  breadcrumb: 'Location',
  period: 'Period',
  periodKind: 'Period kind',
  year: 'Year',
  half: '6 months',
  quarter: 'Quarter',
  todayUnits: "Show on today's units",
  oldUnitsNote: 'Periods before 1/7/2025 are shown on the old units.',
  crosswalkNote: "Old figures re-expressed on today's units.",
  indicator: 'Indicator',
  statusIndicator: 'Commune classification (drug situation)',
  classMethod: 'Classification',
  quantile: 'Quantile',
  equal: 'Equal interval',
  jenks: 'Natural breaks (Jenks)',
  classes: 'Classes',
  noData: 'No data',
  legend: 'Legend',
  communes: 'communes',
  layers: 'Layers',
  hotspots: 'Drug hotspots',
  labels: 'Labels',
  search: 'Find a unit',
  searchPlaceholder: 'Commune, ward or province (e.g. ba dinh)',
  noResults: 'Nothing found',
  view: 'View',
  mapView: 'Map',
  analysisNav: 'Analysis',
  patrolNav: 'Patrols',
  plansNav: 'Plans',
  rulesNav: 'Status criteria',
  compareNav: 'Compare',
  briefingsNav: 'Briefings',
  tableView: 'Table',
  exportCsv: 'Download CSV',
  exportXlsx: 'Download XLSX',
  code: 'Code',
  name: 'Name',
  province: 'Province',
  value: 'Value',
  status: 'Status',
  decision: 'Decision',
  close: 'Close',
  areaPanel: 'Area details',
  vsPrevious: 'vs previous period',
  vsLastYear: 'vs same period last year',
  trend: 'Trend',
  statusHistory: 'Status history',
  population: 'Population',
  area: 'Area',
  active: 'Active',
  eliminated: 'Eliminated',
  diem: 'Spot',
  tu_diem: 'Gathering place',
  detectedOn: 'Detected',
  eliminatedOn: 'Eliminated',
  reemergedOn: 'Re-emerged',
  commune: 'Commune',
  density: 'Hotspot density',
  language: 'Tiếng Việt',
  derived: 'derived from old units',
  showProvince: 'Open province',
  error: 'Could not load data',
  rows: 'rows',
  reform: 'Reorganisation 1/7/2025',
  page: 'Page',
  ofTotal: 'of',
};

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** The message of `key` in `lang`. */
export function translate(lang: Lang, key: MessageKey): string {
  return DICTIONARIES[lang][key];
}

/**
 * A feature's own messages: Vietnamese first, English with exactly the same keys (the type checks it).
 * Features keep their wording next to their code instead of growing one shared dictionary.
 */
export function defineMessages<const V extends Record<string, string>>(
  vi: V,
  en: Record<keyof V, string>,
): (lang: Lang, key: keyof V) => string {
  const dictionaries: Record<Lang, Record<keyof V, string>> = { vi, en };
  return (lang, key) => dictionaries[lang][key];
}

/**
 * Commune status labels (QĐ 28/2025/QĐ-TTg), in the order of seriousness: the server's, so paper and screen
 * agree.
 */
export const STATUS_LABELS: Record<Lang, Record<string, string>> = SERVER_STATUS_LABELS;

/** A period id as a reader says it: `Quý 3/2024`, `6 tháng đầu năm 2024`, `Năm 2024`. */
export function periodLabel(id: string, lang: Lang): string {
  const m = /^(\d{4})(?:-(H|Q)(\d))?$/.exec(id);
  if (!m) return id;
  const [, year, kind, n] = m;
  if (!kind) return lang === 'vi' ? `Năm ${year}` : String(year);
  if (kind === 'Q') return lang === 'vi' ? `Quý ${n}/${year}` : `Q${n} ${year}`;
  if (lang === 'vi') return n === '1' ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
  return `H${n} ${year}`;
}
