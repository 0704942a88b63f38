import { Worker } from 'node:worker_threads';

/**
 * Pure computations run in a worker thread so they never hold the event loop that answers everybody else
 * (issue 13: a national emerging hot spot analysis held other users' map values for 150–300 ms).
 *
 * - One worker per pool, started on first use and kept; tasks queue in it, so a pool costs at most one
 *   core and the event loop keeps the other. Callers bound how many tasks they send (heavy-requests.ts).
 * - The worker has its own heap limit: a computation that runs away ends the worker (the task fails
 *   with an error, the next task starts a new worker), never the server.
 * - Where a worker cannot start (a runtime without a TypeScript loader), the same functions run inline,
 *   said once on stderr: slower for others, never wrong.
 */
// biome-ignore lint/suspicious/noExplicitAny: operations are any functions of cloneable arguments.
export type Operations = Record<string, (...args: any[]) => unknown>;

export interface OffThread<Ops extends Operations> {
  run<K extends keyof Ops & string>(op: K, ...args: Parameters<Ops[K]>): Promise<Awaited<ReturnType<Ops[K]>>>;
  /** Where the last task ran: for tests and diagnostics. */
  readonly mode: 'worker' | 'inline' | 'idle';
  close(): Promise<void>;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string; name: string };

/** Heap of a worker: generous for national computations (a few MB of arrays), small beside the server. */
const WORKER_HEAP_MB = 512;

export function offThread<Ops extends Operations>(workerUrl: URL, inline: Ops, name: string): OffThread<Ops> {
  let worker: Worker | null = null;
  let broken = false;
  let mode: 'worker' | 'inline' | 'idle' = 'idle';
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const fail = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = null;
  };

  const start = (): Worker => {
    const w = new Worker(BOOTSTRAP, {
      workerData: { entry: workerUrl.href },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      name,
    });
    let started = false;
    w.on('online', () => {
      started = true;
    });
    w.on('message', (reply: Reply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (pending.size === 0) w.unref();
      if (reply.ok) p.resolve(reply.value);
      else p.reject(Object.assign(new Error(reply.message), { name: reply.name }));
    });
    w.on('error', (error) => {
      // A worker that never came up cannot run this module: compute inline from now on.
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!started || code === 'ERR_UNKNOWN_FILE_EXTENSION' || code === 'ERR_MODULE_NOT_FOUND') {
        if (!broken) console.error(`[pcmt] ${name}: no worker thread (${error.message}); computing inline`);
        broken = true;
      }
      fail(new Error(`${name}: the computation failed (${error.message})`));
    });
    w.on('exit', (code) => {
      if (worker === w) fail(new Error(`${name}: the worker ended (code ${code})`));
    });
    w.unref();
    return w;
  };

  const runInline = async <K extends keyof Ops & string>(
    op: K,
    args: Parameters<Ops[K]>,
  ): Promise<Awaited<ReturnType<Ops[K]>>> => {
    mode = 'inline';
    const fn = inline[op];
    if (!fn) throw new Error(`${name}: no operation ${op}`);
    return (await fn(...args)) as Awaited<ReturnType<Ops[K]>>;
  };

  return {
    get mode() {
      return mode;
    },
    async run<K extends keyof Ops & string>(
      op: K,
      ...args: Parameters<Ops[K]>
    ): Promise<Awaited<ReturnType<Ops[K]>>> {
      if (broken) return runInline(op, args);
      worker ??= start();
      const w = worker;
      const id = nextId++;
      const result = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
      w.ref();
      w.postMessage({ id, op, args });
      try {
        const value = (await result) as Awaited<ReturnType<Ops[K]>>;
        mode = 'worker';
        return value;
      } catch (error) {
        // The worker could not load the module at all: this task (and the following) run inline.
        if (broken) return runInline(op, args);
        throw error;
      }
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}

/**
 * The worker side: answers each task with the operation's result, moving its typed arrays' buffers
 * instead of copying them.
 */
export function serveOffThread(
  ops: Operations,
  port: import('node:worker_threads').MessagePort | null,
): void {
  if (!port) throw new Error('serveOffThread runs in a worker thread');
  port.on('message', async ({ id, op, args }: { id: number; op: string; args: unknown[] }) => {
    try {
      const fn = ops[op];
      if (!fn) throw new Error(`no operation ${op}`);
      const value = await fn(...args);
      port.postMessage({ id, ok: true, value } satisfies Reply, transferables(value));
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id, ok: false, message: e.message, name: e.name } satisfies Reply);
    }
  });
}

/** Buffers of the typed arrays in a result (one level of objects and arrays deep), each once. */
function transferables(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number) => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength)
        out.add(v.buffer);
    } else if (depth < 2 && v && typeof v === 'object') {
      for (const x of Array.isArray(v) ? v : Object.values(v)) visit(x, depth + 1);
    }
  };
  visit(value, 0);
  return [...out];
}

const BOOTSTRAP = new URL('./off-thread-bootstrap.mjs', import.meta.url);
