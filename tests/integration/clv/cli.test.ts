// rwb clv as a user runs it: --json carries the parameters, log-likelihoods, standard errors, status
// and per-customer figures; the human output puts the fit and its verdict before the customers.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import type { ClvCustomerRow, ClvRun } from '../../../shared/clv/types';
import type { ClvBreakdown } from '../../../shared/clv/breakdown';

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs') };
const file = join(dir, 'demo.rwb');

beforeAll(() => {
  expect(rwb(['demo', file], env).status).toBe(0);
}, 120_000);

describe('rwb clv', () => {
  it('--json: parameters with standard errors, log-likelihoods, status and customers', () => {
    const r = rwb(['clv', file, '--model', 'bgnbd', '--holdout-days', '120', '--horizon-months', '6', '--top', '5', '--json'], env);
    expect(r.status).toBe(0);
    const out = r.json<{ run: ClvRun; customers: ClvCustomerRow[]; atRisk: { total: number; rows: ClvCustomerRow[] }; breakdown: ClvBreakdown }>();
    // How the book splits: value bands and P(alive) bands cover every customer and the whole book;
    // no diagnostic run in a fresh demo, so no segment or tier groups.
    const bd = out.breakdown;
    expect(bd.runId).toBe(out.run.id);
    expect(bd.customers).toBe(out.run.customers);
    expect(bd.bookValue).toBeCloseTo(out.run.result.totals.clv as number, 4);
    expect(bd.alive.map((a) => a.low)).toEqual([0, 0.25, 0.5, 0.75]);
    expect(bd.alive.reduce((s, a) => s + a.customers, 0)).toBe(bd.customers);
    expect(bd.distribution.bands.reduce((s, x) => s + x.valueShare, 0)).toBeCloseTo(1, 9);
    expect(bd.distribution.top20Share).toBeGreaterThan(bd.distribution.top10Share as number);
    expect(bd.diagnosticRun).toBeNull();
    // The win-back list: every customer below 50% P(alive), by past repeat spend.
    expect(out.atRisk.total).toBeGreaterThan(0);
    for (const c of out.atRisk.rows) expect(c.pAlive).toBeLessThan(0.5);
    const past = out.atRisk.rows.map((c) => c.x * c.monetary);
    expect(past).toEqual([...past].sort((a, b) => b - a));
    const fit = out.run.result.countFit;
    expect(fit.parameters.map((p) => p.name)).toEqual(['r', 'alpha', 'a', 'b']);
    for (const p of fit.parameters) expect(p.se).toBeGreaterThan(0);
    expect(fit.logLikelihood).toBeLessThan(0);
    expect(out.run.result.spendFit?.parameters.map((p) => p.name)).toEqual(['p', 'q', 'v']);
    expect(out.run.result.evaluation.holdoutLength).toBe(120);
    expect(out.run.result.horizonMonths).toBe(6);
    expect(out.customers).toHaveLength(5);
    expect(out.customers[0]?.clv).toBeGreaterThanOrEqual(out.customers[4]?.clv as number);
    // Per-customer 95% intervals (delta method) around each expected figure, and the book total's own.
    for (const c of out.customers) {
      expect(c.clvLow).toBeLessThan(c.clv as number);
      expect(c.clvHigh).toBeGreaterThan(c.clv as number);
      expect(c.expectedPurchasesLow).toBeLessThan(c.expectedPurchases);
      expect(c.expectedPurchasesHigh).toBeGreaterThan(c.expectedPurchases);
      expect(c.expectedSpendLow).toBeLessThan(c.expectedSpend as number);
      expect(c.pAliveLow).toBeLessThanOrEqual(c.pAlive);
      expect(c.pAliveHigh).toBeLessThanOrEqual(1);
    }
    const book = out.run.result.intervals;
    expect(book?.withheld).toBeNull();
    expect(book?.clv?.low).toBeLessThan(out.run.result.totals.clv as number);
    expect(book?.clv?.high).toBeGreaterThan(out.run.result.totals.clv as number);
    // The demo's customers mostly hold contracts too: the verdict says so.
    expect(out.run.result.evaluation.reasons.map((r) => r.key)).toContain('contractual');
  }, 120_000);

  it('human output in zh-CN and en: the verdict and the fit before the customers', () => {
    const zh = rwb(['clv', file, '--model', 'pnbd', '--unit', 'week', '--top', '3', '--lang', 'zh-CN'], env);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('模型是否适合这份数据？');
    expect(zh.stdout).toContain('对数似然');
    // The demo's Pareto/NBD by week runs to a boundary (beta): the model is not identified, so the
    // book value, the customers and the breakdowns are withheld, and it says why.
    expect(zh.stdout).toContain('无法识别');
    expect(zh.stdout).not.toContain('客户终身价值合计');
    expect(zh.stdout).not.toContain('活跃与沉睡');
    const en = rwb(['clv', file, '--holdout-days', '0', '--top', '3', '--lang', 'en'], env);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('Not tested on a hold-out period');
    expect(en.stdout.indexOf('Log-likelihood')).toBeLessThan(en.stdout.indexOf('total CLV'));
    expect(en.stdout).toMatch(/Total CLV [\d,]+, 95% interval [\d,]+ – [\d,]+/);
    expect(en.stdout).toContain('delta method');
    expect(en.stdout).toContain('High-value customers who are probably gone');
    expect(en.stdout).toMatch(/The top 10% of customers by CLV \(\d+ customers\) hold [\d.]+% of the book value/);
    expect(en.stdout).toContain('No diagnostic run yet');
    expect(en.stdout).toContain('Alive vs dormant');
  }, 120_000);

  it('a bad model name is refused', () => {
    const r = rwb(['clv', file, '--model', 'nope', '--json'], env);
    expect(r.status).not.toBe(0);
  }, 60_000);
});
