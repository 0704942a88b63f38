import { nameKey } from './names';
import type { UnitKind } from './types';

/**
 * The 63 provinces before 1 July 2025 with their official 2-digit codes. The address package
 * only names them, so the codes are written here. Code 46 is spelled "Thành phố Huế" in the
 * package (Huế became a centrally-run city on 1 January 2025); the demo keeps one old version
 * per unit, named "Thừa Thiên Huế" as it was for most of 2008–2025.
 */
export interface OldProvince {
  code: string;
  name: string;
  kind: Extract<UnitKind, 'tinh' | 'thanh_pho_tw'>;
}

const CITIES = new Set(['01', '31', '48', '79', '92']);

const TABLE: ReadonlyArray<readonly [string, string]> = [
  ['01', 'Hà Nội'],
  ['02', 'Hà Giang'],
  ['04', 'Cao Bằng'],
  ['06', 'Bắc Kạn'],
  ['08', 'Tuyên Quang'],
  ['10', 'Lào Cai'],
  ['11', 'Điện Biên'],
  ['12', 'Lai Châu'],
  ['14', 'Sơn La'],
  ['15', 'Yên Bái'],
  ['17', 'Hoà Bình'],
  ['19', 'Thái Nguyên'],
  ['20', 'Lạng Sơn'],
  ['22', 'Quảng Ninh'],
  ['24', 'Bắc Giang'],
  ['25', 'Phú Thọ'],
  ['26', 'Vĩnh Phúc'],
  ['27', 'Bắc Ninh'],
  ['30', 'Hải Dương'],
  ['31', 'Hải Phòng'],
  ['33', 'Hưng Yên'],
  ['34', 'Thái Bình'],
  ['35', 'Hà Nam'],
  ['36', 'Nam Định'],
  ['37', 'Ninh Bình'],
  ['38', 'Thanh Hóa'],
  ['40', 'Nghệ An'],
  ['42', 'Hà Tĩnh'],
  ['44', 'Quảng Bình'],
  ['45', 'Quảng Trị'],
  ['46', 'Thừa Thiên Huế'],
  ['48', 'Đà Nẵng'],
  ['49', 'Quảng Nam'],
  ['51', 'Quảng Ngãi'],
  ['52', 'Bình Định'],
  ['54', 'Phú Yên'],
  ['56', 'Khánh Hòa'],
  ['58', 'Ninh Thuận'],
  ['60', 'Bình Thuận'],
  ['62', 'Kon Tum'],
  ['64', 'Gia Lai'],
  ['66', 'Đắk Lắk'],
  ['67', 'Đắk Nông'],
  ['68', 'Lâm Đồng'],
  ['70', 'Bình Phước'],
  ['72', 'Tây Ninh'],
  ['74', 'Bình Dương'],
  ['75', 'Đồng Nai'],
  ['77', 'Bà Rịa - Vũng Tàu'],
  ['79', 'Hồ Chí Minh'],
  ['80', 'Long An'],
  ['82', 'Tiền Giang'],
  ['83', 'Bến Tre'],
  ['84', 'Trà Vinh'],
  ['86', 'Vĩnh Long'],
  ['87', 'Đồng Tháp'],
  ['89', 'An Giang'],
  ['91', 'Kiên Giang'],
  ['92', 'Cần Thơ'],
  ['93', 'Hậu Giang'],
  ['94', 'Sóc Trăng'],
  ['95', 'Bạc Liêu'],
  ['96', 'Cà Mau'],
];

/** All 63 old provinces in code order. */
export const OLD_PROVINCES: readonly OldProvince[] = TABLE.map(([code, name]) => ({
  code,
  name,
  kind: CITIES.has(code) ? 'thanh_pho_tw' : 'tinh',
}));

/** "Tỉnh Sơn La" / "Thành phố Hà Nội" for an old province. */
export function oldProvinceFullName(province: OldProvince): string {
  return `${province.kind === 'thanh_pho_tw' ? 'Thành phố' : 'Tỉnh'} ${province.name}`;
}

/** Spellings in the package that differ from the official name beyond tone placement. */
const ALIASES: ReadonlyMap<string, string> = new Map([['huế', '46']]);

const BY_KEY: ReadonlyMap<string, string> = new Map(OLD_PROVINCES.map((p) => [nameKey(p.name), p.code]));

/** Resolves "Tỉnh Hoà Bình", "Thành phố Huế", … to an old province code; null if unknown. */
export function resolveOldProvinceCode(packageName: string): string | null {
  const key = nameKey(packageName).replace(/^(tỉnh|thành phố) /, '');
  return BY_KEY.get(key) ?? ALIASES.get(key) ?? null;
}

/**
 * Island districts that had no communes before 2025 (so the package maps them with an empty
 * old code and no names); each became one đặc khu. Their old province is a fact, written here.
 */
export const ISLAND_DISTRICTS: ReadonlyArray<{
  newCommuneCode: string;
  districtFullName: string;
  oldProvinceCode: string;
  /** Approximate residents; Hoàng Sa has none. */
  population: number;
}> = [
  {
    newCommuneCode: '11948',
    districtFullName: 'Huyện Bạch Long Vĩ',
    oldProvinceCode: '31',
    population: 1000,
  },
  { newCommuneCode: '19742', districtFullName: 'Huyện Cồn Cỏ', oldProvinceCode: '45', population: 400 },
  { newCommuneCode: '20333', districtFullName: 'Huyện Hoàng Sa', oldProvinceCode: '48', population: 0 },
  { newCommuneCode: '21548', districtFullName: 'Huyện Lý Sơn', oldProvinceCode: '51', population: 22000 },
  { newCommuneCode: '26732', districtFullName: 'Huyện Côn Đảo', oldProvinceCode: '77', population: 11000 },
];
