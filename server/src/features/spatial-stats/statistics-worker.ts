import { parentPort } from 'node:worker_threads';
import { serveOffThread } from '../../lib/off-thread';
import { statisticsOps } from './statistics-ops';

/** Worker entry of the statistics pool (statistics-pool.ts). */
serveOffThread(statisticsOps, parentPort);
