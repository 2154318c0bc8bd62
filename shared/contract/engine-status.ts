import type { EngineStatus } from './events';

/**
 * What the engine banner says, as catalogue keys in order: what happened, then what became of the open
 * workspace. `hadWorkspace`: a workspace was open in the page when the engine went down, so a restart
 * that did not reopen it must tell the user to open it again.
 */
export function engineStatusLines(status: EngineStatus, hadWorkspace: boolean): string[] {
  if (status.state === 'crashed') return ['engine.crashed'];
  if (status.state === 'stopped') return ['engine.stopped'];
  if (status.integrityOk === false) return ['engine.restarted', 'engine.integrityFailed'];
  if (status.workspaceReopened) return ['engine.restarted', 'engine.reopened'];
  return hadWorkspace ? ['engine.restarted', 'engine.mustReopen'] : ['engine.restarted'];
}
