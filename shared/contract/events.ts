import type { WorkspaceInfo } from '../domain/engagement';
import type { Locale } from '../errors';

// Events the backend pushes to the UI (Electron: webContents.send; web host: server-sent events).
export interface JobProgress {
  jobId: string;
  phase: string; // catalogue key, e.g. 'import.phase.reading'
  done: number;
  total: number | null; // null when unknown (streaming)
}

/**
 * The engine (a separate process or thread) crashed, or came back after a crash. The host relays it so
 * the UI can say what happened: whether the open workspace passed its integrity check and was reopened,
 * or must be reopened by the user.
 */
export interface EngineStatus {
  /** stopped: crashed again too soon after restarts; the next call starts it again */
  state: 'crashed' | 'restarted' | 'stopped';
  reason: string | null;
  workspaceReopened: boolean;
  /** null when no workspace was open, or it has not been checked yet */
  integrityOk: boolean | null;
}

export interface BackendEvents {
  'job.progress': JobProgress;
  'engagement.changed': { info: WorkspaceInfo | null };
  'app.localeChanged': { locale: Locale };
  'engine.status': EngineStatus;
}
export type EventName = keyof BackendEvents;

// A record keyed by every event name, so an event added to BackendEvents and not listed here fails to
// compile (the web transport subscribes to exactly these names; a missing one would never arrive).
const eventNames: Record<EventName, true> = {
  'job.progress': true,
  'engagement.changed': true,
  'app.localeChanged': true,
  'engine.status': true,
};
export const EVENT_NAMES = Object.keys(eventNames) as readonly EventName[];

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(eventNames, name);
}
