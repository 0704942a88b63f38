import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../indicators/indicators.repo';
import { describeProblem } from './import-problem';
import { decodeText, detectLegacyEncoding } from './legacy-encoding';
import { parseCsv, parseNumber, readTable } from './read-table';
import { createUnitMatcher, type MatchableUnit } from './unit-matcher';
import { noValuesProblem, readReport, rowRanges } from './values-sheet';
import { templateCsv, templateRows, templateXlsx } from './values-template';

const indicator = (code: string, nameVi: string, extra: Partial<IndicatorRow> = {}): IndicatorRow => ({
  code,
  nameVi,
  nameEn: code,
  unitVi: 'người',
  unitEn: 'people',
  areaAggregation: 'sum',
  kind: 'stock',
  timeAggregation: 'last',
  formula: null,
  sensitivity: 'internal',
  descriptionVi: '',
  reportingLevel: 'commune',
  disaggregations: [],
  provinceCode: null,
  retiredAt: null,
  sortOrder: 0,
  ...extra,
});

const INDICATORS = [
  indicator('managed_addicts', 'Người nghiện có hồ sơ quản lý'),
  indicator('addicts_reached', 'Người nghiện được tiếp cận dịch vụ'),
  indicator('drug_arrests', 'Số người bị bắt về tội phạm ma túy', { timeAggregation: 'sum' }),
  indicator('treatment_reach_pct', 'Tỷ lệ tiếp cận điều trị', {
    unitVi: '%',
    kind: 'computed',
    areaAggregation: 'rate',
    timeAggregation: 'rate',
    formula: 'addicts_reached / managed_addicts * 100',
  }),
];

const unit = (id: number, code: string, name: string, kind: string, provinceCode: string): MatchableUnit => ({
  id,
  code,
  name,
  fullName: `${kind} ${name}`,
  provinceCode,
  provinceName: provinceCode === '01' ? 'Thành phố Hà Nội' : 'Tỉnh Sơn La',
});

const UNITS = [
  unit(1, '00004', 'Ba Đình', 'Phường', '01'),
  unit(2, '00008', 'Ngọc Hà', 'Phường', '01'),
  unit(3, '03979', 'Tân Phong', 'Xã', '14'),
  unit(4, '09999', 'Tân Phong', 'Xã', '01'),
];

const read = (rows: (string | number | null)[][], scope: string | null = null, choices = {}) =>
  readReport([{ name: 'Báo cáo', rows }], {
    period: '2026-Q3',
    indicators: INDICATORS,
    matcher: createUnitMatcher(UNITS, { scope, date: '2026-09-30', choices }),
  });

