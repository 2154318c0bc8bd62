import { z } from 'zod';
import { channel, type Channel } from './define';

// Calls only the Electron host can answer (native dialogs, the file manager). In browser mode the
// renderer offers in-page equivalents (a path field, an upload) instead, so the backend contract
// stays free of anything that needs a desktop.
export const shellChannels = {
  'dialog.openWorkspace': channel(z.object({})).returns<string | null>(),
  'dialog.saveWorkspace': channel(z.object({ suggestedName: z.string() })).returns<string | null>(),
  'dialog.openDataFile': channel(z.object({})).returns<string | null>(),
  'dialog.saveFile': channel(z.object({ suggestedName: z.string(), kind: z.enum(['xlsx', 'pdf', 'pptx', 'csv', 'json', 'rwb']) })).returns<string | null>(),
  'shell.showItemInFolder': channel(z.object({ path: z.string() })).returns<null>(),
};
export type ShellChannelName = keyof typeof shellChannels;
export const SHELL_CHANNEL_NAMES = Object.keys(shellChannels) as ShellChannelName[];
export type ShellArgsOf<K extends ShellChannelName> = z.input<(typeof shellChannels)[K]['args']>;
export type ShellResultOf<K extends ShellChannelName> = (typeof shellChannels)[K] extends Channel<z.ZodType, infer R> ? R : never;

/** Native menu commands forwarded to the page. */
export type MenuCommand =
  | { command: 'new' }
  | { command: 'open' }
  | { command: 'openRecent'; path: string }
  | { command: 'demo' }
  | { command: 'backup' }
  | { command: 'close' }
  | { command: 'setLocale'; locale: 'zh-CN' | 'en' };

/** The IPC channel names the preload may use besides the contract's own names. */
export const IPC_EVENT_CHANNEL = 'rwb:event';
export const IPC_MENU_CHANNEL = 'rwb:menu';
export const IPC_SHELL_PREFIX = 'shell:';
