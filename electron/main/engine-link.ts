import { utilityProcess } from 'electron';
import { join } from 'node:path';
import type { EngineLink } from '../backend/engine/links';
import type { FromEngine } from '../backend/engine/protocol';

/**
 * The engine in Electron's utility process (as Actual Budget forks its server): a crash or a
 * 2 GB run there never takes the window or the menu with it. The script is the engine bundle that
 * electron-vite builds beside this one.
 */
export function utilityLink(): EngineLink {
  const child = utilityProcess.fork(join(import.meta.dirname, 'engine.js'), [], { serviceName: 'Retention Workbench engine', stdio: 'inherit' });
  return {
    get pid() {
      return child.pid ?? null;
    },
    send: (m) => child.postMessage(m),
    onMessage: (l) => child.on('message', (m: FromEngine) => l(m)),
    onExit: (l) => child.once('exit', (code) => l(`exit ${code}`)),
    kill: () => void child.kill(),
  };
}
