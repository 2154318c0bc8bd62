// Data a CLV fit cannot use come back with a status and a reason, never a throw, a NaN or a hang.
import { describe, expect, it } from 'vitest';
import { countFitUnidentified, judgeFit } from '../../../shared/clv/diagnostics';
import { runClv } from '../../../shared/clv/pipeline';
import type { OrderLine } from '../../../shared/clv/summary';
import { ClvParamsSchema, type ClvResult } from '../../../shared/clv/types';
import { hyp2f1, hyp2f1OneWithGradient, logGamma, digamma } from '../../../shared/clv/special';

function day(offset: number): string {
  return new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** Every number anywhere in the result is finite (nulls are allowed where there is nothing to say). */
function expectNoNaN(result: ClvResult): void {
  const walk = (v: unknown): void => {
    if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v instanceof Map) [...v.values()].forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(result);
}

const run = (lines: OrderLine[], extra: Record<string, unknown> = {}): ClvResult => runClv(lines, ClvParamsSchema.parse({ holdoutDays: 0, ...extra }));

describe('degenerate data', () => {
  it('no repeat buyers: not enough data, no scores', () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({ customerId: `c${i}`, date: day(i), amount: 10 }));
    const r = run(lines, { asOf: day(250) });
    expect(r.countFit.status).toBe('not-enough-data');
    expect(r.countFit.reason).toBe('too-few-repeat-buyers');
    expect(r.spendFit?.status).toBe('not-enough-data');
    expect(r.evaluation.verdict).toBe('unsuitable');
    expect(r.scores).toEqual([]);
    expectNoNaN(r);
  });

  it('everyone bought once on the same day: not enough data', () => {
    const lines = Array.from({ length: 100 }, (_, i) => ({ customerId: `c${i}`, date: day(0), amount: 5 }));
    for (const holdoutDays of [0, 30]) {
      const r = run(lines, { holdoutDays });
      expect(r.countFit.status).toBe('not-enough-data');
      expect(r.evaluation.reasons[0]?.key).toBe('fit-failed');
      expectNoNaN(r);
    }
  });

  it('a single customer: too few customers', () => {
    const lines = Array.from({ length: 30 }, (_, i) => ({ customerId: 'only', date: day(i * 7), amount: 20 }));
    const r = run(lines, { model: 'pnbd' });
    expect(r.countFit.status).toBe('not-enough-data');
    expect(r.countFit.reason).toBe('too-few-customers');
    expectNoNaN(r);
  });

  it('no lines at all, and only returns', () => {
    expectNoNaN(run([]));
    const r = run(Array.from({ length: 50 }, (_, i) => ({ customerId: `c${i % 5}`, date: day(i), amount: -3 })));
    expect(r.exclusions.negativeAmountLines).toBe(50);
    expect(r.exclusions.negativeAmount).toBe(-150);
    expect(r.exclusions.customersWithoutPositiveOccasion).toBe(5);
    expect(r.countFit.status).toBe('not-enough-data');
    expectNoNaN(r);
  });

  it('everyone buys every week and nobody leaves: a status for both models, finite figures', () => {
    const lines: OrderLine[] = [];
    for (let c = 0; c < 40; c += 1) for (let w = 0; w < 30; w += 1) lines.push({ customerId: `c${c}`, date: day(w * 7 + (c % 7)), amount: 10 + c });
    for (const model of ['bgnbd', 'pnbd'] as const) {
      const r = run(lines, { model, asOf: day(30 * 7 + 6) });
      expect(['converged', 'flat', 'boundary', 'not-converged']).toContain(r.countFit.status);
      expectNoNaN(r);
    }
  });

  it('zero and negative spends stay out of Gamma-Gamma and are counted', () => {
    const lines: OrderLine[] = [];
    for (let c = 0; c < 60; c += 1) {
      lines.push({ customerId: `c${c}`, date: day(c), amount: 10 });
      if (c % 2 === 0) lines.push({ customerId: `c${c}`, date: day(c + 20), amount: 15 + c });
      if (c % 3 === 0) lines.push({ customerId: `c${c}`, date: day(c + 40), amount: 0 });
      if (c % 5 === 0) lines.push({ customerId: `c${c}`, date: day(c + 41), amount: -7 });
    }
    const r = run(lines, { asOf: day(120) });
    expect(r.exclusions.zeroAmountLines).toBe(20);
    expect(r.exclusions.negativeAmountLines).toBe(12);
    expect(r.repeatBuyers).toBe(30);
    for (const s of r.scores) expect(s.x).toBeLessThanOrEqual(1);
    expectNoNaN(r);
  });
});

