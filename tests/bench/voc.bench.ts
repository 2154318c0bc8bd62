// Voice-of-the-customer benchmark: `npm run bench -- voc [comments]` (default 100,000).
// Each task runs in its own child process, so its time and peak memory (getrusage maxRSS) are its own:
//   jieba-cut   the peer: @node-rs/jieba's own cut (HMM on, its dictionary only) over every comment,
//               nothing else: the floor any theme analysis built on it pays
//   themes      what `voc.analyse` does, on a workspace holding N survey comments: read them from
//               SQLite, segment with the engagement's lexicon, assign themes and sentiment, measure
//               each theme's NPS effect, scan for communication signals
// Comments are the demo generator's (seeded), so every run sees the same text. Target: themes for
// 100,000 comments under 10 s.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../electron/backend/demo/generator/prng';
import { surveyComment, THEMES, type Theme } from '../../electron/backend/demo/generator/texts';

const args = process.argv.slice(2);
const child = args[0] === '--child' ? (args[1] as string) : null;
const N = Number((child ? args[2] : args[0]) ?? 100_000);
const dataFile = child ? (args[3] as string) : '';

interface Comment {
  key: string;
  date: string;
  nps: number;
  text: string;
}

function comments(n: number): Comment[] {
  const rng = new Rng(20261204);
  const out: Comment[] = [];
  while (out.length < n) {
    const nps = rng.int(0, 10);
    const issues: Theme[] = rng.chance(0.5) ? [rng.pick(THEMES)] : [];
    const text = surveyComment(nps, issues, rng);
    if (!text) continue;
    const day = String(1 + (out.length % 28)).padStart(2, '0');
    out.push({ key: `KH${String(out.length % 5000).padStart(5, '0')}`, date: `2026-0${1 + (out.length % 9)}-${day}`, nps, text });
  }
  return out;
}

interface Timed {
  ms: number;
  cpuMs: number;
  detail: string;
}

function timed(work: () => Promise<string> | string): Promise<Timed> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  return Promise.resolve(work()).then((detail) => {
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, detail };
  });
}

async function jiebaCut(data: Comment[]): Promise<Timed> {
  const { plainSegmenter } = await import('../../electron/backend/voc/segment');
  const seg = plainSegmenter();
  seg.cut('预热');
  return timed(() => {
    let words = 0;
    for (const c of data) words += seg.cut(c.text).length;
    return `${words} words`;
  });
}

async function themes(data: Comment[]): Promise<Timed> {
  const { newWorkspace } = await import('../helpers/workspace');
  const { computeThemes } = await import('../../electron/backend/voc/themes-run');
  const { defaultVocConfig } = await import('../../shared/voc/config');
  const ws = await newWorkspace(mkdtempSync(join(tmpdir(), 'rwb-voc-bench-')));
  const ins = ws.sqlite.prepare(`insert into surveys (customer_key, date, nps, csat, comment, row_key) values (?, ?, ?, null, ?, ?)`);
  ws.sqlite.transaction(() => data.forEach((c, i) => ins.run(c.key, c.date, c.nps, c.text, `s${i}`)))();
  const config = defaultVocConfig();
  const out = await timed(async () => {
    const r = await computeThemes(ws.sqlite, { params: { sources: ['survey'], scope: { from: null, to: null }, examplesPerTheme: 3 }, config });
    const a = r.result.analysis;
    return `${a.comments} comments, ${a.coveragePct?.toFixed(1)}% in a theme, ${a.themes.filter((t) => t.comments > 0).length} themes, ${r.result.communication.counts.complaint} complaint sentences`;
  });
  await ws.close();
  return out;
}

async function runChild(task: string): Promise<void> {
  const data = JSON.parse(readFileSync(dataFile, 'utf8')) as Comment[];
  const out = task === 'jieba-cut' ? await jiebaCut(data) : await themes(data);
  process.stdout.write(JSON.stringify({ ...out, peakMb: process.resourceUsage().maxRSS / 1024 }));
}

if (child) {
  await runChild(child);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'rwb-voc-bench-'));
  const file = join(dir, 'comments.json');
  const data = comments(N);
  writeFileSync(file, JSON.stringify(data));
  const chars = data.reduce((s, c) => s + c.text.length, 0);
  console.log(
    `voc benchmark: ${N.toLocaleString('en')} survey comments (${(chars / N).toFixed(1)} characters on average), ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(1)}`,
  );
  for (const task of ['jieba-cut', 'themes']) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', task, String(N), file], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) {
      console.log(`${task}: failed\n${r.stderr}`);
      continue;
    }
    const out = JSON.parse(r.stdout) as { ms: number; cpuMs: number; peakMb: number; detail: string };
    console.log(
      `${task.padEnd(10)} ${(out.ms / 1000).toFixed(2).padStart(6)} s wall  ${(out.cpuMs / 1000).toFixed(2).padStart(6)} s CPU  peak ${out.peakMb.toFixed(0)} MB  ${out.detail}`,
    );
  }
  console.log('target: themes for 100,000 comments under 10 s');
}
