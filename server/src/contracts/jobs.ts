import { z } from '@hono/zod-openapi';
import { IsoDate } from './common';

export const JOB_ID_PATTERN = /^[A-Za-z0-9]{12}$/;

export const JobIdParam = z.object({
  id: z
    .string()
    .regex(JOB_ID_PATTERN, 'phải là mã công việc gồm 12 chữ và số')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'a1b2c3d4e5f6' }),
});

/** Long work started by a request and run on after it is answered (features/jobs). */
export const Job = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** 0–100. */
  progress: z.number().int(),
  /** What it is doing now, in Vietnamese. */
  stage: z.string(),
  ownerName: z.string(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const WeightsJobBody = z
  .object({
    validFrom: IsoDate.optional().describe(
      'first day of the commune version to build the national contiguity weights of; default the version in force today',
    ),
  })
  .strict();
