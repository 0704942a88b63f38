import { formatDate, periodLabel } from '@pcmt/domain/format';

/**
 * Every message the server sends with an error, by a stable code: the Vietnamese text the pages show, and
 * the English text for logs and developers. `{name}` is a parameter; a parameter holding an ISO date is
 * written dd/mm/yyyy and one named `period` as the one formatter says it (Quý III/2026). A message naming a
 * field starts with `{field}: ` so the reader knows which input to correct.
 */
export const MESSAGES = {
  // Requests in general
  'request.invalid': { vi: 'Yêu cầu không hợp lệ', en: 'Invalid request' },
  'request.required': { vi: '{field}: cần nhập', en: '{field} is required' },
  'request.invalid_field': { vi: '{field}: {problem}', en: '{field}: {problem}' },
  'request.nul_character': {
    vi: '{field}: không được chứa ký tự NUL',
    en: '{field}: must not contain a NUL character',
  },
  'request.too_large': {
    vi: 'Nội dung gửi lên lớn hơn giới hạn {bytes} byte',
    en: 'request body over {bytes} bytes',
  },
  'request.no_route': { vi: 'Không có đường dẫn {method} {path}', en: 'no route {method} {path}' },
  'request.internal': {
    vi: 'Máy chủ gặp lỗi; hãy thử lại sau',
    en: 'Internal server error',
  },
  'request.timeout': {
    vi: 'Truy vấn chạy quá lâu và đã bị dừng; hãy thu hẹp phạm vi hoặc thử lại sau',
    en: 'the database query took too long and was stopped',
  },
  'request.busy_caller': {
    vi: 'Bạn đang có {count} yêu cầu nặng (phân tích, nhập dữ liệu, bộ PDF hoặc XLSX, kế hoạch tuần tra) chưa xong, mức tối đa cho một người; hãy thử lại sau {seconds} giây',
    en: 'you already have {count} heavy requests in progress, the limit per user; retry in {seconds} s',
  },
  'request.busy_server': {
    vi: 'Máy chủ đang xử lý {count} yêu cầu nặng, mức tối đa; hãy thử lại sau {seconds} giây',
    en: 'the server is busy with {count} heavy requests, its limit; retry in {seconds} s',
  },
  'request.http_error': { vi: 'Yêu cầu không thực hiện được ({status})', en: 'HTTP error {status}' },

  // Access
  'access.no_rule': {
    vi: 'Chức năng này chưa được cấp quyền truy cập cho ai',
    en: 'no access rule for {method} {path}',
  },
  'access.role_refused': {
    vi: 'Vai trò {role} không được dùng chức năng này',
    en: 'the {role} role may not call {method} {path}',
  },
  'access.sign_in': { vi: 'Hãy đăng nhập để dùng chức năng này', en: 'sign in to call {method} {path}' },
  'access.outside_jurisdiction': {
    vi: '{field}: {value} nằm ngoài địa bàn được giao',
    en: '{field}: {value} is outside your jurisdiction',
  },
  'access.whole_country_outside': {
    vi: '{field}: toàn quốc nằm ngoài địa bàn được giao',
    en: '{field}: the whole country is outside your jurisdiction',
  },
  'access.give_own_province': {
    vi: '{field}: hãy chọn một tỉnh thuộc địa bàn được giao',
    en: '{field}: give a province of your jurisdiction',
  },
  'access.not_found_in_jurisdiction': {
    vi: '{field}: không có {noun} {value} trong địa bàn được giao',
    en: '{field}: no {noun} {value} in your jurisdiction',
  },
  'access.indicator_write': {
    vi: '{field}: {value} không thuộc quyền sửa của bạn (chỉ số quốc gia: quản trị viên cấp quốc gia; chỉ số của một tỉnh: quản trị viên tỉnh đó)',
    en: '{field}: you may not change {value}',
  },
  'access.rule_set_write': {
    vi: '{field}: bộ tiêu chí áp dụng cho mọi tỉnh; chỉ quản trị viên cấp quốc gia được sửa',
    en: '{field}: status rule sets apply to every province; only a national administrator may change them',
  },
  'access.csrf_header': {
    vi: '{field}: thiếu hoặc sai mã chống giả mạo yêu cầu; hãy tải lại trang',
    en: 'missing or wrong {field} header',
  },
  'access.cross_origin': {
    vi: 'Yêu cầu ghi từ trang khác ({origin}) bị từ chối',
    en: 'cross-origin write from {origin} refused',
  },

  // Accounts
  'auth.wrong_credentials': { vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'wrong username or password' },
  'auth.sign_in_first': { vi: 'Hãy đăng nhập trước', en: 'sign in first' },
  'auth.wrong_current_password': {
    vi: '{field}: mật khẩu hiện tại không đúng',
    en: '{field}: currentPassword is wrong',
  },
  'auth.weak_password': { vi: '{field}: {problem}', en: '{field}: {problem}' },
  'auth.too_many_attempts': {
    vi: 'Quá nhiều lần nhập sai mật khẩu; hãy thử lại sau {wait}',
    en: 'too many failed attempts; retry in {seconds} s',
  },
  'auth.unknown_jurisdiction': {
    vi: '{field}: không có tỉnh hoặc xã đang hiệu lực mang mã {codes}',
    en: '{field}: no province or commune in force has code {codes}',
  },
  'auth.username_taken': {
    vi: '{field}: tên đăng nhập {username} đã có người dùng',
    en: 'username {username} is taken',
  },
  'auth.no_account': { vi: '{field}: không có tài khoản số {id}', en: 'no account with id {id}' },
  'auth.last_admin': {
    vi: '{field}: {username} là quản trị viên cuối cùng đang hoạt động; hãy cấp quyền quản trị cho tài khoản khác trước',
    en: '{field}: the last active admin cannot lose admin rights',
  },

  // Units and periods
  'unit.not_valid_on': {
    vi: '{field}: không có đơn vị mã {code} còn hiệu lực ngày {date}',
    en: '{field}: no unit with code {code} is valid on {date}',
  },
  'unit.not_a_province': {
    vi: '{field}: {code} là {level}, không phải tỉnh',
    en: '{field}: {code} is a {level}, not a province',
  },
  'unit.commune_as_parent': {
    vi: '{field}: {code} là xã; hãy chọn tỉnh hoặc huyện',
    en: '{field}: {code} is a commune; give a province or a district',
  },
  'unit.no_commune_on': {
    vi: '{field}: không có xã {code} còn hiệu lực ngày {date}',
    en: '{field}: no commune {code} is valid on {date}',
  },
  'unit.no_province_on': {
    vi: '{field}: không có tỉnh {code} ngày {date}',
    en: '{field}: no province {code} on {date}',
  },
  'unit.no_province_with_communes': {
    vi: '{field}: không có tỉnh {code} có xã vào ngày {date}',
    en: '{field}: no province {code} with communes on {date}',
  },
  'unit.none_on': {
    vi: '{field}: không có đơn vị hành chính nào hiệu lực ngày {date}',
    en: '{field}: no administrative units are valid on {date}',
  },
  'unit.values_on_newer_units': {
    vi: '{field}: số liệu {period} báo cáo theo đơn vị hiệu lực từ {from}; không thể hiển thị trên đơn vị ngày {date}',
    en: '{field}: values of {period} are reported on units valid from {from}; they cannot be shown on units of {date}',
  },
  'unit.no_districts': {
    vi: '{field}: ngày {date} không còn cấp huyện (đã bỏ từ 01/07/2025)',
    en: '{field}: there are no districts on {date}',
  },
  'period.unknown': {
    vi: '{field}: không có kỳ {period} (các kỳ từ năm 2019 đến quý hiện tại)',
    en: '{field}: no period {period}',
  },
  'period.missing': { vi: '{field}: chưa chọn kỳ', en: '{field}: no period given' },
  'period.kind_mismatch': {
    vi: '{field}: {to} và {from} không cùng loại kỳ',
    en: '{field}: {to} is not of the same kind as {from}',
  },
  'period.before_from': {
    vi: '{field}: kỳ {to} đứng trước kỳ {from}',
    en: '{field}: {to} comes before {from}',
  },
  'period.not_quarter': {
    vi: '{field}: {period} không phải là quý',
    en: '{field}: {period} is not a quarter',
  },
  'period.values_per_quarter': {
    vi: '{field}: số liệu báo cáo theo quý; {period} không phải là quý',
    en: '{field}: values are reported per quarter; {period} is not a quarter',
  },
  'period.none_closed': {
    vi: 'Chưa có quý báo cáo nào kết thúc',
    en: 'no reporting quarter has closed yet',
  },

  // Indicators and values
  'indicator.unknown': {
    vi: '{field}: không có chỉ số mã {code}',
    en: '{field}: no indicator with code {code}',
  },
  'indicator.not_stored': {
    vi: '{field}: {code} không phải chỉ số nhập số liệu',
    en: '{field}: {code} is not a stored indicator',
  },

  // Status rules
  'rules.unknown_set': { vi: '{field}: không có bộ tiêu chí {code}', en: '{field}: no rule set {code}' },
  'rules.none_in_force': {
    vi: '{field}: không có bộ tiêu chí hiệu lực ngày {date}',
    en: '{field}: no rule set is in force on {date}',
  },
  'rules.valid_to_order': {
    vi: '{field}: ngày {to} không sau ngày bắt đầu {from}',
    en: '{field}: {to} is not after validFrom {from}',
  },

  // Plans and targets
  'plan.not_found': { vi: '{field}: không có kế hoạch mã {code}', en: '{field}: no plan with code {code}' },
  'plan.code_exists': { vi: '{field}: đã có kế hoạch mã {code}', en: '{field}: a plan with code {code} exists' },
  'plan.target_not_found': {
    vi: '{field}: kế hoạch {plan} không có chỉ tiêu mã {code}',
    en: '{field}: plan {plan} has no target {code}',
  },
  'plan.target_exists': {
    vi: '{field}: kế hoạch {plan} đã có chỉ tiêu mã {code}',
    en: '{field}: target {code} exists in plan {plan}',
  },
  'plan.scope_outside': {
    vi: '{field}: phạm vi của kế hoạch nằm ngoài địa bàn được giao',
    en: '{field}: the plan’s scope is outside your jurisdiction',
  },

  // Briefings, exports
  'briefing.unknown': { vi: '{field}: không có bản trình chiếu {id}', en: '{field}: no briefing {id}' },
  'briefing.delete_refused': {
    vi: '{field}: chỉ {owner} hoặc quản trị viên được xóa bản trình chiếu {id}',
    en: '{field}: only {owner} or an admin may delete briefing {id}',
  },
  'export.row_width': {
    vi: '{field}: dòng có {cells} ô nhưng bảng có {columns} cột',
    en: '{field}: {cells} cells, but the table has {columns} columns',
  },

  // Hotspots and patrols
  'hotspot.unknown': { vi: '{field}: không có tụ điểm, điểm {code}', en: '{field}: no hotspot {code}' },
  'hotspot.in_future': {
    vi: '{field}: ngày {date} ở tương lai (hôm nay là {today})',
    en: '{field}: {date} is in the future (today is {today})',
  },
  'hotspot.outside_vietnam': {
    vi: '{field}: vị trí ({lon}, {lat}) không thuộc xã nào của Việt Nam',
    en: '{field}: ({lon}, {lat}) lies in no commune of Vietnam',
  },
  'hotspot.already_eliminated': {
    vi: '{code} đã được xóa bỏ (từ ngày {since})',
    en: '{code} is already eliminated (since {since})',
  },
  'hotspot.before_detected': {
    vi: '{field}: ngày {date} trước ngày phát hiện ({since})',
    en: '{field}: {date} is before the hotspot was detected ({since})',
  },
  'hotspot.before_reopened': {
    vi: '{field}: ngày {date} trước ngày tái xuất hiện ({since})',
    en: '{field}: {date} is before the hotspot was re-opened ({since})',
  },
  'hotspot.still_active': {
    vi: '{code} đang hoạt động: chỉ mở lại được tụ điểm, điểm đã xóa bỏ',
    en: '{code} is active: only an eliminated hotspot can be re-opened',
  },
  'hotspot.before_elimination': {
    vi: '{field}: ngày {date} trước ngày xóa bỏ ({eliminated})',
    en: '{field}: {date} is before the elimination ({eliminated})',
  },
  'hotspot.detected_after_elimination': {
    vi: '{field}: ngày {date} sau ngày xóa bỏ ({eliminated})',
    en: '{field}: {date} is after the elimination ({eliminated})',
  },
  'patrol.unknown_hotspots': {
    vi: '{field}: không có tụ điểm, điểm phát hiện đến ngày {date} mang mã {codes}',
    en: '{field}: no hotspot detected by {date} with code {codes}',
  },
  'patrol.eliminated_hotspots': {
    vi: '{field}: đã xóa bỏ vào ngày {date}: {codes}',
    en: '{field}: eliminated on {date}: {codes}',
  },
  'patrol.unknown_plan': {
    vi: '{field}: không có kế hoạch tuần tra {id}',
    en: '{field}: no patrol plan {id}',
  },

  // Spatial analysis
  'analysis.short_run': {
    vi: '{field}: cần một chuỗi ít nhất 6 quý để xét xu hướng (mới có {count}; nên dùng 10)',
    en: '{field}: a run of at least 6 quarters is needed for a trend (got {count})',
  },
  'analysis.too_few_hotspots': {
    vi: '{field}: có ít hơn hai tụ điểm, điểm đang hoạt động nên không ước tính được mật độ',
    en: '{field}: fewer than two active hotspots to estimate a density',
  },

  // Imports
  'import.unknown': { vi: '{field}: không có lần nhập {id}', en: '{field}: no import {id}' },
  'import.already_rolled_back': {
    vi: '{field}: lần nhập {id} đã được hoàn tác',
    en: 'import {id} was already rolled back',
  },
  'import.later_version': {
    vi: '{field}: không hoàn tác được lần nhập {id}: đã có phiên bản {level} mới hơn bắt đầu từ {later}; hãy hoàn tác phiên bản đó trước',
    en: 'import {id} cannot be rolled back: a later {level} version starts {later}; roll that back first',
  },
  'import.used_since': {
    vi: '{field}: không hoàn tác được lần nhập {id}: đã có {count} số liệu hoặc quyết định công nhận ghi trên các đơn vị của nó',
    en: 'import {id} cannot be rolled back: {count} values or status decisions were recorded on its units since',
  },
  'import.changed_since': { vi: '{detail}', en: '{detail}' },
  'import.no_communes_in_scope': {
    vi: '{field}: tỉnh {code} không có xã nào vào ngày {date}',
    en: '{field}: no province {code} has communes on {date}',
  },
  'import.version_not_latest': {
    vi: '{field}: phiên bản {level} bắt đầu ngày {latest} là mới nhất; phiên bản mới phải bắt đầu sau ngày đó',
    en: '{field}: the {level} version starting {latest} is the latest; a new version must start after it',
  },
  'import.no_version_ended': {
    vi: '{field}: không có {level} nào kết thúc ngày {date}; hãy chọn ngày đầu của một phiên bản đơn vị mới',
    en: '{field}: no {level} ended on {date}; give the first day of a new unit version',
  },
  'import.choices_shape': {
    vi: '{field}: phải là một đối tượng JSON: khóa tên → mã đơn vị 5 chữ số',
    en: '{field}: must be a JSON object of name key → 5-digit unit code',
  },
  'import.crosswalk_file': {
    vi: '{field}: hãy chọn tệp CSV bảng chuyển đổi, hoặc cách tính theo diện tích',
    en: '{field}: give a crosswalk CSV, or method=area',
  },
  'import.file_too_large': {
    vi: '{field}: tệp lớn hơn giới hạn {limit}; hãy chia nhỏ tệp (ví dụ mỗi tỉnh một tệp)',
    en: '{field}: the upload is larger than the limit of {limit}; split the file',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type MessageCode = keyof typeof MESSAGES;

type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | ParamNames<Rest>
  : never;
/** The parameters a message's texts name, each a string or a number. */
export type MessageParams<C extends MessageCode> = Record<
  ParamNames<(typeof MESSAGES)[C]['vi']> | ParamNames<(typeof MESSAGES)[C]['en']>,
  string | number
>;

/** A message of the catalogue with its parameters: what an error carries instead of free text. */
export interface Message {
  readonly code: MessageCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export const msg = <C extends MessageCode>(code: C, params: MessageParams<C>): Message => ({ code, params });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function show(name: string, value: string | number): string {
  if (typeof value === 'number') return String(value);
  if (ISO_DATE.test(value)) return formatDate(value);
  if (name === 'period' || name === 'from' || name === 'to') {
    return /^\d{4}(-(Q[1-4]|H[12]|M?\d{1,2}))?$/.test(value) ? periodLabel(value) : value;
  }
  return value;
}

/** A template with its `{name}` parameters filled; an unknown parameter is left as written. */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : show(name, value);
  });
}

/** The message's text in the reader's language (Vietnamese unless asked otherwise). */
export function messageText(m: Message, lang: 'vi' | 'en' = 'vi'): string {
  return fillTemplate(MESSAGES[m.code][lang], m.params);
}

export const isMessage = (x: unknown): x is Message =>
  typeof x === 'object' && x !== null && 'code' in x && 'params' in x && (x as Message).code in MESSAGES;

/** Roles as messages name them. */
export const ROLE_NAMES: Readonly<Record<string, string>> = {
  admin: 'Quản trị',
  committee: 'Ban chỉ đạo',
  police: 'Công an',
  data_officer: 'Cán bộ thống kê',
};

/** Levels of administrative units as messages name them. */
export const LEVEL_NAMES: Readonly<Record<string, string>> = {
  province: 'tỉnh',
  district: 'huyện',
  commune: 'xã',
};
