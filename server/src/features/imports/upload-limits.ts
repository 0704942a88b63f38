import { inflateRawSync } from 'node:zlib';
import { bodyLimit } from 'hono/body-limit';
import { errorBody } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { problemText } from './import-problem';

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
  msg('import.file_too_large', { field: 'file', limit: mb(maxBytes) });

/** Refuses a larger body with 413 before reading it into memory. */
export const uploadLimit = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: (c) => c.json(errorBody('file_too_large', tooLargeMessage(maxBytes), 'file'), 413),
  });

/**
 * What an XLSX (a zip of XML parts) may unpack to. A national long-layout report (3,321 communes × 13
 * indicators, ~43,000 rows) is 1.7 MB zipped and 12 MB unzipped in 16 parts; exceljs holds ~13× the XML in
 * memory while it reads. 32 MB and 200 parts leave room for notes and extra sheets while a zip bomb (a few
 * KB that unzip to GBs) is refused after inflating at most the limit.
 */
export const MAX_XLSX_UNZIPPED_BYTES = 32 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 200;
/** A zipped shapefile or KMZ of the whole country's communes unpacks to well under this. */
export const MAX_BOUNDARY_UNZIPPED_BYTES = 400 * 1024 * 1024;

/** A zip that unpacks past a limit, or is not a zip this reader accepts: the message names the limit. */
export class ZipLimitError extends Error {
  constructor(
    message: string,
    /** True when a limit was passed (the file is too big), false when the zip is not one this reader takes. */
    readonly overLimit = false,
  ) {
    super(message);
  }
}

export interface ZipLimits {
  maxEntries: number;
  maxUnzippedBytes: number;
}

/**
 * Unpacks a zip held in memory, never inflating more than `maxUnzippedBytes` in total whatever the headers
 * claim (sizes in a zip are declared by its writer; the inflater itself is capped). Reads the central
 * directory; stored and deflated entries only (what Excel, LibreOffice and exceljs write).
 */
export function unzipBounded(bytes: Uint8Array, limits: ZipLimits): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw new ZipLimitError(problemText('import.zip_not_zip', {}));
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw new ZipLimitError(problemText('import.zip64', {}));
  }
  if (count > limits.maxEntries) {
    throw new ZipLimitError(
      problemText('import.zip_too_many_parts', { count, limit: limits.maxEntries }),
      true,
    );
  }
  const out = new Map<string, Buffer>();
  let budget = limits.maxUnzippedBytes;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) {
      throw new ZipLimitError(problemText('import.zip_damaged', { detail: 'thư mục trung tâm' }));
    }
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== 0x04034b50) {
      throw new ZipLimitError(problemText('import.zip_damaged', { detail: name }));
    }
    const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    const data = buf.subarray(start, Math.min(buf.length, start + compressedSize));
    let content: Buffer;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') unzipTooLarge(limits);
        throw new ZipLimitError(
          problemText('import.zip_damaged', {
            detail: `${name}: ${err instanceof Error ? err.message : String(err)}`,
          }),
        );
      }
    } else throw new ZipLimitError(problemText('import.zip_method', { name, method }));
    budget -= content.length;
    if (budget < 0) unzipTooLarge(limits);
    if (!name.endsWith('/')) out.set(name, content);
  }
  return out;
}

function unzipTooLarge(limits: ZipLimits): never {
  throw new ZipLimitError(problemText('import.zip_too_large', { limit: mb(limits.maxUnzippedBytes) }), true);
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= lowest; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}
