// Churn-model benchmark: `npm run bench -- churn-model [customers] [features] [logistic|gbt]` (default
// 100,000 × 50, both models).
// A seeded synthetic customer matrix (a logistic ground truth with a few interactions and
// thresholds, ~20% churn) is fitted and 5-fold cross-validated by the workbench's logistic
// regression and gradient-boosted trees (the engine's own functions: outOfFold + fitBare), each in a
// child process so its peak memory is its own, and by scikit-learn on the same exported matrix in
// the same run (Debian's /usr/bin/python3 with python3-sklearn; skipped with a note when missing).
// Targets: logistic ≤ 2× LogisticRegression's time, GBT ≤ 5× HistGradientBoostingClassifier's,
// out-of-fold ROC AUC within 0.01 of the peer's.
// Measured 2026-12-04 on the 2-core build machine at load ~20 (wall times mostly measure the load):
//   logistic  workbench CPU 3.79 s (wall 20.5 s), peak 213 MB, AUC 0.7693; sklearn CPU 2.36 s (wall 16.8 s),
//             peak 282 MB, AUC 0.7695: 1.61× CPU, 1.21× wall
//   gbt       workbench CPU 34.7 s (wall 349 s), peak 272 MB, AUC 0.7711; sklearn CPU 19.8 s (wall 108 s),
//             peak 190 MB, AUC 0.7702: 1.76× CPU, 3.22× wall
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../shared/churn/random';
import { fitBare, outOfFold, type ModelParams } from '../../shared/churn/pipeline';
import { rocAuc } from '../../shared/churn/evaluation';

const args = process.argv.slice(2);
const childModel = args[0] === '--child' ? args[1] : null;
const n = Number((childModel ? args[2] : args[0]) ?? 100_000);
const p = Number((childModel ? args[3] : args[1]) ?? 50);
const FOLDS = 5;

/** Seeded: correlated normal-ish features, churn from a linear score plus an interaction and a threshold. */
function makeData(n: number, p: number): { X: Float64Array; y: Uint8Array } {
  const rand = seededRandom(42);
  const normal = () => {
    let s = 0;
    for (let k = 0; k < 6; k += 1) s += rand();
    return (s - 3) * Math.SQRT2;
  };
  const beta = Float64Array.from({ length: p }, (_, j) => (j < 10 ? (j % 2 ? -0.6 : 0.5) / (1 + j / 5) : j < 20 ? 0.1 : 0));
  const X = new Float64Array(n * p);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    const common = normal();
    let z = -1.9;
    for (let j = 0; j < p; j += 1) {
      const v = j % 7 === 6 ? Math.floor(rand() * 5) : 0.4 * common + normal();
      X[i * p + j] = v;
      z += (beta[j] as number) * v;
    }
    z += 0.8 * ((X[i * p] as number) > 1 && (X[i * p + 1] as number) > 0 ? 1 : 0) + 0.3 * (X[i * p + 2] as number) * (X[i * p + 3] as number);
    y[i] = rand() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { X, y };
}

if (childModel) {
  const { X, y } = makeData(n, p);
  const params: ModelParams = { model: childModel as 'logistic' | 'gbt', l2: 1, balance: false, folds: FOLDS, seed: 1 };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  // As the engine does: the fit on everything, then the folds (logistic folds warm-start from it).
  const full = fitBare(X, n, p, y, params);
  const { scores } = await outOfFold(X, n, p, y, params, {}, full);
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const auc = rocAuc(scores, y)!.value;
  process.stdout.write(JSON.stringify({ seconds, cpuSeconds: (c.user + c.system) / 1e6, auc, peakMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
  process.exit(0);
}

interface Result {
  seconds: number;
  cpuSeconds: number;
  auc: number;
  peakMb: number;
}
const dir = join(tmpdir(), 'rwb-bench-churn');
mkdirSync(dir, { recursive: true });
const base = join(dir, `m-${n}x${p}`);
const { X, y } = makeData(n, p);
writeFileSync(`${base}.X`, new Uint8Array(X.buffer));
writeFileSync(`${base}.y`, y);
let churned = 0;
for (const v of y) churned += v;
console.log(
  `churn-model benchmark: ${n.toLocaleString('en')} customers × ${p} features, ${((churned / n) * 100).toFixed(1)}% churned, ${FOLDS}-fold CV + final fit`,
);
console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; node ${process.version}`,
);

function ours(model: string): Result {
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', model, String(n), String(p)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Result;
}
const PY = '/usr/bin/python3';
const peerOk = existsSync(PY) && spawnSync(PY, ['-c', 'import sklearn'], { encoding: 'utf8' }).status === 0;
function peer(model: string): Result | null {
  if (!peerOk) return null;
  // One OpenMP thread, like the workbench's one JS thread: on a loaded machine scikit-learn's thread
  // pool spins (HistGradientBoosting took 493 s of wall time for ~40 s of work at load 19 on 2 cores).
  const r = spawnSync(PY, [join(import.meta.dirname, 'churn-model.py'), base, String(n), String(p), model, String(FOLDS)], {
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim()) as Result;
}
const sklearnVersion = peerOk ? spawnSync(PY, ['-c', 'import sklearn; print(sklearn.__version__)'], { encoding: 'utf8' }).stdout.trim() : null;
if (!peerOk) console.log('peer skipped: /usr/bin/python3 with scikit-learn not found (Debian: apt install python3-sklearn)');

const targets: Record<string, number> = { logistic: 2, gbt: 5 };
const peerName: Record<string, string> = { logistic: 'LogisticRegression(C=1, lbfgs)', gbt: 'HistGradientBoostingClassifier(100 iters, depth 3)' };
const only = args[2];
for (const model of ['logistic', 'gbt'].filter((m) => !only || m === only)) {
  const a = ours(model);
  const b = peer(model);
  console.log(`\n${model}`);
  console.log(
    `  workbench     ${a.seconds.toFixed(2).padStart(7)} s (CPU ${a.cpuSeconds.toFixed(2)} s)  peak ${a.peakMb.toFixed(0).padStart(5)} MB  AUC ${a.auc.toFixed(4)}`,
  );
  if (b) {
    console.log(
      `  scikit-learn  ${b.seconds.toFixed(2).padStart(7)} s (CPU ${b.cpuSeconds.toFixed(2)} s)  peak ${b.peakMb.toFixed(0).padStart(5)} MB  AUC ${b.auc.toFixed(4)}  (${sklearnVersion}, ${peerName[model]})`,
    );
    // CPU time decides: on a shared machine wall time mostly measures the other processes.
    const ratio = a.cpuSeconds / b.cpuSeconds;
    const dAuc = Math.abs(a.auc - b.auc);
    console.log(
      `  CPU time ${ratio.toFixed(2)}× the peer's (wall ${(a.seconds / b.seconds).toFixed(2)}×; target ≤ ${targets[model]}×: ${ratio <= targets[model]! ? 'met' : 'MISSED'}); AUC difference ${dAuc.toFixed(4)} (target ≤ 0.01: ${dAuc <= 0.01 ? 'met' : 'MISSED'})`,
    );
  }
}
