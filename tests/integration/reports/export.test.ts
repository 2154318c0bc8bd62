import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRuns } from '../../../electron/backend/health/queries';
import { isExportedFile } from '../../../electron/backend/reports/exported-files';
import type { ReportExportResult } from '../../../shared/reports/definition';
import { tempDir } from '../../helpers/temp';
import { chromiumPath, NO_CHROMIUM_REASON } from './chromium-available';
import { CUSTOMERS, engagementWithHealthRun, type Engagement } from './report-fixture';
import { HOSTILE_NAME } from './sample-model';

const dir = tempDir();
const chromium = chromiumPath();
if (!chromium) console.warn(NO_CHROMIUM_REASON);

let e: Engagement;
let xlsx: ReportExportResult;
let book: ExcelJS.Workbook;

function unzipText(file: string): string {
  const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' })
    .split('\n')
    .filter((n) => n.endsWith('.xml') && !n.startsWith('['));
  return names.map((n) => execFileSync('unzip', ['-p', file, n], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).join('\n');
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The cell right of the one whose text is `label` (key figures are label | value | note). */
function figure(ws: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | null = null;
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      if (!found && cell.value === label) found = row.getCell(col + 1);
    });
  });
  if (!found) throw new Error(`no figure "${label}" on ${ws.name}`);
  return found;
}

beforeAll(async () => {
  e = await engagementWithHealthRun(dir);
  xlsx = await e.call('report.exportXlsx', { path: join(dir, 'out', '报告.xlsx') });
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx.path);
}, 120_000);
afterAll(async () => e?.backend.shutdown());

describe('report built from the stored runs, exported to Excel', () => {
  it('has a cover, one sheet per section in the saved order, then the flat sheets', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '封面',
      '摘要与主要发现',
      '客户留存与流失',
      '收入留存',
      '同期群分析',
      'RFM 客户分群',
      '客户分级',
      '健康度与预警信号',
      '流失风险模型',
      '客户终身价值',
      '成效评估',
      '客户之声',
      '流失复盘',
      '行动计划',
      '自检清单结果',
      '数据质量与方法说明',
      '客户明细',
      '预警信号明细',
      '行动计划明细',
    ]);
    expect(xlsx.dataRows).toBeGreaterThanOrEqual(CUSTOMERS);
    const byId = Object.fromEntries(xlsx.sources.map((s) => [s.id, s.status]));
    expect(byId).toMatchObject({ health: 'stored', actions: 'stored', methods: 'stored', checklists: 'missing' });
  });

  it('health figures equal the stored run, with percentage formats', () => {
    const run = listRuns(e.ws.sqlite)[0]!;
    const ws = book.getWorksheet('健康度与预警信号')!;
    expect(figure(ws, '参与评分客户').value).toBe(run.customers);
    const red = figure(ws, '红色（高风险）');
    expect(red.value).toBeCloseTo(run.bands.red / run.customers, 12);
    expect(red.numFmt).toBe('0.0%');
    expect(run.bands.red).toBeGreaterThan(0);
    const summary = book.getWorksheet('摘要与主要发现')!;
    expect(figure(summary, '红色（高风险）客户').value).toBe(run.bands.red);
  });

  it('the customer sheet holds every customer with the stored score and band, frozen, filtered and formatted', () => {
    const ws = book.getWorksheet('客户明细')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(col('健康度分档')).toBeGreaterThan(0);
    const stored = new Map(
      (
        e.ws.sqlite.prepare('select customer_key, score, band from health_score where run_id = (select max(id) from health_run)').all() as {
          customer_key: string;
          score: number | null;
          band: string | null;
        }[]
      ).map((r) => [r.customer_key, r]),
    );
    const bandLabel: Record<string, string> = { red: '红色（高风险）', yellow: '黄色（需关注）', green: '绿色（健康）' };
    let rows = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      rows++;
      const key = String(row.getCell(1).value);
      const s = stored.get(key)!;
      expect(row.getCell(col('得分')).value).toBe(s.score);
      expect(row.getCell(col('健康度分档')).value).toBe(s.band ? bandLabel[s.band] : null);
    });
    expect(rows).toBe(CUSTOMERS);
    const first = ws.getRow(2);
    expect(first.getCell(col('得分')).numFmt).toBe('#,##0.0');
    expect(first.getCell(col('订单金额合计（含退货冲减）')).numFmt).toContain('¥');
    expect(first.getCell(col('首次合作日期')).value).toBeInstanceOf(Date);
    expect(first.getCell(col('首次合作日期')).numFmt).toBe('yyyy-mm-dd');
    const amount = e.ws.sqlite.prepare(`select sum(amount) as s from orders where customer_key = 'C001'`).get() as { s: number };
    expect(first.getCell(col('订单金额合计（含退货冲减）')).value).toBeCloseTo(amount.s, 6);
  });

  it('writes the formula-like customer name as text in every sheet, never as a formula', () => {
    let hits = 0;
    for (const ws of book.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (cell.value === HOSTILE_NAME) {
            hits++;
            expect(cell.numFmt).toBe('@');
          }
        }),
      );
    }
    expect(hits).toBeGreaterThan(0);
    // And in the raw file: no formula element anywhere (conditional formats live outside <c> cells).
    expect(unzipText(xlsx.path)).not.toMatch(/<c [^>]*>(?:(?!<\/c>).)*<f>/s);
  });

  it('records the export in the history and the audit log, and allows its download', async () => {
    const history = await e.call('report.exports', {});
    expect(history[0]).toMatchObject({ kind: 'xlsx', path: xlsx.path, pseudonymised: false, language: 'zh-CN' });
    const audit = await e.call('audit.list', { limit: 20 });
    expect(audit.find((a) => a.action === 'report.export')?.detail).toMatchObject({ kind: 'xlsx', path: xlsx.path, pseudonymised: false });
    expect(isExportedFile(e.backend, xlsx.path)).toBe(true);
    expect(isExportedFile(e.backend, join(dir, 'other.xlsx'))).toBe(false);
  });

  it('remembers the builder definition: order, texts, language', async () => {
    const def = await e.call('report.definition', {});
    const sections = [...def.sections].reverse().map((s) => ({ ...s, text: s.id === 'health' ? '红色客户需在 7 月底前完成回访。' : s.text }));
    await e.call('report.saveDefinition', { definition: { ...def, sections, language: 'en' } });
    const again = await e.call('report.definition', {});
    expect(again.sections[0]!.id).toBe('methods');
    expect(again.sections.find((s) => s.id === 'health')!.text).toBe('红色客户需在 7 月底前完成回访。');
    expect(again.language).toBe('en');
    const preview = await e.call('report.preview', {});
    expect(preview.html).toContain('Data quality and method notes');
    expect(preview.html).toContain('红色客户需在 7 月底前完成回访。');
    await e.call('report.saveDefinition', { definition: def });
  });
});

