import { EVENT_NAMES, type ArgsOf, type BackendEvents, type ChannelName, type Envelope, type EventName, type ResultOf } from '../../../shared/contract';
import type { WorkbenchBridge } from '../../../shared/contract/bridge';
import type { HostKind } from '../../../shared/domain/engagement';
import { EventListeners } from '../../../shared/contract/event-listeners';

/** The preload's object, as the page sees it: the one bridge type, with the DOM's File. */
export type ElectronBridge = WorkbenchBridge<File>;

/**
 * How the renderer reaches the engine: the Electron bridge or HTTP to the web host. Calls and events
 * are typed from the bridge declaration; the Electron-only parts are optional here.
 */
export type Transport = Pick<ElectronBridge, 'invoke' | 'on'> &
  Partial<Pick<ElectronBridge, 'shell' | 'onMenu' | 'pathForFile'>> & {
    readonly host: HostKind;
    /** Browser mode: a chosen file is uploaded and the engine gets its server-side path. */
    upload?(file: File): Promise<string>;
  };

declare global {
  interface Window {
    workbench?: ElectronBridge;
  }
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
  const listeners = new EventListeners();
  let source: EventSource | null = null;
  const forward = <E extends EventName>(src: EventSource, name: E) =>
    src.addEventListener(name, (e) => {
      const payload: BackendEvents[E] = JSON.parse((e as MessageEvent<string>).data);
      listeners.emit(name, payload);
    });
  // One event stream for the tab, opened on the first subscription.
  const connect = () => {
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const name of EVENT_NAMES) forward(source, name);
  };
  return {
    host: 'web',
    async invoke<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<Envelope<ResultOf<K>>> {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-workbench-token': token },
        body: JSON.stringify(args ?? {}),
      });
      return (await res.json()) as Envelope<ResultOf<K>>;
    },
    on(name, cb) {
      if (!source) connect();
      return listeners.add(name, cb);
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
  return window.workbench ?? webTransport();
}
