import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChromiumPdfPrinter, renderReportPdf } from '../../../electron/backend/reports/pdf';
import { shippedCjkFontPath } from '../../../electron/backend/reports/fonts';
import { chromiumPath, NO_CHROMIUM_REASON } from './chromium-available';
import { sampleModel } from './sample-model';

// The PDF embeds the CJK font the app ships, by name, as a real (CID TrueType) font: no Type 3
// glyph procedures, which is what the system's CFF Noto Sans CJK turned into, chart labels included.

const chromium = chromiumPath();

function pdffonts(pdf: string): string | null {
  try {
    return execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  } catch {
    return null;
  }
}

describe('the PDF’s fonts', () => {
  it('the shipped font is there (the npm package with Noto Sans SC’s TrueType build)', () => {
    expect(shippedCjkFontPath()).toMatch(/NotoSansSC_400Regular\.ttf$/);
  });

  it.skipIf(!chromium)(
    'embeds Noto Sans SC by name and no Type 3 font, header, text and charts alike',
    async () => {
      const printer = await createChromiumPdfPrinter({ executablePath: chromium ?? undefined });
      const dir = await mkdtemp(join(tmpdir(), 'rwb-pdf-fonts-'));
      try {
        const pdf = await renderReportPdf(sampleModel('zh-CN'), printer);
        const raw = pdf.toString('latin1');
        expect(raw).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoSansSC-Regular/);
        expect(raw).toContain('/FontFile2');
        expect(raw).not.toMatch(/\/Subtype\s*\/Type3/);
        const file = join(dir, 'r.pdf');
        await writeFile(file, pdf);
        const listed = pdffonts(file);
        if (listed !== null) {
          expect(listed).toContain('NotoSansSC-Regular');
          expect(listed).toContain('CID TrueType');
          expect(listed).not.toContain('Type 3');
        }
      } finally {
        await printer.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
  // Without Chromium no PDF can be printed; the skip names the missing browser in the report.
  if (!chromium) it.skip(NO_CHROMIUM_REASON, () => {});
});
