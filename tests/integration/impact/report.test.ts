// The impact report section and the one-page fee statement, exported through the report pipeline.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultReportDefinition } from '../../../shared/reports/definition';
import { tempDir } from '../../helpers/temp';
import { chromiumPath } from '../reports/chromium-available';
import { AS_OF, engagementWithHealthRun, type Engagement } from '../reports/report-fixture';

const dir = tempDir();
let e: Engagement;

const only = (ids: ('impact' | 'feeStatement')[]) => ({
  ...defaultReportDefinition('zh-CN'),
  sections: defaultReportDefinition('zh-CN').sections.map((s) => ({ ...s, included: (ids as string[]).includes(s.id) })),
});

function cells(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
  return out;
}

beforeAll(async () => {
  e = await engagementWithHealthRun(dir);
  await e.call('impact.freezeBaseline', { asOf: '2026-03-31', grain: 'quarter' });
  await e.call('impact.saveFeeTerms', {
    terms: {
      indicator: 'arpuGrowth',
      baseline: 0,
      measurementDate: AS_OF,
      grain: 'quarter',
      schedule: { kind: 'perPoint', ratePerPoint: 1000 },
      fixedFee: 5000,
      floor: 5000,
      cap: 40000,
    },
  });
}, 120_000);
afterAll(async () => e?.backend.shutdown());

describe('impact in the report', () => {
  it('the workbook has the impact sheet with the indicator table, and the fee statement with its figures', async () => {
    const x = await e.call('report.exportXlsx', { path: join(dir, 'impact.xlsx'), definition: only(['impact', 'feeStatement']) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(x.path);
    expect(book.worksheets.map((w) => w.name).slice(1, 3)).toEqual(['成效评估', '按成效收费计算单']);
    const impact = cells(book.getWorksheet('成效评估')!);
    for (const name of ['战略级客户留存率', '核心级客户续约率', 'NPS（净推荐值）', '流失客户挽回率']) expect(impact).toContain(name);
    expect(impact.join(' ')).toContain('基准线：截至 2026-03-31');
    expect(impact).toContain('需要标记转介绍来源：订单渠道或客户标签写明“转介绍”');
    const fee = await e.call('impact.fee', {});
    const sheet = cells(book.getWorksheet('按成效收费计算单')!);
    expect(sheet).toContain('应收费用');
    expect(sheet.join(' ')).toContain(fee.breakdown.fee.toLocaleString('zh-CN', { maximumFractionDigits: 2 }));
    expect(sheet).toContain('敏感性分析');
  }, 120_000);

  it("the deck has the indicator table and the experiments' verdicts", async () => {
    const exp = await e.call('impact.createExperiment', {
      definition: { name: '回访实验', action: 'demandActivation', selection: 'random', seed: 5, outcome: 'converted', startDate: '2026-04-01', windowDays: 30 },
    });
    await e.call('impact.assign', { id: exp.id });
    const deck = await e.call('report.exportPptx', { path: join(dir, 'impact.pptx'), definition: only(['impact']) });
    const slides = execFileSync('unzip', ['-Z1', deck.path], { encoding: 'utf8' })
      .split('\n')
      .filter((n) => /^ppt\/(slides\/slide|notesSlides\/notesSlide)\d+\.xml$/.test(n));
    const xml = slides.map((n) => execFileSync('unzip', ['-p', deck.path, n], { encoding: 'utf8' })).join('\n');
    for (const text of ['战略级客户留存率', '流失客户挽回率', '#1 回访实验', '基准线：截至 2026-03-31']) expect(xml).toContain(text);
    // The section's own slides (deck/impact-slides.ts): the verdicts get a slide of their own.
    expect(xml).toContain('成效评估 · 对照实验');
  }, 180_000);

  it.skipIf(!chromiumPath())(
    'the fee statement prints on one page',
    async () => {
      const pdf = await e.call('report.exportPdf', { path: join(dir, 'fee.pdf'), definition: { ...only(['feeStatement']), title: '按成效收费计算单' } });
      const info = execFileSync('pdfinfo', [pdf.path], { encoding: 'utf8' });
      // The cover, the contents, and the statement on one page of its own, the sensitivity table's last row included.
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(3);
      const last = execFileSync('pdftotext', ['-f', '3', '-l', '3', '-layout', pdf.path, '-'], { encoding: 'utf8' });
      const fee = await e.call('impact.fee', {});
      expect(last).toContain('应收费用');
      expect(last).toContain('敏感性分析');
      expect(last).toContain((fee.sensitivity.at(-1) as { points: number }).points.toFixed(2));
    },
    180_000,
  );
});
