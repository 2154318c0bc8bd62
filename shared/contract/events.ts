import type { WorkspaceInfo } from '../domain/engagement';
import type { Locale } from '../errors';

// Events the backend pushes to the UI (Electron: webContents.send; web host: server-sent events).
export interface JobProgress {
  jobId: string;
  phase: string; // catalogue key, e.g. 'import.phase.reading'
  done: number;
  total: number | null; // null when unknown (streaming)
}

export interface BackendEvents {
  'job.progress': JobProgress;
  'engagement.changed': { info: WorkspaceInfo | null };
  'app.localeChanged': { locale: Locale };
}
export type EventName = keyof BackendEvents;
export const EVENT_NAMES: readonly EventName[] = ['job.progress', 'engagement.changed', 'app.localeChanged'];
