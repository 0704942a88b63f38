import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import * as shapefile from 'shapefile';
import { feature as topoFeature } from 'topojson-client';
import { type Crs, crsById, type PrjReading, readPrj } from './crs';
import { fileProblem, ImportRejected, problemText } from './import-problem';
import { decodeText, detectLegacyEncoding, legacyEncodingMessage } from './legacy-encoding';
import { MAX_BOUNDARY_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, unzipBounded, ZipLimitError } from './upload-limits';

type Topology = Parameters<typeof topoFeature>[0];

export type BoundaryFormat = 'geojson' | 'topojson' | 'shapefile' | 'kml';

/** Features as read from a file, in the file's own coordinates, and what the file says about its CRS. */
export interface BoundaryFile {
  format: BoundaryFormat;
  features: Feature<Geometry | null>[];
  /**
   * What the file says its coordinates are: a CRS it names (GeoJSON `crs`, a known .prj; KML is WGS 84 by
   * definition), a .prj we cannot use (generic), or nothing (no .prj; GeoJSON without `crs` is WGS 84 by
   * RFC 7946 unless its numbers are metres).
   */
  declared:
    | { kind: 'known'; crs: Crs; from: 'prj' | 'file' }
    | { kind: 'generic'; reason: string }
    | { kind: 'none'; format: BoundaryFormat };
}

const reject = (fileName: string, message: string): never => {
  throw new ImportRejected(fileName, [fileProblem(message)]);
};

/**
 * Reads GeoJSON, TopoJSON, KML, KMZ and zipped Shapefiles (.shp + .dbf, with .prj and .cpg when present).
 * The format is recognised from the bytes (zip signature, JSON, XML), not trusted from the extension.
 */
export async function readBoundaryFile(fileName: string, bytes: Uint8Array): Promise<BoundaryFile> {
  if (bytes.length === 0) reject(fileName, problemText('import.file_empty', {}));
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readZip(fileName, bytes);
  if (/\.(shp|dbf|shx|prj)$/i.test(fileName)) {
    reject(fileName, problemText('import.shapefile_parts', {}));
  }
  const { text } = decodeText(bytes);
  const start = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (start === '{') return readJson(fileName, text);
  if (start === '<') return readKml(fileName, text);
  return reject(fileName, problemText('import.not_boundary_file', {}));
}

function readJson(fileName: string, text: string): BoundaryFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return reject(
      fileName,
      problemText('import.bad_json', { detail: err instanceof Error ? err.message : String(err) }),
    );
  }
  const obj = parsed as { type?: unknown; crs?: { properties?: { name?: unknown } }; objects?: unknown };
  if (obj.type === 'Topology') {
    const topology = parsed as Topology;
    const objects = Object.entries(topology.objects ?? {});
    if (objects.length === 0) reject(fileName, problemText('import.topojson_empty', {}));
    // The object with most geometries is the unit layer (others are usually outlines or labels).
    const [, largest] = objects.reduce((a, b) => (geometryCount(b[1]) > geometryCount(a[1]) ? b : a));
    const fc = topoFeature(topology, largest as never) as
      | FeatureCollection<Geometry | null>
      | Feature<Geometry | null>;
    return {
      format: 'topojson',
      features: 'features' in fc ? fc.features : [fc],
      declared: { kind: 'none', format: 'topojson' },
    };
  }
  let features: Feature<Geometry | null>[];
  if (obj.type === 'FeatureCollection' && Array.isArray((parsed as FeatureCollection).features)) {
    features = (parsed as FeatureCollection<Geometry | null>).features;
  } else if (obj.type === 'Feature') features = [parsed as Feature<Geometry | null>];
  else return reject(fileName, problemText('import.json_type', { type: String(obj.type) }));
  const crsName = obj.crs?.properties?.name;
  if (typeof crsName === 'string') {
    const code = /(?:EPSG::?|EPSG:)(\d+)$/i.exec(crsName)?.[1];
    const crs = /CRS84$/i.test(crsName) ? crsById('EPSG:4326') : code ? crsById(`EPSG:${code}`) : null;
    if (!crs)
      return {
        format: 'geojson',
        features,
        declared: { kind: 'generic', reason: problemText('import.crs_not_supported', { crs: crsName }) },
      };
    return { format: 'geojson', features, declared: { kind: 'known', crs, from: 'file' } };
  }
  return { format: 'geojson', features, declared: { kind: 'none', format: 'geojson' } };
}

const geometryCount = (o: unknown) => {
  const g = o as { geometries?: unknown[] };
  return Array.isArray(g.geometries) ? g.geometries.length : 1;
};

