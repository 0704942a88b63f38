import { parentPort } from 'node:worker_threads';
import { serveOffThread } from '../../../lib/off-thread';
import { renderBriefingPdf } from './render-briefing-pdf';

/** Worker entry of the briefing PDF renderer (render-off-thread.ts). */
serveOffThread({ renderBriefingPdf }, parentPort);
