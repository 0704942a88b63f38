import { z } from 'zod';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  engine: z.enum(['pglite', 'postgres']),
  postgis: z.string(),
  synthetic: z.boolean(),
});