describe('special functions', () => {
  it('log Γ, ψ and 2F1 against closed forms', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 11);
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 13);
    expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.log(2), 13);
    // 2F1(1, 1; 2; z) = −log(1 − z) / z
    for (const z of [0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 10);
      expect(hyp2f1OneWithGradient(1, 2, z).value).toBeCloseTo(-Math.log(1 - z) / z, 10);
    }
    // ∂/∂z of 2F1(1, b; c; z) = (b/c) 2F1(2, b+1; c+1; z)
    const g = hyp2f1OneWithGradient(1.7, 3.2, 0.6);
    expect(g.dZ).toBeCloseTo((1.7 / 3.2) * hyp2f1(2, 2.7, 4.2, 0.6), 10);
  });
});

describe('Pareto/NBD death-time integral', () => {
  it('the quadrature (used when α and β are far apart) agrees with the hypergeometric series', async () => {
    const { pnbdRow } = await import('../../../shared/clv/pnbd');
    for (const [alpha, beta, x, tx, T] of [
      [1, 12, 3, 10, 38],
      [12, 1, 3, 10, 38],
      [3, 40, 0, 0, 38],
      [10.5, 11.6, 2, 30.43, 38.86],
      [50, 5, 40, 2, 300],
    ] as const) {
      const p = { r: 0.55, alpha, s: 0.6, beta };
      const gs = new Float64Array(4);
      const gq = new Float64Array(4);
      const series = pnbdRow(p, x, tx, T, gs, 'series');
      const quadrature = pnbdRow(p, x, tx, T, gq, 'quadrature');
      expect(Math.abs(series.ll - quadrature.ll)).toBeLessThan(1e-12);
      gs.forEach((v, i) => expect(Math.abs(v - (gq[i] as number))).toBeLessThan(1e-10));
    }
  });
});

describe('a count fit that is not identified', () => {
  // Everyone buys steadily up to the as-of date: nobody seems to drop out, so the dropout parameter
  // runs to its edge (the Superstore shape: r ≈ 34,000, P(alive) ≈ 1 for all).
  const lines: OrderLine[] = [];
  for (let c = 0; c < 60; c++) {
    const gap = 5 + (c % 7) * 3;
    for (let d = c % 5; d <= 360; d += gap) lines.push({ customerId: `c${c}`, date: day(d), amount: 10 + (c % 4) });
  }

  it.each(['bgnbd', 'pnbd'] as const)('%s at a boundary: the verdict says it could not be identified, not "caution"', (model) => {
    const r = run(lines, { asOf: day(362), model });
    expect(r.countFit.status).toBe('boundary');
    expect(countFitUnidentified(r.countFit.status)).toBe(true);
    expect(r.evaluation.verdict).toBe('unsuitable');
    expect(r.evaluation.reasons[0]).toEqual({ key: 'not-identified', level: 'unsuitable', params: { status: 'boundary' } });
  });

  it('a flat likelihood is not identified either; a converged or failed fit keeps its own reason', () => {
    const base = { spendFit: null, customers: 100, repeatBuyers: 50, holdoutActual: null, holdoutPredicted: null, spendCorrelation: null };
    expect(judgeFit({ ...base, countStatus: 'flat' }).reasons[0]?.key).toBe('not-identified');
    expect(judgeFit({ ...base, countStatus: 'flat' }).verdict).toBe('unsuitable');
    expect(judgeFit({ ...base, countStatus: 'not-converged' }).reasons[0]?.key).toBe('fit-failed');
    expect(judgeFit({ ...base, countStatus: 'converged' }).reasons.map((x) => x.key)).not.toContain('not-identified');
    expect(countFitUnidentified('converged')).toBe(false);
  });
});
