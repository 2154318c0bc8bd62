// From raw feature columns to the model's matrix, learned on the training customers only and then
// applied unchanged to test and scoring customers: numbers standardised (missing → the mean, plus an
// explicit "missing" column), categories one-hot with levels rarer than a floor pooled into a rare
// bucket. What was dropped and why goes into the feature report.

import { rocAuc } from './evaluation';
import type { FeatureDropReason, FeatureRef, FeatureReport } from './types';

export interface NumericFeature {
  ref: FeatureRef;
  /** NaN = missing. */
  values: Float64Array;
  /** A value exported as of the file date, not dated history: unusable for a past cutoff (leak). */
  snapshot?: boolean;
}

export interface CategoricalFeature {
  ref: FeatureRef;
  values: (string | null)[];
}

export interface RawFeatureSet {
  keys: string[];
  numeric: NumericFeature[];
  categorical: CategoricalFeature[];
}

export type DesignColumn =
  | { kind: 'numeric'; source: number; mean: number; sd: number; ref: FeatureRef }
  | { kind: 'missing'; source: number; ref: FeatureRef }
  | { kind: 'level'; source: number; level: string; ref: FeatureRef }
  | { kind: 'rare'; source: number; common: string[]; ref: FeatureRef };

export interface DesignSpec {
  columns: DesignColumn[];
  report: FeatureReport;
}

export interface DesignOptions {
  /** Share of customers with a value below which a feature is dropped as too sparse. */
  minCoverage?: number;
  /** Customers a category level needs to get its own column. */
  minLevelCount?: number;
  /** Drop snapshot features (history labels: a past cutoff cannot see today's values). */
  dropSnapshot?: boolean;
  /** Drop a feature whose own ROC AUC (either way) exceeds this: it separates the outcome too well. */
  leakAuc?: number | null;
}

/** "value missing" of a feature; the feature's own key and params ride along so it can be named. */
function missingRef(f: FeatureRef): FeatureRef {
  return { id: `${f.id}:missing`, key: 'churn:features.missing', params: { ...(f.params ?? {}), featureKey: f.key } };
}