describe.skipIf(!chromium)('PDF', () => {
  it('holds the Chinese headings and the key figures of the stored run', async () => {
    const r = await e.call('report.exportPdf', { path: join(dir, 'out', 'report.pdf') });
    expect(r.pages).toBeGreaterThan(4);
    const text = pdfText(r.path);
    const flat = text.replace(/\s+/g, '');
    for (const heading of ['目录', '摘要与主要发现', '健康度与预警信号', '行动计划', '数据质量与方法说明', '客户留存诊断报告']) expect(flat).toContain(heading);
    const run = listRuns(e.ws.sqlite)[0]!;
    expect(flat).toContain(`${run.bands.red}/${run.customers}位客户`);
    expect(flat).toContain(`${((run.bands.red / run.customers) * 100).toFixed(1)}%`);
    expect(flat).toContain('尚无已保存的诊断结果');
    expect(flat).toContain(HOSTILE_NAME.replace(/\s+/g, ''));
    expect(flat).toMatch(/第\d+页\/共\d+页/);
  }, 120_000);
});

describe('pseudonymised export', () => {
  it('contains none of the original names, contacts, phones or emails, in Excel, PDF and preview, with stable tokens', async () => {
    const def = await e.call('report.definition', {});
    const sections = def.sections.map((s) =>
      s.id === 'summary'
        ? { ...s, text: `重点跟进 ${e.people[0]!.name}，联系人 ${e.people[0]!.contact}（${e.people[0]!.phone}，${e.people[0]!.email}）。` }
        : s,
    );
    const pdef = { ...def, sections, pseudonymise: true };
    const a = await e.call('report.exportXlsx', { path: join(dir, 'out', 'p1.xlsx'), definition: pdef });
    const b = await e.call('report.exportXlsx', { path: join(dir, 'out', 'p2.xlsx'), definition: pdef });
    const texts = [unzipText(a.path), (await e.call('report.preview', { definition: pdef })).html];
    if (chromium) texts.push(pdfText((await e.call('report.exportPdf', { path: join(dir, 'out', 'p.pdf'), definition: pdef })).path).replace(/\s+/g, ''));
    for (const text of texts) {
      for (const p of e.people) {
        for (const original of [p.name, p.contact, p.phone, p.email]) expect(text.includes(original), original).toBe(false);
      }
      expect(text).toContain('客户-0001');
    }
    expect(texts[0]).not.toContain('cmd|');
    // Stable: the same customer has the same token in both files, and the key stays in the workspace.
    const tokenOf = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.getWorksheet('客户明细')!;
      const map: Record<string, string> = {};
      ws.eachRow((row, n) => {
        if (n > 1) map[String(row.getCell(1).value)] = String(row.getCell(2).value);
      });
      return map;
    };
    const ta = await tokenOf(a.path);
    expect(ta).toEqual(await tokenOf(b.path));
    expect(Object.values(ta).every((v) => /^客户-\d{4}$/.test(v))).toBe(true);
    expect(new Set(Object.values(ta)).size).toBe(CUSTOMERS);
    const stored = e.ws.sqlite.prepare(`select count(*) as n from report_pseudonym where kind = 'customer'`).get() as { n: number };
    expect(stored.n).toBe(CUSTOMERS);
    expect(readFileSync(a.path).length).toBeGreaterThan(1000);
    const history = await e.call('report.exports', {});
    expect(history[0]).toMatchObject({ pseudonymised: true });
  }, 180_000);
});
