// The messages between a host (Electron main, the web host) and the engine running in its own
// thread or process, and between the engine and the job threads it starts. Plain data only: they
// cross postMessage (structured clone) or a child process's IPC channel.
import type { Envelope, EventName } from '../../../shared/contract';
import type { HostKind } from '../../../shared/domain/engagement';
import type { PdfPageOptions } from '../reports/pdf';
import type { PassphraseTransfer } from '../workspace/cipher';

/** What the engine needs to build its Backend; hosts pass it in the first message. */
export interface EngineInit {
  host: HostKind;
  version: string;
  settingsDir?: string;
  documentsDir?: string;
  /** 'host': print PDFs by asking the host (Electron's printToPDF); 'chromium': headless Chromium. */
  pdf: 'host' | 'chromium';
}

/** Requests the engine answers beside the contract's channels; hosts use them, the UI never sees them. */
export type EngineQuery =
  | { op: 'isExportedFile'; path: string }
  /** `pragma quick_check` of the open workspace: true when it passes, null when none is open. */
  | { op: 'integrityCheck' };

export type ToEngine =
  | { kind: 'init'; init: EngineInit }
  | { kind: 'call'; seq: number; name: string; args: unknown }
  | { kind: 'query'; seq: number; query: EngineQuery }
  | { kind: 'hostReply'; seq: number; ok: true; value: Uint8Array }
  | { kind: 'hostReply'; seq: number; ok: false; message: string }
  | { kind: 'shutdown' };

export type FromEngine =
  | { kind: 'ready' }
  | { kind: 'result'; seq: number; envelope: Envelope<unknown> }
  | { kind: 'queryResult'; seq: number; value: boolean | null }
  | { kind: 'event'; name: EventName; payload: unknown }
  | { kind: 'hostCall'; seq: number; op: 'printPdf'; html: string; page: PdfPageOptions }
  | { kind: 'closed' };

/** Engine → job thread, and back. The cancel flag is also a SharedArrayBuffer the job reads synchronously. */
export type ToJob = { kind: 'cancel' };
export type FromJob = { kind: 'event'; name: EventName; payload: unknown } | { kind: 'result'; envelope: Envelope<unknown> };

export interface JobThreadData {
  init: EngineInit;
  workspacePath: string;
  /** An encrypted workspace's passphrase and its derived key, so the thread can open its own connection: memory only. */
  passphrase: PassphraseTransfer | null;
  name: string;
  args: unknown;
  jobId: string;
  /** Int32Array(1) over a SharedArrayBuffer: 1 once the job is cancelled. */
  cancelFlag: SharedArrayBuffer;
}
