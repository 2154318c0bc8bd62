import type { ReportCover, ReportModel } from '../../../shared/reports/model';
import { reportText } from '../../../shared/reports/messages';
import { openChromium, type ChromiumSession } from './chromium';
import { escapeHtml } from './html-escape';
import { REPORT_FONT_STACK } from './html-style';
import { renderReportHtml, type RenderHtmlOptions } from './html';
import { SHIPPED_CJK_FAMILY, shippedCjkFontFace } from './fonts';

/** Page set-up for printing; maps 1:1 onto playwright's page.pdf and Electron's printToPDF. */
export interface PdfPageOptions {
  format: 'A4';
  /** Chromium header/footer templates: their own tiny documents, with pageNumber/totalPages spans. */
  headerTemplate: string;
  footerTemplate: string;
  marginsMm: { top: number; right: number; bottom: number; left: number };
}

/** What prints HTML to PDF: Chromium here; the Electron app supplies webContents.printToPDF. */
export interface PdfPrinter {
  print(html: string, page: PdfPageOptions): Promise<Buffer>;
  close(): Promise<void>;
}

/** Header: client and report title; footer: date and "第 X 页 / 共 Y 页". Escaped: the client name is data. */
export function pdfPageOptions(cover: ReportCover, font?: { face: string; family: string }): PdfPageOptions {
  // The header and footer are documents of their own: they get the shipped font's face too, or the
  // client name in the header would print in a system font (a Type 3 font in the PDF).
  const fontStyle = font ? `<style>${font.face}</style>` : '';
  const family = font ? `'${font.family}', ${REPORT_FONT_STACK.replace(/"/g, "'")}` : REPORT_FONT_STACK.replace(/"/g, "'");
  const style = `font-family:${family};font-size:7.5pt;color:#5B6678;width:100%;margin:0 16mm;display:flex;justify-content:space-between;`;
  const page = escapeHtml(reportText(cover.language, 'document.page', { page: '\u0000P', total: '\u0000T' }))
    .replace('\u0000P', '<span class="pageNumber"></span>')
    .replace('\u0000T', '<span class="totalPages"></span>');
  return {
    format: 'A4',
    headerTemplate: `${fontStyle}<div style="${style}border-bottom:0.5px solid #C5CCD6;padding-bottom:1.5mm;"><span>${escapeHtml(cover.client)}</span><span>${escapeHtml(cover.title)}</span></div>`,
    footerTemplate: `${fontStyle}<div style="${style}"><span>${escapeHtml(cover.date)}</span><span>${page}</span></div>`,
    marginsMm: { top: 20, right: 16, bottom: 18, left: 16 },
  };
}

/** Prints through headless Chromium (playwright-core). One browser serves many prints; close() it. */
export async function createChromiumPdfPrinter(options: { executablePath?: string } = {}): Promise<PdfPrinter> {
  const session: ChromiumSession = await openChromium(options);
  return {
    async print(html, pageOptions) {
      const page = await session.context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        // Wait for the CJK font to be ready, or the first glyphs print in a fallback face.
        await page.evaluate('document.fonts.ready.then(() => true)');
        const mm = (n: number) => `${n}mm`;
        return await page.pdf({
          format: pageOptions.format,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: pageOptions.headerTemplate,
          footerTemplate: pageOptions.footerTemplate,
          margin: {
            top: mm(pageOptions.marginsMm.top),
            right: mm(pageOptions.marginsMm.right),
            bottom: mm(pageOptions.marginsMm.bottom),
            left: mm(pageOptions.marginsMm.left),
          },
        });
      } finally {
        await page.close();
      }
    },
    close: () => session.close(),
  };
}

/** The report model to PDF bytes with the given printer. */
export async function renderReportPdf(model: ReportModel, printer: PdfPrinter, options: RenderHtmlOptions = {}): Promise<Buffer> {
  const face = shippedCjkFontFace();
  const font = options.font ?? (face ? { face, family: SHIPPED_CJK_FAMILY } : undefined);
  return printer.print(renderReportHtml(model, { ...options, ...(font ? { font } : {}) }), pdfPageOptions(model.cover, font));
}
