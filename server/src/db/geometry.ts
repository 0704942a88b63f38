import { customType } from 'drizzle-orm/pg-core';

/**
 * PostGIS geometry column with its type and SRID kept in the DDL.
 * drizzle's built-in `geometry` handles points only and drops the SRID, so geometry is
 * written and read as SQL (ST_GeomFromGeoJSON / ST_AsGeoJSON) rather than through drizzle's mapping.
 */
export const geometry = (name: string, type: 'MultiPolygon' | 'Point') =>
  customType<{ data: string; driverData: string }>({
    dataType: () => `geometry(${type},4326)`,
  })(name);
