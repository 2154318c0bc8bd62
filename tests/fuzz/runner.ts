// Runs fuzz cases through the real import, each in its own process with a wall-clock and a memory cap,
// and classifies what happened: refused with a code, imported with rejects, imported clean, crash,
// hang or memory blow-up. After each case the workspace copy it imported into is opened (a hot
// journal left by a killed case is rolled back by that open, as the engine's open does) and must pass
// `pragma integrity_check`; a refused case must have left it without any batch.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { build } from 'esbuild';
import { makeCase, type FuzzCase } from './cases';
import type { CaseAnswer } from './import-case';

export type Verdict = 'refused' | 'rejects' | 'clean' | 'crash' | 'hang' | 'blowup';

export interface CaseResult {
  index: number;
  kind: string;
  bytes: number;
  verdict: Verdict;
  /** The refusal's codes (contract code / import code), or a crash's first line of stderr. */
  detail: string;
  ms: number;
  /** The import's own time, start-up left out (null when the process gave no answer). */
  workMs: number | null;
  peakMb: number;
  integrity: 'ok' | string;
  answer: CaseAnswer | null;
}

export interface FuzzOptions {
  count: number;
  seed: number;
  /** Cases run at once. */
  jobs?: number;
  /**
   * CPU time (user + system) a case may use before it is killed and counted as a hang; a case blocked
   * without using CPU is caught by the wall clock at WALL_FACTOR times this.
   */
  timeoutMs?: number;
  /** Peak resident memory beyond which a case is killed and counted as a memory blow-up. */
  memoryMb?: number;
  /** Run only these case indexes (to replay one). */
  only?: number[];
  onResult?: (r: CaseResult) => void;
}

export interface FuzzSummary {
  seed: number;
  tried: number;
  counts: Record<Verdict, number>;
  integrityFailures: number;
  /** Cases that were not refused, imported with rejects or imported clean, or failed the integrity check. */
  failures: CaseResult[];
  /** Slowest import (its own time, start-up left out) and largest peak, for the figures. */
  maxMs: number;
  maxPeakMb: number;
  /** Files under 1 MB whose import took over TARGET_MS or TARGET_MB. */
  overTarget: number;
  wallMs: number;
}

/** The targets the issue sets for any file under 1 MB. */
export const TARGET_MS = 5000;
export const TARGET_MB = 300;

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The case's entry bundled once with the engine's sources and the pure packages: a process then
 * starts in about 0.3 s of CPU instead of what tsx needs to compile the engine's sources, case after case.
 */
