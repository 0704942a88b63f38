import { offThread } from '../../lib/off-thread';
import { statisticsOps } from './statistics-ops';

/**
 * The analysis routes' computations, off the event loop: one worker for the whole process (the heavy
 * request limits bound what queues in it), the same functions inline where no worker can start.
 */
export const statistics = offThread(
  new URL('./statistics-worker.ts', import.meta.url),
  statisticsOps,
  'spatial statistics',
);
