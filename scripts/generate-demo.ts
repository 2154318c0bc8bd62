import { resolve } from 'node:path';
import { generateDemo } from '../electron/backend/demo/generator/index';

// Regenerates resources/demo/ (or the directory given as the first argument):
//   ../shared/tools/node24 npx tsx scripts/generate-demo.ts [outDir]
// Deterministic: the same bytes on every run, so a diff in git means the generator changed.

const outDir = resolve(process.argv[2] ?? 'resources/demo');
const { files, manifest } = await generateDemo(outDir);
for (const f of files) console.log(`${f.file.padEnd(40)} ${String(f.rows).padStart(7)} rows ${String(f.bytes).padStart(9)} bytes`);
console.log(`top revenue shares: ${manifest.revenueShareLast12Months.map((r) => `${r.customer} ${(r.share * 100).toFixed(1)}%`).join(', ')}`);
console.log(`written to ${outDir}`);
