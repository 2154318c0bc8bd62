// The benchmarks' generated data must be the same every run and spread the way it claims to be.
// A textbook LCG written with plain JS numbers (seed * 1103515245 + 12345) is neither: the product
// passes 2^53, loses its low bits, and the sequence falls into a cycle of about 16,000 values, so a
// "20,000 customers" file held 3,220 and per-customer attributes repeated. mulberry32 works in exact
// 32-bit integer arithmetic (Math.imul) and passes the usual statistical batteries for this use.

/** A deterministic generator of numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
