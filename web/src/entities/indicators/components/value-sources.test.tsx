import { describe, expect, it } from 'vitest';
import { sourceLines } from './value-sources';

/**
 * Reading a number back to its source (issue 15): a value in the map's table is a button that opens, on the
 * same page, where the figure came from (the import, its file and rows, who and when), not a link away.
 */

const imported = {
  kind: 'import' as const,
  tag: 'import:12:bao-cao-quy.csv',
  importId: 12,
  fileName: 'bao-cao-quy.csv',
  actor: 'thongke.hanoi',
  importedAt: '2026-04-03T02:10:00Z',
  rows: [4, 9],
  submissionId: null,
  crosswalk: false,
  estimated: false,
  values: 2,
};

describe('what the provenance popover says', () => {
  it('names the file, its rows, the import, who and when (dd/mm/yyyy)', () => {
    expect(sourceLines([imported], 'commune', 'vi')).toEqual([
      'Nhập từ tệp bao-cao-quy.csv, dòng 4, 9 (lần nhập số 12, thongke.hanoi, 03/04/2026)',
    ]);
  });

  it('says an area total has no source of its own, and a commune without one says so', () => {
    expect(sourceLines(undefined, 'province', 'vi')).toEqual([
      'Số liệu tổng hợp từ các xã: mở từng xã để xem nguồn',
    ]);
    expect(sourceLines([], 'commune', 'vi')).toEqual(['Chưa có thông tin nguồn cho số liệu này']);
  });
});
