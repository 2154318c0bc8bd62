import { app, type BrowserWindow } from 'electron';
import { Backend } from '../backend/backend';
import { APP_VERSION } from '../backend/version';
import { buildMenu } from './menu';
import { registerIpc } from './ipc';
import { createMainWindow, hardenSession } from './window';
import { createElectronPdfPrinter } from './pdf-printer';

// Lifecycle only: the engine is the backend, the window is hardened in window.ts, IPC in ipc.ts.
let win: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
  const backend = new Backend({
    host: 'electron',
    version: APP_VERSION,
    settingsDir: app.getPath('userData'),
    createPdfPrinter: createElectronPdfPrinter,
  });
  hardenSession();
  registerIpc(backend, () => win);
  buildMenu(backend, () => win);
  // The recent list and language live in the menu: rebuild it when either changes.
  backend.events.subscribe((name) => {
    if (name === 'engagement.changed' || name === 'app.localeChanged') buildMenu(backend, () => win);
  });
  win = createMainWindow();
  win.on('closed', () => (win = null));
  app.on('second-instance', () => win?.focus());
  app.on('before-quit', () => void backend.shutdown());
});

app.on('window-all-closed', () => app.quit());
