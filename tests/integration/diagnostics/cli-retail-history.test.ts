import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagnosticRun } from '../../../shared/analytics';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), LANG: 'en_US.UTF-8' };

// A 13-month order history with the shape of a public retail export (2010-12-01 .. 2011-12-09): about
// 4,000 customers, the largest cohort in the first month, many one-time buyers, returns as negative
// lines, customer ids as a spreadsheet left them ("17850.0"). Seeded, so every run sees the same file.
function retailExport(path: string): { customers: number } {
  let seed = 20_101_201;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const start = Date.UTC(2010, 11, 1);
  const end = Date.UTC(2011, 11, 9);
  const day = 86_400_000;
  const lines = ['Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Line Total,Customer ID,Country'];
  let invoice = 489_434;
  const customers = 4_000;
  for (let c = 0; c < customers; c += 1) {
    const id = `${12_346 + c}.0`;
    // A quarter of the customers first appear in the first month (older customers seen for the first time).
    const first = rand() < 0.25 ? start + Math.floor(rand() * 31) * day : start + Math.floor(rand() * ((end - start) / day)) * day;
    const purchases = rand() < 0.4 ? 1 : 2 + Math.floor(rand() * 8);
    let d = first;
    for (let k = 0; k < purchases && d <= end; k += 1) {
      const date = new Date(d + Math.floor(rand() * 10) * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
      invoice += 1;
      const n = 1 + Math.floor(rand() * 3);
      for (let l = 0; l < n; l += 1) {
        const qty = 1 + Math.floor(rand() * 12);
        const price = Math.round((0.5 + rand() * 9) * 100) / 100;
        lines.push(`${invoice},${85_123 + l},WHITE HANGING HEART,${qty},${date},${price},${(qty * price).toFixed(2)},${id},United Kingdom`);
      }
      if (rand() < 0.05) {
        // A return a few days later: its own credit invoice with a negative quantity and total.
        const rd = new Date(Math.min(end, d + 3 * day)).toISOString().slice(0, 10);
        lines.push(`C${invoice},${85_123},WHITE HANGING HEART,-1,${rd} 12:00:00,2.55,-2.55,${id},United Kingdom`);
      }
      d += Math.max(1, Math.round(-Math.log(1 - rand()) * 45)) * day;
    }
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return { customers };
}

describe('rwb diagnose on a 13-month retail order history', () => {
  it('gives all 13 monthly cohorts by default and never a 100% that only says the window is too long', () => {
    const file = join(dir, 'retail.rwb');
    const csv = join(dir, 'online-retail.csv');
    retailExport(csv);
    expect(rwb(['new', file, '--client', 'Retail'], env).status).toBe(0);
    const imp = rwb(['import', file, csv, '--entity', 'orders', '--unknown-customers', 'create'], env);
    expect(imp.status, imp.stderr + imp.stdout).toBe(0);

    const r = rwb(['diagnose', file, '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const run = r.json<DiagnosticRun>();
    const res = run.results;
    expect(run.grain).toBe('month');
    expect(res.cohorts.rows.map((c) => c.key)).toEqual([
      '2010-12',
      '2011-01',
      '2011-02',
      '2011-03',
      '2011-04',
      '2011-05',
      '2011-06',
      '2011-07',
      '2011-08',
      '2011-09',
      '2011-10',
      '2011-11',
      '2011-12',
    ]);
    // The first cohort is the largest: the one consultants quote.
    const sizes = res.cohorts.rows.map((c) => c.size);
    expect(sizes[0]).toBe(Math.max(...sizes));
    expect(res.cohorts.rows[0]!.leftCensored).toBe(true);

    // The window is derived from the data and stated; with it no month after the first reads 100%.
    expect(res.window?.source).toBe('derived');
    expect(res.window!.gaps).toBeGreaterThan(1000);
    expect(res.windowDays).toBeLessThan(365);
    const months = res.retention.slice(1);
    for (const p of months) {
      if (p.retentionRate.value === null) expect(p.retentionRate.reason).toBe('history-shorter-than-window');
      else expect(p.retentionRate.value).toBeLessThan(1);
    }
    expect(months.some((p) => p.retentionRate.value !== null)).toBe(true);
    // The period-to-period definition is beside it.
    expect(res.repeat.length).toBe(res.retention.length);
    expect(res.repeat.slice(1).every((p) => p.rate.value !== null && p.rate.value < 1)).toBe(true);

    // A 365-day window asked for on purpose: January to November 2011 start less than 365 days after
    // the first order (2010-12-01) and are absent with their reason; December 2011, with exactly one
    // window of history, is measured, and below 100%.
    const wide = rwb(['diagnose', file, '--window', '365', '--json'], env).json<DiagnosticRun>().results;
    expect(wide.retention.filter((p) => p.retentionRate.reason === 'history-shorter-than-window').map((p) => p.period.key)).toEqual([
      '2011-01',
      '2011-02',
      '2011-03',
      '2011-04',
      '2011-05',
      '2011-06',
      '2011-07',
      '2011-08',
      '2011-09',
      '2011-10',
      '2011-11',
    ]);
    expect(wide.retention[11]!.retentionRate.value).toBeLessThan(1);
    expect(wide.notices.map((n) => n.code)).toContain('history-shorter-than-window');
  }, 120_000);

  it('takes --cohorts N and FROM:TO, and refuses anything else', () => {
    const file = join(dir, 'retail.rwb');
    const last3 = rwb(['diagnose', file, '--cohorts', '3', '--json'], env).json<DiagnosticRun>();
    expect(last3.results.cohorts.rows.map((c) => c.key)).toEqual(['2011-10', '2011-11', '2011-12']);
    const range = rwb(['diagnose', file, '--cohorts', '2011-02:2011-04', '--json'], env).json<DiagnosticRun>();
    expect(range.results.cohorts.rows.map((c) => c.key)).toEqual(['2011-02', '2011-03', '2011-04']);
    const bad = rwb(['diagnose', file, '--cohorts', 'last'], env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--cohorts');
    const text = rwb(['diagnose', file, '--lang', 'zh-CN'], env);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('活跃窗口');
    expect(text.stdout).toContain('期间连续留存');
  }, 120_000);
});
