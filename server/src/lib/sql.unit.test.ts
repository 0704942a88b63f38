import { searchName } from '@pcmt/domain/contracts/search-name';
import { describe, expect, it } from 'vitest';
import { today } from './sql';

describe('today', () => {
  it('is the calendar date in Vietnam (UTC+7), not in UTC', () => {
    expect(today(new Date('2025-06-30T17:30:00Z'))).toBe('2025-07-01');
    expect(today(new Date('2025-06-30T16:59:00Z'))).toBe('2025-06-30');
  });
});

describe('searchName', () => {
  it('drops diacritics and case so "ba dinh" finds Ba Đình', () => {
    expect(searchName('Ba Đình')).toBe('ba dinh');
    expect(searchName('Ia  Mơ')).toBe('ia mo');
    expect(searchName('Đắk Lắk')).toBe('dak lak');
    expect(searchName('Bà Rịa - Vũng Tàu')).toBe('ba ria vung tau');
  });
});
