// No two imports at once into one workspace: the second would share (and could commit) the first's
// transaction on the same connection. The slot is taken synchronously, before the run's first await,
// so two runs started in the same tick cannot both pass the check. An engine on another thread has
// its own module state and connection; there `begin immediate` waits out busy_timeout and its
// SQLITE_BUSY is reported with the same code (pipeline.ts).
import { resolve } from 'node:path';
import { WorkbenchError } from '../errors';

const running = new Set<string>();

export function importRunningError(): WorkbenchError {
  return new WorkbenchError('VALIDATION_FAILED', { detail: 'another import is running in this workspace', importCode: 'import_running' });
}

/** Take the workspace's import slot or throw the coded error; returns the release. */
export function takeImportSlot(workspacePath: string): () => void {
  const key = resolve(workspacePath);
  if (running.has(key)) throw importRunningError();
  running.add(key);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running.delete(key);
  };
}
