// Runs produceRows in a worker thread and hands its chunks to the pipeline as an async generator.
// Reading, parsing and keying a large file then overlap with the database writes on this thread: on
// two cores that takes the producer's seconds off the import's critical path. Small files stay on
// this thread (a worker costs tens of milliseconds to start, more from the TypeScript sources).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ProducedChunk, ProducerSetup } from './produce';
import { rebuildError, type ProducerMessage } from './produce-protocol';

// The worker's young generation. Its garbage is short-lived rows, but with 8 MB the rows of the chunks
// in flight outlived two scavenges and were promoted, and the old generation's collections made the
// worker (the import's critical path) slower: 1,000,000 lines, 7 interleaved runs each, median wall
// 9.9 s at 8 MB, 8.2 s at 32 MB, for 30-50 MB more peak memory (at most 386 MB seen, under the 400 MB
// the import is allowed).
const YOUNG_MB = 32;

interface WorkerEntry {
  file: string;
  execArgv: string[];
}

/**
 * The worker's script: beside the bundle that runs this code (out/main/import-worker.js, built by
 * electron-vite), or, running from the TypeScript sources (tests, tsx), produce-worker.ts through
 * tsx's loader. Null when neither is there: the pipeline then produces on its own thread.
 */
export function producerEntry(): WorkerEntry | null {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) {
    const file = join(dirname(here), 'import-worker.js');
    return existsSync(file) ? { file, execArgv: [] } : null;
  }
  try {
    const tsx = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs');
    return { file: join(dirname(here), 'produce-worker.ts'), execArgv: ['--import', pathToFileURL(tsx).href] };
  } catch {
    return null;
  }
}

export async function* produceInWorker(entry: WorkerEntry, setup: ProducerSetup, signal?: AbortSignal): AsyncGenerator<ProducedChunk> {
  const worker = new Worker(entry.file, { workerData: setup, execArgv: entry.execArgv, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
  const queue: ProducerMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: ProducerMessage) => {
    queue.push(m);
    notify();
  });
  worker.on('error', (err) => {
    failure ??= err;
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });
  const onAbort = (): void => notify();
  signal?.addEventListener('abort', onAbort);
  try {
    for (;;) {
      signal?.throwIfAborted();
      const m = queue.shift();
      if (m === undefined) {
        if (failure !== null) throw failure;
        if (exited) throw new Error('the import worker stopped before the end of the file');
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (m.type === 'done') return;
      if (m.type === 'error') throw rebuildError(m.error);
      yield m.chunk;
      // Written: the worker may read one more chunk ahead.
      if (!exited) worker.postMessage('ack');
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!exited) await worker.terminate();
  }
}
