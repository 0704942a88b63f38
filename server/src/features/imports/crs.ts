import proj4 from 'proj4';

/**
 * Coordinate systems of boundary files and their conversion to EPSG:4326. Official data arrive in VN-2000
 * (QĐ 83/2000/QĐ-TTg): geographic (EPSG:4756), UTM 48N/49N (EPSG:3405/3406) or a province's TM-3 zone
 * (scale 0.9999, false easting 500 km), often with a missing or generic .prj.
 *
 * VN-2000 → WGS 84 is the 7-parameter Helmert shift of EPSG:4756 as PROJ and PostGIS define it
 * (spatial_ref_sys.proj4text of 4756, 3405, 3406 and 5896–5899 on both of our engines): translations
 * -191.90441429, -39.30318279, -111.45032835 m, rotations 0.00928836, -0.01975479, 0.00427372″, scale
 * 0.252906278 ppm. The rotations are published (QĐ 05/2007/QĐ-BTNMT; EPSG transformation "VN-2000 to WGS 84
 * (2)") in the coordinate-frame convention; proj4's +towgs84 takes the position-vector convention, hence
 * the opposite signs. Taking the published signs as they are moves points by ~0.7 m in Hà Nội; the test
 * compares with PostGIS's own EPSG pipeline to keep this honest.
 */
const VN2000_TOWGS84 =
  '+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';

/**
 * A supported coordinate system, by id: `EPSG:4326` (WGS 84), `EPSG:4756` (VN-2000 geographic),
 * `EPSG:3405` / `EPSG:3406` (VN-2000 / UTM 48N, 49N), `EPSG:32648` / `EPSG:32649` (WGS 84 / UTM), or
 * `VN2000-TM3:<central meridian>` (VN-2000 / TM-3, scale 0.9999, false easting 500 km).
 */
export type CrsId = string;

export interface Crs {
  id: CrsId;
  description: string;
  /** proj4 definition; null for EPSG:4326 (nothing to do). */
  proj4: string | null;
  /** Metres (projected) or degrees (geographic): used to check coordinates look right. */
  projected: boolean;
}

/**
 * TM-3 central meridians of some provinces (Thông tư 973/2001/TT-TCĐC lists every province's), offered as
 * choices; any other meridian can be typed (`VN2000-TM3:<degrees>`).
 */
export const TM3_MERIDIANS: readonly { meridian: number; provinces: string }[] = [
  { meridian: 104, provinces: 'Sơn La' },
  { meridian: 104.75, provinces: 'Lào Cai' },
  { meridian: 105, provinces: 'Hà Nội' },
  { meridian: 107.75, provinces: 'Quảng Ninh, Đồng Nai' },
  { meridian: 108.5, provinces: 'Gia Lai, Đắk Lắk' },
];

const tm3 = (meridian: number, datum = VN2000_TOWGS84) =>
  `+proj=tmerc +lat_0=0 +lon_0=${meridian} +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ${datum} +units=m +no_defs`;

const FIXED: Record<string, Crs> = {
  'EPSG:4326': { id: 'EPSG:4326', description: 'WGS 84 (kinh độ, vĩ độ)', proj4: null, projected: false },
  'EPSG:4756': {
    id: 'EPSG:4756',
    description: 'VN-2000 (kinh độ, vĩ độ)',
    proj4: `+proj=longlat +ellps=WGS84 ${VN2000_TOWGS84} +no_defs`,
    projected: false,
  },
  'EPSG:3405': {
    id: 'EPSG:3405',
    description: 'VN-2000 / UTM múi 48N',
    proj4: `+proj=utm +zone=48 +ellps=WGS84 ${VN2000_TOWGS84} +units=m +no_defs`,
    projected: true,
  },
  'EPSG:3406': {
    id: 'EPSG:3406',
    description: 'VN-2000 / UTM múi 49N',
    proj4: `+proj=utm +zone=49 +ellps=WGS84 ${VN2000_TOWGS84} +units=m +no_defs`,
    projected: true,
  },
  'EPSG:32648': {
    id: 'EPSG:32648',
    description: 'WGS 84 / UTM múi 48N',
    proj4: '+proj=utm +zone=48 +datum=WGS84 +units=m +no_defs',
    projected: true,
  },
  'EPSG:32649': {
    id: 'EPSG:32649',
    description: 'WGS 84 / UTM múi 49N',
    proj4: '+proj=utm +zone=49 +datum=WGS84 +units=m +no_defs',
    projected: true,
  },
};

