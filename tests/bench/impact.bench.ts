// Impact benchmark: `npm run bench -- impact [customers] [orderLines]` (default 50,000 and 1,000,000,
// the generated workspace of ./large-workspace.ts). What the 成效评估 section costs: reading the data the
// indicators need, one quarter, the 8-quarter series, the fee; CPU time (process.cpuUsage, user +
// system) and wall time of each, in this process.
//   peer ("before"): the data read as the first version did, one statement for all orders and the day
//   and net amount made in JS; the job's version pages orders by rowid with the day and the net amount
//   made in SQL.
//   blocking: the longest stretch the job computes without a checkpoint, i.e. the longest the engine
//   would be deaf if the job ran on its thread (before: the whole call, which is what it was); then the
//   job through the engine (a worker thread, the job in a job thread of its own) while a simple call is
//   made every 50 ms, with the longest wait for an answer.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cpus, loadavg, tmpdir } from 'node:os';
import { EngineClient } from '../../electron/backend/engine/client';
import { InProcessEngine } from '../../electron/backend/engine/engine';
import { workerLink } from '../../electron/backend/engine/links';
import { openDatabase } from '../../electron/backend/workspace/db';
import type { ReadableDB } from '../../electron/backend/workspace/connection';
import { indicatorDataSteps, orderSteps } from '../../electron/backend/impact/data';
import { indicatorsReportSteps, indicatorSettings } from '../../electron/backend/impact/indicators';
import { feeSteps } from '../../electron/backend/impact/fee';
import { runSteps, type Steps } from '../../electron/backend/impact/steps';
import { computeIndicators, periodEnding, type IndicatorData } from '../../shared/impact/indicators';
import type { Envelope } from '../../shared/contract';
import { ensureLargeWorkspace } from './large-workspace';

const [nArg, linesArg] = process.argv.slice(2);
const customers = Number(nArg ?? 50_000);
const orderLines = Number(linesArg ?? 1_000_000);
const POLL_MS = 50;

function must<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as T;
}

interface Timed<T> {
  value: T;
  cpuMs: number;
  wallMs: number;
}

function timed<T>(body: () => T): Timed<T> {
  global.gc?.();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = body();
  const c = process.cpuUsage(c0);
  return { value, cpuMs: (c.user + c.system) / 1000, wallMs: performance.now() - t0 };
}

/** The first version's read of the orders: every row in one statement, the day and net amount made in JS. */
function ordersAsBefore(sqlite: ReadableDB): number {
  const rows = (
    sqlite.prepare(`select customer_key, order_date, amount, is_return, category, product, channel from orders`).all() as {
      customer_key: string;
      order_date: string;
      amount: number;
      is_return: number;
      category: string | null;
      product: string | null;
      channel: string | null;
    }[]
  ).map((o) => ({
    customerKey: o.customer_key,
    date: o.order_date.slice(0, 10),
    amount: o.is_return === 1 ? -Math.abs(o.amount) : o.amount,
    category: o.category,
    product: o.product,
    channel: o.channel,
  }));
  return rows.length;
}

/** Runs the steps as a job does, without yielding: the longest stretch between two steps, and the total. */
function longestStretch<T>(steps: Steps<T>): { value: T; longestMs: number; longestPhase: string; steps: number } {
  let longestMs = 0;
  let longestPhase = '';
  let n = 0;
  for (let t = performance.now(); ;) {
    const r = steps.next();
    const now = performance.now();
    if (now - t > longestMs) {
      longestMs = now - t;
      longestPhase = r.done ? '(after the last step)' : r.value.phase;
    }
    t = now;
    if (r.done) return { value: r.value, longestMs, longestPhase, steps: n };
    n += 1;
  }
}

