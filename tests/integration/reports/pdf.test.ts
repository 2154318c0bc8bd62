import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPdfPrinter, renderReportPdf, type PdfPrinter } from '../../../electron/backend/reports/pdf';
import { findChromium } from '../../../electron/backend/reports/chromium';
import { WorkbenchError } from '../../../electron/backend/errors';
import { formatError } from '../../../shared/errors';
import { emptyPseudonymMap, pseudonymiseReport } from '../../../shared/reports/pseudonymise';
import { chromiumPath, NO_CHROMIUM_REASON } from './chromium-available';
import { sampleModel } from './sample-model';

const chromium = chromiumPath();
if (!chromium) console.warn(NO_CHROMIUM_REASON);

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const poppler = hasTool('pdftotext');

describe('Chromium lookup', () => {
  it('a wrong RWB_CHROMIUM is a CHROMIUM_NOT_FOUND error with a message in both languages', () => {
    let caught: unknown;
    try {
      findChromium({ RWB_CHROMIUM: '/nonexistent/chromium' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(WorkbenchError);
    const err = caught as WorkbenchError;
    expect(err.code).toBe('CHROMIUM_NOT_FOUND');
    expect(err.params['detail']).toContain('/nonexistent/chromium');
    expect(formatError(err.code, err.params, 'zh-CN')).toContain('找不到用于生成 PDF 的 Chromium');
    expect(formatError(err.code, err.params, 'en')).toContain('RWB_CHROMIUM');
  });
});

describe.skipIf(!chromium || !poppler)('PDF through headless Chromium', () => {
  let dir: string;
  let printer: PdfPrinter;
  let text: string;
  let pdfPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rwb-pdf-'));
    printer = await createChromiumPdfPrinter({ executablePath: chromium ?? undefined });
    const pdf = await renderReportPdf(sampleModel(), printer);
    pdfPath = join(dir, 'report.pdf');
    await writeFile(pdfPath, pdf);
    // For looking at the pages by eye: RWB_REPORT_OUT=/tmp/x.pdf keeps a copy.
    if (process.env['RWB_REPORT_OUT']) await copyFile(pdfPath, process.env['RWB_REPORT_OUT']);
    // pdftotext spaces CJK runs unevenly; compare without whitespace.
    text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  });

  afterAll(async () => {
    await printer?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is a PDF with the Chinese headings, key figures and chart labels as text', () => {
    for (const expected of [
      '客户留存诊断报告',
      '华东精密机械有限公司',
      '目录',
      '摘要与主要发现',
      '同期群分析',
      '健康度与预警信号',
      '87.3%',
      '¥18,650,000',
      '顾问意见',
      '季度留存率与期初活跃客户',
      '组织准备',
    ]) {
      expect(text).toContain(expected.replace(/\s+/g, ''));
    }
  });

  it('puts client, date and page X / Y in the header and footer of A4 pages', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(text).toContain(`第2页/共${pages}页`);
    expect(text).toContain('2025-06-30');
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
  });

  it('embeds every font it uses, with Unicode maps, so it reads offline and its text can be searched', () => {
    // Skia writes CFF-outline fonts such as Noto Sans CJK as Type 3 glyph programs; they carry no
    // font name, so check the columns instead: every row embedded (emb) and mapped to Unicode (uni).
    const rows = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/\s+yes\s+(yes|no)\s+yes\s+\d+\s+\d+\s*$/);
  });

  it('renders pages to PNG (pdftoppm) for a human look', async () => {
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '3', pdfPath, join(dir, 'page')]);
    const pngs = (await readdir(dir)).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBe(3);
  });

  it('a pseudonymised PDF has none of the original names', async () => {
    const { model } = pseudonymiseReport(sampleModel(), emptyPseudonymMap());
    const pdf = await renderReportPdf(model, printer);
    const path = join(dir, 'pseudo.pdf');
    await writeFile(path, pdf);
    const pseudoText = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const name of ['苏州远航自动化有限公司', '王建国', '13812345678', '138-1234-5678', 'wang.jg@yuanhang.cn', '张伟', '陈静']) {
      expect(pseudoText).not.toContain(name);
    }
    expect(pseudoText).toContain('客户-0001');
    expect(pseudoText).toContain('本报告已假名化');
  });
});
