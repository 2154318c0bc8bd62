// The engine's thread or process: whichever way it was started, it finds its port to the host and
// serves. A worker thread (browser mode), Electron's utility process (process.parentPort, which the
// engine types structurally so it never imports electron) or a child process (process.send: how
// tests and benchmarks exercise the Electron relay without the Electron binary).
import { parentPort } from 'node:worker_threads';
import { serveEngine, type EnginePort } from './serve';
import { claimPrivateTemp } from '../private-temp';
import type { FromEngine, ToEngine } from './protocol';

interface UtilityParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

function findPort(): EnginePort {
  if (parentPort) {
    const p = parentPort;
    return {
      post: (m) => p.postMessage(m),
      onMessage: (l) => p.on('message', (m: ToEngine) => l(m)),
      exit: () => process.exit(0),
    };
  }
  const utility = (process as NodeJS.Process & { parentPort?: UtilityParentPort }).parentPort;
  if (utility) {
    return {
      post: (m) => utility.postMessage(m),
      onMessage: (l) => utility.on('message', (e) => l(e.data as ToEngine)),
      exit: () => process.exit(0),
    };
  }
  if (process.send) {
    const send = process.send.bind(process);
    // The host's disconnect is its death: an engine nobody can talk to must not live on holding the file.
    process.on('disconnect', () => process.exit(0));
    return {
      post: (m: FromEngine) => void send(m),
      onMessage: (l) => process.on('message', (m) => l(m as ToEngine)),
      exit: () => process.exit(0),
    };
  }
  throw new Error('the engine must be started by a host (worker thread, utility or child process)');
}

// A thread shares its process's temporary folder (the host claimed it); a process claims its own.
if (!parentPort) claimPrivateTemp();
serveEngine(findPort());
