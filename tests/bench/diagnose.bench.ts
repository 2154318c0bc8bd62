// Diagnostics benchmark: `npm run bench -- diagnose [customers] [orderLines]` (default 100,000 and
// 2,000,000). Generates a workspace once (cached under bench-data/, gitignored, in a child process
// so its memory does not count), then times the full stored diagnostic run with peak RSS, and the
// same cohort and RFM aggregation in DuckDB (in memory, loaded from a CSV export of the same orders)
// in the same run, and prints both side by side.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkspace } from '../../electron/backend/workspace/workspace';
import { defaultAnalyticsParams, type DiagnosticRunResult } from '../../shared/analytics';
import { runAndStore } from '../../electron/backend/diagnostics/run';
import { deleteRun, loadRun } from '../../electron/backend/diagnostics/runs-repo';
import { customerPage } from '../../electron/backend/diagnostics/drill-sql';
import { generateWorkspace } from './large-workspace';

const root = join(fileURLToPath(import.meta.url), '../../..');
const args = process.argv.slice(2);
const generateOnly = args[0] === '--generate';
const [nArg, linesArg] = generateOnly ? args.slice(2) : args;
const N = Number(nArg ?? 100_000);
const LINES = Number(linesArg ?? 2_000_000);
const AS_OF = '2026-06-30';
const dataDir = join(root, 'bench-data');
// Bump the suffix when the generator below changes: a cached workspace from the old one is not reused.
const wsPath = generateOnly ? (args[1] as string) : join(dataDir, `diagnose-${N}-${LINES}-v2.rwb`);
const csvPath = wsPath.replace(/\.rwb$/, '-orders.csv');

// The rows come from the shared generator (./large-workspace.ts): the same seeded sequence this
// benchmark always generated, so its cached workspaces stay valid.
async function generate(path: string): Promise<void> {
  const c = await generateWorkspace(path, N, LINES);
  console.log(
    `generated ${path}: ${c.customers.toLocaleString('en')} customers, ${c.orderLines.toLocaleString('en')} order lines (${c.orders.toLocaleString('en')} orders), ${c.contracts.toLocaleString('en')} contracts`,
  );
}

if (generateOnly) {
  await generate(wsPath);
  process.exit(0);
}

