// Health benchmark: `npm run bench -- health [customers]` (default 100000).
// 1. Scoring a synthetic metric matrix with the default model (the what-if path, in shared/).
// 2. Facts (streamed per block of customers) + a full stored run on a generated workspace of the same
//    size. Peak RSS is printed after each phase (it only grows), so the run's own peak shows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspace } from '../../electron/backend/workspace/workspace';
import { forEachFactsBlock } from '../../electron/backend/health/facts-sql';
import { runHealth } from '../../electron/backend/health/run';
import { addDays } from '../../shared/health/dates';
import { HEALTH_METRICS, METRIC_COUNT, buildMetricMatrix } from '../../shared/health/metrics';
import { DEFAULT_HEALTH_MODEL } from '../../shared/health/presets';
import { compileModel, countBands, scoreMatrix } from '../../shared/health/score';
import { defaultSignalRules } from '../../shared/health/signal-rules';
// mulberry32, not a float LCG: seed * 1103515245 passes 2^53, loses its low bits and cycles after ~16,000 values.
import { mulberry32 } from '../../electron/backend/demo/generator/prng';

const N = Number(process.argv[2] ?? 100_000);
const rnd = mulberry32(42);
const rssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

// ---- 1. scoring the matrix ----
const RANGES: Record<string, [number, number]> = {
  ordersLast365: [0, 20],
  csatLatest: [1, 5],
  responseHoursMedian: [0.5, 72],
  demandConversionPct: [0, 100],
  npsLatest: [0, 10],
};
const matrix = new Float64Array(N * METRIC_COUNT);
for (let c = 0; c < N; c++) {
  HEALTH_METRICS.forEach((m, i) => {
    const [lo, hi] = RANGES[m] ?? [-50, 50];
    matrix[c * METRIC_COUNT + i] = rnd() < 0.15 ? Number.NaN : lo + rnd() * (hi - lo); // 15% no data
  });
}
const compiled = compileModel(DEFAULT_HEALTH_MODEL);
const out = new Float64Array(N);
const runs: number[] = [];
for (let k = 0; k < 7; k++) runs.push(time(() => countBands(compiled.bands, scoreMatrix(compileModel(DEFAULT_HEALTH_MODEL), matrix, out)))[1]);
const n10 = 10_000;
const small = matrix.subarray(0, n10 * METRIC_COUNT);
const runs10: number[] = [];
for (let k = 0; k < 15; k++) runs10.push(time(() => countBands(compiled.bands, scoreMatrix(compileModel(DEFAULT_HEALTH_MODEL), small, out), n10))[1]);
console.log(
  `score matrix, default model (${DEFAULT_HEALTH_MODEL.id}): ${N.toLocaleString('en')} customers ${median(runs).toFixed(1)} ms (median of 7); ${n10.toLocaleString('en')} customers ${median(runs10).toFixed(2)} ms (what-if slider budget 100 ms)`,
);

