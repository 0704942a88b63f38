import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a UTF-8 CSV with a BOM, quoting fields that need it', () => {
    const csv = toCsv(
      ['Mã', 'Tên', 'Giá trị'],
      [
        ['00004', 'Phường Ba Đình', 1234.5],
        ['00008', 'Xã "A", B', null],
      ],
    );
    expect(csv).toBe('\uFEFFMã,Tên,Giá trị\r\n00004,Phường Ba Đình,1234.5\r\n00008,"Xã ""A"", B",\r\n');
  });
});
