import { describe, expect, it } from 'vitest';
import { targetSentence } from './target-sentence';

describe('a target read back as the plan writes it', () => {
  it('a roadmap by year lists each milestone', () => {
    expect(
      targetSentence(
        {
          kind: 'roadmap',
          measure: { type: 'status_count', statuses: ['khong_ma_tuy'] },
          milestones: [
            { year: 2026, value: 18 },
            { year: 2025, value: 12 },
          ],
          eachChild: false,
        },
        '2026-12-31',
      ),
    ).toBe(
      'Lộ trình số xã không có ma túy: 12 xã (2025) → 18 xã (2026); mỗi năm đánh giá theo mốc của năm đó.',
    );
  });

  it('a named list, a growth cap and "each district converts ≥ 1 commune"', () => {
    expect(
      targetSentence(
        {
          kind: 'named_units',
          codes: ['14001', '14004'],
          validOn: '2026-01-01',
          statuses: ['khong_ma_tuy'],
          eachChild: false,
        },
        '2026-12-31',
      ),
    ).toBe('2 xã (14001, 14004) đạt phân loại không có ma túy đến 31/12/2026.');
    // With the communes' names known, the sentence names them (an unknown code stays a code).
    expect(
      targetSentence(
        {
          kind: 'named_units',
          codes: ['14001', '14004'],
          validOn: '2026-01-01',
          statuses: ['khong_ma_tuy'],
          eachChild: false,
        },
        '2026-12-31',
        new Map(),
        new Map([['14001', 'Xã Mường La']]),
      ),
    ).toBe('2 xã (Xã Mường La, 14004) đạt phân loại không có ma túy đến 31/12/2026.');
    expect(
      targetSentence(
        {
          kind: 'yearly_change',
          measure: { type: 'indicator', indicator: 'managed_addicts' },
          limit: 'max_growth',
          pct: 1,
          fromYear: 2025,
          eachChild: false,
        },
        '2030-12-31',
        new Map([['managed_addicts', 'Người nghiện có hồ sơ quản lý']]),
      ),
    ).toBe('Tốc độ tăng người nghiện có hồ sơ quản lý dưới 1%/năm, từ 2025 đến 31/12/2030.');
    expect(
      targetSentence(
        {
          kind: 'status_conversion',
          from: ['co_ma_tuy'],
          to: ['khong_ma_tuy'],
          threshold: 1,
          window: { from: '2023-01-01', eachYear: false },
          eachChild: true,
        },
        '2023-12-31',
      ),
    ).toBe(
      'Mỗi đơn vị trực thuộc: chuyển hóa ít nhất 1 xã từ có ma túy thành không có ma túy (tính từ 01/01/2023) đến 31/12/2023.',
    );
  });

  it('"no new" with a threshold of 0, a cap, and a whole province’s status', () => {
    expect(
      targetSentence(
        {
          kind: 'at_most',
          measure: { type: 'new_hotspots' },
          max: 0,
          window: { from: '2026-01-01', eachYear: true },
          eachChild: false,
        },
        '2030-12-31',
      ),
    ).toBe('Không để phát sinh điểm, tụ điểm ma túy mới mỗi năm (tính từ 01/01/2026) đến 31/12/2030.');
    expect(
      targetSentence(
        {
          kind: 'at_most',
          measure: { type: 'status_count', statuses: ['trong_diem_I'] },
          max: 3,
          window: { from: '2026-01-01', eachYear: false },
          eachChild: false,
        },
        '2026-12-31',
      ),
    ).toBe('Số xã trọng điểm loại I không quá 3 (tính từ 01/01/2026) đến 31/12/2026.');
    expect(
      targetSentence({ kind: 'unit_status', statuses: ['khong_ma_tuy'], eachChild: false }, '2030-12-31'),
    ).toBe('Trở thành đơn vị không có ma túy: mọi xã, phường đều không có ma túy đến 31/12/2030.');
  });

  it('a whole-scope count allocated to the children says how: entered shares by name, or in proportion', () => {
    const base = {
      kind: 'count' as const,
      indicator: 'rehab_compulsory',
      threshold: 33,
      window: { from: '2024-01-01', eachYear: false },
      eachChild: false,
    };
    const names = new Map([['rehab_compulsory', 'Số người cai nghiện bắt buộc']]);
    expect(
      targetSentence(
        {
          ...base,
          allocation: {
            type: 'entered',
            shares: [
              { code: '00001', value: 20 },
              { code: '00004', value: 13 },
            ],
          },
        },
        '2024-12-31',
        names,
        new Map([['00001', 'Phường Thượng Cát']]),
      ),
    ).toBe(
      'Số người cai nghiện bắt buộc: ít nhất 33 (tính từ 01/01/2024) đến 31/12/2024, phân bổ cho từng đơn vị: Phường Thượng Cát 20, 00004 13.',
    );
    expect(
      targetSentence(
        { ...base, allocation: { type: 'proportional', indicator: 'rehab_compulsory', period: '2023' } },
        '2024-12-31',
        names,
      ),
    ).toBe(
      'Số người cai nghiện bắt buộc: ít nhất 33 (tính từ 01/01/2024) đến 31/12/2024, phân bổ cho từng đơn vị theo tỷ lệ số người cai nghiện bắt buộc kỳ Năm 2023.',
    );
    // Without an allocation the sentence is the plan's count alone.
    expect(targetSentence(base, '2024-12-31', names)).not.toContain('phân bổ');
  });
});
