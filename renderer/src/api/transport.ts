import { EVENT_NAMES, type Envelope } from '../../../shared/contract';
import type { HostKind } from '../../../shared/domain/engagement';
import type { MenuCommand, ShellChannelName } from '../../../shared/contract/shell';

/** How the renderer reaches the engine: the Electron bridge or HTTP to the web host. */
export interface Transport {
  readonly host: HostKind;
  invoke(name: string, args: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  /** Native dialogs; only the Electron host has them. */
  shell?(name: ShellChannelName, args: unknown): Promise<Envelope<unknown>>;
  onMenu?(listener: (cmd: MenuCommand) => void): () => void;
  /** Electron: the path on disk of a dropped or chosen file. */
  pathForFile?(file: File): string;
  /** Browser mode: a chosen file is uploaded and the engine gets its server-side path. */
  upload?(file: File): Promise<string>;
}

interface ElectronBridge {
  host: 'electron';
  invoke(name: string, args: unknown): Promise<Envelope<unknown>>;
  shell(name: string, args: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  onMenu(listener: (cmd: unknown) => void): () => void;
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    workbench?: ElectronBridge;
  }
}

function electronTransport(bridge: ElectronBridge): Transport {
  return {
    host: 'electron',
    invoke: (name, args) => bridge.invoke(name, args),
    onEvent: (l) => bridge.onEvent(l),
    shell: (name, args) => bridge.shell(name, args),
    onMenu: (l) => bridge.onMenu((cmd) => l(cmd as MenuCommand)),
    pathForFile: (file) => bridge.pathForFile(file),
  };
}

const TOKEN_KEY = 'rwb.token';

/** The launch token arrives once in the URL; keep it for this tab and take it out of the address bar. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function webTransport(): Transport {
  const token = takeToken();
  const listeners = new Set<(name: string, payload: unknown) => void>();
  let source: EventSource | null = null;
  const connect = () => {
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
        for (const l of listeners) l(name, payload);
      });
    }
  };
  return {
    host: 'web',
    async invoke(name, args) {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-workbench-token': token },
        body: JSON.stringify(args ?? {}),
      });
      return (await res.json()) as Envelope<unknown>;
    },
    onEvent(l) {
      if (!source) connect();
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async upload(file) {
      const res = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'x-workbench-token': token, 'content-type': 'application/octet-stream' },
        body: file,
      });
      const env = (await res.json()) as Envelope<{ path: string }>;
      if (!env.ok) throw new Error(env.error.message);
      return env.value.path;
    },
  };
}

export function detectTransport(): Transport {
  return window.workbench ? electronTransport(window.workbench) : webTransport();
}
