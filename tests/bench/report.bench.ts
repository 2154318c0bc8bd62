// Report benchmark: `npm run bench -- report [customers]` (default 100000).
// A generated workspace (customers with contacts, orders, interactions) with a stored health run,
// cached under bench-data/ (gitignored) and copied for each run, so the exports start from the same
// file (no stored pseudonyms) every time. Then: the report model (what the preview assembles), the
// XLSX with its streamed flat sheets, the same pseudonymised, and the PDF through headless Chromium.
// Prints times and peak RSS.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspace, openWorkspace, type Workspace } from '../../electron/backend/workspace/workspace';
import { runHealth } from '../../electron/backend/health/run';
import { assembleReport } from '../../electron/backend/reports/assemble';
import { exportReport } from '../../electron/backend/reports/export';
import { findChromium } from '../../electron/backend/reports/chromium';
import { addDays } from '../../shared/health/dates';
import { DEFAULT_HEALTH_MODEL } from '../../shared/health/presets';
import { defaultSignalRules } from '../../shared/health/signal-rules';
import { defaultReportDefinition } from '../../shared/reports/definition';
// mulberry32, not a float LCG: seed * 1103515245 passes 2^53, loses its low bits and cycles after ~16,000 values.
import { mulberry32 } from '../../electron/backend/demo/generator/prng';

const N = Number(process.argv[2] ?? 100_000);
const AS_OF = '2026-06-30';
const NOW = '2026-07-01T09:00:00';
const rnd = mulberry32(7);
const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const rssMb = () => (process.memoryUsage().rss / 1024 / 1024).toFixed(0);
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
async function timed<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}
const ctx = { signal: new AbortController().signal, progress: () => {} };

const dir = mkdtempSync(join(tmpdir(), 'rwb-bench-report-'));
const dataDir = join(import.meta.dirname, '../../bench-data');
// Bump the suffix when the generator below changes.
const cached = join(dataDir, `report-${N}-v2.rwb`);