let bundles = 0;
async function bundleEntry(): Promise<string> {
  const dir = join(ROOT, 'node_modules/.cache/rwb-fuzz');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `import-case-${process.pid}-${bundles++}.mjs`);
  await build({
    entryPoints: [join(ROOT, 'tests/fuzz/import-case.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Packages inlined too (node_modules resolution is most of a start-up); native and lazily loaded ones stay out.
    external: [
      'better-sqlite3',
      'better-sqlite3-multiple-ciphers',
      'exceljs',
      'electron',
      'playwright-core',
      '@resvg/resvg-js',
      '@duckdb/*',
      '@node-rs/*',
      'pptxgenjs',
    ],
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return out;
}

/** A fresh engagement workspace, made once through the engine and copied for every case. */
async function templateWorkspace(dir: string): Promise<string> {
  const { Backend } = await import('../../electron/backend/backend');
  const { createHandlers } = await import('../../electron/backend/handlers');
  const { dispatch } = await import('../../electron/backend/dispatch');
  const backend = new Backend({ host: 'web', version: 'fuzz', settingsDir: join(dir, 'settings'), documentsDir: dir });
  const path = join(dir, 'template.rwb');
  const env = await dispatch(backend, createHandlers(backend), 'engagement.create', { path, meta: { clientName: '模糊测试', currency: 'CNY' } });
  await backend.shutdown();
  if (!env.ok) throw new Error(`cannot create the template workspace: ${env.error.message}`);
  return path;
}

function readStatusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakKb: number;
  killedFor: 'time' | 'memory' | null;
  /** CPU the case had used at the last poll. */
  cpuMs: number;
}

/**
 * A case's time is measured in the CPU it uses, not the wall clock: on a machine busy with other work
 * (CI, tests running beside it) a case that takes 3 s of CPU can take 25 s of wall time, and a wall
 * clock then counts a slow machine as a hang. A case that waits without computing (a deadlock, a lock
 * never released) uses no CPU, so the wall clock still stops it, at a generous multiple.
 */
const WALL_FACTOR = 6;

/** Linux reports CPU in USER_HZ ticks, 100 a second on every architecture Node runs on. */
const TICK_MS = 10;

/** User + system CPU of a running process in ms, from /proc/<pid>/stat (fields 14 and 15, in clock ticks). */
function readCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * TICK_MS : null;
  } catch {
    return null;
  }
}
function runChild(entry: string, args: string[], timeoutMs: number, memoryMb: number): Promise<ChildRun> {
  return new Promise((done) => {
    const started = Date.now();
    // The V8 heap cap sits above the RSS cap: the RSS watch should catch a blow-up first and say so.
    const child = spawn(process.execPath, [`--max-old-space-size=${memoryMb * 2}`, entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    let killedFor: ChildRun['killedFor'] = null;
    let cpuMs = 0;
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += b.toString();
    });
    const kill = (why: 'time' | 'memory'): void => {
      if (killedFor !== null) return;
      killedFor = why;
      child.kill('SIGKILL');
    };
    const watch = setInterval(() => {
      const pid = child.pid;
      if (pid === undefined) return;
      peakKb = Math.max(peakKb, readStatusKb(pid, 'VmHWM') ?? 0);
      if (peakKb > memoryMb * 1024) kill('memory');
      cpuMs = readCpuMs(pid) ?? cpuMs;
      if (cpuMs > timeoutMs || Date.now() - started > timeoutMs * WALL_FACTOR) kill('time');
    }, 20);
    child.on('close', (code, signal) => {
      clearInterval(watch);
      // The child's own report of its peak (every thread, kept by the kernel) closes the gap after the last poll.
      const reported = /"peakKb":(\d+)/.exec(stdout);
      if (reported) peakKb = Math.max(peakKb, Number(reported[1]));
      done({ code, signal, stdout, stderr, ms: Date.now() - started, peakKb, killedFor, cpuMs });
    });
  });
}

function integrityOf(path: string, refused: boolean): string {
  let db: Database.Database | null = null;
  try {
    db = new Database(path);
    const check = db.pragma('integrity_check', { simple: true }) as string;
    if (check !== 'ok') return check;
    if (refused) {
      const batches = (db.prepare('select count(*) as n from import_batch').get() as { n: number }).n;
      const orders = (db.prepare('select count(*) as n from orders').get() as { n: number }).n;
      if (batches !== 0 || orders !== 0) return `refused but the workspace changed (${batches} batches, ${orders} orders)`;
    }
    return 'ok';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    db?.close();
  }
}

function answerOf(run: ChildRun): CaseAnswer | null {
  const line = run.stdout.split('\n').find((l) => l.startsWith('{'));
  return line === undefined ? null : (JSON.parse(line) as CaseAnswer);
}

function classify(run: ChildRun, limitMb: number): { verdict: Verdict; detail: string } {
  if (run.killedFor === 'time') return { verdict: 'hang', detail: `killed after ${run.ms} ms (${run.cpuMs} ms CPU)` };
  if (run.killedFor === 'memory' || run.peakKb > limitMb * 1024 || /heap out of memory|Allocation failed/i.test(run.stderr)) {
    return { verdict: 'blowup', detail: `peak ${Math.round(run.peakKb / 1024)} MB` };
  }
  const a = answerOf(run);
  if (run.code !== 0 || a === null)
    return { verdict: 'crash', detail: `exit ${run.code ?? run.signal}: ${run.stderr.split('\n').slice(0, 3).join(' | ').slice(0, 400)}` };
  if (a.outcome === 'refused') {
    // An internal error, or a message that is not there in both languages, is a crash with good manners.
    const worded = a.messages !== undefined && a.messages.en.trim() !== '' && a.messages.zh.trim() !== '';
    if (a.code === 'INTERNAL' || a.code === undefined || !worded)
      return { verdict: 'crash', detail: `refused without a code a user can act on: ${a.code} ${a.messages?.en ?? ''}`.slice(0, 400) };
    return { verdict: 'refused', detail: `${a.code}/${a.importCode ?? '-'}` };
  }
  return (a.rowsRejected ?? 0) > 0
    ? { verdict: 'rejects', detail: `${a.rowsRejected} of ${a.rowsRead} rows rejected` }
    : { verdict: 'clean', detail: `${a.rowsRead} rows` };
}