async function main(): Promise<void> {
  const source = await ensureLargeWorkspace({ customers, orderLines });
  // Bring the cached workspace up to this build's schema once, then work on a copy.
  const upgrade = new InProcessEngine({ host: 'cli', version: 'bench', settingsDir: join(tmpdir(), 'rwb-bench-impact-home') });
  must(await upgrade.call('engagement.open', { path: source }));
  await upgrade.close();
  for (const f of readdirSync(dirname(source))) if (f.startsWith(`${basename(source)}.before-`)) rmSync(join(dirname(source), f));
  const dir = join(tmpdir(), `rwb-bench-impact-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'large.rwb');
  copyFileSync(source, path);

  process.stdout.write(
    `impact: ${customers.toLocaleString('en')} customers, ${orderLines.toLocaleString('en')} order lines; ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(1)}\n\n`,
  );
  const { sqlite, db } = openDatabase(path);
  const orders = sqlite.prepare(`select count(*) from orders`).pluck().get() as number;
  const row = (label: string, t: { cpuMs: number; wallMs: number }, note = '') =>
    process.stdout.write(`${label.padEnd(60)} ${(t.cpuMs / 1000).toFixed(2).padStart(7)} ${(t.wallMs / 1000).toFixed(2).padStart(7)}  ${note}\n`);
  process.stdout.write(`${'step'.padEnd(60)} ${'CPU s'.padStart(7)} ${'wall s'.padStart(7)}\n`);

  // Each read twice, alternating, so neither has the page cache to itself; the second of each is printed.
  timed(() => ordersAsBefore(sqlite));
  timed(() => runSteps(orderSteps(sqlite)));
  const before = timed(() => ordersAsBefore(sqlite));
  row(`orders read, one statement, shaped in JS (peer: before)`, before, `${orders.toLocaleString('en')} rows`);
  const paged = timed(() => runSteps(orderSteps(sqlite)));
  row(`orders read in rowid pages, shaped in SQL (the job's)`, paged, `${paged.value.length.toLocaleString('en')} rows`);
  const after = timed(() => runSteps(indicatorDataSteps(sqlite)));
  row(`all indicator data (customers, orders, contracts, surveys)`, after);
  const data: IndicatorData = after.value;

  const asOf = (sqlite.prepare(`select max(order_date) from orders`).pluck().get() as string).slice(0, 10);
  const settings = indicatorSettings();
  // A fresh copy of the data, so the index the indicators build once per data set is counted here.
  const fresh = () => ({ ...data });
  const one = timed(() => computeIndicators(fresh(), periodEnding(asOf, 'quarter'), settings));
  row('one quarter (index built, 8 indicators)', one);
  const series = timed(() => runSteps(indicatorsReportSteps(sqlite, { asOf, grain: 'quarter', series: true }, fresh())));
  row('8-quarter series (index built once)', series);
  const full = timed(() => runSteps(indicatorsReportSteps(sqlite, { asOf, grain: 'quarter', series: true })));
  row('impact.indicators, series: read + 8 quarters', full);
  const terms = {
    indicator: 'strategicRetention',
    baseline: 0.8,
    measurementDate: asOf,
    grain: 'quarter',
    currency: 'CNY',
    fixedFee: 0,
    schedule: { kind: 'tiers', tiers: [{ fromPoints: 0, toPoints: null, ratePerPoint: 1000 }] },
    cap: null,
    floor: 0,
  };
  const fee = timed(() => runSteps(feeSteps(sqlite, terms, '2026-12-01T00:00:00')));
  row('impact.fee: read + one quarter', fee);

  const stretch = longestStretch(indicatorsReportSteps(sqlite, { asOf, grain: 'quarter', series: true }));
  process.stdout.write(
    `\nlongest stretch between checkpoints of impact.indicators (series): ${stretch.longestMs.toFixed(0)} ms (${stretch.longestPhase}), ${stretch.steps} steps; before: the whole call, ${(full.wallMs / 1000).toFixed(1)} s, on the engine's thread\n`,
  );
  await db.destroy();

  // Through the engine as the browser page uses it: the job in its own thread, a simple call every 50 ms.
  const engine = new EngineClient({
    init: { host: 'web', version: 'bench', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs'), pdf: 'chromium' },
    link: workerLink,
  });
  await engine.start();
  must(await engine.call('engagement.open', { path }));
  const waits: number[] = [];
  let done = false;
  const t0 = performance.now();
  const run = engine.call('impact.indicators', { asOf, grain: 'quarter', series: true, jobId: 'bench' }).finally(() => (done = true));
  const inFlight: Promise<void>[] = [];
  while (!done) {
    const sent = performance.now();
    inFlight.push(
      engine.call('engagement.current', {}).then((env) => {
        must(env);
        waits.push(performance.now() - sent);
      }),
    );
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  must(await run);
  const jobMs = performance.now() - t0;
  await Promise.all(inFlight);
  await engine.close();
  const sorted = [...waits].sort((a, b) => a - b);
  process.stdout.write(
    `impact.indicators (series) in a job thread: ${(jobMs / 1000).toFixed(1)} s; ${waits.length} calls meanwhile, median wait ${(sorted[Math.floor(sorted.length / 2)] ?? NaN).toFixed(1)} ms, longest ${(sorted.at(-1) ?? NaN).toFixed(1)} ms\n`,
  );
  rmSync(dir, { recursive: true, force: true });
}

await main();
