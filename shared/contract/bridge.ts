import type { ArgsOf, ChannelName, Envelope, ResultOf } from './index';
import type { BackendEvents, EventName } from './events';
import type { MenuCommand, ShellArgsOf, ShellChannelName, ShellResultOf } from './shell';

/**
 * What the Electron preload exposes to the page as `window.workbench`, declared once: the preload
 * object `satisfies` it and the renderer's transport reads it. Nothing else crosses the bridge (no
 * ipcRenderer, no free channel names).
 *
 * `F` is the page's File type: shared/ has no DOM, so each side names its own (the preload Node's and
 * Electron's, the renderer the DOM's).
 */
export interface WorkbenchBridge<F> {
  readonly host: 'electron';
  invoke<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<Envelope<ResultOf<K>>>;
  /** Native dialogs and the file manager, answered by the main process. */
  shell<K extends ShellChannelName>(name: K, args: ShellArgsOf<K>): Promise<Envelope<ShellResultOf<K>>>;
  /** One backend event, with its payload typed from BackendEvents; returns the unsubscribe. */
  on<E extends EventName>(name: E, listener: (payload: BackendEvents[E]) => void): () => void;
  onMenu(listener: (cmd: MenuCommand) => void): () => void;
  /** The path on disk of a dropped or chosen file. */
  pathForFile(file: F): string;
}