async function runCase(
  c: FuzzCase,
  entry: string,
  template: string,
  dir: string,
  opts: Required<Pick<FuzzOptions, 'timeoutMs' | 'memoryMb'>>,
): Promise<CaseResult> {
  const file = join(dir, c.name);
  const ws = join(dir, `ws-${c.index}.rwb`);
  const settings = join(dir, `settings-${c.index}`);
  writeFileSync(file, c.bytes);
  copyFileSync(template, ws);
  try {
    const run = await runChild(entry, [ws, file, settings], opts.timeoutMs, opts.memoryMb);
    const { verdict, detail } = classify(run, opts.memoryMb);
    const integrity = integrityOf(ws, verdict === 'refused');
    const answer = verdict === 'hang' || verdict === 'blowup' ? null : answerOf(run);
    return {
      index: c.index,
      kind: c.kind,
      bytes: c.bytes.length,
      verdict,
      detail,
      ms: run.ms,
      workMs: answer?.workMs ?? null,
      peakMb: Math.round(run.peakKb / 1024),
      integrity,
      answer,
    };
  } finally {
    for (const p of [file, ws, `${ws}-journal`, `${ws}-wal`, `${ws}-shm`, settings]) rmSync(p, { recursive: true, force: true });
  }
}

/**
 * For tests: import one file the way a fuzz case is imported (its own process, the caps, the
 * integrity check). Call `close()` when done to remove the bundle and the template.
 */
export async function caseRunner(
  opts: { timeoutMs?: number; memoryMb?: number } = {},
): Promise<{ run: (name: string, bytes: Buffer) => Promise<CaseResult>; close: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'rwb-fuzz-'));
  const entry = await bundleEntry();
  const template = await templateWorkspace(dir);
  let n = 0;
  const caps = { timeoutMs: opts.timeoutMs ?? 30_000, memoryMb: opts.memoryMb ?? 600 };
  return {
    run: (name, bytes) => runCase({ index: n++, kind: name, name: `${n}-${name}`, bytes }, entry, template, dir, caps),
    close: () => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(entry, { force: true });
    },
  };
}

export async function runFuzz(o: FuzzOptions): Promise<FuzzSummary> {
  const started = Date.now();
  const opts = { timeoutMs: o.timeoutMs ?? 20_000, memoryMb: o.memoryMb ?? 600 };
  const dir = mkdtempSync(join(tmpdir(), 'rwb-fuzz-'));
  const entry = await bundleEntry();
  const summary: FuzzSummary = {
    seed: o.seed,
    tried: 0,
    counts: { refused: 0, rejects: 0, clean: 0, crash: 0, hang: 0, blowup: 0 },
    integrityFailures: 0,
    failures: [],
    maxMs: 0,
    maxPeakMb: 0,
    overTarget: 0,
    wallMs: 0,
  };
  try {
    const template = await templateWorkspace(dir);
    const indexes = o.only ?? Array.from({ length: o.count }, (_, i) => i);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < indexes.length) {
        const c = makeCase(o.seed, indexes[next++]!);
        const r = await runCase(c, entry, template, dir, opts);
        summary.tried++;
        summary.counts[r.verdict]++;
        if (r.integrity !== 'ok') summary.integrityFailures++;
        if (r.integrity !== 'ok' || !['refused', 'rejects', 'clean'].includes(r.verdict)) summary.failures.push(r);
        const ms = r.workMs ?? r.ms;
        summary.maxMs = Math.max(summary.maxMs, ms);
        summary.maxPeakMb = Math.max(summary.maxPeakMb, r.peakMb);
        if (r.bytes < 1024 * 1024 && (ms > TARGET_MS || r.peakMb > TARGET_MB)) summary.overTarget++;
        o.onResult?.(r);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, o.jobs ?? 2) }, worker));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(entry, { force: true });
  }
  summary.wallMs = Date.now() - started;
  return summary;
}

export function finalLine(s: FuzzSummary): string {
  const c = s.counts;
  return `fuzz: ${s.tried} tried, ${c.refused} refused with a code, ${c.rejects} imported with rejects, ${c.clean} imported clean, ${c.crash} crashes, ${c.hang} hangs, ${c.blowup} memory blow-ups, ${s.integrityFailures} integrity failures (seed ${s.seed}; slowest import ${s.maxMs} ms, largest peak ${s.maxPeakMb} MB, ${s.overTarget} files under 1 MB over ${TARGET_MS / 1000} s or ${TARGET_MB} MB)`;
}
