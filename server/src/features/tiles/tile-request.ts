import { TileQuery, TileRouteParams } from '@pcmt/domain/contracts/tiles';
import { badRequest } from '../../lib/errors';
import { zodErrorMessage } from '../../lib/openapi';
import { LruCache } from './lru-cache';
import type { TileRequest } from './tile-service';

/** A tile request as validated, with the date left open when the URL gives none (it means today). */
export type ParsedTileRequest = Omit<TileRequest, 'at'> & { at: string | undefined };

/** Raw URL parts of a tile request: path parameters as matched (`y` still ends in `.mvt`) and `at`. */
export interface RawTileRequest {
  layer: string;
  z: string;
  x: string;
  y: string;
  at: string | undefined;
}

/**
 * A map pans over the same few hundred tile URLs again and again; remembering which of them were valid lets a
 * warm tile skip zod (which costs more than sending the cached bytes). Invalid URLs are not remembered.
 */
const parsed = new LruCache<ParsedTileRequest>(20_000);

/**
 * Validates a tile URL against the contracts (TileRouteParams, TileQuery).
 * @throws ApiError 400 naming the parameter, as every route answers a bad parameter.
 */
export function parseTileRequest(raw: RawTileRequest): ParsedTileRequest {
  const key = `${raw.layer}/${raw.z}/${raw.x}/${raw.y}?${raw.at ?? ''}`;
  const known = parsed.get(key);
  if (known) return known;
  const params = TileRouteParams.safeParse({ layer: raw.layer, z: raw.z, x: raw.x, y: raw.y });
  if (!params.success) throw invalid(params.error);
  const query = TileQuery.safeParse(raw.at === undefined ? {} : { at: raw.at });
  if (!query.success) throw invalid(query.error);
  const result = { ...params.data, at: query.data.at };
  parsed.set(key, result, 1);
  return result;
}

function invalid(error: Parameters<typeof zodErrorMessage>[0]) {
  const { field, message } = zodErrorMessage(error);
  return badRequest(field ?? 'path', message);
}
