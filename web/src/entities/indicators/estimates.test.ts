import { describe, expect, it } from 'vitest';
import { describeSource, formatValue, isCountUnit } from './estimates';

const source = {
  kind: 'import' as const,
  tag: 'import:12:bao-cao.csv',
  importId: 12,
  fileName: 'bao-cao.csv',
  actor: 'thongke.hanoi',
  importedAt: '2026-11-03T08:00:00Z',
  crosswalk: false,
  estimated: false,
  values: 1,
};

describe('numbers as the web writes them', () => {
  it('says a missing value is missing, never 0', () => {
    expect(formatValue(null, 'vi')).toBe('chưa có số liệu');
    expect(formatValue(undefined, 'vi')).toBe('chưa có số liệu');
    expect(formatValue(0, 'vi')).toBe('0');
  });

  it('shows an estimated count whole, a share as it is', () => {
    expect(formatValue(50.1495, 'vi', { estimated: true, count: true })).toBe('50');
    expect(formatValue(50.1495, 'vi', { estimated: true, count: false })).toBe('50,1');
    expect(isCountUnit('người')).toBe(true);
    expect(isCountUnit('%')).toBe(false);
    expect(isCountUnit('người/1.000 dân')).toBe(false);
  });

  it('writes a share with its percent sign, a count without a unit', () => {
    expect(formatValue(12.5, 'vi', { unit: '%' })).toBe('12,5%');
    expect(formatValue(12.5, 'en', { unit: '%' })).toBe('12.5%');
    expect(formatValue(1234, 'vi', { unit: 'người', count: true })).toBe('1.234');
    expect(formatValue(null, 'vi', { unit: '%' })).toBe('chưa có số liệu');
  });

  it('names a value’s source: the file, import, who and when; the demo; the crosswalk', () => {
    expect(describeSource(source, 'vi')).toBe(
      'Nhập từ tệp bao-cao.csv (lần nhập số 12, thongke.hanoi, 03/11/2026)',
    );
    expect(describeSource({ ...source, kind: 'demo', tag: 'demo', importId: null }, 'vi')).toBe(
      'Dữ liệu minh họa (tổng hợp)',
    );
    expect(describeSource({ ...source, crosswalk: true, estimated: true }, 'vi')).toContain(
      'ước tính qua bảng chuyển đổi',
    );
    expect(describeSource({ ...source, rows: [7] }, 'vi')).toBe(
      'Nhập từ tệp bao-cao.csv, dòng 7 (lần nhập số 12, thongke.hanoi, 03/11/2026)',
    );
    expect(describeSource({ ...source, kind: 'form', submissionId: 5 }, 'vi')).toBe(
      'Báo cáo nhập trên ứng dụng (lần gửi số 5, duyệt bởi thongke.hanoi, 03/11/2026)',
    );
  });
});
