import { searchName } from '@pcmt/domain/contracts/search-name';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { LEVEL_NAMES } from '../../lib/messages';
import type { BoundaryFile } from './boundary-file';
import { type Crs, crsById, insideVietnamArea, looksGeographic, TM3_MERIDIANS, toWgs84 } from './crs';
import { fileProblem, type ImportProblem, ImportRejected, problemText } from './import-problem';
import { detectLegacyEncoding, legacyEncodingMessage } from './legacy-encoding';

export type BoundaryLevel = 'commune' | 'province';

/** One unit of a boundary file, ready to store: WGS 84 geometry, official code, names and kind. */
export interface BoundaryUnit {
  code: string;
  name: string;
  fullName: string;
  kind: string;
  provinceCode: string;
  geometry: Polygon | MultiPolygon;
}

/**
 * Kinds by the prefix of the full name (since 1/7/2025 communes are xã, phường or đặc khu; thị trấn only
 * before): the longest prefixes first.
 */
const KIND_PREFIXES: readonly [string, string, BoundaryLevel][] = [
  ['Thành phố', 'thanh_pho_tw', 'province'],
  ['Tỉnh', 'tinh', 'province'],
  ['Thị trấn', 'thi_tran', 'commune'],
  ['Đặc khu', 'dac_khu', 'commune'],
  ['Phường', 'phuong', 'commune'],
  ['Xã', 'xa', 'commune'],
];

/** Property names (without diacritics, lower case, `_` kept) that hold each field, most specific first. */
const PROPERTY_NAMES = {
  commune: {
    code: ['ma_xa', 'maxa', 'ma_dvhc', 'madvhc', 'commune_code', 'code', 'ma'],
    name: ['full_name', 'ten_xa', 'tenxa', 'ten_dvhc', 'tendvhc', 'name', 'ten'],
    province: ['ma_tinh', 'matinh', 'province_code', 'province'],
  },
  province: {
    code: ['ma_tinh', 'matinh', 'province_code', 'ma_dvhc', 'code', 'ma'],
    name: ['full_name', 'ten_tinh', 'tentinh', 'ten_dvhc', 'name', 'ten'],
    province: [] as string[],
  },
} as const;

const propertyKey = (k: string) => searchName(k.replace(/_/g, ' ')).replace(/ /g, '_');

/**
 * Chooses the coordinate system: the user's choice when given; else what the file declares; else WGS 84 for
 * GeoJSON/TopoJSON whose numbers look like degrees. Otherwise the import stops and asks, with the likely
 * choices (a VN-2000 file in metres cannot be placed without its zone).
 */
export function resolveCrs(
  fileName: string,
  file: BoundaryFile,
  choice: string | null,
): { crs: Crs; source: 'prj' | 'file' | 'choice' | 'default' } {
  if (choice) {
    const crs = crsById(choice);
    if (!crs)
      throw new ImportRejected(fileName, [
        fileProblem(problemText('import.crs_unsupported', { crs: choice })),
      ]);
    return { crs, source: 'choice' };
  }
  if (file.declared.kind === 'known') return { crs: file.declared.crs, source: file.declared.from };
  const sample = firstPosition(file.features);
  const geographic = sample ? looksGeographic(sample[0] ?? 0, sample[1] ?? 0) : true;
  if (file.declared.kind === 'none' && file.format !== 'shapefile' && geographic) {
    return { crs: crsById('EPSG:4326') as Crs, source: 'default' };
  }
  const why =
    file.declared.kind === 'generic'
      ? problemText('import.crs_prj_generic', { reason: file.declared.reason })
      : file.format === 'shapefile'
        ? problemText('import.crs_no_prj', {})
        : problemText('import.crs_not_said', {});
  const options = geographic
    ? 'EPSG:4326 (WGS 84) hoặc EPSG:4756 (VN-2000)'
    : `EPSG:3405/3406 (VN-2000 UTM 48N/49N) hoặc VN2000-TM3:<kinh tuyến trục>, ví dụ ${TM3_MERIDIANS.map((m) => `${m.meridian} (${m.provinces})`).join(', ')}`;
  const at = sample
    ? problemText('import.crs_first_coordinate', { x: sample[0] ?? 0, y: sample[1] ?? 0 })
    : '';
  throw new ImportRejected(fileName, [
    {
      sheet: null,
      row: null,
      column: 'crs',
      header: null,
      message: problemText('import.crs_choose', { why, at, options }),
    },
  ]);
}

function firstPosition(features: readonly Feature<Geometry | null>[]): Position | undefined {
  for (const f of features) {
    const g = f.geometry;
    if (g?.type === 'Polygon') return g.coordinates[0]?.[0];
    if (g?.type === 'MultiPolygon') return g.coordinates[0]?.[0]?.[0];
  }
  return undefined;
}

