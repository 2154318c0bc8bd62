// `npm run fuzz -- --count N [--seed S] [--jobs J] [--only I,J] [--timeout-ms T] [--memory-mb M] [--verbose]`:
// mutated CSV and XLSX files through the real import, one process each; prints the counts, the cases
// that crashed, hung, blew up or broke the workspace, and a final line with the figures.
import { parseArgs } from 'node:util';
import { finalLine, runFuzz, type CaseResult, type Verdict } from './runner';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '200' },
    seed: { type: 'string' },
    jobs: { type: 'string', default: '2' },
    only: { type: 'string' },
    'timeout-ms': { type: 'string' },
    'memory-mb': { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const count = Number(values.count);
let done = 0;
let integrity = 0;
const counts: Record<Verdict, number> = { refused: 0, rejects: 0, clean: 0, crash: 0, hang: 0, blowup: 0 };
const summary = await runFuzz({
  count,
  seed,
  jobs: Number(values.jobs),
  only: values.only?.split(',').map(Number),
  timeoutMs: values['timeout-ms'] === undefined ? undefined : Number(values['timeout-ms']),
  memoryMb: values['memory-mb'] === undefined ? undefined : Number(values['memory-mb']),
  onResult: (r: CaseResult) => {
    done++;
    counts[r.verdict]++;
    if (r.integrity !== 'ok') integrity++;
    const bad = r.integrity !== 'ok' || !['refused', 'rejects', 'clean'].includes(r.verdict);
    if (values.verbose || bad)
      process.stdout.write(
        `${bad ? '!!' : '  '} #${r.index} ${r.kind} ${r.bytes} B: ${r.verdict} ${r.detail} (${r.workMs ?? r.ms} ms, ${r.peakMb} MB)${r.integrity === 'ok' ? '' : ` integrity: ${r.integrity}`}\n`,
      );
    if (done % 100 === 0) {
      const c = counts;
      process.stdout.write(
        `  ${done} cases: ${c.refused} refused, ${c.rejects} with rejects, ${c.clean} clean, ${c.crash} crashes, ${c.hang} hangs, ${c.blowup} blow-ups, ${integrity} integrity failures\n`,
      );
    }
  },
});
const c = summary.counts;
process.stdout.write(
  `\nrefused with a code ${c.refused}\nimported with rejects ${c.rejects}\nimported clean ${c.clean}\ncrashes ${c.crash}\nhangs ${c.hang}\nmemory blow-ups ${c.blowup}\nintegrity failures ${summary.integrityFailures}\nwall ${(summary.wallMs / 1000).toFixed(1)} s\n\n${finalLine(summary)}\n`,
);
process.exit(summary.failures.length === 0 ? 0 : 1);
