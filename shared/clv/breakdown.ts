// How a CLV run's book of customers splits: the distribution of CLV over value bands with the share
// held by the top 10% / 20% of customers, the value by the latest diagnostic run's segment and tier,
// and the customers and value by P(alive) band. Pure: the engine reads the rows (one per customer:
// CLV, P(alive), segment, tier) and passes them here, so the same arithmetic is unit-tested on
// hand-built customers. Every share's denominator is stated: all customers of the run, and the book
// value = the sum of the CLVs the run has (a customer without a CLV counts in the customers only).

/** One customer as the breakdown reads it. segment / tier null: not in the diagnostic run (or none). */
export interface BreakdownCustomer {
  clv: number | null;
  pAlive: number;
  segment: string | null;
  tier: string | null;
}

export interface BreakdownGroup {
  /** A value band's lower bound, a segment or tier id, or a P(alive) band's lower bound; null = not in the diagnostic run. */
  key: string | null;
  customers: number;
  /** Sum of the group's CLVs. */
  value: number;
  /** customers / all customers of the run. */
  customerShare: number;
  /** value / book value (0 when the book value is 0). */
  valueShare: number;
  /** Mean CLV of the group's customers that have one (null when none has). */
  meanClv: number | null;
  meanPAlive: number;
}

export interface ValueBand extends BreakdownGroup {
  low: number;
  /** null: the open top band (low and above). */
  high: number | null;
}

export interface AliveBand extends BreakdownGroup {
  low: number;
  /** Exclusive upper bound; null for the top band (low up to and including 100%). */
  high: number | null;
}

export interface ClvBreakdown {
  runId: number;
  customers: number;
  /** Customers without a CLV (no spend model): counted in the customers, not in any value band. */
  withoutClv: number;
  bookValue: number;
  distribution: {
    bands: ValueBand[];
    /** Share of the book value held by the top 10% / 20% of customers by CLV (null: fewer than 10 customers with a CLV). */
    top10Share: number | null;
    top20Share: number | null;
    /** How many customers the top 10% / 20% are (ceil of the share of customers with a CLV). */
    top10Customers: number;
    top20Customers: number;
    medianClv: number | null;
  };
  /** The diagnostic run the segments and tiers come from; null when no diagnostic run exists. */
  diagnosticRun: { id: number; asOf: string } | null;
  segments: BreakdownGroup[];
  tiers: BreakdownGroup[];
  alive: AliveBand[];
}

/** The P(alive) bands' lower bounds: <25%, 25–50%, 50–75%, ≥75%. */
export const ALIVE_BAND_EDGES = [0, 0.25, 0.5, 0.75] as const;
/** Fewer customers with a CLV than this and the top-decile shares are not stated (a decile of < 1 customer). */
export const MIN_CUSTOMERS_FOR_TOP_SHARES = 10;
const MAX_BANDS = 8;

