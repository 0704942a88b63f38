import type { z } from 'zod';
import { messageText, msg } from './messages';

/** Types as a Vietnamese reader names them ("cần số, nhận được chuỗi ký tự"), never zod's English names. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  bigint: 'số nguyên',
  boolean: 'giá trị đúng/sai',
  array: 'danh sách',
  object: 'đối tượng',
  date: 'ngày',
  undefined: 'không có giá trị',
  null: 'giá trị rỗng',
  nan: 'giá trị không phải số',
  symbol: 'ký hiệu',
  function: 'hàm',
  map: 'bảng ánh xạ',
  set: 'tập hợp',
  file: 'tệp',
  never: 'không có giá trị',
};

/** Formats a string must have, by zod's format name. */
const FORMAT_NAMES: Readonly<Record<string, string>> = {
  regex: 'quy định',
  email: 'địa chỉ email',
  url: 'đường dẫn URL',
  uuid: 'UUID',
  datetime: 'ngày giờ ISO (YYYY-MM-DDTHH:mm:ssZ)',
  date: 'ngày YYYY-MM-DD',
  time: 'giờ HH:mm',
  starts_with: 'phần đầu quy định',
  ends_with: 'phần cuối quy định',
  includes: 'quy định',
  json_string: 'chuỗi JSON',
};

/** What a value of the given zod origin is counted in. */
const SIZE_UNITS: Readonly<Record<string, string>> = {
  string: ' ký tự',
  array: ' phần tử',
  set: ' phần tử',
  file: ' byte',
};

const typeName = (type: string) => TYPE_NAMES[type] ?? type;

function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : 'number';
  if (input instanceof Date) return 'date';
  return typeof input;
}

/** The text of a missing value: the hooks answer it as `request.required` ("{field}: cần nhập"). */
export const REQUIRED = messageText(msg('zod.required', {}));

/**
 * True when a (finished) issue says a value is missing. zod drops an issue's input once it is reported, so
 * the text given while it still had it is what tells a missing value from one of the wrong type.
 */
export const isMissing = (issue: z.core.$ZodIssue) =>
  issue.code === 'invalid_type' && issue.message === REQUIRED;

const shown = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));

/**
 * The Vietnamese text of a zod issue, from the message catalogue (codes `zod.*`): what zod would say in
 * English ("expected number, received string") with types, sizes and formats named in Vietnamese. A
 * schema's own message (`.regex(…, 'phải là mã tỉnh 2 chữ số')`) still wins over it.
 */
export function zodIssueText(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return REQUIRED;
      return messageText(
        msg('zod.invalid_type', {
          expected: typeName(String(issue.expected)),
          received: typeName(typeOf(issue.input)),
        }),
      );
    case 'invalid_value':
      return messageText(msg('zod.invalid_value', { values: issue.values.map(shown).join(' hoặc ') }));
    case 'too_big':
    case 'too_small': {
      const sized = issue.origin in SIZE_UNITS;
      const big = issue.code === 'too_big';
      const relation = big
        ? sized
          ? issue.inclusive
            ? 'có nhiều nhất'
            : 'có ít hơn'
          : issue.inclusive
            ? 'không lớn hơn'
            : 'nhỏ hơn'
        : sized
          ? issue.inclusive
            ? 'có ít nhất'
            : 'có nhiều hơn'
          : issue.inclusive
            ? 'không nhỏ hơn'
            : 'lớn hơn';
      const limit = String(big ? issue.maximum : issue.minimum);
      return messageText(
        msg(big ? 'zod.too_big' : 'zod.too_small', { relation, limit, unit: SIZE_UNITS[issue.origin] ?? '' }),
      );
    }
    case 'invalid_format':
      return messageText(msg('zod.invalid_format', { format: FORMAT_NAMES[issue.format] ?? issue.format }));
    case 'not_multiple_of':
      return messageText(msg('zod.not_multiple_of', { divisor: String(issue.divisor) }));
    case 'unrecognized_keys':
      return messageText(msg('zod.unrecognized_keys', { keys: issue.keys.join(', ') }));
    default:
      return messageText(msg('zod.invalid', {}));
  }
}
