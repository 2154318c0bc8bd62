// One long job in a thread of its own, with its own connection to the workspace the engine has
// open. The engine's thread stays free to answer the UI while this one computes for seconds; the
// results are written here in the job's own transaction, which the engine's connection sees once
// committed (WAL). Cancel arrives twice: as a flag read synchronously at the run's checkpoints and
// as a message, for a job that is awaiting something.
import { parentPort, workerData } from 'node:worker_threads';
import { Backend } from '../backend';
import { dispatch } from '../dispatch';
import { createHandlers } from '../handlers';
import { openDatabase } from '../workspace/db';
import { Passphrase } from '../workspace/cipher';
import type { Workspace } from '../workspace/workspace';
import type { FromJob, JobThreadData, ToJob } from './protocol';

const data = workerData as JobThreadData;
const port = parentPort;
if (!port) throw new Error('job-worker runs as a worker thread');

const post = (m: FromJob) => port.postMessage(m);

/** The engine already inspected and migrated the file; a job only connects to it. */
function connect(path: string, passphrase: Passphrase | null): Workspace {
  const opened = openDatabase(path, { passphrase });
  return {
    path,
    sqlite: opened.sqlite,
    db: opened.db,
    passphrase,
    // No checkpoint here: the engine's connection owns the file's tidy-up when it closes.
    close: () => opened.db.destroy(),
  };
}

async function main(): Promise<void> {
  const backend = new Backend({ ...data.init, createPdfPrinter: undefined });
  backend.events.subscribe((name, payload) => post({ kind: 'event', name, payload }));
  const ws = connect(data.workspacePath, Passphrase.import(data.passphrase));
  backend.useWorkspace(ws);
  port!.on('message', (m: ToJob) => {
    if (m.kind === 'cancel') backend.jobs.cancel(data.jobId);
  });
  try {
    const envelope = await dispatch(backend, createHandlers(backend), data.name, data.args, {
      cancelFlag: new Int32Array(data.cancelFlag),
    });
    post({ kind: 'result', envelope });
  } finally {
    await ws.close();
    port!.close();
  }
}

void main();
