import { z } from 'zod';

export const Indicator = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unitVi: z.string(),
  unitEn: z.string(),
  areaAggregation: z.enum(['sum', 'rate', 'max']),
  timeAggregation: z.enum(['sum', 'last', 'max', 'rate']),
  numeratorCode: z.string().nullable(),
  denominatorCode: z.string().nullable(),
  scale: z.number().nullable(),
  sensitivity: z.enum(['public', 'internal', 'police']),
  descriptionVi: z.string(),
});

export const IndicatorsResponse = z.object({ rows: z.array(Indicator) });
