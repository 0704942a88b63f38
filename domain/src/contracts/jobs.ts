import { z } from 'zod';
import { IsoDate } from './common';

export const JOB_ID_PATTERN = /^[A-Za-z0-9]{12}$/;

export const JobIdParam = z.object({
  id: z
    .string()
    .regex(JOB_ID_PATTERN, 'phải là mã công việc gồm 12 chữ và số')
    // OpenAPI reads zod's own metadata (`.meta`): the path parameter and its example in the document.
    .meta({ param: { name: 'id', in: 'path' }, example: 'a1b2c3d4e5f6' }),
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
  /** The server process running it: host, process id, when that process started. */
  runner: z.object({ host: z.string(), pid: z.number().int(), startedAt: z.string() }).nullable(),
  /** Last sign of life from that process; a running job silent for a minute is taken for cut off. */
  heartbeatAt: z.string(),
});
export type Job = z.infer<typeof Job>;

export const WeightsJobBody = z
  .object({
    validFrom: IsoDate.optional().describe(
      'first day of the commune version to build the national contiguity weights of; default the version in force today',
    ),
  })
  .strict();

/** The PDF pack of a saved briefing, rendered as a job (a national pack of 30 pages takes a while). */
export const BriefingPdfJobBody = z
  .object({
    briefingId: z
      .string()
      .regex(/^[a-km-np-z2-9]{10}$/, 'phải là mã bản trình chiếu gồm 10 chữ và số')
      .describe('the briefing to render'),
    /** Marks every page of this copy MẬT; a briefing saved as MẬT is marked whatever this says. */
    mat: z.boolean().default(false),
  })
  .strict();
