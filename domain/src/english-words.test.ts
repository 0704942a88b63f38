import { describe, expect, it } from 'vitest';
import { englishLines } from './english-words';

describe('englishLines', () => {
  it('finds the English the product once printed, and passes Vietnamese', () => {
    const leaked = [
      'negative value -5 for managed_addicts cannot be below 0',
      'the report has no values',
      'more than 2 hours without a visit',
      'PCMT Atlas demo generator — synthetic boundaries',
      'Page 1/3',
      'parent: 14 is outside your jurisdiction',
    ];
    for (const line of leaked) expect(englishLines(line), line).toEqual([line]);
    const vietnamese = [
      'Trang 1/3',
      'Dữ liệu minh họa (tổng hợp) do PCMT Atlas tạo — ranh giới và số liệu không phải số liệu chính thức',
      'Quá 2 giờ không có lượt tuần tra',
      'Nguồn số liệu: Công an tỉnh Sơn La',
    ];
    expect(englishLines(vietnamese.join('\n'))).toEqual([]);
  });

  it('reads a raw code as English unless codes are the content', () => {
    expect(englishLines('Chỉ số: addicts_per_1000')).toHaveLength(1);
    expect(englishLines('Chỉ số: addicts_per_1000', { codesShown: true })).toEqual([]);
  });
});
