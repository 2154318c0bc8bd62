import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { recoverInterruptedJob } from './workspace/recover';
import { recordAudit } from './workspace/repositories/audit';
import type { HostKind, WorkspaceInfo, WorkspaceRecovery } from '../../shared/domain/engagement';
import { SettingsStore, defaultDocumentsDir, defaultSettingsDir } from './settings';
import { JobRegistry } from './jobs';
import { EventHub } from './events';
import { WorkbenchError } from './errors';
import { describeWorkspace, openWorkspace, type Workspace } from './workspace/workspace';
import type { PdfPrinter } from './reports/pdf';

export interface BackendOptions {
  host: HostKind;
  version: string;
  settingsDir?: string;
  documentsDir?: string;
  /** How reports print to PDF; the Electron app passes webContents.printToPDF, others use headless Chromium. */
  createPdfPrinter?: () => Promise<PdfPrinter>;
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

  constructor(readonly options: BackendOptions) {
    this.settings = new SettingsStore(options.settingsDir ?? defaultSettingsDir());
    this.documentsDir = options.documentsDir ?? defaultDocumentsDir();
  }

  get workspace(): Workspace | null {
    return this.current;
  }

  requireWorkspace(): Workspace {
    if (!this.current) throw new WorkbenchError('NO_WORKSPACE_OPEN');
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
  async adopt(ws: Workspace, recovery: WorkspaceRecovery | null = null): Promise<WorkspaceInfo> {
    if (this.current && this.current !== ws) await this.current.close();
    this.current = ws;
    const info = { ...(await describeWorkspace(ws)), recovery };
    this.settings.rememberOpened(ws.path, info.meta.clientName);
    this.events.emit('engagement.changed', { info });
    return info;
  }

  async open(path: string): Promise<WorkspaceInfo> {
    // A job a crash interrupted is rolled back first (a copy kept aside), so the read-only inspection
    // sees the data as it was before that job. Then inspect and open the new file before closing the
    // current one: a refused file leaves the consultant where they were.
    const recovery = recoverInterruptedJob(resolve(path));
    const ws = await openWorkspace(path);
    if (recovery) await recordAudit(ws.db, 'workspace.recovered', { at: recovery.at, keptAside: recovery.keptAside });
    return this.adopt(ws, recovery);
  }

  async close(): Promise<void> {
    if (!this.current) return;
    await this.current.close();
    this.current = null;
    this.events.emit('engagement.changed', { info: null });
  }

  async shutdown(): Promise<void> {
    await this.close();
  }
}
