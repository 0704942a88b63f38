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
  'rules.proposal_only_thresholds': {
    vi: '{field}: đề xuất chỉ được sửa ngưỡng, phép so sánh, số tiêu chí cần đạt, xác nhận và ghi chú; tiêu chí và cách đo giữ như bộ tiêu chí quốc gia',
    en: '{field}: a proposal may change only thresholds, comparisons, criteria to meet, confirmation and notes',
  },
  'rules.proposal_no_change': {
    vi: '{field}: không có thay đổi nào so với phiên bản {version} của bộ tiêu chí',
    en: '{field}: nothing differs from version {version} of the rule set',
  },
  'rules.proposal_decided': {
    vi: '{field}: đề xuất {id} đã được {outcome}; không quyết định lại được',
    en: '{field}: proposal {id} was already decided ({outcome})',
  },
  'rules.proposal_outdated': {
    vi: '{field}: đề xuất lập trên phiên bản {base}, bộ tiêu chí nay đã ở phiên bản {latest}; hãy từ chối để tỉnh lập đề xuất mới trên phiên bản hiện hành',
    en: '{field}: the proposal was written on version {base}; the rule set is now at version {latest}',
  },

  // Plans and targets
  'plan.not_found': { vi: '{field}: không có kế hoạch mã {code}', en: '{field}: no plan with code {code}' },
  'plan.code_exists': {
    vi: '{field}: đã có kế hoạch mã {code}',
    en: '{field}: a plan with code {code} exists',
  },
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

  // Problems found in an imported file (located by sheet, row and column; see imports/import-problem.ts)
  'import.where_sheet': { vi: 'trang tính "{sheet}"', en: 'sheet "{sheet}"' },
  'import.where_row': { vi: 'dòng {row}', en: 'row {row}' },
  'import.where_column': { vi: 'cột {column}', en: 'column {column}' },
  'import.many_problems': {
    vi: '{file}: {count} lỗi, lỗi đầu tiên: {first}',
    en: '{file}: {count} problems, first: {first}',
  },
  'import.file_empty': { vi: 'tệp rỗng', en: 'the file is empty' },
  'import.unreadable_xlsx': {
    vi: 'không đọc được tệp XLSX ({reason}); hãy lưu lại từ Excel dạng .xlsx hoặc CSV UTF-8',
    en: 'not a readable XLSX workbook ({reason}); save it again from Excel as .xlsx or as CSV UTF-8',
  },
  'import.too_many_rows': {
    vi: 'bảng kéo dài đến dòng {row}, vượt giới hạn {limit} dòng; hãy chia nhỏ tệp (ví dụ mỗi tỉnh một tệp)',
    en: 'the table goes on to row {row}, past the limit of {limit} rows; split the file',
  },
  'import.too_many_columns': {
    vi: 'có giá trị ở cột {letter} (cột thứ {column}), vượt giới hạn {limit} cột ({lastLetter}); hãy xóa các cột sau bảng báo cáo',
    en: 'a value in column {letter} (column {column}) is past the limit of {limit} columns ({lastLetter})',
  },
  'import.too_many_cells': {
    vi: 'bảng có {cells} ô, vượt giới hạn {limit} ô; hãy chia nhỏ tệp (ví dụ mỗi tỉnh một tệp)',
    en: 'the table has {cells} cells, past the limit of {limit} cells; split the file',
  },
  'import.zip_not_zip': { vi: 'không phải tệp nén zip', en: 'not a zip archive (no central directory)' },
  'import.zip64': {
    vi: 'tệp nén dạng ZIP64; hãy lưu lại từ Excel hoặc LibreOffice',
    en: 'a ZIP64 archive; save the workbook again from Excel or LibreOffice',
  },
  'import.zip_too_many_parts': {
    vi: 'tệp nén có {count} phần, vượt giới hạn {limit}',
    en: 'the archive holds {count} parts, more than the limit of {limit}',
  },
  'import.zip_damaged': { vi: 'tệp nén bị hỏng ({detail})', en: 'a damaged zip archive ({detail})' },
  'import.zip_method': {
    vi: 'phần {name} của tệp nén dùng cách nén không hỗ trợ (phương thức {method})',
    en: 'entry {name} uses an unsupported compression (method {method})',
  },
  'import.zip_too_large': {
    vi: 'tệp nén giải nén ra lớn hơn giới hạn {limit}; hãy chia nhỏ tệp (ví dụ mỗi tỉnh một tệp)',
    en: 'the archive unpacks to more than the limit of {limit}; split the file',
  },
  'import.legacy_encoding': {
    vi: 'chữ "{sample}" viết bằng bảng mã cũ {encoding}, không phải Unicode; hãy chuyển tệp sang Unicode (ví dụ Unikey → "Chuyển mã", {from} → Unicode) rồi nhập lại',
    en: 'text "{sample}" is in the legacy {encoding} Vietnamese encoding, not Unicode; convert it ({from} → Unicode) and import it again',
  },
  'import.missing_columns': { vi: 'thiếu cột: {columns}', en: 'missing columns: {columns}' },
  'import.no_header_row': {
    vi: 'thiếu cột: không thấy dòng tiêu đề có "Mã đơn vị" hoặc "Tên đơn vị" và các cột chỉ số (hãy tải biểu mẫu)',
    en: 'missing columns: no header row with a unit column and indicator columns (download a template)',
  },
  'import.unknown_column': {
    vi: 'cột "{header}" không phải chỉ số trong danh mục, cũng không phải cột của biểu mẫu',
    en: 'column "{header}" is not an indicator of the catalogue nor a template column',
  },
  'import.wrong_period': {
    vi: 'kỳ "{value}" không đúng: lần nhập này dành cho kỳ {period}',
    en: 'wrong period "{value}": this import is for {period}',
  },
  'import.no_indicator_on_row': { vi: 'dòng này không ghi chỉ số', en: 'no indicator on this row' },
  'import.unknown_indicator': {
    vi: 'không có chỉ số "{value}" trong danh mục',
    en: 'unknown indicator "{value}"',
  },
  'import.not_a_number': { vi: '"{value}" không phải là số', en: '"{value}" is not a number' },
  'import.negative_value': {
    vi: 'giá trị âm {value}: {indicator} không thể nhỏ hơn 0',
    en: 'negative value {value}: {indicator} cannot be below 0',
  },
  'import.share_above_100': {
    vi: 'tỷ lệ {value}% vượt quá 100%',
    en: 'share {value}% is above 100%',
  },
  'import.computed_share_above_100': {
    vi: '{inputs}: {share} sẽ là {value}%, vượt quá 100%',
    en: '{inputs}: {share} would be {value}%, above 100%',
  },
  'import.duplicate_value': {
    vi: '{indicator} của đơn vị {code} đã có ở {place}',
    en: 'duplicate: {indicator} of unit {code} is already given on {place}',
  },
  'import.not_commune_code': {
    vi: '"{value}" không phải mã xã (5 chữ số)',
    en: '"{value}" is not a commune code (5 digits)',
  },
  'import.unknown_unit_code': {
    vi: 'không có xã nào mang mã {code} vào ngày {date}',
    en: 'unknown unit code {code}: no commune has this code on {date}',
  },
  'import.unit_outside_scope': {
    vi: '{code} ({name}) thuộc tỉnh {province}, ngoài phạm vi của lần nhập (tỉnh {scope})',
    en: "unit {code} ({name}) is in province {province}, outside the report's scope {scope}",
  },
  'import.name_mismatch': {
    vi: 'tên "{value}" không khớp với mã {code} (là {name})',
    en: 'name "{value}" does not match unit {code}, which is {name}',
  },
  'import.unknown_unit_name': {
    vi: 'không có xã nào tên "{value}"{scope} vào ngày {date}',
    en: 'unknown unit name "{value}": no commune of that name{scope} on {date}',
  },
  'import.in_province': { vi: ' thuộc tỉnh {province}', en: ' in province {province}' },
  'import.no_unit_on_row': {
    vi: 'dòng này không có mã hoặc tên đơn vị',
    en: 'no unit code or name on this row',
  },
  'import.ambiguous_name': {
    vi: 'tên đơn vị "{value}" khớp với {count} xã ({candidates}): hãy ghi mã xã',
    en: 'unit name "{value}" fits {count} communes ({candidates}): give its code',
  },
  'import.unit_outside_jurisdiction': {
    vi: '{code} ({name}, {province}) nằm ngoài địa bàn được giao',
    en: 'unit {code} ({name}, {province}) is outside your jurisdiction',
  },
  'import.no_values': { vi: 'tệp không có số liệu nào', en: 'the report has no values' },
  'import.empty_rows': {
    vi: 'tệp chưa có số liệu: {count} dòng đơn vị để trống mọi cột chỉ số (dòng {rows}); hãy điền số liệu rồi tải lên lại',
    en: 'the report has no values: {count} unit rows leave every indicator cell empty (rows {rows})',
  },
  'import.crs_unsupported': {
    vi: 'không hỗ trợ hệ tọa độ {crs}',
    en: 'unsupported coordinate system {crs}',
  },
  'import.crs_prj_generic': { vi: 'tệp .prj quá chung ({reason})', en: 'the .prj is generic ({reason})' },
  'import.crs_no_prj': { vi: 'shapefile không có tệp .prj', en: 'the shapefile has no .prj' },
  'import.crs_not_said': {
    vi: 'tệp không ghi hệ tọa độ',
    en: 'the file does not say its coordinate system',
  },
  'import.crs_choose': {
    vi: 'hãy chọn hệ tọa độ: {why}{at}; có lẽ là {options}',
    en: 'choose the coordinate system: {why}{at}; likely {options}',
  },
  'import.crs_first_coordinate': {
    vi: ' (tọa độ đầu tiên {x}, {y})',
    en: ' (first coordinate {x}, {y})',
  },
  'import.crosswalk_missing_columns': { vi: 'thiếu cột: {columns}', en: 'missing columns: {columns}' },
  'import.crosswalk_unknown_old': {
    vi: 'mã cũ {code} không đúng: không có {level} nào kết thúc ngày {date}',
    en: 'unknown old code {code}: no {level} ended on {date}',
  },
  'import.crosswalk_unknown_new': {
    vi: 'mã mới {code} không đúng: không có {level} nào hiệu lực ngày {date}',
    en: 'unknown new code {code}: no {level} is valid on {date}',
  },
  'import.crosswalk_weight': {
    vi: 'tỷ lệ "{value}" phải là số lớn hơn 0 và không quá 1',
    en: 'weight "{value}" must be a number above 0 and at most 1',
  },
  'import.crosswalk_duplicate': {
    vi: 'trùng với dòng {row}: {old} → {new}',
    en: 'duplicate of row {row}: {old} → {new}',
  },
  'import.crosswalk_sum': {
    vi: 'tổng tỷ lệ của đơn vị cũ {code} là {sum}, lớn hơn 1',
    en: 'the weights of old unit {code} add up to {sum}, above 1',
  },
  'import.crosswalk_no_rows': {
    vi: 'tệp không có dòng chuyển đổi nào',
    en: 'the file has no crosswalk rows',
  },

  'import.shapefile_parts': {
    vi: 'shapefile gồm nhiều tệp: hãy nén .shp, .shx, .dbf và .prj (và .cpg) vào một tệp .zip rồi tải lên',
    en: 'a shapefile is several files: zip the .shp, .shx, .dbf and .prj (and .cpg) together and upload the .zip',
  },
  'import.not_boundary_file': {
    vi: 'không phải tệp ranh giới: cần GeoJSON, TopoJSON, KML hoặc Shapefile nén zip',
    en: 'not a boundary file: expected GeoJSON, TopoJSON, KML or a zipped Shapefile',
  },
  'import.unreadable_zip': {
    vi: 'không đọc được tệp nén zip ({detail})',
    en: 'not a readable zip archive ({detail})',
  },
  'import.unreadable_shapefile': {
    vi: 'không đọc được shapefile ({detail})',
    en: 'not a readable shapefile ({detail})',
  },
  'import.bad_json': { vi: 'JSON không hợp lệ ({detail})', en: 'not valid JSON ({detail})' },
  'import.topojson_empty': { vi: 'tệp TopoJSON không có đối tượng nào', en: 'the TopoJSON has no objects' },
  'import.json_type': {
    vi: 'JSON kiểu "{type}" không phải GeoJSON FeatureCollection hay TopoJSON',
    en: 'JSON of type "{type}" is not a GeoJSON FeatureCollection nor TopoJSON',
  },
  'import.crs_not_supported': { vi: 'không hỗ trợ crs "{crs}"', en: 'crs "{crs}" is not supported' },
  'import.zip_no_layer': {
    vi: 'tệp zip không chứa shapefile (.shp) hay KML; trong đó có: {names}',
    en: 'the zip holds no shapefile (.shp) nor KML; it holds: {names}',
  },
  'import.zip_many_layers': {
    vi: 'tệp zip chứa {count} shapefile ({names}); mỗi tệp chỉ tải lên một lớp',
    en: 'the zip holds {count} shapefiles ({names}); upload one layer per file',
  },
  'import.shapefile_no_dbf': {
    vi: '{shp} thiếu tệp .dbf đi kèm: cần bảng thuộc tính (mã, tên)',
    en: '{shp} has no .dbf beside it: the attribute table (codes, names) is needed',
  },
  'import.no_features': { vi: 'tệp không có đối tượng nào', en: 'the file has no features' },
  'import.no_unit_code_property': {
    vi: 'không có mã đơn vị (thuộc tính {names})',
    en: 'no unit code (property {names})',
  },
  'import.no_unit_name_property': {
    vi: 'không có tên đơn vị (thuộc tính {names})',
    en: 'no unit name (property {names})',
  },
  'import.no_province_property': {
    vi: 'không có mã tỉnh (thuộc tính {names})',
    en: 'no province code (property {names})',
  },
  'import.bad_unit_code': {
    vi: '"{value}" không phải mã {level} ({width} chữ số)',
    en: '"{value}" is not a {level} code ({width} digits)',
  },
  'import.code_twice': {
    vi: 'mã {code} trùng với đối tượng số {previous}',
    en: 'code {code} is also feature {previous}',
  },
  'import.not_polygon': {
    vi: 'hình học là {type}, không phải vùng (polygon)',
    en: 'geometry is {type}, not a polygon',
  },
  'import.outside_vietnam': {
    vi: 'sau khi chuyển từ {crs}, tọa độ rơi vào {at}, ngoài Việt Nam: sai hệ tọa độ?',
    en: 'coordinates land at {at} after conversion from {crs}, outside Vietnam: wrong coordinate system?',
  },
  'import.no_area': {
    vi: 'đơn vị {code} không còn diện tích sau khi sửa hình học',
    en: 'unit {code} has no area after repairing its geometry',
  },

  // Patrol plan warnings
  'patrol.no_visit_fits': {
    vi: '{place}: không xếp được lượt tuần tra nào trong ca',
    en: '{place}: no visit fits in the shift',
  },
  'patrol.gap_over_2h': {
    vi: '{place}: quá 2 giờ không có lượt tuần tra',
    en: '{place}: more than 2 hours without a visit',
  },

  // zod's issues, named by field (request.invalid_field puts `{field}: ` before them)
  'zod.invalid_type': {
    vi: 'cần {expected}, nhận được {received}',
    en: 'expected {expected}, received {received}',
  },
  'zod.invalid_value': { vi: 'phải là {values}', en: 'must be {values}' },
  'zod.too_big': { vi: 'phải {relation} {limit}{unit}', en: 'must be at most {limit}{unit}' },
  'zod.too_small': { vi: 'phải {relation} {limit}{unit}', en: 'must be at least {limit}{unit}' },
  'zod.invalid_format': { vi: 'không đúng định dạng {format}', en: 'invalid {format}' },
  'zod.not_multiple_of': { vi: 'phải là bội số của {divisor}', en: 'must be a multiple of {divisor}' },
  'zod.unrecognized_keys': {
    vi: 'có trường không được nhận: {keys}',
    en: 'unrecognized keys: {keys}',
  },
  'zod.invalid': { vi: 'giá trị không hợp lệ', en: 'invalid value' },
  'zod.required': { vi: 'cần nhập', en: 'is required' },
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