describe('reading a report', () => {
  it('reads the wide layout: one row per commune, one column per indicator (by name or code)', () => {
    const r = read([
      [
        'Mã đơn vị',
        'Tên đơn vị',
        'Kỳ báo cáo',
        'Người nghiện có hồ sơ quản lý (managed_addicts)',
        'drug_arrests',
      ],
      ['00004', 'Phường Ba Đình', '2026-Q3', 12, '3'],
      [8, 'Ngọc Hà', '2026-Q3', '1.234', null],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.values.map((v) => [v.unitCode, v.indicatorCode, v.value, v.row, v.column])).toEqual([
      ['00004', 'managed_addicts', 12, 2, 'D'],
      ['00004', 'drug_arrests', 3, 2, 'E'],
      ['00008', 'managed_addicts', 1234, 3, 'D'],
    ]);
  });

  it('decides the decimal convention once per file: 96.163 is 96,163 beside 93.3868, 96 163 beside 1.234,5', () => {
    const header = ['Mã đơn vị', 'Kỳ báo cáo', 'managed_addicts'];
    const dot = read([header, ['00004', '2026-Q3', '93.3868'], [8, '2026-Q3', '96.163']]);
    expect(dot.problems).toEqual([]);
    expect(dot.values.map((v) => v.value)).toEqual([93.3868, 96.163]);
    const comma = read([header, ['00004', '2026-Q3', '1.234,5'], [8, '2026-Q3', '96.163']]);
    expect(comma.problems).toEqual([]);
    expect(comma.values.map((v) => v.value)).toEqual([1234.5, 96163]);
  });

  it('lists a value that reads either way with what it was read as, and reads it as the user chooses', () => {
    const header = ['Mã đơn vị', 'Kỳ báo cáo', 'managed_addicts'];
    const rows = [header, ['00004', '2026-Q3', '12'], [8, '2026-Q3', '96.163']];
    // Nothing in the file tells: the Vietnamese way (96 163), said so, the cell listed.
    const vi = read(rows);
    expect(vi.values.map((v) => v.value)).toEqual([12, 96163]);
    expect(vi.numbers).toEqual({
      convention: 'comma',
      decidedBy: 'default',
      ambiguous: [{ sheet: 'Báo cáo', row: 3, column: 'C', text: '96.163', value: 96163 }],
      ambiguousCount: 1,
    });
    // The user says the file writes a decimal point: 96,163, for the whole file.
    const dot = readReport([{ name: 'Báo cáo', rows }], {
      period: '2026-Q3',
      indicators: INDICATORS,
      matcher: createUnitMatcher(UNITS, { scope: null, date: '2026-09-30' }),
      decimalMark: 'dot',
    });
    expect(dot.values.map((v) => v.value)).toEqual([12, 96.163]);
    expect(dot.numbers).toMatchObject({ convention: 'dot', decidedBy: 'choice', ambiguousCount: 1 });
    // A file that tells (93.3868) decides; the choice does not override it.
    const told = readReport([{ name: 'Báo cáo', rows: [...rows, [8, '2026-Q3', '93.3868']] }], {
      period: '2026-Q3',
      indicators: INDICATORS,
      matcher: createUnitMatcher(UNITS, { scope: null, date: '2026-09-30' }),
      decimalMark: 'comma',
    });
    expect(told.numbers).toMatchObject({ convention: 'dot', decidedBy: 'cells' });
    expect(told.numbers.ambiguous.map((a) => a.value)).toEqual([96.163]);
  });

  it('refuses a file that writes decimals both ways, naming each row and column', () => {
    const header = ['Mã đơn vị', 'Kỳ báo cáo', 'managed_addicts'];
    const r = read([header, ['00004', '2026-Q3', '93.3868'], [8, '2026-Q3', '1.234,5']]);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'C'],
      [3, 'C'],
    ]);
    expect(r.problems[0]?.message).toContain('dấu phẩy thập phân');
    expect(r.values).toEqual([]);
  });

  it('reads the long layout and matches names without diacritics or prefix', () => {
    const r = read([
      ['Ten don vi', 'Chỉ tiêu', 'Giá trị'],
      ['ba dinh', 'managed_addicts', '7'],
      ['P. Ngọc Hà', 'Người nghiện có hồ sơ quản lý', '5,5'],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.values.map((v) => [v.unitCode, v.value])).toEqual([
      ['00004', 7],
      ['00008', 5.5],
    ]);
  });

  it('takes no values of a retired, a province-level or another province’s indicator', () => {
    const r = readReport(
      [
        {
          name: 'Báo cáo',
          rows: [
            ['Mã đơn vị', 'Mã chỉ tiêu', 'Giá trị'],
            ['00004', 'old_count', '1'],
            ['00004', 'province_only', '2'],
            ['00004', 'son_la_own', '3'],
            ['03979', 'son_la_own', '4'],
          ],
        },
      ],
      {
        period: '2026-Q3',
        indicators: [
          indicator('old_count', 'Chỉ tiêu cũ', { retiredAt: '2026-01-01T00:00:00Z' }),
          indicator('province_only', 'Chỉ tiêu cấp tỉnh', { reportingLevel: 'province' }),
          indicator('son_la_own', 'Chỉ tiêu riêng Sơn La', { provinceCode: '14' }),
        ],
        matcher: createUnitMatcher(UNITS, { scope: null, date: '2026-09-30', choices: {} }),
      },
    );
    expect(r.problems.map((p) => [p.row, p.message])).toEqual([
      [2, 'old_count đã ngừng sử dụng; không nhận số liệu mới'],
      [3, 'province_only được báo cáo cấp tỉnh; báo cáo theo xã không nhận chỉ số này'],
      [4, 'son_la_own là chỉ số riêng của tỉnh 14; 00004 thuộc tỉnh 01'],
    ]);
    expect(r.values.map((v) => [v.unitCode, v.indicatorCode, v.value])).toEqual([['03979', 'son_la_own', 4]]);
  });

  it('names the row and column of every problem', () => {
    const r = read([
      ['Mã đơn vị', 'Kỳ báo cáo', 'managed_addicts', 'addicts_reached', 'treatment_reach_pct'],
      ['00004', '2026-Q2', '-1', null, null],
      ['12345', '2026-Q3', 'abc', null, null],
      ['00008', '2026-Q3', '10', '12', null],
      ['00008', '2026-Q3', '10', null, '50'],
    ]);
    const lines = r.problems.map((p) => describeProblem('bc.xlsx', p));
    expect(lines).toEqual([
      'bc.xlsx: trang tính "Báo cáo", dòng 2, cột B (Kỳ báo cáo): kỳ "2026-Q2" không đúng: lần nhập này dành cho kỳ Quý III/2026',
      'bc.xlsx: trang tính "Báo cáo", dòng 2, cột C (managed_addicts): giá trị âm -1: Người nghiện có hồ sơ quản lý không thể nhỏ hơn 0',
      'bc.xlsx: trang tính "Báo cáo", dòng 3, cột A (Mã đơn vị): không có xã nào mang mã 12345 vào ngày 30/09/2026',
      'bc.xlsx: trang tính "Báo cáo", dòng 3, cột C (managed_addicts): "abc" không phải là số',
      'bc.xlsx: trang tính "Báo cáo", dòng 4, cột D: addicts_reached 12, managed_addicts 10: treatment_reach_pct sẽ là 120%, vượt quá 100%',
      'bc.xlsx: trang tính "Báo cáo", dòng 5, cột C: managed_addicts của đơn vị 00008 đã có ở trang tính "Báo cáo", dòng 4',
      'bc.xlsx: trang tính "Báo cáo", dòng 5, cột E (treatment_reach_pct): treatment_reach_pct là chỉ số tính toán (addicts_reached / managed_addicts * 100); hãy nhập các chỉ số trong công thức',
    ]);
  });

  it('lists a name that fits several communes as ambiguous, and takes the user’s choice', () => {
    const rows = [
      ['Tên đơn vị', 'managed_addicts'],
      ['Xã Tân Phong', '4'],
    ];
    const r = read(rows);
    expect(r.values).toEqual([]);
    expect(r.ambiguous).toHaveLength(1);
    expect(r.ambiguous[0]?.candidates.map((c) => c.code).sort()).toEqual(['03979', '09999']);
    expect(r.ambiguous[0]?.rows).toEqual([{ sheet: 'Báo cáo', row: 2 }]);
    // Within a scope the name is unique; a choice settles it nationally.
    expect(read(rows, '14').values[0]?.unitCode).toBe('03979');
    expect(read(rows, null, { 'tan phong': '09999' }).values[0]?.unitCode).toBe('09999');
  });

  it('reports missing columns and headers that are not indicators', () => {
    const r = read([
      ['Mã đơn vị', 'Ghi chú'],
      ['00004', 'x'],
    ]);
    expect(r.problems.map((p) => p.message)).toEqual([
      'thiếu cột: mỗi chỉ số một cột, hoặc "Mã chỉ số" và "Giá trị"',
    ]);
    const typo = read([
      ['Mã đơn vị', 'Nguoi nghien'],
      ['00004', '1'],
    ]);
    expect(typo.problems).toContainEqual(
      expect.objectContaining({ row: 1, column: 'B', header: 'Nguoi nghien' }),
    );
    expect(read([['STT', 'Số liệu']]).problems[0]?.message).toMatch(/^thiếu cột/);
  });

  it('rejects text typed in TCVN3 or VNI, naming the cell', () => {
    const tcvn3 = read([
      ['Tên đơn vị', 'managed_addicts'],
      ['Ph­êng Ba §×nh', '1'],
    ]);
    expect(tcvn3.problems).toHaveLength(1);
    expect(tcvn3.problems[0]).toMatchObject({ row: 2, column: 'A' });
    expect(tcvn3.problems[0]?.message).toContain('TCVN3');
    expect(detectLegacyEncoding('Phöôøng Ba Ñình')).toBe('VNI');
    expect(detectLegacyEncoding('Hµ Néi')).toBe('TCVN3');
    expect(detectLegacyEncoding('Phường Ba Đình')).toBeNull();
    expect(detectLegacyEncoding('managed_addicts')).toBeNull();
  });
});

