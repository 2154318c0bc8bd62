// BFGS with a backtracking (Armijo) line search, for the 3 or 4 log-parameters of a CLV model.
// Small and dense on purpose: the work is in the likelihood, not in the optimiser. It never throws:
// a step that makes the objective non-finite is shortened, and the loop always ends.

export interface Objective {
  /** Value and gradient at theta; the value may be Infinity or NaN where the model is undefined. */
  (theta: Float64Array): { value: number; gradient: Float64Array };
}

export interface OptimiseResult {
  theta: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  /** The gradient's largest component fell below the tolerance. */
  converged: boolean;
}

export interface OptimiseOptions {
  maxIterations?: number;
  /** Stop when max |gradient| is below this (the objective is a mean log-likelihood, so per customer). */
  gradientTolerance?: number;
  /**
   * Where the optimum is not worth chasing (a parameter heading for 0 or infinity): once this holds and
   * the last 5 iterations gained less than 1e-8 of the objective, the search stops there.
   */
  offBoundary?: (theta: Float64Array) => boolean;
  /** Cancellation checkpoint, called once per iteration; throwing from it ends the fit. */
  checkpoint?: () => void;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const e of v) m = Math.max(m, Math.abs(e));
  return m;
}

export function minimiseBfgs(f: Objective, start: Float64Array, options: OptimiseOptions = {}): OptimiseResult {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.gradientTolerance ?? 1e-9;
  let theta = Float64Array.from(start);
  let current = f(theta);
  if (!Number.isFinite(current.value) || !current.gradient.every(Number.isFinite)) {
    return { theta, value: Infinity, gradient: current.gradient, iterations: 0, converged: false };
  }
  // Inverse Hessian approximation, row-major; starts as the identity.
  let h = identity(n);
  let iterations = 0;
  // Iterations in a row that lowered the objective by no more than rounding: the optimum is reached to
  // machine precision, and Armijo would keep accepting steps that change nothing.
  let stalled = 0;
  const recent: number[] = [];
  for (; iterations < maxIterations; iterations += 1) {
    options.checkpoint?.();
    const g = current.gradient;
    recent.push(current.value);
    if (recent.length > 6) recent.shift();
    if (recent.length === 6 && options.offBoundary?.(theta) && (recent[0] as number) - current.value < 1e-8 * Math.abs(current.value)) {
      return { theta, value: current.value, gradient: g, iterations, converged: false };
    }
    if (maxAbs(g) < tolerance) return { theta, value: current.value, gradient: g, iterations, converged: true };
    let direction = matVec(h, g, n).map((v) => -v);
    let slope = dot(direction, g);
    if (!(slope < 0)) {
      // Lost descent (curvature update went bad): restart from steepest descent.
      h = identity(n);
      direction = g.map((v) => -v);
      slope = dot(direction, g);
    }
    // Keep a step in log-parameters below 5 (a factor e⁵ in the parameter) so one step cannot run off.
    const longest = maxAbs(direction);
    let step = longest > 5 ? 5 / longest : 1;
    let next: { value: number; gradient: Float64Array } | null = null;
    let candidate = theta;
    for (let tries = 0; tries < 60; tries += 1) {
      candidate = theta.map((t, i) => t + step * (direction[i] as number));
      const trial = f(candidate);
      if (Number.isFinite(trial.value) && trial.gradient.every(Number.isFinite) && trial.value <= current.value + 1e-4 * step * slope) {
        next = trial;
        break;
      }
      step *= 0.5;
    }
    if (next === null) {
      // No step lowers the objective: a flat or ill-conditioned region, or already at the optimum to
      // machine precision. Report where we are; the caller judges convergence from the gradient.
      return { theta, value: current.value, gradient: g, iterations, converged: maxAbs(g) < tolerance * 1e3 };
    }
    stalled = current.value - next.value <= 1e-15 * Math.abs(current.value) ? stalled + 1 : 0;
    if (stalled >= 3) {
      return { theta: candidate, value: next.value, gradient: next.gradient, iterations, converged: maxAbs(next.gradient) < tolerance * 1e3 };
    }
    const s = candidate.map((t, i) => t - (theta[i] as number));
    const y = next.gradient.map((v, i) => v - (g[i] as number));
    const sy = dot(s, y);
    if (sy > 1e-14 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (iterations === 0) {
        // Scale the first inverse Hessian to the curvature seen (Nocedal & Wright 6.20).
        const scale = sy / dot(y, y);
        h = identity(n).map((v) => v * scale);
      }
      h = bfgsUpdate(h, s, y, sy, n);
    }
    theta = candidate;
    current = next;
  }
  return {
    theta,
    value: current.value,
    gradient: current.gradient,
    iterations,
    converged: maxAbs(current.gradient) < tolerance,
  };
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) m[i * n + i] = 1;
  return m;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 1) s += (a[i] as number) * (b[i] as number);
  return s;
}

function matVec(m: Float64Array, v: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    let s = 0;
    for (let j = 0; j < n; j += 1) s += (m[i * n + j] as number) * (v[j] as number);
    out[i] = s;
  }
  return out;
}

/** H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / (yᵀ s). */
function bfgsUpdate(h: Float64Array, s: Float64Array, y: Float64Array, sy: number, n: number): Float64Array {
  const rho = 1 / sy;
  const hy = matVec(h, y, n);
  const yhy = dot(y, hy);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      const si = s[i] as number;
      const sj = s[j] as number;
      out[i * n + j] = (h[i * n + j] as number) - rho * ((hy[i] as number) * sj + si * (hy[j] as number)) + (rho * rho * yhy + rho) * si * sj;
    }
  }
  return out;
}
