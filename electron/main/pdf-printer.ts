import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PdfPrinter } from '../backend/reports/pdf';

// The app prints reports with its own Chromium (webContents.printToPDF), so no second browser is
// needed. The report is client data: a hidden window with no scripts, in its own in-memory session
// that refuses every request except the local file being printed.
const PARTITION = 'rwb-report-print';

export function createElectronPdfPrinter(): Promise<PdfPrinter> {
  const ses = session.fromPartition(PARTITION);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !/^(file|data):/.test(details.url) }));
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const win = new BrowserWindow({
    show: false,
    webPreferences: { session: ses, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  const inches = (mm: number) => mm / 25.4;
  return Promise.resolve({
    async print(html, page) {
      // A temporary file, not a data: URL: reports with many charts exceed what a URL may carry.
      const dir = await mkdtemp(join(tmpdir(), 'rwb-print-'));
      const file = join(dir, 'report.html');
      try {
        await writeFile(file, html, 'utf8');
        await win.loadFile(file);
        return await win.webContents.printToPDF({
          pageSize: page.format,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: page.headerTemplate,
          footerTemplate: page.footerTemplate,
          margins: {
            top: inches(page.marginsMm.top),
            right: inches(page.marginsMm.right),
            bottom: inches(page.marginsMm.bottom),
            left: inches(page.marginsMm.left),
          },
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async close() {
      if (!win.isDestroyed()) win.destroy();
    },
  });
}