async function generate(path: string): Promise<void> {
  const [ws, buildMs] = await timed(async () => {
    const w = await createWorkspace(path, {
      clientName: '华东基准制造有限公司',
      industry: '制造业',
      currency: 'CNY',
      locale: 'zh-CN',
      consultant: '基准顾问',
      startDate: null,
      endDate: null,
      notes: null,
    });
    const db = w.sqlite;
    const ins = {
      c: db.prepare(
        'insert into customers (row_key, customer_key, name, owner, segment, region, contact_name, phone, email, first_seen) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      o: db.prepare('insert into orders (row_key, order_key, customer_key, order_date, amount, quantity) values (?, ?, ?, ?, ?, ?)'),
      i: db.prepare('insert into interactions (row_key, customer_key, date, purpose, direction, responded) values (?, ?, ?, ?, ?, ?)'),
    };
    const day = (back: number) => addDays(AS_OF, -back);
    let r = 0;
    db.exec('begin');
    for (let c = 0; c < N; c++) {
      const key = `C${String(c).padStart(6, '0')}`;
      ins.c.run(
        `c${c}`,
        key,
        `${['华东', '华南', '西北', '东北'][c % 4]}客户${c}有限公司`,
        `经理${c % 40}`,
        ['大型', '中型', '小型'][c % 3],
        ['华东', '华南'][c % 2],
        `联系人${c}`,
        `139${String(10_000_000 + c).slice(-8)}`,
        `buyer${c}@example-client.cn`,
        day(700),
      );
      for (let j = 0; j < 5; j++) ins.o.run(`o${++r}`, `O${r}`, key, day(Math.floor(rnd() * 540)), 1000 + rnd() * 5000, 1 + Math.floor(rnd() * 20));
      for (let j = 0; j < 4; j++)
        ins.i.run(`i${++r}`, key, day(Math.floor(rnd() * 360)), ['价值型', '关怀型', '需求型'][j % 3], 'outbound', rnd() < 0.8 ? 1 : 0);
      if (c % 10_000 === 9_999) {
        db.exec('commit');
        db.exec('begin');
      }
    }
    db.exec('commit');
    db.exec('analyze');
    return w;
  });
  console.log(`generated workspace: ${N.toLocaleString('en')} customers, ${(N * 9).toLocaleString('en')} order and interaction rows in ${sec(buildMs)}`);
  const [run, runMs] = await timed(() => runHealth(ws.sqlite, { model: DEFAULT_HEALTH_MODEL, rules: defaultSignalRules(), asOf: AS_OF, now: NOW }));
  console.log(
    `stored health run (the report's source): ${sec(runMs)}; bands ${JSON.stringify(run.bands)}; ${run.signalsOpened.toLocaleString('en')} signals, ${run.actionsOpened.toLocaleString('en')} actions; peak RSS ${peakMb()} MB`,
  );
  await ws.close();
}

try {
  if (!existsSync(cached)) {
    mkdirSync(dataDir, { recursive: true });
    const partial = join(dir, 'generated.rwb');
    await generate(partial);
    copyFileSync(partial, `${cached}.partial`);
    renameSync(`${cached}.partial`, cached);
    rmSync(partial, { force: true });
  } else {
    console.log(`workspace: ${cached} (cached; delete it to regenerate)`);
  }
  copyFileSync(cached, join(dir, 'bench.rwb'));
  // Opening applies any newer migrations (e.g. indexes) to the copy, outside the timings.
  const ws: Workspace = await openWorkspace(join(dir, 'bench.rwb'));
  const counts = ws.sqlite
    .prepare(
      `select (select count(*) from customers) as c, (select count(*) from health_signal where status = 'open') as s, (select count(*) from health_action) as a`,
    )
    .get() as { c: number; s: number; a: number };
  console.log(
    `${counts.c.toLocaleString('en')} customers, ${counts.s.toLocaleString('en')} open signals, ${counts.a.toLocaleString('en')} actions; peak RSS ${peakMb()} MB`,
  );

  const def = defaultReportDefinition('zh-CN');
  const [model, modelMs] = await timed(() => assembleReport(ws, def, { now: NOW }));
  console.log(`report model (preview): ${model.model.sections.length} sections in ${sec(modelMs)}; RSS ${rssMb()} MB, peak ${peakMb()} MB`);

  const xlsx = join(dir, 'report.xlsx');
  const [x, xMs] = await timed(() => exportReport({ ws, kind: 'xlsx', path: xlsx, definition: def, ctx, now: NOW }));
  console.log(
    `XLSX: ${sec(xMs)}, ${(statSync(xlsx).size / 1e6).toFixed(1)} MB, ${x.dataRows.toLocaleString('en')} data rows; RSS ${rssMb()} MB, peak ${peakMb()} MB`,
  );

  const px = join(dir, 'report-pseudonymised.xlsx');
  const [, pMs] = await timed(() => exportReport({ ws, kind: 'xlsx', path: px, definition: { ...def, pseudonymise: true }, ctx, now: NOW }));
  console.log(`XLSX pseudonymised (first time: assigns and stores ${(N * 4).toLocaleString('en')} tokens): ${sec(pMs)}; peak ${peakMb()} MB`);
  const [, p2Ms] = await timed(() => exportReport({ ws, kind: 'xlsx', path: px, definition: { ...def, pseudonymise: true }, ctx, now: NOW }));
  console.log(`XLSX pseudonymised (again, tokens stored): ${sec(p2Ms)}; peak ${peakMb()} MB`);

  let chromium = true;
  try {
    findChromium();
  } catch {
    chromium = false;
  }
  if (chromium) {
    const pdf = join(dir, 'report.pdf');
    const [p, pdfMs] = await timed(() => exportReport({ ws, kind: 'pdf', path: pdf, definition: def, ctx, now: NOW }));
    console.log(
      `PDF (headless Chromium): ${sec(pdfMs)}, ${p.pages} pages, ${(statSync(pdf).size / 1e6).toFixed(2)} MB; peak RSS of this process ${peakMb()} MB (Chromium runs in its own processes)`,
    );
  } else {
    console.log('PDF: skipped, no Chromium (set RWB_CHROMIUM)');
  }
  await ws.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
