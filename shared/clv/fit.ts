// Maximum likelihood for the CLV models on the log scale: BFGS from several starting points, standard
// errors from the Hessian (central differences of the analytic gradient), 95% intervals, and a status
// that says in plain terms what happened. It never throws and never returns NaN: when the data cannot
// support a fit it says so in the status and leaves the parameters out.
import { cholesky, choleskyInverse } from '../churn/linalg';
import { minimiseBfgs, type Objective } from './optimise';

export const FIT_STATUSES = ['converged', 'flat', 'boundary', 'not-converged', 'not-enough-data'] as const;
/**
 * converged: a proper maximum with finite standard errors. flat: the likelihood barely changes in some
 * direction, so a parameter is not pinned down (huge or missing standard error). boundary: a parameter
 * ran towards 0 or infinity (e.g. nobody seems to drop out). not-converged: the optimiser stopped before
 * the gradient vanished. not-enough-data: too few customers or repeat buyers to fit at all.
 */
export type FitStatus = (typeof FIT_STATUSES)[number];

export const NOT_ENOUGH_DATA_REASONS = ['too-few-customers', 'too-few-repeat-buyers', 'no-elapsed-time'] as const;
export type NotEnoughDataReason = (typeof NOT_ENOUGH_DATA_REASONS)[number];

export interface ParameterEstimate {
  name: string;
  value: number;
  /** Standard error by the delta method from the log-scale Hessian; null when it cannot be estimated. */
  se: number | null;
  /** 95% interval exp(log θ ± 1.96 se(log θ)): always positive, asymmetric like the likelihood. */
  low: number | null;
  high: number | null;
}

export interface ModelFitResult {
  status: FitStatus;
  /** For not-enough-data: which requirement failed; for boundary / flat: the parameter concerned. */
  reason: NotEnoughDataReason | null;
  parameter: string | null;
  parameters: ParameterEstimate[];
  logLikelihood: number | null;
  /** Observations the likelihood summed over (customers, or repeat buyers for Gamma-Gamma). */
  observations: number;
  iterations: number;
  starts: number;
  /**
   * Covariance of the log-parameters (inverse Hessian of −LL in log θ), row-major n×n; null when the
   * Hessian is not positive definite or there is no fit. The per-customer intervals (intervals.ts)
   * propagate it. Runs stored before it was kept have no such field.
   */
  logCovariance?: number[] | null;
}

/** log θ beyond ±LOG_BOUND (θ below 1e-5 or above 1e5 in the model's unit) counts as a boundary. */
const LOG_BOUND = Math.log(1e5);
/**
 * Log-parameters further out than this (θ beyond 1e-7 or 1e7) make the objective infinite: a step
 * cannot overflow, and a fit running to a boundary stops there instead of chasing it for ever.
 */
const LOG_LIMIT = Math.log(1e7);
/** A log-scale standard error above this (an interval spanning a factor of e^±5.9) is a flat likelihood. */
const FLAT_SE = 3;

export interface LikelihoodProblem {
  names: readonly string[];
  observations: number;
  /** Total log-likelihood at θ (natural scale), gradient into `gradient` when given. */
  logLikelihood: (theta: Float64Array, gradient: Float64Array | null) => number;
  starts: readonly (readonly number[])[];
  checkpoint?: () => void;
}

export function notEnoughData(names: readonly string[], observations: number, reason: NotEnoughDataReason): ModelFitResult {
  return {
    status: 'not-enough-data',
    reason,
    parameter: null,
    parameters: [],
    logLikelihood: null,
    observations,
    iterations: 0,
    starts: 0,
    logCovariance: null,
  };
}

