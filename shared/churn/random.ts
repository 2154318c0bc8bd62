// A seeded generator, so every fit, fold split, bootstrap and permutation repeats exactly for a seed.

/** mulberry32: 32-bit state, uniform in [0, 1). Small, fast and good enough for splits and shuffles. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle in place. */
export function shuffleInPlace(a: Int32Array | number[], rand: () => number): void {
  for (let i = a.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i] as number;
    a[i] = a[j] as number;
    a[j] = t;
  }
}

/**
 * Stratified k-fold: fold[i] in 0..k-1, each fold holding the same share of churned customers (to
 * within one). Customers of each class are shuffled with the seed and dealt round-robin.
 */
export function stratifiedFolds(y: ArrayLike<number>, k: number, seed: number): Int32Array {
  const rand = seededRandom(seed);
  const fold = new Int32Array(y.length);
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    for (let i = 0; i < y.length; i += 1) if ((y[i] as number) === cls) idx.push(i);
    shuffleInPlace(idx, rand);
    idx.forEach((i, r) => (fold[i] = r % k));
  }
  return fold;
}