/**
 * Turns a file's features into units of a level: finds code, name and province among the properties
 * (Vietnamese or English names), derives the kind from the name's prefix, and converts the geometry to
 * WGS 84. Every problem is named by feature number (1-based, in file order) and property.
 */
export function boundaryUnits(
  fileName: string,
  file: BoundaryFile,
  level: BoundaryLevel,
  crs: Crs,
): BoundaryUnit[] {
  const problems: ImportProblem[] = [];
  const at = (row: number, column: string | null, message: string): ImportProblem => ({
    sheet: null,
    row,
    column,
    header: null,
    message,
  });
  if (file.features.length === 0)
    throw new ImportRejected(fileName, [fileProblem(problemText('import.no_features', {}))]);
  const convert = toWgs84(crs);
  const names = PROPERTY_NAMES[level];
  const width = level === 'commune' ? 5 : 2;
  const units: BoundaryUnit[] = [];
  const seen = new Map<string, number>();
  for (const [i, f] of file.features.entries()) {
    const row = i + 1;
    const props = new Map(Object.entries(f.properties ?? {}).map(([k, v]) => [propertyKey(k), v]));
    const pick = (keys: readonly string[]) => {
      for (const k of keys) {
        const v = props.get(k);
        if (v !== null && v !== undefined && String(v).trim() !== '')
          return { key: k, value: String(v).trim() };
      }
      return null;
    };
    const code = pick(names.code);
    const name = pick(names.name);
    const province = level === 'commune' ? pick(names.province) : code;
    const problem = (column: string | null, message: string) => problems.push(at(row, column, message));
    if (!code) {
      problem(
        null,
        problemText('import.no_unit_code_property', { names: names.code.slice(0, 3).join(' / ') }),
      );
      continue;
    }
    if (!name) {
      problem(
        null,
        problemText('import.no_unit_name_property', { names: names.name.slice(0, 3).join(' / ') }),
      );
      continue;
    }
    if (!province) {
      problem(
        null,
        problemText('import.no_province_property', { names: names.province.slice(0, 3).join(' / ') }),
      );
      continue;
    }
    const legacy = detectLegacyEncoding(name.value);
    if (legacy) {
      problem(name.key, legacyEncodingMessage(legacy, name.value));
      continue;
    }
    const unitCode = code.value.padStart(width, '0');
    if (!new RegExp(`^\\d{${width}}$`).test(unitCode)) {
      problem(
        code.key,
        problemText('import.bad_unit_code', { value: code.value, level: LEVEL_NAMES[level] ?? level, width }),
      );
      continue;
    }
    const previous = seen.get(unitCode);
    if (previous !== undefined) {
      problem(code.key, problemText('import.code_twice', { code: unitCode, previous }));
      continue;
    }
    seen.set(unitCode, row);
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      problem('geometry', problemText('import.not_polygon', { type: g ? g.type : '–' }));
      continue;
    }
    const geometry = convert ? reproject(g, convert) : g;
    const first = firstPosition([{ type: 'Feature', properties: null, geometry }]);
    if (!first || !insideVietnamArea(first[0] ?? 0, first[1] ?? 0)) {
      const at4 = first?.map((c) => c.toFixed(4)).join(', ') ?? '–';
      problem('geometry', problemText('import.outside_vietnam', { at: at4, crs: crs.id }));
      continue;
    }
    const { kind, bare, fullName } = kindOf(
      name.value,
      level,
      String(props.get('type') ?? props.get('loai') ?? ''),
    );
    units.push({
      code: unitCode,
      name: bare,
      fullName,
      kind,
      provinceCode: province.value.padStart(2, '0'),
      geometry,
    });
  }
  if (problems.length > 0) throw new ImportRejected(fileName, problems);
  return units;
}

/** "Phường Ba Đình" → kind phuong, name "Ba Đình". A name without a prefix takes the kind property or the level's default. */
export function kindOf(
  name: string,
  level: BoundaryLevel,
  typeHint: string,
): { kind: string; bare: string; fullName: string } {
  const key = searchName(name);
  for (const [prefix, kind] of KIND_PREFIXES) {
    if (key.startsWith(`${searchName(prefix)} `)) {
      const bare = name.slice(prefix.length).trim();
      // Files spell prefixes in any case ("xã Bắc Sơn"): store the official capitalisation.
      return { kind, bare, fullName: `${prefix} ${bare}` };
    }
  }
  const hint = searchName(typeHint);
  const fromHint = KIND_PREFIXES.find(([prefix, , l]) => l === level && searchName(prefix) === hint);
  if (fromHint) return { kind: fromHint[1], bare: name, fullName: `${fromHint[0]} ${name}` };
  return { kind: level === 'commune' ? 'xa' : 'tinh', bare: name, fullName: name };
}

function reproject(
  g: Polygon | MultiPolygon,
  convert: (xy: [number, number]) => [number, number],
): Polygon | MultiPolygon {
  const ring = (r: Position[]) => r.map((p) => convert([p[0] ?? 0, p[1] ?? 0]));
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
}