export function fitByMaximumLikelihood(problem: LikelihoodProblem): ModelFitResult {
  const n = problem.names.length;
  const scale = 1 / Math.max(1, problem.observations);
  const naturalGradient = new Float64Array(n);
  const objective: Objective = (logTheta) => {
    const gradient = new Float64Array(n);
    if (logTheta.some((v) => !(Math.abs(v) <= LOG_LIMIT))) return { value: Infinity, gradient };
    const theta = logTheta.map(Math.exp);
    const ll = problem.logLikelihood(theta, naturalGradient);
    for (let i = 0; i < n; i += 1) gradient[i] = -(naturalGradient[i] as number) * (theta[i] as number) * scale;
    return { value: Number.isFinite(ll) ? -ll * scale : Infinity, gradient };
  };
  let best: ReturnType<typeof minimiseBfgs> | null = null;
  const values: number[] = [];
  let iterations = 0;
  let starts = 0;
  for (const start of problem.starts) {
    starts += 1;
    const result = minimiseBfgs(objective, Float64Array.from(start, Math.log), {
      gradientTolerance: 1e-9,
      offBoundary: (logTheta) => logTheta.some((v) => Math.abs(v) > LOG_BOUND),
      checkpoint: problem.checkpoint,
    });
    iterations += result.iterations;
    if (!Number.isFinite(result.value)) continue;
    if (result.converged) values.push(result.value);
    if (best === null || result.value < best.value) best = result;
    // Two starts that end at the same maximum are enough; more would only cost time.
    const bestValue = best.value;
    if (values.filter((v) => Math.abs(v - bestValue) < 1e-9).length >= 2) break;
  }
  if (best === null) {
    return { ...notEnoughData(problem.names, problem.observations, 'too-few-customers'), status: 'not-converged', reason: null, iterations, starts };
  }
  const logTheta = best.theta;
  const theta = logTheta.map(Math.exp);
  const logLikelihood = -best.value / scale;
  const covariance = logScaleCovariance(objective, logTheta, scale);
  const parameters: ParameterEstimate[] = problem.names.map((name, i) => {
    const variance = covariance ? (covariance[i * n + i] as number) : NaN;
    const seLog = variance > 0 && Number.isFinite(variance) ? Math.sqrt(variance) : null;
    const value = theta[i] as number;
    return {
      name,
      value,
      se: seLog === null ? null : value * seLog,
      low: seLog === null ? null : Math.exp((logTheta[i] as number) - 1.96 * seLog),
      high: seLog === null ? null : Math.exp((logTheta[i] as number) + 1.96 * seLog),
    };
  });
  const atBoundary = problem.names.findIndex((_, i) => Math.abs(logTheta[i] as number) > LOG_BOUND);
  const flat = parameters.findIndex((p) => p.se === null || (p.se as number) / p.value > FLAT_SE);
  let status: FitStatus = 'converged';
  let parameter: string | null = null;
  if (atBoundary >= 0) {
    status = 'boundary';
    parameter = problem.names[atBoundary] as string;
  } else if (flat >= 0) {
    status = 'flat';
    parameter = problem.names[flat] as string;
  } else if (!best.converged && Math.max(...best.gradient.map(Math.abs)) > 1e-6) status = 'not-converged';
  return {
    status,
    reason: null,
    parameter,
    parameters,
    logLikelihood,
    observations: problem.observations,
    iterations,
    starts,
    logCovariance: covariance ? Array.from(covariance) : null,
  };
}

/** Inverse of the Hessian of −LL in log θ, by central differences of the analytic gradient; null if not positive definite. */
function logScaleCovariance(objective: Objective, logTheta: Float64Array, scale: number): Float64Array | null {
  const n = logTheta.length;
  const h = 1e-5;
  const hessian = new Float64Array(n * n);
  for (let j = 0; j < n; j += 1) {
    const up = Float64Array.from(logTheta);
    const down = Float64Array.from(logTheta);
    up[j] = (up[j] as number) + h;
    down[j] = (down[j] as number) - h;
    const gUp = objective(up).gradient;
    const gDown = objective(down).gradient;
    for (let i = 0; i < n; i += 1) hessian[i * n + j] = ((gUp[i] as number) - (gDown[i] as number)) / (2 * h) / scale;
  }
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < i; j += 1) {
      const mean = ((hessian[i * n + j] as number) + (hessian[j * n + i] as number)) / 2;
      hessian[i * n + j] = mean;
      hessian[j * n + i] = mean;
    }
  }
  if (!hessian.every(Number.isFinite)) return null;
  const l = cholesky(hessian, n);
  return l === null ? null : choleskyInverse(l, n);
}
