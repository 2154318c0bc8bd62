import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { acquireWorkspaceLock, type WorkspaceLock } from './workspace/lock';
import { dirname, resolve } from 'node:path';
import { recoverInterruptedJob } from './workspace/recover';
import { recordAudit } from './workspace/repositories/audit';
import type { HostKind, WorkspaceInfo, WorkspaceRecovery } from '../../shared/domain/engagement';
import { SettingsStore, defaultDocumentsDir, defaultSettingsDir } from './settings';
import { JobRegistry } from './jobs';
import { EventHub } from './events';
import { WorkbenchError } from './errors';
import { describeWorkspace, openWorkspace, type Workspace } from './workspace/workspace';
import type { PdfPrinter } from './reports/pdf';
import type { Passphrase } from './workspace/cipher';

export interface BackendOptions {
  host: HostKind;
  version: string;
  settingsDir?: string;
  documentsDir?: string;
  /** How reports print to PDF; the Electron app passes webContents.printToPDF, others use headless Chromium. */
  createPdfPrinter?: () => Promise<PdfPrinter>;
}

/** The file and its folder (SQLite writes its journal, WAL and our lock beside it) can be written. */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The engine's state for one UI: the settings, at most one open workspace (one engagement at a
 * time, as in a document app), running jobs and the event hub. Hosts create one and dispatch to it.
 */
export class Backend {
  readonly settings: SettingsStore;
  readonly jobs = new JobRegistry();
  readonly events = new EventHub();
  readonly documentsDir: string;
  private current: Workspace | null = null;
  private lock: WorkspaceLock | null = null;
  /** The open file's inode: a file moved or deleted under us is noticed before the next write. */
  private identity: { dev: number; ino: number } | null = null;

  constructor(readonly options: BackendOptions) {
    this.settings = new SettingsStore(options.settingsDir ?? defaultSettingsDir());
    this.documentsDir = options.documentsDir ?? defaultDocumentsDir();
  }

  get workspace(): Workspace | null {
    return this.current;
  }

  requireWorkspace(): Workspace {
    if (!this.current) throw new WorkbenchError('NO_WORKSPACE_OPEN');
    if (this.identity) {
      // SQLite keeps writing to a file that was renamed or deleted while open: into a deleted inode,
      // that work would vanish at close. Refuse instead, and let the consultant reopen it.
      const st = statSync(this.current.path, { throwIfNoEntry: false });
      if (!st || st.ino !== this.identity.ino || st.dev !== this.identity.dev) {
        const path = this.current.path;
        void this.close();
        throw new WorkbenchError('WORKSPACE_MOVED', { path });
      }
    }
    return this.current;
  }

  ensureDocumentsDir(): string {
    mkdirSync(this.documentsDir, { recursive: true });
    return this.documentsDir;
  }

  /**
   * A job thread's view of the workspace the engine has open: set it without telling the UI or the
   * recent list, which belong to the engine.
   */
  useWorkspace(ws: Workspace): void {
    this.current = ws;
  }

  /** Make `ws` the open workspace (closing any other), remember it and tell the UI. */
  async adopt(ws: Workspace, recovery: WorkspaceRecovery | null = null, lock: WorkspaceLock | null = null): Promise<WorkspaceInfo> {
    const held = lock ?? acquireWorkspaceLock(ws.path, this.options.host);
    if (this.current && this.current !== ws) await this.closeCurrent();
    this.current = ws;
    this.lock = held;
    const st = statSync(ws.path);
    this.identity = { dev: st.dev, ino: st.ino };
    const info = { ...(await describeWorkspace(ws)), recovery };
    this.settings.rememberOpened(ws.path, info.meta.clientName, info.encrypted);
    this.events.emit('engagement.changed', { info });
    return info;
  }

  async open(path: string, passphrase: Passphrase | null = null): Promise<WorkspaceInfo> {
    // A job a crash interrupted is rolled back first (a copy kept aside), so the read-only inspection
    // sees the data as it was before that job. Then inspect and open the new file before closing the
    // current one: a refused file leaves the consultant where they were.
    // The lock comes first: a file another process has open is refused with its name before anything
    // else touches it.
    const full = resolve(path);
    if (!existsSync(full)) throw new WorkbenchError('FILE_NOT_FOUND', { path: full });
    if (!writable(full)) throw new WorkbenchError('WORKSPACE_READ_ONLY', { path: full });
    const lock = acquireWorkspaceLock(full, this.options.host);
    try {
      const recovery = recoverInterruptedJob(full, undefined, passphrase);
      const ws = await openWorkspace(full, passphrase);
      if (recovery) await recordAudit(ws.db, 'workspace.recovered', { at: recovery.at, keptAside: recovery.keptAside });
      return await this.adopt(ws, recovery, lock);
    } catch (err) {
      if (this.lock !== lock) lock.release();
      throw err;
    }
  }

  private async closeCurrent(): Promise<void> {
    const ws = this.current;
    const lock = this.lock;
    this.current = null;
    this.lock = null;
    this.identity = null;
    try {
      await ws?.close();
    } finally {
      lock?.release();
    }
  }

  async close(): Promise<void> {
    if (!this.current) return;
    await this.closeCurrent();
    this.events.emit('engagement.changed', { info: null });
  }

  async shutdown(): Promise<void> {
    await this.close();
  }
}
