import { describe, expect, it } from 'vitest';
import { crsById, readPrj, toWgs84 } from './crs';

const vn2000Tm3 = (meridian: number) =>
  `PROJCS["VN_2000_TM3",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${meridian}],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;

describe('reading .prj files', () => {
  it.each([
    [vn2000Tm3(104.75), 'VN2000-TM3:104.75'],
    [vn2000Tm3(105), 'VN2000-TM3:105'],
    [
      'PROJCS["VN-2000 / UTM zone 48N",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563],TOWGS84[-191.90441,-39.30318,-111.45032,0.00928836,-0.01975479,0.00427372,0.252906278]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]',
      'EPSG:3405',
    ],
    [
      'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      'EPSG:4326',
    ],
    [
      'GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      'EPSG:4756',
    ],
  ])('recognises %#', (wkt, id) => {
    const r = readPrj(wkt);
    expect(r.kind === 'known' ? r.crs.id : r.reason).toBe(id);
  });

  it('calls a TM-3 .prj without a datum generic: the user must choose', () => {
    const generic = vn2000Tm3(105)
      .replace('D_Vietnam_2000', 'D_Unknown')
      .replace('GCS_VN_2000', 'GCS_Unknown');
    expect(readPrj(generic).kind).toBe('generic');
  });

  it('converts TM-3 metres of a province to longitude/latitude near its central meridian', () => {
    const crs = crsById('VN2000-TM3:104');
    if (!crs) throw new Error('TM-3 104 missing');
    const convert = toWgs84(crs);
    const [lon, lat] = convert?.([500000, 2350000]) ?? [0, 0];
    // On the central meridian x = 500 km; the datum shift moves it ~0.002° east.
    expect(lon).toBeGreaterThan(104);
    expect(lon).toBeLessThan(104.01);
    expect(lat).toBeGreaterThan(21.2);
    expect(lat).toBeLessThan(21.3);
    expect(crsById('VN2000-TM3:150')).toBeNull();
  });
});
