import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers } from '../../../electron/backend/handlers';
import { isExportedFile } from '../../../electron/backend/reports/exported-files';
import type { ResultOf } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp';
import { engagementWithHealthRun, type Engagement } from '../reports/report-fixture';
import { HOSTILE_NAME } from '../reports/sample-model';

// Export what you see: on-screen tables written with the screen's filters, formula-safe, with title
// lines naming the engagement, the run and the filters.

const dir = tempDir();
let e: Engagement;
let run: ResultOf<'diagnostics.run'>;

/** Every row of a sheet as plain values (index 0 = column A). */
function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = (row.values as unknown[]).slice(1);
    out[n - 1] = values;
  });
  return Array.from(out, (r) => r ?? []);
}

async function readBook(path: string): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const ws = book.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

beforeAll(async () => {
  e = await engagementWithHealthRun(dir);
  run = await e.call('diagnostics.run', { params: { asOf: '2026-06-30', grain: 'month' } });
}, 120_000);
afterAll(async () => e?.backend.shutdown());

describe('table.export: the diagnostics customer table', () => {
  it('writes the rows the screen shows for a search and a sort, with the title lines above the header', async () => {
    const filters = { runId: run.id, search: '有限公司', sort: 'name' as const, descending: false };
    const page = await e.call('diagnostics.customers', { ...filters, limit: 5000 });
    const out = await e.call('table.export', {
      table: 'diagnostics.customers',
      filters,
      columns: ['customerKey', 'name', 'owner', 'revenue12m', 'frequency'],
      format: 'xlsx',
      path: join(dir, 'out', 'customers.xlsx'),
    });
    expect(out.rows).toBe(page.total);
    expect(out.columns).toEqual(['编号', '客户', '客户经理', '近12月收入', '订单数']);
    expect(out.downloadable).toBe(true);
    expect(isExportedFile(e.backend, out.path)).toBe(true);

    const ws = await readBook(out.path);
    const rows = sheetRows(ws);
    // Title lines: engagement and table, the run, the filters, when and how many rows; a blank row; the header.
    expect(String(rows[0]?.[0])).toBe('华东制造集团 · 客户明细');
    expect(String(rows[1]?.[0])).toContain(`第 ${run.id} 次诊断`);
    expect(String(rows[2]?.[0])).toContain('搜索“有限公司”');
    expect(String(rows[2]?.[0])).toContain('升序');
    expect(String(rows[3]?.[0])).toContain(`共 ${page.total} 行`);
    expect(rows[4]).toEqual([]);
    expect(rows[5]).toEqual(out.columns);
    const data = rows.slice(6);
    expect(data.map((r) => r[0])).toEqual(page.rows.map((r) => r.customerKey));
    expect(data.map((r) => r[1])).toEqual(page.rows.map((r) => r.name));
    expect(data.map((r) => r[3] ?? null)).toEqual(page.rows.map((r) => r.revenue12m));
    // Grouped thousands on numbers, the currency's symbol on money.
    expect(ws.getRow(7).getCell(4).numFmt).toContain('#,##0');
    expect(ws.getRow(7).getCell(5).numFmt).toBe('#,##0');
    // Frozen at the header, autofilter on it.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
  });

  it('keeps a formula-like customer name as text in XLSX and CSV', async () => {
    const filters = { runId: run.id, search: 'cmd' };
    const xlsx = await e.call('table.export', { table: 'diagnostics.customers', filters, format: 'xlsx', path: join(dir, 'out', 'hostile.xlsx') });
    expect(xlsx.rows).toBe(1);
    const ws = await readBook(xlsx.path);
    const cell = ws.getRow(7).getCell(2);
    expect(cell.value).toBe(HOSTILE_NAME);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.numFmt).toBe('@');
    expect(cell.formula).toBeUndefined();

    const csv = await e.call('table.export', { table: 'diagnostics.customers', filters, format: 'csv', path: join(dir, 'out', 'hostile.csv') });
    const text = readFileSync(csv.path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`'${HOSTILE_NAME}`);
    expect(text).not.toMatch(/(^|,)=cmd/m);
    // Title lines, a blank line, the header, then one row.
    const lines = text
      .slice(1)
      .split('\r\n')
      .filter((l, i, all) => i < all.length - 1);
    expect(lines[0]).toBe('华东制造集团 · 客户明细');
    expect(lines[4]).toBe('');
    expect(lines).toHaveLength(7);
  });

  it("exports a drilled figure's customers (a tier), as the table narrowed to it shows", async () => {
    const target = { kind: 'tier' as const, tier: run.results.tiers.find((x) => x.count > 0)!.tier };
    const page = await e.call('diagnostics.customers', { runId: run.id, target, sort: 'revenue12m', descending: true, limit: 5000 });
    const out = await e.call('table.export', {
      table: 'diagnostics.customers',
      filters: { runId: run.id, target },
      format: 'csv',
      path: join(dir, 'out', 'tier.csv'),
    });
    expect(out.rows).toBe(page.total);
    const text = readFileSync(out.path, 'utf8');
    expect(text).toContain('筛选：');
    for (const r of page.rows) expect(text).toContain(r.customerKey);
  });

  it('refuses a column the table does not have, by name, and writes nothing', async () => {
    const path = join(dir, 'out', 'bad.xlsx');
    const res = await dispatch(e.backend, createHandlers(e.backend), 'table.export', {
      table: 'diagnostics.customers',
      filters: { runId: run.id },
      columns: ['name', 'nope'],
      path,
    });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('TABLE_EXPORT_UNKNOWN_COLUMN');
      expect(res.error.params.column).toBe('nope');
    }
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.part`)).toBe(false);
  });

  it("refuses filters that are not the table's", async () => {
    const res = await dispatch(e.backend, createHandlers(e.backend), 'table.export', { table: 'diagnostics.customers', filters: { runId: 'x' } });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('INVALID_ARGUMENTS');
  });
});

describe('table.export: the other tables', () => {
  it('breakdown, segments, tiers and lifecycle hold the run’s groups', async () => {
    const industry = await e.call('table.export', {
      table: 'diagnostics.breakdown',
      filters: { runId: run.id, attribute: 'owner' },
      format: 'xlsx',
      path: join(dir, 'out', 'b.xlsx'),
    });
    expect(industry.rows).toBe(run.results.breakdowns.find((b) => b.attribute === 'owner')!.groups.length);
    const seg = await e.call('table.export', {
      table: 'diagnostics.segments',
      filters: { runId: run.id, scheme: 'classic' },
      format: 'csv',
      path: join(dir, 'out', 's.csv'),
    });
    expect(seg.rows).toBe(run.results.rfm.classic.length);
    const tiers = await e.call('table.export', { table: 'diagnostics.tiers', filters: { runId: run.id }, format: 'xlsx', path: join(dir, 'out', 't.xlsx') });
    expect(tiers.rows).toBe(run.results.tiers.length);
    const ws = await readBook(tiers.path);
    const rows = sheetRows(ws).slice(5);
    expect(rows[0]).toEqual(['分层', '客户数', '占比', expect.any(String), '近 12 个月收入']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(run.results.tiers.map((x) => x.count));
    const stages = await e.call('table.export', { table: 'diagnostics.lifecycle', filters: { runId: run.id }, format: 'csv', path: join(dir, 'out', 'l.csv') });
    expect(stages.rows).toBe(run.results.lifecycle.length);
  });

  it('health scores: lowest first, by band, as the health lists show them', async () => {
    const red = await e.call('health.scores', { band: 'red', limit: 1000 });
    const out = await e.call('table.export', { table: 'health.scores', filters: { band: 'red' }, format: 'xlsx', path: join(dir, 'out', 'h.xlsx') });
    expect(out.rows).toBe(red.total);
    const rows = sheetRows(await readBook(out.path)).slice(6);
    expect(rows.map((r) => r[0])).toEqual(red.items.map((r) => r.customerKey));
  });

  it('checklist results: one row per section and the overall row, one column per respondent', async () => {
    const templates = await e.call('checklist.templates', {});
    const a = await e.call('checklist.start', { templateId: templates[0]!.id, respondents: ['销售VP', '交付总监'] });
    const detail = await e.call('checklist.score', { id: a.summary.id });
    const out = await e.call('table.export', {
      table: 'checklists.results',
      filters: { assessmentId: a.summary.id },
      format: 'csv',
      path: join(dir, 'out', 'c.csv'),
    });
    expect(out.rows).toBe(detail.aggregate.sections.length + 1);
    expect(out.columns).toContain('销售VP');
    expect(out.columns).toContain('交付总监');
  });

  it('audits each export', async () => {
    const n = e.ws.sqlite.prepare(`select count(*) from audit_log where action = 'table.export'`).pluck().get() as number;
    expect(n).toBeGreaterThanOrEqual(8);
  });
});
