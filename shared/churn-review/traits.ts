// Traits over-represented among churned customers, ranked by effect size, not by p-value: on public
// telecom churn data 42 of 48 traits pass p < 0.05, so significance alone ranks nothing. For a trait
// (a dimension's value, a signal that fired, a theme a customer complained about):
//
//   share ratio     = (churned with trait ÷ churned) ÷ (retained with trait ÷ retained)
//   churn-rate lift = churn rate with trait ÷ overall churn rate
//                   = (a ÷ (a + c)) ÷ ((a + b') ÷ N)     a churned with, c retained with
//   p               = one-sided Fisher exact test (hypergeometric upper tail: at least a churned among
//                     the a + c customers with the trait)
//   q               = Benjamini–Hochberg over every trait with enough support
//
// A trait needs at least `minSupport` churned customers with it to be tested at all: with two
// churned customers any trait looks decisive.

export interface TraitInput {
  /** Dimension id: 'segment', 'tier', 'owner', 'attr:<name>', 'signal', 'nps', 'theme'. */
  dimension: string;
  value: string;
  /** Customers with the trait among the churned and the retained. */
  churnedWith: number;
  retainedWith: number;
}

export interface TraitResult extends TraitInput {
  churned: number;
  retained: number;
  /** % of churned customers with the trait, and of retained ones. */
  shareChurned: number;
  shareRetained: number;
  /** Infinity when no retained customer has it. */
  shareRatio: number;
  churnRateWith: number;
  churnRateOverall: number;
  lift: number;
  p: number;
  q: number;
}

export interface TraitOptions {
  minSupport: number;
  /** Traits with q above this are still listed, marked not significant. */
  alpha: number;
}

export const DEFAULT_TRAIT_OPTIONS: TraitOptions = { minSupport: 5, alpha: 0.1 };

const logFactCache: number[] = [0];
function logFact(n: number): number {
  for (let i = logFactCache.length; i <= n; i++) logFactCache.push((logFactCache[i - 1] as number) + Math.log(i));
  return logFactCache[n] as number;
}
function logChoose(n: number, k: number): number {
  return logFact(n) - logFact(k) - logFact(n - k);
}

/**
 * P(X ≥ a) for X hypergeometric: N customers, K churned, n with the trait. Summed from the mode
 * outward in log space so large N neither overflows nor underflows.
 */
export function fisherUpperTail(a: number, K: number, n: number, N: number): number {
  const hi = Math.min(K, n);
  const lo = Math.max(0, n - (N - K));
  if (a <= lo) return 1;
  if (a > hi) return 0;
  const denom = logChoose(N, n);
  let p = 0;
  for (let x = a; x <= hi; x++) p += Math.exp(logChoose(K, x) + logChoose(N - K, n - x) - denom);
  return Math.min(1, p);
}

/** Benjamini–Hochberg adjusted p-values (q), in the input order. */
export function benjaminiHochberg(ps: readonly number[]): number[] {
  const m = ps.length;
  const order = ps.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const q = new Array<number>(m).fill(1);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const item = order[r] as { p: number; i: number };
    running = Math.min(running, (item.p * m) / (r + 1));
    q[item.i] = Math.min(1, running);
  }
  return q;
}

/**
 * Effect sizes, p and q for every trait with at least minSupport churned customers, ranked by lift
 * (then share ratio, then support). Traits under the support floor are returned apart, counted.
 */
export function overRepresentedTraits(
  traits: readonly TraitInput[],
  churned: number,
  retained: number,
  opts: TraitOptions = DEFAULT_TRAIT_OPTIONS,
): { traits: TraitResult[]; belowSupport: number } {
  const N = churned + retained;
  const tested = traits.filter((t) => t.churnedWith >= opts.minSupport && t.churnedWith <= churned && t.retainedWith <= retained);
  const overall = N > 0 ? churned / N : 0;
  const rows = tested.map((t) => {
    const withTrait = t.churnedWith + t.retainedWith;
    const shareChurned = churned ? t.churnedWith / churned : 0;
    const shareRetained = retained ? t.retainedWith / retained : 0;
    const rateWith = withTrait ? t.churnedWith / withTrait : 0;
    return {
      ...t,
      churned,
      retained,
      shareChurned: 100 * shareChurned,
      shareRetained: 100 * shareRetained,
      shareRatio: shareRetained > 0 ? shareChurned / shareRetained : Number.POSITIVE_INFINITY,
      churnRateWith: 100 * rateWith,
      churnRateOverall: 100 * overall,
      lift: overall > 0 ? rateWith / overall : 0,
      p: fisherUpperTail(t.churnedWith, churned, withTrait, N),
      q: 1,
    };
  });
  const q = benjaminiHochberg(rows.map((r) => r.p));
  rows.forEach((r, i) => (r.q = q[i] as number));
  rows.sort(
    (a, b) =>
      b.lift - a.lift ||
      b.shareRatio - a.shareRatio ||
      b.churnedWith - a.churnedWith ||
      a.dimension.localeCompare(b.dimension) ||
      a.value.localeCompare(b.value),
  );
  return { traits: rows, belowSupport: traits.length - tested.length };
}