mkdirSync(dataDir, { recursive: true });
if (!existsSync(wsPath)) {
  console.log(`generating ${wsPath} (once; cached) ...`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--generate', wsPath, String(N), String(LINES)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log(`  in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${(statSync(wsPath).size / 1e6).toFixed(0)} MB`);
}
// ---- 1. the full diagnostic run, stored, twice (the second with SQLite's and the OS's caches warm) ----
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
const ws = await openWorkspace(wsPath);
const params = defaultAnalyticsParams(AS_OF);
let result: DiagnosticRunResult | null = null;
const runs: { ms: number; cpuMs: number; phases: string; queries: string; peakSampled: number }[] = [];
const rssBefore = process.memoryUsage().rss;
for (let k = 0; k < 2; k++) {
  let peak = process.memoryUsage().rss;
  const queries: string[] = [];
  const cpu0 = process.cpuUsage();
  // The run computes without awaiting inside a phase, so a timer could not sample during it: sample at every phase boundary.
  const r = await runAndStore(ws.sqlite, {
    params,
    now: '2026-07-01T09:00:00',
    progress: () => (peak = Math.max(peak, process.memoryUsage().rss)),
    onQuery: (label, ms) => queries.push(`${label} ${ms.toFixed(0)}`),
  });
  peak = Math.max(peak, process.memoryUsage().rss);
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  result = loadRun(ws.sqlite, r.runId).results;
  const t0 = performance.now();
  // The table's first page as the UI asks for it (the rest is paged: npm run bench -- customer-page).
  const table = customerPage(ws.sqlite, { runId: r.runId, sort: 'revenue12m', descending: true, offset: 0, limit: 100 });
  const tableMs = performance.now() - t0;
  const tableBytes = JSON.stringify(table).length;
  runs.push({ ms: r.durationMs, cpuMs, phases: r.phases.map(([p, ms]) => `${p} ${ms.toFixed(0)}`).join(', '), queries: queries.join(', '), peakSampled: peak });
  console.log(
    `run ${k + 1}: ${(r.durationMs / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU  [${runs[k]!.phases}] (ms)\n` +
      `   SQL (ms): ${runs[k]!.queries}; customer table's first page: ${tableMs.toFixed(0)} ms, ${(tableBytes / 1e3).toFixed(0)} kB JSON`,
  );
  deleteRun(ws.sqlite, r.runId);
  global.gc?.();
}
const peakRss = process.resourceUsage().maxRSS * 1024;
await ws.close();
const res = result as DiagnosticRunResult;
console.log(
  `  ${res.customers.toLocaleString('en')} customers, ${res.data.orderLines.toLocaleString('en')} order lines, ${res.data.orders.toLocaleString('en')} orders, ${res.data.contracts.toLocaleString('en')} contracts; ` +
    `retention ${((res.kpis.retentionRate.value ?? 0) * 100).toFixed(1)}%, NRR ${((res.kpis.nrr.value ?? 0) * 100).toFixed(1)}%, ${res.cohorts.rows.length} cohorts, ${res.rfm.scored.toLocaleString('en')} scored`,
);

// ---- 2. the same cohort and RFM aggregation in DuckDB (in memory, from a CSV of the same orders) ----
if (!existsSync(csvPath)) {
  const t0 = performance.now();
  const src = openWorkspace(wsPath);
  const w = await src;
  const out = createWriteStream(`${csvPath}.tmp`);
  out.write('customer_key,order_key,order_date,amount\n');
  let buf = '';
  for (const r of w.sqlite.prepare('select customer_key, order_key, substr(order_date, 1, 10), amount from orders').raw(true).iterate() as IterableIterator<
    [string, string, string, number]
  >) {
    buf += `${r[0]},${r[1]},${r[2]},${r[3]}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((ok) => out.once('drain', () => ok()));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((ok) => out.end(ok));
  await w.close();
  renameSync(`${csvPath}.tmp`, csvPath);
  console.log(`exported orders to ${csvPath} once in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const { DuckDBInstance } = await import('@duckdb/node-api');
const duck = await DuckDBInstance.create(':memory:');
const conn = await duck.connect();
// DuckDB works on its own threads, so its CPU time is not this process's main thread alone: compare
// wall times, measured the same way on both sides.
const timeQ = async (sql: string) => {
  const t0 = performance.now();
  const reader = await conn.runAndReadAll(sql);
  return { rows: reader.getRowsJS(), ms: performance.now() - t0 };
};
const rssDuck0 = process.memoryUsage().rss;
const load = await timeQ(
  `create table orders as select * from read_csv('${csvPath}', header = true, columns = {'customer_key': 'VARCHAR', 'order_key': 'VARCHAR', 'order_date': 'DATE', 'amount': 'DOUBLE'})`,
);
const firstCohort = res.cohorts.rows[0]?.key ?? '2025-07';
const ORDERS = `o as (select customer_key, order_key, min(order_date) as d, sum(amount) as a from orders where order_date <= date '${AS_OF}' group by 1, 2)`;
const cohortSql = `with ${ORDERS},
  p as (select customer_key, date_trunc('month', d) as m from o where a > 0 group by 1, 2),
  f as (select customer_key, min(m) as c from p group by 1)
  select strftime(f.c, '%Y-%m') as cohort, datediff('month', f.c, p.m) as k, count(*) as customers
  from p join f using (customer_key) where f.c >= date '${firstCohort}-01' group by 1, 2 order by 1, 2`;
const rfmSql = `with ${ORDERS},
  r as (select customer_key, max(d) filter (where a > 0) as last, count(*) filter (where a > 0) as f, sum(a) as m from o group by 1)
  select count(*), sum(rs), sum(fs), sum(ms) from (
    select ntile(5) over (order by datediff('day', last, date '${AS_OF}') desc) as rs, ntile(5) over (order by f) as fs, ntile(5) over (order by m) as ms
    from r where last is not null)`;
const cohortRuns = [await timeQ(cohortSql), await timeQ(cohortSql)];
const rfmRuns = [await timeQ(rfmSql), await timeQ(rfmSql)];
const rssDuck1 = process.memoryUsage().rss;
// Same data, same definitions: the "on" counts must agree cell for cell.
let cells = 0;
let mismatches = 0;
for (const [cohort, k, n] of cohortRuns[1]!.rows as [string, bigint | number, bigint | number][]) {
  const row = res.cohorts.rows.find((r) => r.key === cohort);
  const ours = row?.cells[Number(k)]?.on;
  cells += 1;
  if (ours !== Number(n)) mismatches += 1;
}
const best = (xs: { ms: number }[]) => Math.min(...xs.map((x) => x.ms));

console.log('');
console.log(`                              workbench (SQLite + TS)        DuckDB ${'(in memory)'}`);
console.log(`load                          (reads the .rwb in the run)    CSV → table ${(load.ms / 1000).toFixed(2)} s`);
console.log(
  `cohorts + RFM                 full run ${(Math.min(...runs.map((r) => r.ms)) / 1000).toFixed(2)} s wall (first ${(runs[0]!.ms / 1000).toFixed(2)} s), ${(Math.min(...runs.map((r) => r.cpuMs)) / 1000).toFixed(2)} s CPU   cohorts ${(best(cohortRuns) / 1000).toFixed(2)} s + RFM ${(best(rfmRuns) / 1000).toFixed(2)} s wall`,
);
console.log(`  (the workbench run also does retention, GRR/NRR, segment movement, tiers, lifecycle, breakdowns and stores 100k customer rows)`);
console.log(
  `peak RSS                      ${mb(peakRss)} MB (sampled ${mb(Math.max(...runs.map((r) => r.peakSampled)))} MB, before ${mb(rssBefore)} MB)   +${mb(rssDuck1 - rssDuck0)} MB`,
);
console.log(`cohort cells checked against DuckDB: ${cells}, mismatches: ${mismatches}`);
const os = await import('node:os');
const wallBest = Math.min(...runs.map((r) => r.ms));
console.log(
  `target: full run under 5 s → ${wallBest < 5000 ? 'met' : 'NOT met'} in wall time on this machine (${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}; ` +
    `wall time counts waiting for a core, CPU time does not)`,
);
conn.closeSync();