/** A round step (1, 2 or 5 × 10^k) at or above raw. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

interface Acc {
  customers: number;
  value: number;
  withClv: number;
  pAlive: number;
}
const acc = (): Acc => ({ customers: 0, value: 0, withClv: 0, pAlive: 0 });
function add(a: Acc, c: BreakdownCustomer): void {
  a.customers += 1;
  a.pAlive += c.pAlive;
  if (c.clv !== null) {
    a.value += c.clv;
    a.withClv += 1;
  }
}
function group(key: string | null, a: Acc, customers: number, book: number): BreakdownGroup {
  return {
    key,
    customers: a.customers,
    value: a.value,
    customerShare: customers > 0 ? a.customers / customers : 0,
    valueShare: book > 0 ? a.value / book : 0,
    meanClv: a.withClv > 0 ? a.value / a.withClv : null,
    meanPAlive: a.customers > 0 ? a.pAlive / a.customers : 0,
  };
}

function byKey(rows: readonly BreakdownCustomer[], pick: (c: BreakdownCustomer) => string | null, order: readonly string[], book: number): BreakdownGroup[] {
  const m = new Map<string | null, Acc>();
  for (const c of rows) {
    const k = pick(c);
    let a = m.get(k);
    if (!a) m.set(k, (a = acc()));
    add(a, c);
  }
  const rank = (k: string | null): number => (k === null ? Number.MAX_SAFE_INTEGER : order.includes(k) ? order.indexOf(k) : order.length);
  return [...m.entries()].map(([k, a]) => group(k, a, rows.length, book)).sort((x, y) => rank(x.key) - rank(y.key) || y.value - x.value);
}

/** Value bands of equal round width up to about the 95th percentile, the last one open above. */
function valueBands(sorted: Float64Array, customers: number, book: number, rows: readonly BreakdownCustomer[]): ValueBand[] {
  if (sorted.length === 0) return [];
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] as number;
  const max = sorted[sorted.length - 1] as number;
  const step = niceStep(Math.max(p95, max / 50) / (MAX_BANDS - 1));
  const n = Math.max(1, Math.min(MAX_BANDS, Math.floor(max / step) + 1));
  const accs = Array.from({ length: n }, acc);
  for (const c of rows) {
    if (c.clv === null) continue;
    const i = Math.min(n - 1, Math.max(0, Math.floor(c.clv / step)));
    add(accs[i] as Acc, c);
  }
  return accs.map((a, i) => ({
    ...group(String(i * step), a, customers, book),
    low: i * step,
    high: i === n - 1 ? null : (i + 1) * step,
  }));
}

export function clvBreakdown(
  runId: number,
  rows: readonly BreakdownCustomer[],
  diagnosticRun: ClvBreakdown['diagnosticRun'],
  order: { segments: readonly string[]; tiers: readonly string[] },
): ClvBreakdown {
  const values = rows.flatMap((c) => (c.clv === null ? [] : [c.clv]));
  const sorted = Float64Array.from(values).sort();
  let book = 0;
  for (const v of sorted) book += v;
  const customers = rows.length;
  const topShare = (share: number): { n: number; value: number | null } => {
    const n = Math.ceil(share * sorted.length);
    if (sorted.length < MIN_CUSTOMERS_FOR_TOP_SHARES || !(book > 0)) return { n, value: null };
    let s = 0;
    for (let i = sorted.length - n; i < sorted.length; i += 1) s += sorted[i] as number;
    return { n, value: s / book };
  };
  const t10 = topShare(0.1);
  const t20 = topShare(0.2);
  const aliveAccs = ALIVE_BAND_EDGES.map(acc);
  for (const c of rows) {
    let i = ALIVE_BAND_EDGES.length - 1;
    while (i > 0 && c.pAlive < (ALIVE_BAND_EDGES[i] as number)) i -= 1;
    add(aliveAccs[i] as Acc, c);
  }
  const half = sorted.length >> 1;
  return {
    runId,
    customers,
    withoutClv: customers - sorted.length,
    bookValue: book,
    distribution: {
      bands: valueBands(sorted, customers, book, rows),
      top10Share: t10.value,
      top20Share: t20.value,
      top10Customers: t10.n,
      top20Customers: t20.n,
      medianClv: sorted.length === 0 ? null : sorted.length % 2 ? (sorted[half] as number) : ((sorted[half - 1] as number) + (sorted[half] as number)) / 2,
    },
    diagnosticRun,
    segments: diagnosticRun ? byKey(rows, (c) => c.segment, order.segments, book) : [],
    tiers: diagnosticRun ? byKey(rows, (c) => c.tier, order.tiers, book) : [],
    alive: aliveAccs.map((a, i) => ({
      ...group(String(ALIVE_BAND_EDGES[i]), a, customers, book),
      low: ALIVE_BAND_EDGES[i] as number,
      high: i === ALIVE_BAND_EDGES.length - 1 ? null : (ALIVE_BAND_EDGES[i + 1] as number),
    })),
  };
}
