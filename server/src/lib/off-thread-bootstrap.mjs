// Entry of every off-thread worker (off-thread.ts). A worker thread does not inherit the parent's module
// hooks for its own entry, so a TypeScript entry is loaded through tsx's loader, registered here.
import { workerData } from 'node:worker_threads';

const { entry } = workerData;
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entry);
