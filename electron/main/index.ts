import { app, type BrowserWindow } from 'electron';
import { EngineClient } from '../backend/engine/client';
import { APP_VERSION } from '../backend/version';
import { buildMenu } from './menu';
import { registerIpc } from './ipc';
import { createMainWindow, guardWebContents, hardenSession } from './window';
import { createElectronPdfPrinter } from './pdf-printer';
import { utilityLink } from './engine-link';
import type { PdfPrinter } from '../backend/reports/pdf';

// Lifecycle only: the engine runs in its own utility process (engine-link.ts) and main relays to it;
// the window is hardened in window.ts, IPC in ipc.ts.
let win: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(async () => {
  let printer: PdfPrinter | null = null;
  const engine = new EngineClient({
    init: { host: 'electron', version: APP_VERSION, settingsDir: app.getPath('userData'), pdf: 'host' },
    link: utilityLink,
    // Reports print with the app's own Chromium, which only main can drive.
    printPdf: async (html, page) => (printer ??= await createElectronPdfPrinter()).print(html, page),
  });
  await engine.start();
  hardenSession();
  registerIpc(engine, () => win);
  const rebuildMenu = () => void buildMenu(engine, () => win);
  rebuildMenu();
  // The recent list and language live in the menu: rebuild it when either changes.
  engine.subscribe((name) => {
    if (name === 'engagement.changed' || name === 'app.localeChanged') rebuildMenu();
  });
  win = createMainWindow();
  win.on('closed', () => (win = null));
  app.on('second-instance', () => win?.focus());
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Let the engine close the workspace (checkpoint, one self-contained file) before the app goes.
    event.preventDefault();
    quitting = true;
    void Promise.allSettled([engine.close(), printer?.close()]).then(() => app.quit());
  });
});

app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
app.on('window-all-closed', () => app.quit());
