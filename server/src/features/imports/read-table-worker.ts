import { parentPort } from 'node:worker_threads';
import { serveOffThread } from '../../lib/off-thread';
import { readTableWire } from './read-table';

/** Worker entry of the spreadsheet reader (read-table.ts). */
serveOffThread({ readTableWire }, parentPort);
