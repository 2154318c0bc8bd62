import { dialog, ipcMain, shell, type BrowserWindow, type FileFilter, type IpcMainInvokeEvent } from 'electron';
import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { CHANNEL_NAMES } from '../../shared/contract';
import { IPC_EVENT_CHANNEL, IPC_SHELL_PREFIX, SHELL_CHANNEL_NAMES, type shellChannels } from '../../shared/contract/shell';
import type { CallContext, HandlersFor } from '../../shared/contract/define';
import { shellChannels as shellSpecs } from '../../shared/contract/shell';
import type { Engine } from '../backend/engine/engine';
import { defaultDocumentsDir } from '../backend/settings';
import { WorkbenchError } from '../backend/errors';
import { isTrustedUrl } from './window';

const FILTERS: Record<'rwb' | 'xlsx' | 'pdf' | 'pptx' | 'csv' | 'json', FileFilter> = {
  rwb: { name: '留存诊断项目 Engagement', extensions: ['rwb'] },
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  pptx: { name: 'PowerPoint', extensions: ['pptx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
};

function senderOk(event: IpcMainInvokeEvent): boolean {
  return isTrustedUrl(event.senderFrame?.url ?? '');
}

function documentsDir(): string {
  const dir = defaultDocumentsDir();
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * One handler per contract channel, derived from the contract, each relaying to the engine's process
 * (main computes nothing, so a long run never holds up the menu or a dialog); plus the native shell calls.
 */
export function registerIpc(engine: Engine, getWindow: () => BrowserWindow | null): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(name, async (event, args: unknown) => {
      if (!senderOk(event)) return { ok: false, error: new WorkbenchError('UNTRUSTED_SENDER').toWire() };
      return engine.call(name, args);
    });
  }
  engine.subscribe((name, payload) => getWindow()?.webContents.send(IPC_EVENT_CHANNEL, name, payload));

  const shellHandlers: HandlersFor<typeof shellChannels> = {
    'dialog.openWorkspace': async () => {
      const r = await dialog.showOpenDialog({ properties: ['openFile'], filters: [FILTERS.rwb], defaultPath: documentsDir() });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    'dialog.saveWorkspace': async ({ suggestedName }) => {
      const r = await dialog.showSaveDialog({ filters: [FILTERS.rwb], defaultPath: `${documentsDir()}/${basename(suggestedName)}` });
      return r.canceled ? null : (r.filePath ?? null);
    },
    'dialog.openDataFile': async () => {
      const r = await dialog.showOpenDialog({
        properties: ['openFile'],
        filters: [{ name: 'CSV / Excel', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xls'] }],
      });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    'dialog.saveFile': async ({ suggestedName, kind }) => {
      const r = await dialog.showSaveDialog({ filters: [FILTERS[kind]], defaultPath: suggestedName });
      return r.canceled ? null : (r.filePath ?? null);
    },
    'shell.showItemInFolder': async ({ path }) => {
      shell.showItemInFolder(path);
      return null;
    },
  };
  const noJob: CallContext = { jobId: null, signal: new AbortController().signal, progress: () => {} };
  for (const name of SHELL_CHANNEL_NAMES) {
    const handler = shellHandlers[name] as (args: unknown, ctx: CallContext) => Promise<unknown>;
    ipcMain.handle(IPC_SHELL_PREFIX + name, async (event, raw: unknown) => {
      if (!senderOk(event)) return { ok: false, error: new WorkbenchError('UNTRUSTED_SENDER').toWire() };
      const parsed = shellSpecs[name].args.safeParse(raw ?? {});
      if (!parsed.success) return { ok: false, error: new WorkbenchError('INVALID_ARGUMENTS', { detail: parsed.error.message }).toWire() };
      return { ok: true, value: await handler(parsed.data, noJob) };
    });
  }
}