export function fitDesign(raw: RawFeatureSet, y: ArrayLike<number>, opts: DesignOptions = {}): DesignSpec {
  const n = raw.keys.length;
  const minCoverage = opts.minCoverage ?? 0.05;
  const minLevel = opts.minLevelCount ?? Math.max(10, Math.ceil(n * 0.01));
  const columns: DesignColumn[] = [];
  const report: FeatureReport = { used: [], dropped: [] };
  const drop = (ref: FeatureRef, reason: FeatureDropReason, coverage: number) => report.dropped.push({ ...ref, reason, coverage });
  raw.numeric.forEach((f, source) => {
    let m = 0;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i += 1) {
      const v = f.values[i] as number;
      if (Number.isNaN(v)) continue;
      m += 1;
      sum += v;
      sq += v * v;
    }
    const coverage = n ? m / n : 0;
    if (f.snapshot && opts.dropSnapshot) return drop(f.ref, 'leak', coverage);
    if (coverage < minCoverage || m < 2) return drop(f.ref, 'sparse', coverage);
    const mean = sum / m;
    const sd = Math.sqrt(Math.max(0, sq / m - mean * mean));
    if (!(sd > 1e-12 * Math.max(1, Math.abs(mean))) && m === n) return drop(f.ref, 'constant', coverage);
    if (opts.leakAuc != null) {
      const vals: number[] = [];
      const ys: number[] = [];
      for (let i = 0; i < n; i += 1) {
        vals.push(Number.isNaN(f.values[i] as number) ? -Infinity : (f.values[i] as number));
        ys.push(y[i] as number);
      }
      const auc = rocAuc(vals, ys)?.value ?? 0.5;
      if (Math.max(auc, 1 - auc) > opts.leakAuc) return drop(f.ref, 'leak', coverage);
    }
    if (sd > 1e-12 * Math.max(1, Math.abs(mean))) columns.push({ kind: 'numeric', source, mean, sd, ref: f.ref });
    if (m < n) columns.push({ kind: 'missing', source, ref: missingRef(f.ref) });
    report.used.push({ ...f.ref, coverage });
  });
  raw.categorical.forEach((f, source) => {
    const counts = new Map<string, number>();
    let m = 0;
    for (const v of f.values) {
      if (v === null || v === '') continue;
      m += 1;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const coverage = n ? m / n : 0;
    if (coverage < minCoverage) return drop(f.ref, 'sparse', coverage);
    if (opts.leakAuc != null) {
      // Each customer scored by the churn rate of their value (missing as a value of its own): a
      // column like 流失原因, filled only for churned customers, separates them perfectly.
      const rate = new Map<string, [number, number]>();
      f.values.forEach((v, i) => {
        const k = v === null || v === '' ? '\u0000' : v;
        const r = rate.get(k) ?? [0, 0];
        r[0] += (y[i] as number) > 0 ? 1 : 0;
        r[1] += 1;
        rate.set(k, r);
      });
      const scores = f.values.map((v) => {
        const r = rate.get(v === null || v === '' ? '\u0000' : v) as [number, number];
        return r[0] / r[1];
      });
      const auc = rocAuc(scores, y)?.value ?? 0.5;
      if (auc > opts.leakAuc) return drop(f.ref, 'leak', coverage);
    }
    const common = [...counts.entries()].filter(([, c]) => c >= minLevel).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const rare = m - common.reduce((s, [, c]) => s + c, 0);
    const groups = common.length + (rare > 0 ? 1 : 0) + (m < n ? 1 : 0);
    if (groups < 2) return drop(f.ref, 'constant', coverage);
    const column = String(f.ref.params?.column ?? f.ref.id);
    // One level is the reference (left out) so the columns are not collinear with the intercept:
    // the most common one; with L2 this matters little, but odds ratios read "against the usual".
    common
      .slice(1)
      .forEach(([level]) =>
        columns.push({ kind: 'level', source, level, ref: { id: `${f.ref.id}=${level}`, key: 'churn:features.level', params: { column, level } } }),
      );
    if (rare > 0)
      columns.push({
        kind: 'rare',
        source,
        common: common.map(([l]) => l),
        ref: { id: `${f.ref.id}=*rare`, key: 'churn:features.rareLevel', params: { column } },
      });
    if (m < n) columns.push({ kind: 'missing', source: -1 - source, ref: missingRef(f.ref) });
    report.used.push({ ...f.ref, coverage });
  });
  return { columns, report };
}

/** The matrix (n × columns, row-major) of a feature set under a fitted design. */
export function applyDesign(spec: DesignSpec, raw: RawFeatureSet): Float64Array {
  const n = raw.keys.length;
  const p = spec.columns.length;
  const X = new Float64Array(n * p);
  spec.columns.forEach((c, j) => {
    if (c.kind === 'numeric') {
      const v = (raw.numeric[c.source] as NumericFeature).values;
      for (let i = 0; i < n; i += 1) {
        const x = v[i] as number;
        X[i * p + j] = Number.isNaN(x) ? 0 : (x - c.mean) / c.sd;
      }
    } else if (c.kind === 'missing') {
      if (c.source >= 0) {
        const v = (raw.numeric[c.source] as NumericFeature).values;
        for (let i = 0; i < n; i += 1) X[i * p + j] = Number.isNaN(v[i] as number) ? 1 : 0;
      } else {
        const v = (raw.categorical[-1 - c.source] as CategoricalFeature).values;
        for (let i = 0; i < n; i += 1) X[i * p + j] = v[i] === null || v[i] === '' ? 1 : 0;
      }
    } else if (c.kind === 'level') {
      const v = (raw.categorical[c.source] as CategoricalFeature).values;
      for (let i = 0; i < n; i += 1) X[i * p + j] = v[i] === c.level ? 1 : 0;
    } else {
      const v = (raw.categorical[c.source] as CategoricalFeature).values;
      const common = new Set(c.common);
      for (let i = 0; i < n; i += 1) {
        const x = v[i];
        X[i * p + j] = x !== null && x !== undefined && x !== '' && !common.has(x) ? 1 : 0;
      }
    }
  });
  return X;
}

/** The raw value behind a design column for customer i (for reasons: "days since last order = 210"). */
export function rawValue(c: DesignColumn, raw: RawFeatureSet, i: number): number | null {
  if (c.kind === 'numeric') {
    const v = (raw.numeric[c.source] as NumericFeature).values[i] as number;
    return Number.isNaN(v) ? null : v;
  }
  return null;
}
