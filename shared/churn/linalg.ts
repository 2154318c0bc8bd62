// Small dense linear algebra for the logistic model's Newton steps: a (p+1)×(p+1) symmetric positive
// definite system per step, p ≤ a few hundred features, so plain Cholesky is enough.

/** Lower Cholesky factor of a symmetric positive definite matrix (row-major, only the lower half read); null if not SPD. */
export function cholesky(a: Float64Array, k: number): Float64Array | null {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let s = a[i * k + j] as number;
      for (let m = 0; m < j; m += 1) s -= (l[i * k + m] as number) * (l[j * k + m] as number);
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * k + i] = Math.sqrt(s);
      } else l[i * k + j] = s / (l[j * k + j] as number);
    }
  }
  return l;
}

/** Solves L Lᵀ x = b. */
export function choleskySolve(l: Float64Array, k: number, b: Float64Array): Float64Array {
  const z = new Float64Array(k);
  for (let i = 0; i < k; i += 1) {
    let s = b[i] as number;
    for (let m = 0; m < i; m += 1) s -= (l[i * k + m] as number) * (z[m] as number);
    z[i] = s / (l[i * k + i] as number);
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i -= 1) {
    let s = z[i] as number;
    for (let m = i + 1; m < k; m += 1) s -= (l[m * k + i] as number) * (x[m] as number);
    x[i] = s / (l[i * k + i] as number);
  }
  return x;
}

/** (L Lᵀ)⁻¹, column by column. */
export function choleskyInverse(l: Float64Array, k: number): Float64Array {
  const inv = new Float64Array(k * k);
  const e = new Float64Array(k);
  for (let c = 0; c < k; c += 1) {
    e.fill(0);
    e[c] = 1;
    const x = choleskySolve(l, k, e);
    for (let r = 0; r < k; r += 1) inv[r * k + c] = x[r] as number;
  }
  return inv;
}
