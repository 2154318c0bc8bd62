// Deck benchmark: `npm run bench -- deck [customers]` (default 100000).
// The shared large workspace (tests/bench/large-workspace.ts) at 100,000 customers and 2,000,000
// order lines with its stored diagnostic run, plus a health run, cached under bench-data/ and copied
// for each run. Then, in this one process: the drafted findings, the deck (PPTX: findings with their
// charts, KPI, sections, plan, appendix) and, as its peer, the PDF of the same definition through
// headless Chromium. Peak RSS is this process's high-water mark after each step (the deck runs first,
// so its figure is its own; Chromium's memory is in its own processes and not counted).
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../../electron/backend/workspace/workspace';
import { runHealth } from '../../electron/backend/health/run';
import { exportReport } from '../../electron/backend/reports/export';
import { findChromium } from '../../electron/backend/reports/chromium';
import { engagementFindings } from '../../electron/backend/findings/review';
import { DEFAULT_HEALTH_MODEL } from '../../shared/health/presets';
import { defaultSignalRules } from '../../shared/health/signal-rules';
import { defaultReportDefinition } from '../../shared/reports/definition';
import { BENCH_AS_OF, ensureLargeWorkspace } from './large-workspace';

const N = Number(process.argv[2] ?? 100_000);
const LINES = N * 20;
const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
async function timed<T>(f: () => Promise<T> | T): Promise<[T, number, number]> {
  const t0 = performance.now();
  const c0 = cpu();
  const r = await f();
  return [r, performance.now() - t0, cpu() - c0];
}
const ctx = { signal: new AbortController().signal, progress: () => {} };

const base = await ensureLargeWorkspace({ customers: N, orderLines: LINES });
const withHealth = base.replace(/\.rwb$/, '-health-v1.rwb');
if (!existsSync(withHealth)) {
  const tmp = `${withHealth}.partial.rwb`;
  copyFileSync(base, tmp);
  const ws = await openWorkspace(tmp);
  const [, ms] = await timed(() =>
    runHealth(ws.sqlite, { model: DEFAULT_HEALTH_MODEL, rules: defaultSignalRules(), asOf: BENCH_AS_OF, now: '2026-07-01T09:00:00' }),
  );
  console.log(`stored health run (once; cached): ${sec(ms)}`);
  ws.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await ws.close();
  copyFileSync(tmp, withHealth);
  rmSync(tmp, { force: true });
}

const dir = mkdtempSync(join(tmpdir(), 'rwb-bench-deck-'));
const file = join(dir, 'engagement.rwb');
copyFileSync(withHealth, file);
const ws = await openWorkspace(file);
console.log(`${N.toLocaleString('en')} customers, ${LINES.toLocaleString('en')} order lines; peak RSS at start ${peakMb()} MB`);

const [findings, fMs, fCpu] = await timed(() => engagementFindings(ws.sqlite, 'CNY', { diagnosticRunId: null, healthRunId: null }));
console.log(`drafted findings: ${findings.length} in ${sec(fMs)} (CPU ${sec(fCpu)}); peak RSS ${peakMb()} MB`);
for (const f of findings.slice(0, 5)) console.log(`  ${f.weak ? '(weak) ' : ''}${f.headline['zh-CN']}`);

const def = defaultReportDefinition('zh-CN');
const deckPath = join(dir, 'deck.pptx');
const [deck, dMs, dCpu] = await timed(() => exportReport({ ws, kind: 'pptx', path: deckPath, definition: def, ctx }));
console.log(`deck (PPTX): ${deck.pages} slides, ${(statSync(deckPath).size / 1e6).toFixed(1)} MB in ${sec(dMs)} (CPU ${sec(dCpu)}); peak RSS ${peakMb()} MB`);

let chromium = true;
try {
  findChromium();
} catch {
  chromium = false;
}
if (chromium) {
  const pdfPath = join(dir, 'report.pdf');
  const [pdf, pMs, pCpu] = await timed(() => exportReport({ ws, kind: 'pdf', path: pdfPath, definition: def, ctx }));
  console.log(
    `peer, PDF of the same definition: ${pdf.pages} pages, ${(statSync(pdfPath).size / 1e6).toFixed(1)} MB in ${sec(pMs)} (CPU in this process ${sec(pCpu)}); peak RSS ${peakMb()} MB (Chromium not counted)`,
  );
} else {
  console.log('peer, PDF: skipped (no Chromium found)');
}
await ws.close();
rmSync(dir, { recursive: true, force: true });
