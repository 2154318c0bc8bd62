#!/usr/bin/env node
// `npm run bench -- <name> [args]`: runs tests/bench/<name>.bench.ts with tsx. No name: lists them.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureProjectNode } from './project-node.mjs';

ensureProjectNode('npm run bench');
const root = join(import.meta.dirname, '..');
const dir = join(root, 'tests/bench');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
const [name, ...rest] = process.argv.slice(2);
if (!name || !names.includes(name)) {
  process.stdout.write(`usage: npm run bench -- <${names.join('|') || 'none yet'}> [args]\n`);
  process.exit(name ? 1 : 0);
}
const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(dir, `${name}.bench.ts`), ...rest], { stdio: 'inherit' });
process.exit(r.status ?? 1);