// ---- 2. facts SQL and a stored run on a generated workspace ----
const dir = mkdtempSync(join(tmpdir(), 'rwb-bench-health-'));
try {
  const AS_OF = '2026-06-30';
  const [ws, buildMs] = await (async () => {
    const t0 = performance.now();
    const w = await createWorkspace(join(dir, 'bench.rwb'), {
      clientName: 'bench',
      industry: null,
      currency: 'CNY',
      locale: 'zh-CN',
      consultant: null,
      startDate: null,
      endDate: null,
      notes: null,
    });
    const db = w.sqlite;
    const ins = {
      c: db.prepare('insert into customers (row_key, customer_key, name, owner, segment) values (?, ?, ?, ?, ?)'),
      i: db.prepare('insert into interactions (row_key, customer_key, date, purpose, direction, responded, text) values (?, ?, ?, ?, ?, ?, ?)'),
      o: db.prepare('insert into orders (row_key, order_key, customer_key, order_date, amount, quantity) values (?, ?, ?, ?, ?, ?)'),
      t: db.prepare('insert into tickets (row_key, ticket_key, customer_key, opened_at, first_response_at, satisfaction) values (?, ?, ?, ?, ?, ?)'),
      s: db.prepare('insert into surveys (row_key, customer_key, date, nps, csat) values (?, ?, ?, ?, ?)'),
      u: db.prepare('insert into usage (row_key, customer_key, period, metric, value) values (?, ?, ?, ?, ?)'),
      k: db.prepare(`insert into contracts (row_key, contract_key, customer_key, start_date, end_date, recurring_value, mrr) values (?, ?, ?, ?, ?, ?, ?)`),
    };
    const purposes = ['价值型', '关怀型', '需求型'];
    const day = (back: number) => addDays(AS_OF, -back);
    let r = 0;
    db.exec('begin');
    for (let c = 0; c < N; c++) {
      const key = `C${c}`;
      ins.c.run(`c${c}`, key, `客户${c}`, `经理${c % 40}`, ['大型', '中型', '小型'][c % 3]);
      for (let j = 0; j < 10; j++) {
        ins.i.run(
          `i${++r}`,
          key,
          day(Math.floor(rnd() * 360)),
          purposes[j % 3],
          rnd() < 0.5 ? 'outbound' : 'inbound',
          rnd() < 0.8 ? 1 : 0,
          rnd() < 0.02 ? '提到竞品报价' : '例行回访',
        );
      }
      for (let j = 0; j < 8; j++) ins.o.run(`o${++r}`, `O${r}`, key, day(Math.floor(rnd() * 540)), 1000 + rnd() * 5000, 1 + Math.floor(rnd() * 20));
      for (let j = 0; j < 3; j++) {
        const d = day(Math.floor(rnd() * 400));
        ins.t.run(
          `t${++r}`,
          `T${r}`,
          key,
          `${d}T09:00:00`,
          `${d}T${String(10 + Math.floor(rnd() * 12)).padStart(2, '0')}:00:00`,
          rnd() < 0.5 ? 1 + Math.floor(rnd() * 5) : null,
        );
      }
      for (let j = 0; j < 2; j++) ins.s.run(`s${++r}`, key, day(Math.floor(rnd() * 365)), Math.floor(rnd() * 11), null);
      for (let m = 1; m <= 6; m++) ins.u.run(`u${++r}`, key, `2026-${String(m).padStart(2, '0')}`, 'logins', Math.floor(rnd() * 200));
      ins.k.run(`k${++r}`, `K${r}`, key, day(300), day(-Math.floor(rnd() * 200)), 1000, 1000);
      if (c % 10_000 === 9_999) {
        db.exec('commit');
        db.exec('begin');
      }
    }
    db.exec('commit');
    db.exec('analyze');
    return [w, performance.now() - t0] as const;
  })();
  console.log(`generated workspace: ${N.toLocaleString('en')} customers, ${(N * 30).toLocaleString('en')} data rows in ${(buildMs / 1000).toFixed(1)} s`);
  console.log(`peak RSS after generating ${rssMb()} MB`);
  (globalThis as { gc?: () => void }).gc?.();
  const perQuery: string[] = [];
  let matrixMs = 0;
  let matrixBytes = 0;
  const [customers, factsMs] = time(() =>
    forEachFactsBlock(ws.sqlite, AS_OF, { textKeywords: ['竞品', '新任'], onQuery: (label, ms) => perQuery.push(`${label} ${ms.toFixed(0)}`) }, (block) => {
      const [m, ms] = time(() => buildMetricMatrix(block.facts));
      matrixMs += ms;
      matrixBytes += m.byteLength;
    }),
  );
  console.log(
    `facts (streamed blocks): ${customers.toLocaleString('en')} customers in ${(factsMs / 1000).toFixed(2)} s, of which metric matrix ${matrixMs.toFixed(0)} ms (${(matrixBytes / 1e6).toFixed(1)} MB in all)`,
  );
  console.log(`  per table, reads and folding (ms): ${perQuery.join(', ')}`);
  console.log(`peak RSS after facts ${rssMb()} MB`);
  const t1 = performance.now();
  const run = await runHealth(ws.sqlite, { model: DEFAULT_HEALTH_MODEL, rules: defaultSignalRules(), asOf: AS_OF, now: '2026-07-01T09:00:00' });
  const runMs = performance.now() - t1;
  console.log(
    `full stored run (facts + scores + signals + actions): ${(runMs / 1000).toFixed(2)} s; bands ${JSON.stringify(run.bands)}; ${run.signalsOpened.toLocaleString('en')} signals, ${run.actionsOpened.toLocaleString('en')} actions`,
  );
  console.log(`peak RSS after the first run ${rssMb()} MB`);
  const t2 = performance.now();
  await runHealth(ws.sqlite, { model: DEFAULT_HEALTH_MODEL, rules: defaultSignalRules(), asOf: AS_OF, now: '2026-07-02T09:00:00' });
  const run2Ms = performance.now() - t2;
  console.log(`second run (dedupe against open signals): ${(run2Ms / 1000).toFixed(2)} s`);
  console.log(`peak RSS ${rssMb()} MB`);
  await ws.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
