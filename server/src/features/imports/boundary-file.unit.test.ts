import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBoundaryFile } from './boundary-file';
import { ImportRejected } from './import-problem';
import { MAX_BOUNDARY_UNZIPPED_BYTES } from './upload-limits';

describe('zipped boundary files are unpacked within a limit', () => {
  it('refuses a shapefile zip that unpacks past the limit, naming it, without unpacking it all', async () => {
    // Kilobytes zipped, half a gigabyte unpacked: a .dbf of spaces beside a tiny .shp.
    const bomb = zipSync(
      {
        'xa.shp': new Uint8Array(100),
        'xa.dbf': new Uint8Array(MAX_BOUNDARY_UNZIPPED_BYTES + 1024 * 1024).fill(0x20),
      },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const error = await readBoundaryFile('xa.zip', bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).message).toMatch(/giải nén ra lớn hơn giới hạn 400 MB/);
    // The inflater stops at the limit: it never holds the whole declared content at once.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(
      MAX_BOUNDARY_UNZIPPED_BYTES + 64 * 1024 * 1024,
    );
  }, 120_000);

  it('still reads a KMZ within the limit', async () => {
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Xã A</name><Polygon><outerBoundaryIs><LinearRing><coordinates>105,21 105.1,21 105.1,21.1 105,21 </coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`;
    const kmz = zipSync({ 'doc.kml': new TextEncoder().encode(kml) });
    const file = await readBoundaryFile('xa.kmz', kmz);
    expect(file.format).toBe('kml');
    expect(file.features).toHaveLength(1);
  });
});