function readKml(fileName: string, text: string): BoundaryFile {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(text, 'text/xml');
  if (errors.length > 0 || !doc.documentElement)
    reject(fileName, `not valid KML/XML (${errors[0] ?? 'no document'})`);
  // KML coordinates are WGS 84 longitude/latitude by the standard (OGC 07-147r2).
  const fc = kml(doc as never);
  return {
    format: 'kml',
    features: fc.features,
    declared: { kind: 'known', crs: crsById('EPSG:4326') as Crs, from: 'file' },
  };
}

async function readZip(fileName: string, bytes: Uint8Array): Promise<BoundaryFile> {
  let files: Record<string, Uint8Array>;
  try {
    // Bounded before anything is unpacked: a zip bomb is refused by its declared sizes.
    // Each part copied into its own buffer: the unzipped parts may be views into a shared (pooled) buffer,
    // and the shapefile reader reads a part's whole underlying ArrayBuffer.
    files = Object.fromEntries(
      [
        ...unzipBounded(bytes, {
          maxEntries: MAX_ZIP_ENTRIES,
          maxUnzippedBytes: MAX_BOUNDARY_UNZIPPED_BYTES,
        }),
      ].map(([name, part]) => [name, new Uint8Array(part)]),
    );
  } catch (err) {
    if (err instanceof ZipLimitError && err.overLimit) return reject(fileName, err.message);
    return reject(
      fileName,
      problemText('import.unreadable_zip', { detail: err instanceof Error ? err.message : String(err) }),
    );
  }
  const names = Object.keys(files).filter((n) => !n.startsWith('__MACOSX/') && !n.endsWith('/'));
  const shps = names.filter((n) => /\.shp$/i.test(n));
  if (shps.length === 0) {
    const kmlName = names.find((n) => /\.kml$/i.test(n));
    if (kmlName) return readKml(fileName, decodeText(files[kmlName] as Uint8Array).text);
    return reject(
      fileName,
      problemText('import.zip_no_layer', { names: names.slice(0, 10).join(', ') || '–' }),
    );
  }
  if (shps.length > 1)
    reject(fileName, problemText('import.zip_many_layers', { count: shps.length, names: shps.join(', ') }));
  const shp = shps[0] as string;
  const base = shp.slice(0, -4);
  const sibling = (ext: string) => {
    const name = names.find((n) => n.toLowerCase() === `${base}.${ext}`.toLowerCase());
    return name ? files[name] : undefined;
  };
  const dbf = sibling('dbf');
  if (!dbf) reject(fileName, problemText('import.shapefile_no_dbf', { shp }));
  const prj = sibling('prj');
  const cpg = sibling('cpg');
  const features = await readShapefile(fileName, files[shp] as Uint8Array, dbf as Uint8Array, cpg);
  let declared: BoundaryFile['declared'] = { kind: 'none', format: 'shapefile' };
  if (prj) {
    const reading: PrjReading = readPrj(decodeText(prj).text);
    declared = reading.kind === 'known' ? { kind: 'known', crs: reading.crs, from: 'prj' } : reading;
  }
  return { format: 'shapefile', features, declared };
}

/**
 * The .dbf's text encoding: the .cpg when there is one; otherwise UTF-8, unless that leaves undecodable
 * bytes, in which case the strings are read as Latin-1 so a TCVN3/VNI table is recognised and refused.
 */
async function readShapefile(
  fileName: string,
  shp: Uint8Array,
  dbf: Uint8Array,
  cpg: Uint8Array | undefined,
) {
  const read = async (encoding: string) => {
    try {
      return (await shapefile.read(copy(shp), copy(dbf), { encoding }))
        .features as Feature<Geometry | null>[];
    } catch (err) {
      return reject(
        fileName,
        problemText('import.unreadable_shapefile', {
          detail: err instanceof Error ? err.message : String(err),
        }),
      );
    }
  };
  const declaredEncoding = cpg ? cpgEncoding(decodeText(cpg).text) : null;
  let features = await read(declaredEncoding ?? 'utf-8');
  const texts = (fs: Feature<Geometry | null>[]) =>
    fs.flatMap((f) => Object.values(f.properties ?? {}).filter((v): v is string => typeof v === 'string'));
  if (!declaredEncoding && texts(features).some((t) => t.includes('\uFFFD')))
    features = await read('windows-1252');
  for (const t of texts(features)) {
    const legacy = detectLegacyEncoding(t);
    if (legacy) reject(fileName, `attribute table: ${legacyEncodingMessage(legacy, t)}`);
  }
  return features;
}

/** ArcGIS writes code pages as numbers ("1258") or names ("UTF-8"). */
function cpgEncoding(text: string): string {
  const t = text.trim();
  if (/^\d+$/.test(t)) return t === '65001' ? 'utf-8' : `windows-${t}`;
  return t.toLowerCase();
}

const copy = (u: Uint8Array) => u.slice().buffer;
