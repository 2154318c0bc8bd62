// CLV models against the published CDNOW results (Fader, Hardie & Lee 2005; Fader & Hardie 2005, 2013).
import { describe, expect, it } from 'vitest';
import { bgnbdExpectedPurchases, bgnbdLogLikelihood } from '../../../shared/clv/bgnbd';
import { groupRepeatData, spendData } from '../../../shared/clv/data';
import { fitCountModel, fitGammaGamma } from '../../../shared/clv/models';
import { pnbdLogLikelihood } from '../../../shared/clv/pnbd';
import { summariseCustomers } from '../../../shared/clv/summary';
import { cdnowLines, cdnowSummary } from './cdnow';

const summary = cdnowSummary();
const repeat = groupRepeatData(summary);
const values = (fit: { parameters: { value: number }[] }): number[] => fit.parameters.map((p) => p.value);

describe('CDNOW, 2,357 customers, 39-week calibration', () => {
  it('BG/NBD: r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4', () => {
    const fit = fitCountModel('bgnbd', repeat);
    expect(fit.status).toBe('converged');
    const [r, alpha, a, b] = values(fit);
    expect(r).toBeCloseTo(0.243, 3);
    expect(alpha).toBeCloseTo(4.414, 3);
    expect(a).toBeCloseTo(0.793, 3);
    expect(b).toBeCloseTo(2.426, 3);
    // Published to one decimal (−9582.4); the maximum is −9582.4256.
    expect(fit.logLikelihood).toBeCloseTo(-9582.4256, 2);
    for (const p of fit.parameters) {
      expect(p.se).toBeGreaterThan(0);
      expect(p.low).toBeLessThan(p.value);
      expect(p.high).toBeGreaterThan(p.value);
    }
  });

  it('BG/NBD conditional expectation E[Y(39) | x=2, tₓ=30.43, T=38.86] = 1.226', () => {
    const e = bgnbdExpectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 30.43, 38.86);
    expect(e).toBeCloseTo(1.226, 3);
  });

  it('Pareto/NBD: r 0.553, α 10.578, s 0.606, β 11.669, LL −9595.0', () => {
    const fit = fitCountModel('pnbd', repeat);
    expect(fit.status).toBe('converged');
    const [r, alpha, s, beta] = values(fit);
    expect(r).toBeCloseTo(0.553, 3);
    expect(alpha).toBeCloseTo(10.578, 3);
    expect(s).toBeCloseTo(0.606, 3);
    // β's standard error is 6.2: the likelihood is flat along it, and the maximum here (11.668) is
    // higher than at the published 11.669 (−9594.97393 against −9594.97401).
    expect(Math.abs((beta as number) - 11.669)).toBeLessThan(0.0015);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(pnbdLogLikelihood([0.553, 10.578, 0.606, 11.669], repeat, null));
    expect(Math.abs((fit.logLikelihood as number) + 9595.0)).toBeLessThan(0.05);
  });

  it('Gamma-Gamma on the 946 repeat buyers (spend from the transactions): p 6.25, q 3.74, v 15.44, LL −4055.9177', () => {
    const built = summariseCustomers(cdnowLines(), { unit: 'day', calibrationEnd: '1997-09-30' });
    const d = spendData(built.customers.map((c) => ({ x: c.x, m: c.monetary })));
    expect(d.rows).toBe(946);
    const fit = fitGammaGamma(d);
    expect(fit.status).toBe('converged');
    const [p, q, v] = values(fit);
    expect(p).toBeCloseTo(6.25, 2);
    expect(q).toBeCloseTo(3.74, 2);
    expect(v).toBeCloseTo(15.44, 2);
    expect(fit.logLikelihood).toBeCloseTo(-4055.9177, 3);
  });

  it('the analytic gradients match central differences', () => {
    const check = (f: (p: Float64Array, g: Float64Array | null) => number, at: number[]): void => {
      const g = new Float64Array(at.length);
      f(Float64Array.from(at), g);
      at.forEach((v, i) => {
        const h = 1e-6 * v;
        const up = Float64Array.from(at);
        const down = Float64Array.from(at);
        up[i] = v + h;
        down[i] = v - h;
        const numeric = (f(up, null) - f(down, null)) / (2 * h);
        expect(Math.abs((g[i] as number) - numeric)).toBeLessThan(1e-4 * Math.max(1, Math.abs(numeric)));
      });
    };
    check((p, g) => bgnbdLogLikelihood(p, repeat, g), [0.3, 4, 0.8, 2.4]);
    check((p, g) => pnbdLogLikelihood(p, repeat, g), [0.55, 12.5, 0.6, 11.6]); // α ≥ β branch
    check((p, g) => pnbdLogLikelihood(p, repeat, g), [0.55, 10.5, 0.6, 11.6]); // α < β branch
    check((p, g) => pnbdLogLikelihood(p, repeat, g), [0.55, 200, 0.6, 1]); // z close to 1
  });
});

describe('customer summary from the CDNOW lines', () => {
  it('rebuilds the published summary for every customer with a positive purchase (t in days / 7)', () => {
    const built = summariseCustomers(cdnowLines(), { unit: 'day', calibrationEnd: '1997-09-30' });
    // 8 customers bought only $0 items: no positive occasion, so not modelled, and counted.
    expect(built.customers).toHaveLength(2349);
    expect(built.exclusions.customersWithoutPositiveOccasion).toBe(8);
    expect(built.exclusions.zeroAmountLines).toBeGreaterThanOrEqual(8);
    const published = new Map(summary.map((r) => [r.id, r]));
    let matched = 0;
    for (const c of built.customers) {
      const row = published.get(c.customerId);
      if (!row) continue;
      if (row.x === c.x && Math.abs(row.tx - c.tx / 7) < 0.006 && Math.abs(row.T - c.T / 7) < 0.006 && Math.abs(row.zbar - c.monetary) < 0.006) matched += 1;
    }
    expect(matched).toBe(2349);
  });

  it('counts the hold-out occasions after the calibration end', () => {
    const built = summariseCustomers(cdnowLines(), { unit: 'day', calibrationEnd: '1997-09-30', observationEnd: '1998-06-30' });
    expect(built.holdoutLength).toBe(273);
    const total = built.customers.reduce((s, c) => s + (c.holdoutX ?? 0), 0);
    expect(total).toBeGreaterThan(1000);
    const week = summariseCustomers(cdnowLines(), { unit: 'week', calibrationEnd: '1997-09-30' });
    expect(week.customers).toHaveLength(2349);
    for (const c of week.customers) expect(c.tx).toBeLessThanOrEqual(c.T);
  });
});
