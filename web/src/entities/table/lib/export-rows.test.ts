import { describe, expect, it } from 'vitest';
import type { TableRow } from '../components/data-table';
import { tableExportData } from './export-rows';

const row = (over: Partial<TableRow>): TableRow => ({
  code: '14001',
  name: 'Xã Chiềng An',
  province: 'Sơn La',
  value: 12,
  color: null,
  count: true,
  unit: 'người',
  ...over,
});

describe('the map’s table as a spreadsheet', () => {
  it('notes an estimate "ước tính" with its count whole, and a missing value "chưa có số liệu", never 0', () => {
    const data = tableExportData(
      [
        row({ code: '14001', value: 50.1495, estimated: true }),
        row({ code: '14002', value: null }),
        row({ code: '14003', value: 0 }),
        row({ code: '14004', value: 12.5, estimated: true, count: false, unit: '%' }),
      ],
      ['Mã', 'Tên', 'Tỉnh', 'Người nghiện (người)'],
      'vi',
    );
    expect(data.columns).toEqual(['Mã', 'Tên', 'Tỉnh', 'Người nghiện (người)', 'Ghi chú']);
    expect(data.rows.map((r) => [r[0], r[3], r[4]])).toEqual([
      ['14001', 50, 'ước tính'],
      ['14002', null, 'chưa có số liệu'],
      // A reported 0 is a 0, with nothing to note.
      ['14003', 0, null],
      // A share is not a count: kept as computed, still an estimate.
      ['14004', 12.5, 'ước tính'],
    ]);
  });

  it('notes a province total over only some of its communes, not a complete one', () => {
    const data = tableExportData(
      [
        row({ code: '01', value: 1234, coverage: { reported: 12, expected: 15 } }),
        row({ code: '02', value: 88, coverage: { reported: 9, expected: 9 } }),
        row({ code: '04', value: 7.5, estimated: true, coverage: { reported: 1, expected: 2 } }),
      ],
      ['Mã', 'Tên', 'Tỉnh', 'Lượt'],
      'vi',
    );
    expect(data.rows.map((r) => [r[0], r[3], r[4]])).toEqual([
      ['01', 1234, 'Tổng của 12/15 xã đã báo cáo'],
      ['02', 88, null],
      ['04', 8, 'ước tính; Tổng của 1/2 xã đã báo cáo'],
    ]);
  });

  it('speaks English on an English page', () => {
    const data = tableExportData([row({ value: null })], ['Code', 'Name', 'Province', 'Value'], 'en');
    expect(data.columns.at(-1)).toBe('Note');
    expect(data.rows[0]?.[4]).toBe('no data yet');
  });
});
