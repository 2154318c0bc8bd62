import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNEL_NAMES, type BackendEvents, type EventName } from '../../shared/contract';
import type { WorkbenchBridge } from '../../shared/contract/bridge';
import { SHELL_CHANNEL_NAMES, IPC_EVENT_CHANNEL, IPC_MENU_CHANNEL, IPC_SHELL_PREFIX, type MenuCommand } from '../../shared/contract/shell';

// The bridge exposes the contract and nothing else: no ipcRenderer, no arbitrary channel names. The
// names are checked at run time too, because the page's script is not bound by our types.
const channels = new Set<string>(CHANNEL_NAMES);
const shellChannels = new Set<string>(SHELL_CHANNEL_NAMES);

const bridge = {
  host: 'electron',
  invoke(name, args) {
    if (!channels.has(name)) return Promise.reject(new Error(`unknown channel ${name}`));
    return ipcRenderer.invoke(name, args);
  },
  shell(name, args) {
    if (!shellChannels.has(name)) return Promise.reject(new Error(`unknown shell channel ${name}`));
    return ipcRenderer.invoke(IPC_SHELL_PREFIX + name, args);
  },
  on<E extends EventName>(name: E, listener: (payload: BackendEvents[E]) => void): () => void {
    // Main sends every event on one IPC channel as (name, payload); keep this listener's name only.
    const wrapped = (_e: unknown, sent: string, payload: BackendEvents[E]) => {
      if (sent === name) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
  },
  /** A dropped File's path on disk (Electron removed File.path; webUtils is the supported way). */
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
  onMenu(listener: (cmd: MenuCommand) => void): () => void {
    const wrapped = (_e: unknown, cmd: MenuCommand) => listener(cmd);
    ipcRenderer.on(IPC_MENU_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(IPC_MENU_CHANNEL, wrapped);
  },
} satisfies WorkbenchBridge<File>;

contextBridge.exposeInMainWorld('workbench', bridge);
