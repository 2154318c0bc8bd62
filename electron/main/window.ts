import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { isAllowedExternalUrl, isTrustedAppUrl } from './url-guards';

const RENDERER_URL = process.env.ELECTRON_RENDERER_URL; // set by electron-vite in dev

export function rendererEntry(): string {
  return RENDERER_URL ?? `file://${join(import.meta.dirname, '../renderer/index.html')}`;
}

/** Only our own page may call the engine or be navigated to. */
export function isTrustedUrl(url: string): boolean {
  return isTrustedAppUrl(url, { rendererDir: join(import.meta.dirname, '../renderer'), devServerUrl: RENDERER_URL });
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // For the dev server's pages; the built page is a file:// page, which takes its CSP from the
  // <meta> tag the renderer build writes into index.html.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: '留存诊断工作台 Retention Workbench',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // Navigation, redirects and new windows are guarded for every web contents (guardWebContents).
  void win.loadURL(rendererEntry());
  return win;
}

/**
 * Every web contents the app ever creates (the window, the hidden PDF printer): no navigation or
 * redirect away from our own page, no new windows, no <webview>.
 */
export function guardWebContents(contents: Electron.WebContents): void {
  const stay = (event: { preventDefault(): void }, url: string) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stay);
  contents.on('will-redirect', stay);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
