// Worker-thread entry: runs produceRows over the file and posts each chunk to the pipeline's thread,
// at most IN_FLIGHT chunks ahead of what it has written, so a fast reader never piles a large file up
// in memory behind a slower database. Built as out/main/import-worker.js (electron.vite.config.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { produceRows, type ProducerSetup } from './produce';
import { IN_FLIGHT, describeError, type ProducerMessage } from './produce-protocol';

const port = parentPort;
if (port === null) throw new Error('produce-worker must run in a worker thread');

let credit = IN_FLIGHT;
let wake: (() => void) | null = null;
port.on('message', (m: unknown) => {
  if (m !== 'ack') return;
  credit++;
  wake?.();
  wake = null;
});

const send = (m: ProducerMessage): void => port.postMessage(m);
try {
  for await (const chunk of produceRows(workerData as ProducerSetup)) {
    if (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    send({ type: 'chunk', chunk });
  }
  send({ type: 'done' });
} catch (err) {
  send({ type: 'error', error: describeError(err) });
} finally {
  port.close();
}
