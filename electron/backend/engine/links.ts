// How a host reaches an engine in its own thread or process. EngineClient speaks to a link; the
// link knows only how to start the engine, pass messages and notice that it is gone. Electron's
// utility-process link lives in electron/main (it needs electron); these two need only Node.
import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { scriptEntry, ENGINE_SCRIPT } from './entries';
import type { FromEngine, ToEngine } from './protocol';

export interface EngineLink {
  send(message: ToEngine): void;
  onMessage(listener: (message: FromEngine) => void): void;
  /** Called once when the engine is gone, whether it exited cleanly, crashed or was killed. */
  onExit(listener: (reason: string) => void): void;
  kill(): void;
  /** Process id of an engine process (null for a thread): for the kill tests and the benchmark. */
  readonly pid: number | null;
}

export function workerLink(): EngineLink {
  const entry = scriptEntry(ENGINE_SCRIPT);
  const worker = new Worker(entry.file, { execArgv: entry.execArgv });
  let exited = false;
  return {
    pid: null,
    send: (m) => worker.postMessage(m),
    onMessage: (l) => worker.on('message', l),
    onExit(l) {
      worker.on('error', (err) => {
        if (exited) return;
        exited = true;
        l(err.message);
      });
      worker.on('exit', (code) => {
        if (exited) return;
        exited = true;
        l(`exit ${code}`);
      });
    },
    kill: () => void worker.terminate(),
  };
}

/** A child process with Node's IPC: the same shape as Electron's utility process, testable without it. */
export function childProcessLink(): EngineLink {
  const entry = scriptEntry(ENGINE_SCRIPT);
  const child = fork(entry.file, [], { execArgv: entry.execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    pid: child.pid ?? null,
    send: (m) => void child.send(m),
    onMessage: (l) => child.on('message', (m) => l(m as FromEngine)),
    onExit: (l) => child.once('exit', (code, signal) => l(signal ? `signal ${signal}` : `exit ${code}`)),
    kill: () => void child.kill('SIGKILL'),
  };
}
