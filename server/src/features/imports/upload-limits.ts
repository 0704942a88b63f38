import { bodyLimit } from 'hono/body-limit';
import { errorBody } from '../../lib/errors';

/**
 * Largest accepted uploads. A national quarterly report (3,321 communes × 13 indicators) is ~0.4 MB as XLSX
 * and ~4 MB as a long CSV; 20 MB leaves room for sheets with notes. A national commune boundary file is
 * 28 MB as simplified GeoJSON and tens of MB as a zipped full-resolution shapefile; 100 MB keeps a parse
 * (several times the file size in memory) within a small server.
 */
export const MAX_TABLE_BYTES = 20 * 1024 * 1024;
export const MAX_BOUNDARY_BYTES = 100 * 1024 * 1024;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export const tooLargeMessage = (maxBytes: number) =>
  `file: the upload is larger than the limit of ${mb(maxBytes)}; split the file (e.g. one province per file)`;

/** Refuses a larger body with 413 before reading it into memory. */
export const uploadLimit = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: (c) => c.json(errorBody('file_too_large', tooLargeMessage(maxBytes), 'file'), 413),
  });
