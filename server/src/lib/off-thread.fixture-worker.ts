import { parentPort } from 'node:worker_threads';
import { serveOffThread } from './off-thread';
import { fixtureOps } from './off-thread.fixture-ops';

serveOffThread(fixtureOps, parentPort);
