// The churn report section on the demo: built from the latest stored churn run, evaluation first
// (status, ROC AUC equal to the run's, lift by decile), then drivers, the signal backtest and the
// customers at risk; written to Excel (a sheet of its own) and PDF (its headings in the text).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers, type Handlers } from '../../../electron/backend/handlers';
import { createDemoWorkspace } from '../../../electron/backend/demo/create-demo';
import { churnSection } from '../../../electron/backend/reports/sections/churn';
import { createTranslator } from '../../../shared/i18n/translate';
import { reportText, type ReportMessageKey } from '../../../shared/reports/messages';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import type { ChurnRun } from '../../../shared/churn/types';
import type { TFunction } from 'i18next';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import type { SectionContext } from '../../../electron/backend/reports/sections/context';
import { chromiumPath } from '../reports/chromium-available';
import { tempDir } from '../../helpers/temp';
import { engagementWithHealthRun } from '../reports/report-fixture';

const dir = tempDir();
let b: Backend;
let handlers: Handlers;
let run: ChurnRun;

async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const env = await dispatch(b, handlers, name, args);
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as ResultOf<K>;
}

const definition = (language: 'zh-CN' | 'en') => ({
  sections: [{ id: 'churn' as const, included: true, text: '' }],
  language,
  pseudonymise: false,
  title: null,
  subtitle: null,
  diagnosticRunId: null,
  healthRunId: null,
});

beforeAll(async () => {
  b = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  handlers = createHandlers(b);
  const ws = await createDemoWorkspace(join(dir, 'demo.rwb'), 'zh-CN');
  await ws.close();
  await b.open(join(dir, 'demo.rwb'));
}, 120_000);
afterAll(async () => b?.shutdown());

function context(ws: Workspace, locale: 'zh-CN' | 'en'): SectionContext {
  const t = createTranslator(locale);
  return {
    db: ws.db,
    sqlite: ws.sqlite,
    locale,
    t: ((key: string, p?: Record<string, string | number>) => t(key, p ?? {})) as unknown as TFunction,
    r: (key: ReportMessageKey, p?: Record<string, string | number>) => reportText(locale, key, p),
    currency: 'CNY',
    now: '2026-11-01T00:00:00',
    diagnosticRunId: null,
    healthRunId: null,
  };
}

describe('churn report section', () => {
  it('withholds drivers and customers when the data is too small for a model', async () => {
    const e = await engagementWithHealthRun(join(dir, 'small'));
    try {
      const small = await e.call('churn.fit', { params: {} });
      expect(['too-small', 'too-few-churned']).toContain(small.status);
      const content = await churnSection(context(e.ws, 'en'));
      const text = JSON.stringify(content.blocks);
      expect(text).toContain('drivers and customer scores are withheld');
      expect(content.blocks.some((bl) => bl.kind === 'table' && bl.title?.startsWith('Drivers'))).toBe(false);
      expect(content.blocks.some((bl) => bl.kind === 'table' && bl.title === 'Riskiest customers by revenue at stake')).toBe(false);
    } finally {
      await e.backend.shutdown();
    }
  }, 120_000);

  it('says what to run when no model is stored', async () => {
    const content = await churnSection(context(b.requireWorkspace(), 'en'));
    expect(content.status).toBe('missing');
  });

  it('puts the evaluation before drivers, backtest and customers, with the stored figures', async () => {
    run = await call('churn.fit', { params: { model: 'logistic' } });
    const content = await churnSection(context(b.requireWorkspace(), 'zh-CN'));
    expect(content.status).toBe('stored');
    const kinds = content.blocks.map((bl) => (bl.kind === 'table' || bl.kind === 'chart' ? `${bl.kind}:${bl.title}` : bl.kind));
    const at = (prefix: string) => kinds.findIndex((k) => k.startsWith(prefix));
    expect(at('keyFigures')).toBeGreaterThan(-1);
    expect(at('keyFigures')).toBeLessThan(at('table:驱动因素'));
    expect(at('table:按十分位的提升度')).toBeLessThan(at('table:驱动因素'));
    expect(at('table:驱动因素')).toBeLessThan(at('table:预警规则回测'));
    expect(at('table:预警规则回测')).toBeLessThan(at('table:按风险收入排序的高风险客户'));
    const figures = content.blocks.find((bl) => bl.kind === 'keyFigures');
    expect(figures?.kind === 'keyFigures' && figures.figures[0]!.value).toBe(run.evaluation.rocAuc!.value);
    const lift = content.blocks.find((bl) => bl.kind === 'table' && bl.title === '按十分位的提升度');
    expect(lift?.kind === 'table' && lift.rows.length).toBe(10);
    const customers = content.blocks.find((bl) => bl.kind === 'table' && bl.title === '按风险收入排序的高风险客户');
    expect(customers?.kind === 'table' && customers.rows[0]![0]).toBe(run.topAtStake[0]!.customerKey);
    // Revenue at stake = probability × revenue of the last 12 months, as the note states.
    if (customers?.kind === 'table') {
      const [, , , p, rev, stake] = customers.rows[0] as number[];
      expect(stake).toBeCloseTo(p! * rev!, 6);
      expect(customers.note).toContain('风险收入 = 流失概率 ×');
    }
  }, 180_000);

  it('writes its own Excel sheet', async () => {
    const out = await call('report.exportXlsx', { path: join(dir, 'out', 'churn.xlsx'), definition: definition('en') });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out.path);
    const sheet = book.getWorksheet('Churn risk model');
    expect(sheet).toBeDefined();
    const texts: string[] = [];
    sheet!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    const all = texts.join('\n');
    expect(all).toContain('ROC AUC');
    expect(all.indexOf('Lift by decile')).toBeLessThan(all.indexOf('Drivers'));
    expect(all).toContain('Signal backtest');
  }, 120_000);

  it.skipIf(!chromiumPath())(
    'prints in the PDF',
    async () => {
      const out = await call('report.exportPdf', { path: join(dir, 'out', 'churn.pdf'), definition: definition('zh-CN') });
      const text = execFileSync('pdftotext', ['-layout', out.path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(text).toContain('流失风险模型');
      expect(text.indexOf('按十分位的提升度')).toBeLessThan(text.indexOf('驱动因素'));
      expect(text).toContain('预警规则回测');
    },
    120_000,
  );
});
