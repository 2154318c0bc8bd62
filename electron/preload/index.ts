import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNEL_NAMES } from '../../shared/contract';
import { SHELL_CHANNEL_NAMES, IPC_EVENT_CHANNEL, IPC_MENU_CHANNEL, IPC_SHELL_PREFIX } from '../../shared/contract/shell';

// The bridge exposes the contract and nothing else: no ipcRenderer, no arbitrary channel names.
const channels = new Set<string>(CHANNEL_NAMES);
const shellChannels = new Set<string>(SHELL_CHANNEL_NAMES);

contextBridge.exposeInMainWorld('workbench', {
  host: 'electron',
  invoke(name: string, args: unknown): Promise<unknown> {
    if (!channels.has(name)) return Promise.reject(new Error(`unknown channel ${name}`));
    return ipcRenderer.invoke(name, args);
  },
  shell(name: string, args: unknown): Promise<unknown> {
    if (!shellChannels.has(name)) return Promise.reject(new Error(`unknown shell channel ${name}`));
    return ipcRenderer.invoke(IPC_SHELL_PREFIX + name, args);
  },
  onEvent(listener: (name: string, payload: unknown) => void): () => void {
    const wrapped = (_e: unknown, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
  },
  /** A dropped File's path on disk (Electron removed File.path; webUtils is the supported way). */
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
  onMenu(listener: (cmd: unknown) => void): () => void {
    const wrapped = (_e: unknown, cmd: unknown) => listener(cmd);
    ipcRenderer.on(IPC_MENU_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(IPC_MENU_CHANNEL, wrapped);
  },
});
