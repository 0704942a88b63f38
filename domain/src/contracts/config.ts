import { z } from 'zod';

export const ConfigResponse = z.object({
  basemapStyleUrl: z
    .string()
    .nullable()
    .describe('MapLibre style drawn under the choropleth, or null (no basemap)'),
});
