import { z } from 'zod';
import { HOTSPOT_STATES } from '../hotspot-states';
import { IsoDate } from './common';

/** `minLng,minLat,maxLng,maxLat` in WGS 84. */
export const Bbox = z.string().transform((s, ctx) => {
  const parts = s.split(',').map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  const [minLng, minLat, maxLng, maxLat] = parts;
  if (
    parts.length !== 4 ||
    minLng === undefined ||
    minLat === undefined ||
    maxLng === undefined ||
    maxLat === undefined ||
    parts.some((n) => !Number.isFinite(n))
  ) {
    ctx.addIssue({ code: 'custom', message: 'phải là bốn số minLng,minLat,maxLng,maxLat' });
    return z.NEVER;
  }
  if (minLng < -180 || maxLng > 180 || minLat < -90 || maxLat > 90) {
    ctx.addIssue({
      code: 'custom',
      message: 'kinh độ phải trong khoảng [-180, 180] và vĩ độ trong khoảng [-90, 90]',
    });
    return z.NEVER;
  }
  if (minLng >= maxLng || minLat >= maxLat) {
    ctx.addIssue({
      code: 'custom',
      message: 'giá trị nhỏ nhất phải nhỏ hơn giá trị lớn nhất ở cả kinh độ và vĩ độ',
    });
    return z.NEVER;
  }
  return [minLng, minLat, maxLng, maxLat] as const;
});

export const HotspotLifecycle = z.enum([...HOTSPOT_STATES, 'all']);

export const HotspotsQuery = z.object({
  bbox: Bbox.optional().describe('minLng,minLat,maxLng,maxLat; default everywhere'),
  status: HotspotLifecycle.default('active').describe('state on the date `at`'),
  at: IsoDate.optional().describe('default today'),
});

export const HotspotProperties = z.object({
  code: z.string(),
  kind: z.enum(['diem', 'tu_diem']),
  communeCode: z.string(),
  detectedOn: z.string(),
  eliminatedOn: z.string().nullable(),
  reemergedOn: z.string().nullable(),
  status: z.enum(HOTSPOT_STATES),
});

export const HotspotsResponse = z.object({
  type: z.literal('FeatureCollection'),
  meta: z.object({ synthetic: z.boolean(), at: z.string(), status: HotspotLifecycle, count: z.number() }),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
      properties: HotspotProperties,
    }),
  ),
});