describe('file formats', () => {
  it('decodes UTF-8, and Windows-1258 CSV as Excel on Vietnamese Windows saves it', () => {
    expect(decodeText(new TextEncoder().encode('Hà Nội')).text).toBe('Hà Nội');
    // "Hà Nội" in Windows-1258: ộ is ô (0xF4) followed by the combining dot below (0xF2).
    const cp1258 = new Uint8Array([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0xf2, 0x69]);
    expect(decodeText(cp1258)).toEqual({ text: 'Hà Nội', encoding: 'windows-1258' });
    // TCVN3 bytes of "Hà Nội" are read as typed, so the detector sees them.
    const tcvn3 = new Uint8Array([0x48, 0xb5, 0x20, 0x4e, 0xe9, 0x69]);
    expect(detectLegacyEncoding(decodeText(tcvn3).text)).toBe('TCVN3');
  });

  it('parses quoted CSV fields and Vietnamese number formats', () => {
    expect(parseCsv('a;"b;c"\n"say ""hi""";\r\n', ';')).toEqual([
      ['a', 'b;c'],
      ['say "hi"', null],
    ]);
    expect([parseNumber('1.234.567'), parseNumber('12,5'), parseNumber('1.234,5'), parseNumber('7')]).toEqual(
      [1234567, 12.5, 1234.5, 7],
    );
    expect(parseNumber('12a')).toBeNull();
  });

  it('reads back its own templates, XLSX and CSV, with codes keeping their leading zeros', async () => {
    const rows = templateRows('wide', UNITS.slice(0, 2), INDICATORS, '2026-Q3');
    const xlsx = await readTable('t.xlsx', await templateXlsx(rows, 'Báo cáo 2026-Q3'));
    expect(xlsx[0]?.rows[1]?.[0]).toBe('00004');
    const csv = await readTable('t.csv', new TextEncoder().encode(templateCsv(rows)));
    expect(csv[0]?.rows[0]).toEqual(xlsx[0]?.rows[0]);
    // The template's rate column is not a reportable indicator: it is absent.
    expect(rows[0]).not.toContain('Tỷ lệ tiếp cận điều trị (treatment_reach_pct)');
  });

  it('heads indicator columns "Mã chỉ số / Tên chỉ số" and reads back old templates headed "Mã chỉ tiêu / Tên chỉ tiêu"', async () => {
    // An indicator is a "chỉ số"; "chỉ tiêu" is a plan's target. The long template says so.
    const rows = templateRows('long', UNITS.slice(0, 1), INDICATORS, '2026-Q3');
    expect(rows[0]).toContain('Mã chỉ số');
    expect(rows[0]).toContain('Tên chỉ số');
    expect(rows[0]?.join()).not.toMatch(/chỉ tiêu/);
    const filled = (header: string[]) => [
      header,
      ...rows.slice(1).map((r, i) => r.map((cell, c) => (header[c] === 'Giá trị' ? String(10 - i) : cell))),
    ];
    const fresh = read(filled(rows[0] ?? []));
    expect(fresh.problems).toEqual([]);
    expect(fresh.values.map((v) => [v.indicatorCode, v.value])).toEqual(
      rows.slice(1).map((r, i) => [r[(rows[0] ?? []).indexOf('Mã chỉ số')], 10 - i]),
    );
    // A template downloaded before the change, headed with "chỉ tiêu", reads the same values.
    const oldHeader = (rows[0] ?? []).map((h) =>
      h === 'Mã chỉ số' ? 'Mã chỉ tiêu' : h === 'Tên chỉ số' ? 'Tên chỉ tiêu' : h,
    );
    expect(oldHeader).toContain('Mã chỉ tiêu');
    const old = read(filled(oldHeader));
    expect(old.problems).toEqual([]);
    expect(old.values).toEqual(fresh.values);
    // Through the file formats too.
    const csv = await readTable('t.csv', new TextEncoder().encode(templateCsv(filled(oldHeader))));
    expect(read(csv[0]?.rows ?? []).values).toEqual(fresh.values);
  });

  it('refuses a broken XLSX with a message naming the problem', async () => {
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await expect(readTable('broken.xlsx', broken)).rejects.toThrow(/broken\.xlsx: không đọc được tệp XLSX/);
  });
});