/** The coordinate system of an id, or null when it is not one we support. */
export function crsById(id: string): Crs | null {
  const fixed = FIXED[id.toUpperCase()];
  if (fixed) return fixed;
  const m = /^VN2000-TM3:(\d{2,3}(?:\.\d+)?)$/i.exec(id.trim());
  if (!m) return null;
  const meridian = Number(m[1]);
  if (meridian < 100 || meridian > 112) return null;
  return {
    id: `VN2000-TM3:${meridian}`,
    description: `VN-2000 / TM-3, kinh tuyến trục ${formatMeridian(meridian)}`,
    proj4: tm3(meridian),
    projected: true,
  };
}

const formatMeridian = (m: number) =>
  `${Math.floor(m)}°${String(Math.round((m % 1) * 60)).padStart(2, '0')}′`;

export type PrjReading = { kind: 'known'; crs: Crs } | { kind: 'generic'; reason: string };

/**
 * Reads a .prj (ESRI or OGC WKT). Known: WGS 84 and VN-2000, geographic, UTM 48N/49N and TM-3 with its
 * central meridian. Anything else (no datum, a local or unnamed datum, another projection) is "generic":
 * the user must say what the coordinates are.
 */
export function readPrj(wkt: string): PrjReading {
  const text = wkt.replace(/\s+/g, ' ');
  const datum = /DATUM\[\s*"([^"]+)"/i.exec(text)?.[1] ?? '';
  const geog = /GEOGCS\[\s*"([^"]+)"/i.exec(text)?.[1] ?? '';
  const isVn2000 =
    /vn[-_ ]?2000|vietnam[_ ]?2000/i.test(`${datum} ${geog}`) || /TOWGS84\[\s*-191\.9/i.test(text);
  const isWgs84 = !isVn2000 && /wgs[-_ ]?(19)?84/i.test(`${datum} ${geog}`);
  if (!isVn2000 && !isWgs84)
    return {
      kind: 'generic',
      reason: `hệ quy chiếu "${datum || geog || '–'}" không phải WGS 84 hay VN-2000`,
    };
  if (!/PROJCS\[/i.test(text))
    return { kind: 'known', crs: FIXED[isVn2000 ? 'EPSG:4756' : 'EPSG:4326'] as Crs };
  const projection = /PROJECTION\[\s*"([^"]+)"/i.exec(text)?.[1] ?? '';
  const param = (name: string) => {
    const m = new RegExp(`PARAMETER\\[\\s*"${name}"\\s*,\\s*(-?[\\d.]+)`, 'i').exec(text);
    return m ? Number(m[1]) : null;
  };
  if (!/transverse[_ ]mercator/i.test(projection)) {
    return {
      kind: 'generic',
      reason: `phép chiếu "${projection}" không phải Transverse Mercator (UTM hoặc TM-3)`,
    };
  }
  const meridian = param('central_meridian');
  const scale = param('scale_factor');
  const falseEasting = param('false_easting');
  const falseNorthing = param('false_northing') ?? 0;
  if (meridian === null || scale === null || falseEasting !== 500000 || falseNorthing !== 0) {
    return {
      kind: 'generic',
      reason: 'thiếu tham số Transverse Mercator hoặc không phải tham số VN-2000/UTM',
    };
  }
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  if (near(scale, 0.9996) && (meridian === 105 || meridian === 111)) {
    const zone = meridian === 105 ? 48 : 49;
    return {
      kind: 'known',
      crs: FIXED[isVn2000 ? `EPSG:${zone === 48 ? 3405 : 3406}` : `EPSG:${32600 + zone}`] as Crs,
    };
  }
  if (near(scale, 0.9999) && isVn2000) {
    const crs = crsById(`VN2000-TM3:${meridian}`);
    if (crs) return { kind: 'known', crs };
  }
  return {
    kind: 'generic',
    reason: `Transverse Mercator hệ số tỷ lệ ${scale} trên ${isVn2000 ? 'VN-2000' : 'WGS 84'} không phải múi VN-2000 đã biết`,
  };
}

/** A function converting one coordinate pair of `crs` to WGS 84 longitude/latitude. */
export function toWgs84(crs: Crs): ((xy: [number, number]) => [number, number]) | null {
  if (crs.proj4 === null) return null;
  const converter = proj4(crs.proj4, 'EPSG:4326');
  return (xy) => converter.forward(xy) as [number, number];
}

/** Whether coordinates look like longitude/latitude around Vietnam (else they are probably metres). */
export const looksGeographic = (x: number, y: number) => x >= 95 && x <= 120 && y >= 0 && y <= 30;

/** Whether reprojected coordinates land in and around Vietnam: a wrong zone or CRS lands far away. */
export const insideVietnamArea = (lon: number, lat: number) =>
  lon >= 100 && lon <= 118 && lat >= 6 && lat <= 25;