describe('unit name keys', () => {
  it('strips kind prefixes only where they are prefixes', async () => {
    const { nameKey } = await import('./unit-matcher');
    expect(nameKey('Xã Tịnh Khê')).toBe('tinh khe');
    expect(nameKey('Tịnh Khê')).toBe('tinh khe');
    expect(nameKey('Xã Phương Thịnh')).toBe('phuong thinh');
    expect(nameKey('Phường Ba Đình')).toBe('ba dinh');
    expect(nameKey('P. Ngọc Hà')).toBe('ngoc ha');
    expect(nameKey('xa tan phong')).toBe('tan phong');
    expect(nameKey('Xã Xà Phiên')).toBe('xa phien');
  });
});

describe('a template sent back unfilled', () => {
  it('names its empty rows in Vietnamese instead of refusing the file as unreadable', () => {
    const r = read([
      ['Mã đơn vị', 'Tên đơn vị', 'managed_addicts', 'addicts_reached'],
      ['00004', 'Phường Ba Đình', null, null],
      ['00008', 'Phường Ngọc Hà', null, null],
      ['09999', 'Xã Tân Phong', null, null],
    ]);
    expect(r.values).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.emptyRows.map((e) => e.row)).toEqual([2, 3, 4]);
    expect(noValuesProblem(r.emptyRows).message).toBe(
      'tệp chưa có số liệu: 3 dòng đơn vị để trống mọi cột chỉ số (dòng 2–4); hãy điền số liệu rồi tải lên lại',
    );
    // A row with one value is not empty.
    const partly = read([
      ['Mã đơn vị', 'managed_addicts'],
      ['00004', null],
      ['00008', 5],
    ]);
    expect(partly.emptyRows.map((e) => e.row)).toEqual([2]);
    expect(noValuesProblem([]).message).toBe('tệp không có số liệu nào');
  });

  it('writes row numbers as ranges', () => {
    expect(rowRanges([7, 2, 3, 4, 9, 10])).toBe('2–4, 7, 9–10');
    expect(rowRanges([5])).toBe('5');
  });
});
